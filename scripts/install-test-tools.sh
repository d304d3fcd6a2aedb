#!/usr/bin/env bash
# Installs what the end-to-end tests need beyond Java, Maven and Node, on Debian 12:
#   - Debian packages: Neovim 0.7 (neovim), Emacs with eglot (emacs-nox, elpa-eglot), debootstrap,
#     Chromium and what code-server's native modules build with;
#   - Neovim from Debian sid (0.12, with inline completion) in a folder made by debootstrap;
#   - code-server (a real VS Code in the browser) and playwright-core (vscode-client/scripts/install-code-server.sh).
# Everything but the Debian packages goes into GPTOSS_TEST_TOOLS (default: .test-tools in the
# repository, git-ignored). Idempotent: a second run checks what is there (a few seconds) and stops.
# Needs root (or sudo) for apt-get and debootstrap the first time.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${GPTOSS_TEST_TOOLS:-$repo/.test-tools}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

readonly EDITOR_PACKAGES=(neovim emacs-nox elpa-eglot debootstrap)
readonly BROWSER_PACKAGES=(chromium fonts-liberation)
# code-server's native modules compile here (nothing is downloaded from GitHub); its file search is Debian's rg.
readonly BUILD_PACKAGES=(build-essential python3 pkg-config libkrb5-dev libsecret-1-dev libxkbfile-dev ripgrep)

note() { printf '==> %s\n' "$*"; }
die() { printf 'install-test-tools.sh: %s\n' "$*" >&2; exit 1; }

as_root() {
  if ((EUID == 0)); then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "needs root to run: $*"
  fi
}

missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null | grep -q '^ii' || echo "$pkg"
  done
}

install_debian_packages() {
  local missing
  mapfile -t missing < <(missing_packages "${EDITOR_PACKAGES[@]}" "${BROWSER_PACKAGES[@]}" "${BUILD_PACKAGES[@]}")
  ((${#missing[@]} == 0)) && return 0
  note "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 \
    --no-install-recommends "${missing[@]}" >/dev/null
  mapfile -t missing < <(missing_packages "${EDITOR_PACKAGES[@]}" "${BROWSER_PACKAGES[@]}" "${BUILD_PACKAGES[@]}")
  ((${#missing[@]} == 0)) || die "still missing after apt-get install: ${missing[*]}"
}

# Neovim 0.12 is in Debian sid only. debootstrap puts a minimal sid (about 280 MB) with its neovim
# into a folder; the tests run that nvim with sid's own loader and libraries, so nothing of sid is
# installed on the machine. The folder is kept and reused while its Neovim is 0.12 or later.
install_neovim_sid() {
  local root="$tools/neovim-sid"
  if [[ -f $root/.complete ]] && neovim_sid_version "$root" >/dev/null; then
    note "Neovim $(neovim_sid_version "$root") from Debian sid found in $root"
    return 0
  fi
  note "debootstrap Debian sid with neovim into $root (about a minute)"
  as_root rm -rf "$root" "$root.partial"
  mkdir -p "$tools"
  if ! as_root debootstrap --variant=minbase --include=neovim sid "$root.partial" "$mirror" >"$tools/neovim-sid.log" 2>&1; then
    tail -n 20 "$tools/neovim-sid.log" >&2
    die "debootstrap of Debian sid failed (log: $tools/neovim-sid.log)"
  fi
  as_root rm -rf "$root.partial/var/cache/apt/archives"/*.deb
  as_root mv "$root.partial" "$root"
  local version
  version=$(neovim_sid_version "$root") || die "the Neovim debootstrap put into $root does not run (or is older than 0.12)"
  as_root touch "$root/.complete"
  note "Neovim $version from Debian sid in $root"
}

# Prints the version of the Neovim in ROOT if it runs and is 0.12 or later.
neovim_sid_version() {
  local root=$1 version
  version=$(VIMRUNTIME="$root/usr/share/nvim/runtime" "$root/lib64/ld-linux-x86-64.so.2" \
    --library-path "$root/usr/lib/x86_64-linux-gnu:$root/lib/x86_64-linux-gnu" "$root/usr/bin/nvim" --version 2>/dev/null |
    sed -n '1s/^NVIM v\([0-9.]*\).*/\1/p')
  [[ -n $version ]] || return 1
  local major=${version%%.*} rest=${version#*.}
  local minor=${rest%%.*}
  ((major > 0 || minor >= 12)) || return 1
  echo "$version"
}

install_debian_packages
install_neovim_sid
bash "$repo/vscode-client/scripts/install-code-server.sh" "$tools/code-server"
note "test tools ready in $tools"
