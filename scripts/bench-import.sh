#!/usr/bin/env bash
# Import benchmark: N news-size (≈3,000-character) Arabic articles × S spans in native JSONL, imported
# by the release CLI into a new project (stored, then indexed for search; wall time and peak RSS),
# beside the practical ceilings: a plain SQLite insert of the same rows in one transaction, without
# and with an FTS5 index. Usage: scripts/bench-import.sh [ARTICLES] [SPANS]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
S="${2:-20}"
DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/hashiya-bench}"
mkdir -p "$DIR"
SRC="$DIR/import-$N-$S.jsonl"
DB="$DIR/import.hashiya"

cargo build --release --quiet --bin hashiya --example bench_import
[ -f "$SRC" ] || target/release/examples/bench_import gen "$SRC" "$N" "$S"
rm -rf "$DB" "$DB-wal" "$DB-shm" "$DB.backups"
/usr/bin/time -f "%e %M" -o "$DIR/time.txt" target/release/hashiya --db "$DB" import "$SRC" >"$DIR/import.out" 2>"$DIR/import.err"
read -r total kb < "$DIR/time.txt"
stored=$(grep -o 'stored in [0-9.]*' "$DIR/import.err" | awk '{print $3}')
indexed=$(grep -o 'for search in [0-9.]*' "$DIR/import.err" | awk '{print $4}')
plain=$(target/release/examples/bench_import ceiling "$DIR/ceiling.sqlite" "$SRC")
plain_fts=$(target/release/examples/bench_import ceiling "$DIR/ceiling.sqlite" "$SRC" fts)
rm -f "$DIR/ceiling.sqlite"*
mb=$(( $(stat -c %s "$SRC") / 1000000 ))

awk -v n="$N" -v s="$S" -v mb="$mb" -v total="$total" -v kb="$kb" -v stored="$stored" -v indexed="$indexed" -v plain="$plain" -v pf="$plain_fts" 'BEGIN {
  printf "%-46s %9s %13s %10s\n", "import of " n " articles × " s " spans (" mb " MB)", "seconds", "articles/s", "peak RSS";
  printf "%-46s %9.2f %13.0f\n", "hashiya: stored and openable", stored, n / stored;
  printf "%-46s %9.2f %13.0f\n", "hashiya: search index catching up", indexed, n / indexed;
  printf "%-46s %9.2f %13.0f %7.0f MB\n", "hashiya import, total (search complete)", total, n / total, kb / 1024;
  printf "%-46s %9.2f %13.0f\n", "ceiling: plain SQLite insert, one transaction", plain, n / plain;
  printf "%-46s %9.2f %13.0f\n", "ceiling: the same with an FTS5 index", pf, n / pf;
  printf "%-46s %22.0f%%\n", "stored rate / plain insert", 100 * plain / stored;
  printf "%-46s %22.0f%%\n", "total rate / insert with FTS5", 100 * pf / total;
}'
