#!/usr/bin/env bash
# Regenerates docs/sites_comparison.md from the tool: ground vs orbit vs Moon for 1 GW of IT power at
# 3600, 1000, 500, 200 and 100 USD/kg. Usage: tools/make_sites_comparison.sh [KARDASHEV_BINARY]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/release/kardashev}
"$bin" size --compare --it-power "1 GW" --prices 3600,1000,500,200,100 > "$root/docs/sites_comparison.md.tmp"
mv "$root/docs/sites_comparison.md.tmp" "$root/docs/sites_comparison.md"
