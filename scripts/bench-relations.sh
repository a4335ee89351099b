#!/usr/bin/env bash
# Relations benchmark (core side): a 100,000-character article with 5,000 spans and 2,000 relations served by
# `hashiya serve`; times get_article and add_relation over HTTP; prints a table.
# Uses $HASHIYA_BIN (default target/debug/hashiya, built with `cargo build` when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${HASHIYA_BIN:-}" ] && [ ! -x target/debug/hashiya ]; then cargo build; fi
[ -d tests/e2e/node_modules ] || npm --prefix tests/e2e ci
node tests/e2e/bench/relations-bench.mjs
