#!/usr/bin/env bash
# install-code-server.sh DIR: code-server 4.100.3 (VS Code 1.100.3 in the browser) and
# playwright-core into DIR, for the extension's end-to-end test, on Debian 12 with Node 20, from the
# npm registry only (no GitHub downloads). Versions are pinned by vscode-client/e2e/tools/package-lock.json.
#
# Debian packages it needs (scripts/install-test-tools.sh installs them): build-essential python3
# pkg-config libkrb5-dev libsecret-1-dev libxkbfile-dev ripgrep chromium.
#
# Why not `npm install code-server`: its postinstall runs `npm install` in lib/vscode, where
# @vscode/ripgrep's postinstall downloads rg from GitHub, and kerberos and argon2 try GitHub
# prebuilds first. So the packages are installed with scripts off and the postinstall's work is done
# here: VS Code's dependencies from its npm-shrinkwrap.json, the native modules compiled against the
# local Node headers, Debian's rg in place of the download, and the links code-server's postinstall makes.
# A native module counts as built when it loads, not when npm exits 0 (node-pty's last step always
# fails here, after pty.node is built).
#
# Idempotent: over a complete install it only checks (a few seconds). Logs: DIR/.install-logs/.
set -euo pipefail

readonly VERSION=4.100.3
client="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly LOCK_DIR="$client/e2e/tools"

die() { printf 'install-code-server.sh: %s\n' "$*" >&2; exit 1; }
note() { printf '==> %s\n' "$*"; }

