#!/usr/bin/env bash
# Build and start Hashiya: the desktop app when a display is available, otherwise browser mode.
#   bash scripts/run-app.sh [FILE]     FILE: a project file (created if missing); default: the demo project
set -euo pipefail
SCRIPT_TAG=run
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ "$#" -le 1 ] || die "usage: bash scripts/run-app.sh [FILE]"
FILE=""
if [ "$#" -eq 1 ]; then
  # Resolve against the caller's directory before changing to the repository root.
  FILE=$(realpath -m -- "$1")
fi
cd "$ROOT"

say "checking dependencies"
bash scripts/install-deps.sh
say "building the UI (npm --prefix ui run build)"
npm --prefix ui run build

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  say "display found: building the desktop app (cargo build -p hashiya-desktop; the first build takes several minutes)"
  cargo build -p hashiya-desktop
  say "starting hashiya-desktop ${FILE:-(demo project)}"
  exec "$TARGET_DIR/debug/hashiya-desktop" ${FILE:+"$FILE"}
else
  say "no display (DISPLAY/WAYLAND_DISPLAY unset): browser mode"
  cargo build
  say "starting hashiya serve ${FILE:-(demo project)}; open the URL it prints"
  exec "$TARGET_DIR/debug/hashiya" ${FILE:+--db "$FILE"} serve
fi
