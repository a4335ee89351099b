#!/usr/bin/env bash
# Suggestion benchmark: learning curves (exact-span F1 of the matcher, the sequence labeller and both,
# after 50, 100, 200 and all training sentences) on AQMAR and the Wojood sample, imported through the
# CoNLL importer; then, on AQMAR, training time on ≥150,000 tokens, suggestion time for a
# 3,000-character article, and the stored model's size; then both corpora again with the training names
# as the entity registry (the labeller's gazetteer features). Usage: scripts/bench-suggest.sh [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="${1:-../shared/corpus}"
cargo build --release --quiet --example bench_suggest
echo "== AQMAR (train → test)"
target/release/examples/bench_suggest "$CORPUS/aqmar/train.txt" "$CORPUS/aqmar/test.txt" --timing
echo "== Wojood sample (train → test)"
target/release/examples/bench_suggest "$CORPUS/wojood-sample/train.txt" "$CORPUS/wojood-sample/test.txt"
# The corpora have no entity registry: with --names the training sentences' labelled names stand in for
# one (gazetteer features of the labeller, jackknifed in training), as a registry the analysts built would.
echo "== AQMAR (train → test), the training names as the entity registry"
target/release/examples/bench_suggest "$CORPUS/aqmar/train.txt" "$CORPUS/aqmar/test.txt" --names
echo "== Wojood sample (train → test), the training names as the entity registry"
target/release/examples/bench_suggest "$CORPUS/wojood-sample/train.txt" "$CORPUS/wojood-sample/test.txt" --names
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
