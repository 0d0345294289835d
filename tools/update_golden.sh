#!/usr/bin/env bash
# Regenerates tests/scenario/golden/default_summary.json from the current build of the default
# scenario. Run after a deliberate model change, and say why in the commit.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/release/kardashev}
tmp=$(mktemp -d)
"$bin" run --quiet --out "$tmp/run" >/dev/null
cp "$tmp/run/summary.json" tests/scenario/golden/default_summary.json
rm -rf "$tmp"
echo "updated tests/scenario/golden/default_summary.json"
