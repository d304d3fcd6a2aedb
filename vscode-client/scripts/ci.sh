#!/usr/bin/env bash
# Everything CI does for the VS Code client once Maven has built the server jar and the fake model
# server's jar: install, build, unit tests, package the .vsix,
# install code-server from the shared tools, and run the end-to-end test in it.
#
# GPTOSS_SHARED (default: ../shared beside the repository) and CODE_SERVER_DIR (default:
# vscode-client/.e2e/cs, git-ignored) may be set to other folders.
set -euo pipefail

client="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="$(cd "$client/.." && pwd)"
shared="${GPTOSS_SHARED:-$repo/../shared}"
code_server_dir="${CODE_SERVER_DIR:-$client/.e2e/cs}"

step() { printf '\n==> %s\n' "$*"; }

for needed in "$repo/server/target/gptoss-ls.jar" "$repo/fake-model/target/gptoss-fake-model-runnable.jar" "$shared/tools/code-server/install.sh"; do
  if [[ ! -e "$needed" ]]; then
    echo "vscode-client/scripts/ci.sh: $needed is missing (build the server with Maven first; shared/ must be beside the repository)" >&2
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
step "package the .vsix"
npm run package
step "install code-server into $code_server_dir"
bash "$shared/tools/code-server/install.sh" "$code_server_dir"
step "end-to-end test in code-server"
CODE_SERVER_DIR="$code_server_dir" npm run test:e2e
