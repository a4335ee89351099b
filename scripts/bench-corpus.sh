#!/usr/bin/env bash
# Corpus view benchmark: a project of N news-size Arabic articles × S spans (the generator of bench-import.sh),
# imported by the release CLI, served by `hashiya serve`, and measured in headless Chromium: the list's first paint,
# frames over 16 ms while scrolling 10,000 rows, and search from keystroke to the list showing the answer.
# Usage: scripts/bench-corpus.sh [ARTICLES] [SPANS]   (BENCH_DIR keeps the generated files; BENCH_RUNS repeats)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
S="${2:-20}"
DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/hashiya-bench}"
mkdir -p "$DIR"
SRC="$DIR/import-$N-$S.jsonl"
DB="$DIR/corpus-$N-$S.hashiya"

cargo build --release --quiet --bin hashiya --example bench_import
[ -f ui/dist/index.html ] || npm --prefix ui run build
[ -d tests/e2e/node_modules/playwright-core ] || npm --prefix tests/e2e ci
[ -f "$SRC" ] || target/release/examples/bench_import gen "$SRC" "$N" "$S"
if [ ! -f "$DB" ]; then
  echo "importing $N articles into $DB (once; kept for the next run)…" >&2
  target/release/hashiya --db "$DB.part" import "$SRC" >/dev/null 2>"$DIR/corpus-import.err"
  for s in "" -wal -shm; do [ ! -f "$DB.part$s" ] || mv "$DB.part$s" "$DB$s"; done
fi
HASHIYA_BIN="$PWD/target/release/hashiya" node tests/e2e/bench-corpus.mjs "$DB"
