# Shared helpers for scripts/*.sh (sourced, not run). Sets ROOT, TARGET_DIR, PATH and say/die.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# cargo-installed tools (tauri-driver) and a rustup toolchain live here when not already on PATH.
if [ -d "$HOME/.cargo/bin" ]; then
  case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) PATH="$HOME/.cargo/bin:$PATH" ;; esac
fi
export PATH
case "${CARGO_TARGET_DIR:-}" in
  "") TARGET_DIR="$ROOT/target" ;;
  /*) TARGET_DIR="$CARGO_TARGET_DIR" ;;
  *) TARGET_DIR="$ROOT/$CARGO_TARGET_DIR" ;;
esac

say() { printf '\033[1m[%s]\033[0m %s\n' "${SCRIPT_TAG:-hashiya}" "$*"; }
warn() { printf '\033[1;33m[%s] warning:\033[0m %s\n' "${SCRIPT_TAG:-hashiya}" "$*" >&2; }
die() { printf '\033[1;31m[%s] error:\033[0m %s\n' "${SCRIPT_TAG:-hashiya}" "$*" >&2; exit 1; }

# No colours when not on a terminal (CI logs).
if [ ! -t 1 ]; then
  say() { printf '[%s] %s\n' "${SCRIPT_TAG:-hashiya}" "$*"; }
  warn() { printf '[%s] warning: %s\n' "${SCRIPT_TAG:-hashiya}" "$*" >&2; }
  die() { printf '[%s] error: %s\n' "${SCRIPT_TAG:-hashiya}" "$*" >&2; exit 1; }
fi
