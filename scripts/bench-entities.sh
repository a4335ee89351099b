#!/usr/bin/env bash
# "Link all mentions" benchmark: a project of N synthetic Arabic articles (one in 100 names a person in one of the
# seeds' five spellings, others carry near-miss words), indexed for search; then the time to find every mention of
# the entity through the index and to link them all in one step (undone afterwards, so runs repeat).
# Usage: scripts/bench-entities.sh [ARTICLES]   (BENCH_DIR keeps the project; PROFILE=debug uses the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/hashiya-bench}"
mkdir -p "$DIR"
if [ "${PROFILE:-release}" = debug ]; then
  cargo build --quiet --example bench_entities && BIN=target/debug/examples/bench_entities
else
  cargo build --release --quiet --example bench_entities && BIN=target/release/examples/bench_entities
fi
"$BIN" "$DIR/entities-$N.hashiya" "$N"
"$BIN" "$DIR/entities-$N.hashiya" "$N"
