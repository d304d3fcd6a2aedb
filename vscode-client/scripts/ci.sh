#!/usr/bin/env bash
# Everything CI does for the VS Code client once Maven has built the server (its jar and its runtime
# image) and the fake model server's jar: install, build, unit tests, package both .vsix forms (the
# universal one with the jar, the platform one with the runtime image), install code-server (the
# project's own scripts/install-code-server.sh; the Debian packages it needs come from
# ../scripts/install-test-tools.sh) and run the end-to-end test in it with the platform .vsix.
#
# CODE_SERVER_DIR (default: .test-tools/code-server in the repository, git-ignored) may be set to
# another folder.
set -euo pipefail

client="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="$(cd "$client/.." && pwd)"
code_server_dir="${CODE_SERVER_DIR:-${GPTOSS_TEST_TOOLS:-$repo/.test-tools}/code-server}"

step() { printf '\n==> %s\n' "$*"; }

for needed in "$repo/server/target/gptoss-ls.jar" "$repo/dist/target/gptoss-ls/bin/gptoss-ls" \
    "$repo/fake-model/target/gptoss-fake-model-runnable.jar"; do
  if [[ ! -e "$needed" ]]; then
    echo "vscode-client/scripts/ci.sh: $needed is missing (build it with Maven first: mvn -B -ntp package -DskipTests)" >&2
    exit 2
  fi
done

cd "$client"
step "npm ci"
npm ci --no-audit --no-fund
step "build"
npm run build
step "unit tests"
npm test
step "package the universal .vsix (the jar)"
npm run package
step "package the platform .vsix (the runtime image)"
npm run package:platform
step "code-server in $code_server_dir"
bash "$client/scripts/install-code-server.sh" "$code_server_dir"
step "end-to-end test in code-server"
CODE_SERVER_DIR="$code_server_dir" npm run test:e2e
