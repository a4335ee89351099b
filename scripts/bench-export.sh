#!/usr/bin/env bash
# Export benchmark: a synthetic project of N articles × S spans exported to `spans` by the release
# CLI (wall time, MB/s, peak RSS from /usr/bin/time), against plain serde_json serialisation of the
# same records held in memory (the ceiling). Usage: scripts/bench-export.sh [ARTICLES] [SPANS_PER_ARTICLE]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
S="${2:-20}"
DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/hashiya-bench}"
mkdir -p "$DIR"
DB="$DIR/p-$N-$S.hashiya"
OUT="$DIR/out.jsonl"

cargo build --release --quiet --bin hashiya --example bench_export
if [ ! -f "$DB" ]; then
  target/release/examples/bench_export gen "$DB" "$N" "$S"
fi

/usr/bin/time -f "%e %M" -o "$DIR/time.txt" target/release/hashiya --db "$DB" export --format spans --out "$OUT" 2>"$DIR/export.log"
read -r secs kb < "$DIR/time.txt"
bytes=$(stat -c %s "$OUT")
serde=$(target/release/examples/bench_export serde "$DB")   # "serde MB MB s SECS MB/s PEAK MB"

awk -v n="$N" -v s="$S" -v secs="$secs" -v kb="$kb" -v bytes="$bytes" -v serde="$serde" 'BEGIN {
  split(serde, f, " ");
  mb = bytes / 1e6;
  printf "%-34s %9s %9s %10s %10s\n", "export of " n " articles × " s " spans", "MB", "seconds", "MB/s", "peak RSS";
  printf "%-34s %9.1f %9.2f %10.1f %7.0f MB\n", "hashiya export --format spans", mb, secs, mb / secs, kb / 1024;
  printf "%-34s %9.1f %9.2f %10.1f %7.0f MB\n", "serde_json in memory (ceiling)", f[2], f[4], f[6], f[8];
  printf "%-34s %30.0f%%\n", "export throughput / ceiling", 100 * (mb / secs) / f[6];
}'
