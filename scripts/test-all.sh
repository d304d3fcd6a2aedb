#!/usr/bin/env bash
# Runs every test of the project: the Maven build's unit, protocol and integration tests (the runtime
# image's among them), the Debian package installed, run and removed, then the
# VS Code client's unit tests and the real-editor tests (VS Code in code-server, Neovim 0.12 and
# 0.7, Emacs with eglot, the README's commands). What they need beyond Java, Maven and Node is
# installed by scripts/install-test-tools.sh (root or sudo the first time; see the README).
# Every part runs even if an earlier one failed; the exit status says whether all passed.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
part() {
  local name=$1; shift
  printf '\n==> %s\n' "$name"
  # Shown as it runs and kept, so a failed part's last lines can be repeated at the end, where a
  # CI log that keeps only its tail still shows why. (tee in a process substitution, which is not
  # waited for: a process a part leaves behind cannot hold the run open.)
  local log=$logs/${#failed[@]}-$RANDOM.log
  if ! "$@" > >(tee "$log") 2>&1; then
    failed+=("$name")
    failed_logs+=("$log")
  fi
}
failed_logs=()
# Repeats each failed part's last lines, where a CI log that keeps only its tail still shows them.
report_failures() {
  sleep 1 # the last part's tee may still be writing its log
  for i in "${!failed[@]}"; do
    printf '\n==> the last lines of the failed part "%s"\n' "${failed[i]}"
    tail -n 40 "${failed_logs[i]}"
  done
}

part "Maven: build and tests" mvn -B -ntp verify
if [[ ! -f server/target/gptoss-ls.jar || ! -f fake-model/target/gptoss-fake-model-runnable.jar
      || ! -x dist/target/gptoss-ls/bin/gptoss-ls ]]; then
  report_failures
  echo "test-all.sh: the Maven build made no jars or no runtime image; the editor tests cannot run" >&2
  exit 1
fi
part "Debian package: install, run, remove" bash scripts/test-deb.sh
part "test tools" bash scripts/install-test-tools.sh
part "VS Code client" bash vscode-client/scripts/ci.sh
part "real editors" node editors/run.mjs

if ((${#failed[@]})); then
  report_failures
  printf '\ntest-all.sh: FAILED: %s\n' "${failed[*]}" >&2
  exit 1
fi
printf '\ntest-all.sh: every part passed\n'
