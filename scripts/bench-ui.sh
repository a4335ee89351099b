#!/usr/bin/env bash
# UI benchmark: a 100,000-character article with 5,000 spans opened and edited in Chromium; prints a table.
# Uses $HASHIYA_BIN (default target/debug/hashiya, built with `cargo build` when missing) and ui/dist (built here).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${HASHIYA_BIN:-}" ] && [ ! -x target/debug/hashiya ]; then cargo build; fi
npm --prefix ui run build >/dev/null
[ -d tests/e2e/node_modules ] || npm --prefix tests/e2e ci
node tests/e2e/bench/ui-bench.mjs
