#!/usr/bin/env bash
# Run every Hashiya test, fail fast naming the failing stage, and print per-stage timings.
# Works headless (CI=true, no DISPLAY, no stdin): the desktop stage starts its own Xvfb.
#   bash scripts/test-all.sh            every stage (what CI runs)
#   bash scripts/test-all.sh 5 7        only stages 5 and 7 (after install-deps), e.g. while iterating
# Stage 8 builds the release app and its .deb (scripts/package.sh), installs it (root) and starts the installed app.
set -euo pipefail
SCRIPT_TAG=test
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
exec </dev/null

export HASHIYA_BIN="$TARGET_DIR/debug/hashiya"
export HASHIYA_DESKTOP_BIN="$TARGET_DIR/debug/hashiya-desktop"

ONLY=" $* "
for a in "$@"; do
  case "$a" in [0-8]) ;; *) die "unknown stage '$a' (stages are 0-8)" ;; esac
done

NAMES=()
TIMES=()
RESULTS=()
T0=$(date +%s)

summary() {
  local i
  echo
  say "stage timings:"
  for i in "${!NAMES[@]}"; do
    printf '  %-34s %-8s %5ss\n' "${NAMES[$i]}" "${RESULTS[$i]}" "${TIMES[$i]}"
  done
  printf '  %-34s %-8s %5ss\n' "total" "" "$(($(date +%s) - T0))"
}

# wanted NAME: true unless stage numbers were given and NAME's number is not among them
# (install-deps, which has no number, always runs).
wanted() {
  [ "$ONLY" = "  " ] && return 0
  case "${1:0:1}" in [0-9]) ;; *) return 0 ;; esac
  case "$ONLY" in *" ${1:0:1} "*) return 0 ;; esac
  return 1
}

# stage NAME FUNCTION: run FUNCTION in a subshell with errexit active (even for multi-command stages).
stage() {
  local name=$1 fn=$2 start rc
  if ! wanted "$name"; then return 0; fi
  say "=== stage: $name"
  start=$(date +%s)
  set +e
  (set -e; "$fn")
  rc=$?
  set -e
  NAMES+=("$name")
  TIMES+=("$(($(date +%s) - start))")
  if [ "$rc" -eq 0 ]; then
    RESULTS+=("ok")
  else
    RESULTS+=("FAILED")
    summary
    die "stage '$name' failed (exit code $rc); see the output above"
  fi
}

skip() {
  local name=$1 why=$2
  if ! wanted "$name"; then return 0; fi
  say "=== stage: $name: SKIPPED ($why)"
  NAMES+=("$name")
  TIMES+=(0)
  RESULTS+=("skipped")
}

deps()          { bash scripts/install-deps.sh; }
hygiene()       { cargo fmt --all --check && cargo clippy --all-targets -- -D warnings; }
core_tests()    { cargo test; }
ui_unit()       { npm --prefix ui test; }
ui_build()      { npm --prefix ui run build; }
cli_build()     { cargo build; }
browser_e2e()   { npm --prefix tests/e2e test; }
python_tests()  { .venv/bin/python -m pytest tests/python -q; }
desktop_build() { cargo clippy -p hashiya-desktop --all-targets -- -D warnings && cargo build -p hashiya-desktop; }
desktop_e2e()   { .venv/bin/python -m pytest tests/desktop -q; }
desktop_deb()   { bash scripts/package.sh && .venv/bin/python -m pytest tests/package -q -s; }

stage "install-deps" deps
stage "0 hygiene: rustfmt, clippy" hygiene
stage "1 core: cargo test" core_tests
if [ -f ui/package.json ]; then
  stage "2 ui: vitest" ui_unit
  stage "3 ui: build" ui_build
else
  skip "2 ui: vitest" "ui/package.json not there yet"
  skip "3 ui: build" "ui/package.json not there yet"
fi
stage "4 cli: cargo build" cli_build
if [ -f tests/e2e/package.json ]; then
  stage "5 browser e2e" browser_e2e
else
  skip "5 browser e2e" "tests/e2e/package.json not there yet"
fi
if [ -d tests/python ]; then
  stage "6 python consumers: pytest" python_tests
else
  skip "6 python consumers: pytest" "tests/python not there yet"
fi
if wanted 7 && [ ! -f ui/dist/index.html ]; then
  die "ui/dist/index.html is missing: the desktop app embeds the built UI (stage 3 should have built it)"
fi
stage "7a desktop: clippy, cargo build" desktop_build
stage "7b desktop e2e (tauri-driver)" desktop_e2e
stage "8 desktop package: .deb, installed" desktop_deb

summary
say "all tests passed"