[[ $# -eq 1 && $1 != -* ]] || die "usage: install-code-server.sh DIR"
mkdir -p "$1"
dir="$(cd "$1" && pwd -P)"
readonly VSCODE="$dir/node_modules/code-server/lib/vscode"
readonly LOGS="$dir/.install-logs"
mkdir -p "$LOGS"

# Two runs at once must not build into the same folder.
exec 9>"$dir/.install.lock"
flock -w 1800 9 || die "another install holds $dir/.install.lock"

command -v node >/dev/null || die "node not found (code-server $VERSION needs Node 20)"
[[ $(node -p 'process.versions.node.split(".")[0]') == 20 ]] ||
  die "code-server $VERSION needs Node 20, this is $(node -v) (later code-server releases need Node 22)"
# node-gyp must find the headers here: it cannot download them.
node_dir="$(node -p 'require("path").resolve(process.execPath, "../..")')"
[[ -f $node_dir/include/node/node_api.h ]] || die "no Node headers in $node_dir/include/node (Debian's and NodeSource's nodejs ship them)"
for tool in rg make g++ python3; do command -v "$tool" >/dev/null || die "$tool not found (run scripts/install-test-tools.sh)"; done
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium not found (run scripts/install-test-tools.sh)"

# logged NAME CMD...: CMD's output goes to $LOGS/NAME.log; on failure its tail is shown.
logged() {
  local log="$LOGS/$1.log"; shift
  "$@" >"$log" 2>&1 && return 0
  tail -n 30 "$log" >&2
  die "failed: $* (log: $log)"
}

# Native modules of VS Code's server and of code-server, with the file each build must leave
# ("" = prebuilt or nothing to build).
declare -rA NATIVE=(
  [vscode:@parcel/watcher]=""
  [vscode:@vscode/deviceid]=""
  [vscode:kerberos]=build/Release/kerberos.node
  [vscode:node-pty]=build/Release/pty.node
  [vscode:@vscode/spdlog]=build/Release/spdlog.node
  [vscode:native-watchdog]=build/Release/watchdog.node
  [code-server:argon2]=lib/binding/napi-v3/argon2.node
)

root_of() { [[ ${1%%:*} == vscode ]] && echo "$VSCODE" || echo "$dir"; }

loads() {
  local root module=${1#*:} binary=${NATIVE[$1]}
  root=$(root_of "$1")
  [[ -z $binary || -f $root/node_modules/$module/$binary ]] &&
    (cd "$root" && node -e 'require(process.argv[1])' "$module") >/dev/null 2>&1
}

build() {
  local root module=${1#*:}
  root=$(root_of "$1")
  loads "$1" && return 0
  note "building $module"
  # build_from_source=<name> makes prebuild-install (kerberos) and node-pre-gyp (argon2) skip their
  # GitHub download; @parcel/watcher builds only for "true", so it keeps its prebuilt binary.
  (cd "$root" && env npm_config_nodedir="$node_dir" npm_config_build_from_source="$module" JOBS=max \
    npm rebuild --foreground-scripts "$module") >"$LOGS/build-${module//\//-}.log" 2>&1 || true
  loads "$1" || { tail -n 30 "$LOGS/build-${module//\//-}.log" >&2; die "$module did not build or does not load"; }
}

# Every piece the test relies on; prints what is wrong.
problems() {
  local key
  [[ -x $dir/node_modules/.bin/code-server ]] || { echo "code-server is not installed"; return; }
  for key in "${!NATIVE[@]}"; do loads "$key" || echo "${key#*:} does not load"; done
  "$VSCODE/node_modules/@vscode/ripgrep/bin/rg" --version >/dev/null 2>&1 || echo "no rg in @vscode/ripgrep/bin"
  [[ -e $VSCODE/node_modules.asar/@vscode/ripgrep ]] || echo "the node_modules.asar link is missing"
  [[ -e $VSCODE/bin/remote-cli/code-server && -e $VSCODE/bin/helpers/browser.sh ]] || echo "bin links missing"
  [[ -f $VSCODE/extensions/node_modules/typescript/lib/typescript.js ]] || echo "the built-in extensions' dependencies are missing"
  (cd "$dir" && node -e 'require("playwright-core").chromium') >/dev/null 2>&1 || echo "playwright-core does not load"
  # Even --version writes a config file and logs under XDG dirs: keep them in the install.
  env XDG_CONFIG_HOME="$LOGS/xdg" XDG_DATA_HOME="$LOGS/xdg" "$dir/node_modules/.bin/code-server" --version \
    --config "$LOGS/xdg/config.yaml" 2>/dev/null | grep -q "^$VERSION " || echo "code-server --version fails"
}

stamp="$(sha256sum "$LOCK_DIR/package-lock.json" | cut -d' ' -f1) node-abi=$(node -p process.versions.modules)"
if [[ -f $dir/.complete && $(<"$dir/.complete") == "$stamp" && -z $(problems) ]]; then
  note "code-server $VERSION found in $dir"
  exit 0
fi
rm -f "$dir/.complete"

if ! cmp -s "$LOCK_DIR/package-lock.json" "$dir/package-lock.json" || [[ ! -x $dir/node_modules/.bin/code-server ]]; then
  note "npm ci code-server $VERSION and playwright-core (scripts off) in $dir"
  cp "$LOCK_DIR/package.json" "$LOCK_DIR/package-lock.json" "$dir/"
  logged npm-ci bash -c "cd '$dir' && npm ci --ignore-scripts --no-audit --no-fund"
fi
note "VS Code's own dependencies (pinned by its npm-shrinkwrap.json, scripts off)"
logged vscode-deps bash -c "cd '$VSCODE' && npm install --omit=dev --ignore-scripts --no-audit --no-fund"
for key in "${!NATIVE[@]}"; do build "$key"; done

mkdir -p "$VSCODE/node_modules/@vscode/ripgrep/bin"
install -m 0755 "$(command -v rg)" "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"
# The links code-server's postinstall.sh makes.
[[ -L $VSCODE/node_modules.asar || ! -e $VSCODE/node_modules.asar ]] || rm -rf "$VSCODE/node_modules.asar"
ln -sfn node_modules "$VSCODE/node_modules.asar"
ln -sfn code-linux.sh "$VSCODE/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VSCODE/bin/helpers/browser.sh"
note "the built-in extensions' dependencies"
logged extensions-deps bash -c "cd '$VSCODE/extensions' && npm install --omit=dev --no-audit --no-fund"

left="$(problems)"
[[ -z $left ]] || die "installed, but: $left (logs in $LOGS)"
printf '%s\n' "$stamp" >"$dir/.complete"
note "code-server $VERSION installed in $dir in ${SECONDS} s"
