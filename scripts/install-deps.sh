#!/usr/bin/env bash
# Install what Hashiya needs to build, run and test. Idempotent: installs only what is missing.
#   apt packages (with sudo when not root), npm packages of ui/ and tests/e2e/, the Python venv .venv,
#   and tauri-driver (cargo install). Rust itself must already be installed (rustup is not reachable here).
set -euo pipefail
SCRIPT_TAG=deps
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

# ---- apt -------------------------------------------------------------------------------------
APT_PKGS=(build-essential pkg-config libwebkit2gtk-4.1-dev xvfb xauth webkit2gtk-driver chromium
          fonts-noto-core python3-venv python3-pip imagemagick)
# Keep an existing Node.js (e.g. from nvm or NodeSource); Debian's only when there is none.
command -v node >/dev/null 2>&1 || APT_PKGS+=(nodejs)
command -v npm >/dev/null 2>&1 || APT_PKGS+=(npm)

missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || die "missing system packages (${missing[*]}) and no apt-get: install them by hand"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing system packages (${missing[*]}); run as root or install sudo"
    SUDO=(sudo)
  fi
  say "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" apt-get install -y -q "${missing[@]}"
else
  say "apt: all ${#APT_PKGS[@]} packages present"
fi

# ---- Rust ------------------------------------------------------------------------------------
command -v cargo >/dev/null 2>&1 ||
  die "cargo not found: install Rust (1.85 or newer, e.g. with rustup) and make sure ~/.cargo/bin is on PATH"
say "rust: $(cargo --version)"

# ---- npm -------------------------------------------------------------------------------------
# `npm ci` when node_modules is missing or package-lock.json is newer than npm's record of the last
# install (node_modules/.package-lock.json): a pull or checkout that changed the lock file triggers it.
npm_install() {
  local dir=$1
  [ -f "$dir/package.json" ] || { say "npm: $dir/package.json not there yet, skipping"; return 0; }
  local lock="$dir/package-lock.json" record="$dir/node_modules/.package-lock.json"
  [ -f "$lock" ] || lock="$dir/package.json"
  if [ -d "$dir/node_modules" ] && [ -f "$record" ] && [ ! "$lock" -nt "$record" ]; then
    say "npm: $dir up to date"
    return 0
  fi
  if [ -f "$dir/package-lock.json" ]; then
    say "npm: npm ci in $dir"
    if ! npm ci --prefix "$dir" --no-audit --no-fund; then
      # Seen with registries that serve only this platform's optional packages (rollup/esbuild
      # binaries): the lock then lacks the other platforms' entries and `npm ci` refuses it.
      warn "npm ci failed in $dir (lock file not in sync with package.json?); falling back to npm install"
      npm install --prefix "$dir" --no-audit --no-fund
      if command -v git >/dev/null 2>&1 && ! git diff --quiet -- "$dir/package-lock.json" 2>/dev/null; then
        warn "npm install changed $dir/package-lock.json: review and commit it"
      fi
    fi
  else
    warn "$dir has no package-lock.json: running npm install (commit the lock file it writes)"
    npm install --prefix "$dir" --no-audit --no-fund
  fi
}
npm_install ui
npm_install tests/e2e
# The Tauri bundler for scripts/package.sh: the npm package @tauri-apps/cli (a devDependency of ui/) carries it.
[ ! -f ui/package.json ] || [ -x ui/node_modules/.bin/tauri ] ||
  die "ui/node_modules/.bin/tauri is missing after npm install (package @tauri-apps/cli): rerun npm ci --prefix ui"

# ---- Python ----------------------------------------------------------------------------------
REQS=()
for r in tests/python/requirements.txt tests/desktop/requirements.txt; do
  if [ -f "$r" ]; then REQS+=("$r"); else say "python: $r not there yet, skipping"; fi
done
if [ ! -x .venv/bin/python ]; then
  say "python: creating .venv"
  python3 -m venv .venv
fi
if [ "${#REQS[@]}" -gt 0 ]; then
  want=$(cat "${REQS[@]}" | sha256sum | cut -d' ' -f1)
  stamp=.venv/.hashiya-installed
  if [ "$(cat "$stamp" 2>/dev/null || true)" = "$want" ]; then
    say "python: .venv up to date"
  else
    req_args=()
    for r in "${REQS[@]}"; do req_args+=(-r "$r"); done
    say "python: pip install ${req_args[*]}"
    .venv/bin/python -m pip install -q --disable-pip-version-check "${req_args[@]}"
    echo "$want" >"$stamp"
  fi
fi

# ---- tauri-driver ----------------------------------------------------------------------------
if command -v tauri-driver >/dev/null 2>&1; then
  say "tauri-driver: $(command -v tauri-driver)"
else
  say "tauri-driver: cargo install tauri-driver --version '^2' --locked (about a minute)"
  cargo install tauri-driver --version '^2' --locked
fi
command -v WebKitWebDriver >/dev/null 2>&1 || die "WebKitWebDriver not found (apt package webkit2gtk-driver)"
say "done"
