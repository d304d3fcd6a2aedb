// Ruff against the LUKHAS rules, line by line, on test-workspace/lukhas-rules/ruff.
//
// Each case file marks the lines Ruff reports with `ruff: CODE` and the lines LUKHAS reports with
// `expect: pattern` (RuleFixturesTest checks the latter against the server's rules). This script
// runs Ruff itself, fails if the `ruff:` marks are wrong, and prints the agreement table.
//
//   cd scripts/ruff-agreement && npm ci && node agreement.mjs [--annotate]
//
// --annotate prints Ruff's findings per line, for writing new cases.
//
// Other files, such as Ruff's own rule fixtures (not kept in this repository), are compared from a
// list of LUKHAS findings instead of marks:
//
//   java -cp bench-jmh/target/bench-jmh.jar dev.gptoss.ls.actions.PrintFindings DIR > lukhas.txt
//   node agreement.mjs --dir DIR --lukhas lukhas.txt
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";

const CODES = {
  "bare-except": "E722",
  "try-except-pass": "S110",
  "request-without-timeout": "S113",
  "blocking-http-call-in-async-function": "ASYNC210",
  "blocking-http-call-httpx-in-async-function": "ASYNC212",
  "create-subprocess-in-async-function": "ASYNC220",
  "run-process-in-async-function": "ASYNC221",
  "wait-for-process-in-async-function": "ASYNC222",
  "blocking-open-call-in-async-function": "ASYNC230",
  "blocking-sleep-in-async-function": "ASYNC251",
};
const PATTERN = {
  E722: "bare-except", S110: "bare-except", S113: "http-call-without-timeout",
  ASYNC210: "blocking-call-in-async", ASYNC212: "blocking-call-in-async", ASYNC220: "blocking-call-in-async",
  ASYNC221: "blocking-call-in-async", ASYNC222: "blocking-call-in-async", ASYNC230: "blocking-call-in-async",
  ASYNC251: "blocking-call-in-async",
};

const here = dirname(fileURLToPath(import.meta.url));
const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : null);
const cases = option("--dir") ?? join(here, "..", "..", "test-workspace", "lukhas-rules", "ruff");
const listed = option("--lukhas");
const lukhasFindings = new Map();
if (listed) {
  for (const entry of readFileSync(listed, "utf8").trim().split("\n")) {
    const [file, line, pattern] = entry.split(":");
    const key = `${file}:${line}`;
    lukhasFindings.set(key, [...(lukhasFindings.get(key) ?? []), pattern]);
  }
}
const workspace = new Workspace({ lint: { select: Object.values(CODES) } }, PositionEncoding.UTF16);
const annotate = process.argv.includes("--annotate");

function marked(lines, key) {
  const found = new Map();
  lines.forEach((line, i) => {
    const m = line.match(new RegExp(`${key}: ([\\w-]+(?:, [\\w-]+)*)`));
    if (m) found.set(i + 1, m[1].split(", "));
  });
  return found;
}

let wrong = 0;
const rows = [];
for (const file of readdirSync(cases).filter((f) => f.endsWith(".py")).sort()) {
  const text = readFileSync(join(cases, file), "utf8");
  const lines = text.split("\n");
  const ruff = new Map();
  for (const d of workspace.check(text)) {
    const code = CODES[d.code] ?? d.code;
    const line = d.start_location.row;
    ruff.set(line, [...(ruff.get(line) ?? []), code]);
  }
  if (annotate) {
    [...ruff.keys()].sort((a, b) => a - b).forEach((l) => console.log(`${file}:${l}: ${ruff.get(l).join(", ")}`));
    continue;
  }
  const claimed = listed ? ruff : marked(lines, "ruff");
  for (const line of new Set([...ruff.keys(), ...claimed.keys()])) {
    const actual = (ruff.get(line) ?? []).sort().join(", ");
    const said = (claimed.get(line) ?? []).sort().join(", ");
    if (actual !== said) {
      wrong++;
      console.error(`${file}:${line}: Ruff reports [${actual}], the file says [${said}]`);
    }
  }
  const lukhas = listed
    ? new Map(lines.map((_, i) => [i + 1, lukhasFindings.get(`${file}:${i + 1}`) ?? []]))
    : marked(lines, "expect");
  const rule = file.replace(/\.py$/, "");
  const codes = rule === "ASYNC22x" ? ["ASYNC220", "ASYNC221", "ASYNC222"] : [rule];
  const pattern = PATTERN[codes[0]];
  const ruffLines = [...ruff.entries()].filter(([, c]) => c.some((x) => codes.includes(x))).map(([l]) => l);
  const related = [...ruff.entries()].filter(([, c]) => c.some((x) => PATTERN[x] === pattern)).map(([l]) => l);
  const lukhasLines = [...lukhas.entries()].filter(([, p]) => p.includes(pattern)).map(([l]) => l);
  const both = ruffLines.filter((l) => lukhasLines.includes(l)).length;
  const wider = lukhasLines.filter((l) => !related.includes(l)).length;
  rows.push({ rule: codes.join("/"), pattern, ruff: ruffLines.length, both, onlyRuff: ruffLines.length - both, wider });
}
if (!annotate) {
  console.log("| Ruff rule | LUKHAS pattern | lines Ruff reports | LUKHAS too | Ruff only | LUKHAS only |");
  console.log("|---|---|---|---|---|---|");
  let ruffTotal = 0;
  let bothTotal = 0;
  for (const r of rows) {
    console.log(`| ${r.rule} | ${r.pattern} | ${r.ruff} | ${r.both} | ${r.onlyRuff} | ${r.wider} |`);
    ruffTotal += r.ruff;
    bothTotal += r.both;
  }
  console.log(`\nAgreement: LUKHAS reports ${bothTotal} of the ${ruffTotal} lines Ruff reports.`);
  console.log("'LUKHAS only' counts lines no mapped Ruff rule reports (a wider LUKHAS rule).");
}
if (wrong > 0) {
  console.error(`${wrong} ruff: marks disagree with Ruff`);
  process.exit(1);
}
