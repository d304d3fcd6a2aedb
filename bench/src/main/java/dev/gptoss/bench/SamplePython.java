package dev.gptoss.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A Python module of a fixed number of lines that reads like application code: imports, dataclasses,
 * classes with docstrings and methods that loop, branch and call each other. The same every run.
 */
final class SamplePython {
    private static final String[] NOUNS = {"order", "invoice", "customer", "shipment", "payment", "account",
        "report", "session", "ticket", "product", "warehouse", "schedule", "budget", "message", "profile"};
    private static final String[] VERBS = {"load", "validate", "normalize", "merge", "summarize", "export",
        "refresh", "apply", "collect", "render", "score", "archive"};
    private static final int MAIN_MIN_LINES = 6;

    private SamplePython() {
    }

    static List<String> lines(int count) {
        var random = new Random(20_250_805L);
        var lines = new ArrayList<>(header());
        for (int n = 0; ; n++) {
            List<String> block = classBlock(n, new Random(random.nextLong()));
            if (lines.size() + block.size() + MAIN_MIN_LINES > count) {
                break;
            }
            lines.addAll(block);
        }
        lines.addAll(mainFunction(count - lines.size()));
        return lines;
    }

    private static List<String> header() {
        return List.of(
                "\"\"\"Back-office services: orders, invoices and the reports built from them.\"\"\"",
                "",
                "from __future__ import annotations",
                "",
                "import json",
                "import logging",
                "from dataclasses import dataclass, field",
                "from datetime import datetime, timedelta",
                "from typing import Iterable, Optional",
                "",
                "log = logging.getLogger(__name__)",
                "",
                "");
    }

    private static List<String> classBlock(int n, Random random) {
        String noun = NOUNS[n % NOUNS.length];
        String type = capitalize(noun) + "Service" + (n / NOUNS.length == 0 ? "" : Integer.toString(n / NOUNS.length));
        var lines = new ArrayList<String>();
        lines.add("@dataclass");
        lines.add("class " + type + ":");
        lines.add("    \"\"\"Keeps " + noun + " records in memory and answers questions about them.\"\"\"");
        lines.add("");
        lines.add("    name: str");
        lines.add("    limit: int = " + (10 + random.nextInt(90)));
        lines.add("    items: dict[str, dict] = field(default_factory=dict)");
        lines.add("    updated_at: Optional[datetime] = None");
        int methods = 3 + random.nextInt(3);
        for (int m = 0; m < methods; m++) {
            lines.add("");
            lines.addAll(method(noun, VERBS[(n + m * 5) % VERBS.length], random));
        }
        lines.add("");
        lines.add("");
        return lines;
    }

    private static List<String> method(String noun, String verb, Random random) {
        String arg = noun + "s";
        int threshold = 1 + random.nextInt(500);
        var lines = new ArrayList<String>();
        lines.add("    def " + verb + "_" + arg + "(self, " + arg + ": Iterable[dict], since: Optional[datetime] = None) -> int:");
        lines.add("        \"\"\"" + capitalize(verb) + " the given " + arg + "; returns how many were kept.\"\"\"");
        lines.add("        kept = 0");
        lines.add("        cutoff = since or datetime.now() - timedelta(days=" + (1 + random.nextInt(30)) + ")");
        lines.add("        for record in " + arg + ":");
        lines.add("            key = str(record.get(\"id\", \"\")).strip()");
        lines.add("            if not key or record.get(\"created_at\", cutoff) < cutoff:");
        lines.add("                continue");
        if (random.nextBoolean()) {
            lines.add("            amount = float(record.get(\"amount\", 0.0))");
            lines.add("            if amount > " + threshold + ":");
            lines.add("                log.info(\"large " + noun + " %s: %.2f\", key, amount)");
        }
        lines.add("            self.items[key] = {**self.items.get(key, {}), **record}");
        lines.add("            kept += 1");
        lines.add("            if kept >= self.limit:");
        lines.add("                break");
        lines.add("        self.updated_at = datetime.now()");
        lines.add("        return kept");
        return lines;
    }

    /** Exactly {@code size} lines, so the module has the requested length. */
    private static List<String> mainFunction(int size) {
        var lines = new ArrayList<String>();
        lines.add("def main() -> int:");
        for (int i = 0; lines.size() < size - 2; i++) {
            lines.add("    print(json.dumps({\"step\": " + i + ", \"at\": datetime.now().isoformat()}))");
        }
        lines.add("    return 0");
        lines.add("");
        return lines;
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
