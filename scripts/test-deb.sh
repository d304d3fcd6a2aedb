#!/usr/bin/env bash
# The Debian package as a user gets it: installed with the README's command, `gptoss-ls status`
# against the project's fake model server (no Java on PATH, only /usr/bin/gptoss-ls), then removed,
# leaving no file behind. Needs root (or sudo) and the package built by Maven
# (dist/target/gptoss-ls_*.deb). Installs into the real system, so it holds a lock while it runs.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root=()
if [[ $(id -u) != 0 ]]; then
  if ! sudo -n true 2>/dev/null; then
    echo "test-deb.sh: needs root or passwordless sudo to install the package" >&2
    exit 1
  fi
  as_root=(sudo -n)
fi
shopt -s nullglob
debs=(dist/target/gptoss-ls_*.deb)
if ((${#debs[@]} != 1)); then
  echo "test-deb.sh: expected one dist/target/gptoss-ls_*.deb, found ${#debs[@]} (build it: mvn -B -ntp package -DskipTests)" >&2
  exit 1
fi
if dpkg -s gptoss-ls >/dev/null 2>&1; then
  echo "test-deb.sh: gptoss-ls is installed already; remove it first (apt remove gptoss-ls)" >&2
  exit 1
fi

failed=0
check() { # check NAME COMMAND...
  local name=$1; shift
  if "$@"; then echo "ok   deb: $name"; else echo "FAIL deb: $name"; failed=1; fi
}

work=$(mktemp -d)
fake_pid=
# Keeps the script's exit status: a stopped fake's status (143) must not become the script's.
cleanup() {
  local status=$?
  if [[ -n $fake_pid ]]; then
    kill "$fake_pid" 2>/dev/null || true
    wait "$fake_pid" 2>/dev/null || true
  fi
  if dpkg -s gptoss-ls >/dev/null 2>&1; then
    "${as_root[@]}" dpkg -r gptoss-ls >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
exec 9>/tmp/gptoss-ls-test-deb.lock
flock 9

# The README's install command, as written (sudo only where it is needed).
install=$(awk '/^## Quick start/{q=1} q && /apt install .*gptoss-ls_\*\.deb/{print; exit}' README.md | sed 's/ *#.*//')
check "the README installs the package with one command" test -n "$install"
install=${install#sudo }
echo "     $install"
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" ${install} -y -o DPkg::Lock::Timeout=300 >"$work/install.log" 2>&1 \
  || cat "$work/install.log"
installed() { dpkg -s gptoss-ls >/dev/null 2>&1; }
check "the package installs" installed
if ! installed; then
  echo "test-deb.sh: FAILED: the package did not install (as $(id -un); free in /usr: $(df -h --output=avail /usr | tail -1 | tr -d ' '))" >&2
  exit 1
fi
files=$(dpkg -L gptoss-ls)
check "it installs /usr/bin/gptoss-ls" test -x /usr/bin/gptoss-ls

# A user's shell with no Java: PATH holds only /usr/bin/gptoss-ls (and readlink, which it uses).
mkdir -p "$work/bin" "$work/home/.config/gptoss-ls"
ln -s /usr/bin/gptoss-ls "$work/bin/gptoss-ls"
ln -s "$(command -v readlink)" "$work/bin/readlink"
user_env=(env -i "HOME=$work/home" "XDG_CONFIG_HOME=$work/home/.config" "PATH=$work/bin" "LANG=C.UTF-8")
version=$("${user_env[@]}" gptoss-ls --version 2>&1) || true
echo "$version" | sed 's/^/     /'
check "gptoss-ls --version runs on the installed runtime" grep -q "in /usr/lib/gptoss-ls/lib/runtime" <<<"$version"

# gptoss-ls status against the fake model server, configured in the user's own file.
java -jar fake-model/target/gptoss-fake-model-runnable.jar --port 0 \
  >"$work/fake.out" 2>"$work/fake.log" </dev/null &
fake_pid=$!
for _ in $(seq 100); do grep -q FAKE_BACKEND_URL= "$work/fake.out" && break; sleep 0.2; done
url=$(sed -n 's/^FAKE_BACKEND_URL=//p' "$work/fake.out")
printf '{"gptoss": {"endpoints": [{"name": "local", "url": "%s", "api": "ollama"}]}}\n' "$url" \
  >"$work/home/.config/gptoss-ls/config.json"
status=0
"${user_env[@]}" gptoss-ls status >"$work/status.out" 2>&1 || status=$?
sed 's/^/     /' "$work/status.out"
check "gptoss-ls status finds the model server (exit 0)" test "$status" = 0
if ((status)); then
  echo "     exit $status; the fake model server ($url) logged:"
  tail -n 20 "$work/fake.log" | sed 's/^/     /'
fi

"${as_root[@]}" dpkg -r gptoss-ls >"$work/remove.log" 2>&1 || cat "$work/remove.log"
check "the package is removed" bash -c '! dpkg -s gptoss-ls >/dev/null 2>&1'
left=0
while read -r f; do
  [[ $f == /usr/lib/gptoss-ls* || $f == /usr/bin/gptoss-ls ]] && [[ -e $f || -L $f ]] && { echo "     left: $f"; left=1; }
done <<<"$files"
check "removing it leaves none of its files" test "$left" = 0

if ((failed)); then
  echo "test-deb.sh: FAILED" >&2
  exit 1
fi
echo "test-deb.sh: the Debian package installs, runs and removes cleanly"
