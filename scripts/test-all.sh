#!/usr/bin/env bash
# Runs every test of the project: the server's unit and protocol tests, the built jar over stdio,
# and (when its toolchain is present) the VS Code client's tests.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -ntp verify

if [[ -x vscode-client/scripts/ci.sh ]]; then
  vscode-client/scripts/ci.sh
fi
