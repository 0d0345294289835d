#!/usr/bin/env bash
# Side by side: kardashev's per-step routing time (bench_network, one thread) and networkx's Dijkstra per
# destination on the same snapshots (tools/make_networkx_agreement.py --timing-only), Starlink shell 1 with
# Hypatia's 100 cities, all 4,950 pairs; prints the ratio. Hypatia's satgenpy (Floyd-Warshall) takes ~7.4 s
# per step for the same work on a 2-core box (research/network.md V10).
# Usage: bench/run_network_comparison.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
build=${1:-build/release}
here=$(cd "$(dirname "$0")/.." && pwd)
kd=$(/usr/bin/python3 - "$build/bench/bench_network" <<'PY'
import json, subprocess, sys
out = subprocess.run([sys.argv[1], "--benchmark_filter=all_city_pairs_one_thread", "--benchmark_format=json",
                      "--benchmark_repetitions=3", "--benchmark_report_aggregates_only=true"],
                     check=True, capture_output=True, text=True).stdout
rows = [b for b in json.loads(out)["benchmarks"] if b.get("aggregate_name") == "median"]
print(rows[0]["step_time"] * 1e3)
PY
)
nx=$(/usr/bin/python3 "$here/tools/make_networkx_agreement.py" "$build/kardashev" --timing-only --steps 5 --step-s 0.1 |
     sed -n 's/^networkx: .* steps, \([0-9.]*\) ms per step.*/\1/p')
/usr/bin/python3 -c "import sys; k, n = float(sys.argv[1]), float(sys.argv[2]); print(f'kardashev {k:.2f} ms/step (1 thread), networkx {n:.1f} ms/step: {n / k:.1f}x; Hypatia satgenpy ~7400 ms/step: {7400 / k:.0f}x')" "$kd" "$nx"
