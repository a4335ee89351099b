#!/usr/bin/env bash
# Agreement benchmark: a synthetic project of N articles × S spans × A analysts (each further analyst
# relabels 10 % and leaves out 10 % of the first one's spans); times `hashiya agreement --json` with
# the release CLI (wall time and peak RSS from /usr/bin/time). Usage: scripts/bench-agreement.sh [N] [S] [A]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
S="${2:-20}"
A="${3:-3}"
DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/hashiya-bench}"
mkdir -p "$DIR"
DB="$DIR/agreement-$N-$S-$A.hashiya"

cargo build --release --quiet --bin hashiya --example bench_export
[ -f "$DB" ] || target/release/examples/bench_export gen "$DB" "$N" "$S" "$A"

best=""
for run in 1 2 3; do
  /usr/bin/time -f "%e %M" -o "$DIR/time.txt" target/release/hashiya --db "$DB" agreement --json --top 50 >"$DIR/agreement.json"
  read -r secs kb < "$DIR/time.txt"
  echo "run $run: ${secs}s, peak ${kb} kB" >&2
  if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$secs; best_kb=$kb; fi
done
kappa=$(python3 -c "import json;r=json.load(open('$DIR/agreement.json'));print(round(r['group']['fleiss_kappa'],3), r['group']['fleiss_tokens'], len(r['pairs']))")
read -r fleiss tokens pairs <<<"$kappa"
printf '%-44s %9s %9s %10s\n' "agreement, $N articles × $A analysts × $S spans" "seconds" "peak RSS" "tokens"
printf '%-44s %9.2f %6.0f MB %10s\n' "hashiya agreement --json (best of 3)" "$best" "$((best_kb / 1024))" "$tokens"
printf '%-44s %9s\n' "pairs / Fleiss' kappa" "$pairs / $fleiss"
