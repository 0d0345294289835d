#!/usr/bin/env bash
# SGP4 speed, kardashev against satellite.js, on one catalogue and one time grid (issue #3; docs/perf.md).
#
#   bench/run_sgp4_comparison.sh [BUILD_DIR]      (default build/release; it must hold bench/bench_sgp4)
#
# Installs satellite.js (bench/satellitejs/package.json, pinned) into bench/satellitejs/node_modules, writes
# the catalogue of bench_sgp4 (20 000 near-Earth element sets) as TLEs, runs bench_sgp4 on one and two
# threads and the node script on the same file and grid, and prints the ratios. Run it on a quiet machine.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/release}
bench=$build/bench/bench_sgp4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ ! -x $bench ]]; then
    echo "run_sgp4_comparison.sh: $bench not found; build it first (cmake --build $build --target bench_sgp4)" >&2
    exit 2
fi

echo "== machine"
lscpu | grep -E '^(Model name|CPU\(s\)|Thread\(s\) per core|Core\(s\) per socket)' || true
echo "compiler: $(grep -E '^CMAKE_CXX_COMPILER:' "$build/CMakeCache.txt" | cut -d= -f2) $("$(grep -E '^CMAKE_CXX_COMPILER:' "$build/CMakeCache.txt" | cut -d= -f2)" -dumpfullversion 2>/dev/null || true), build type $(grep -E '^CMAKE_BUILD_TYPE:' "$build/CMakeCache.txt" | cut -d= -f2)"
echo "node: $(node --version)"

echo "== npm install (bench/satellitejs)"
(cd "$root/bench/satellitejs" && npm ci --no-audit --no-fund --loglevel=error)

"$bench" --export_tle="$work/catalogue.tle"

echo "== kardashev bench_sgp4"
"$bench" --benchmark_filter=sgp4_near_earth_catalogue --benchmark_repetitions=3 \
    --benchmark_report_aggregates_only=true --benchmark_format=json --benchmark_out="$work/kd.json" \
    --benchmark_out_format=json >/dev/null
python3 - "$work/kd.json" > "$work/kd.txt" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
for b in d["benchmarks"]:
    if b.get("aggregate_name") == "median":
        threads = int(b["run_name"].split("threads:")[1].split("/")[0])
        n = b["sats"] * b["times"]
        # threads, propagations per wall second, wall ms, process CPU ms, propagations per CPU second
        print(threads, b["props_per_s"], b["real_time"], b["cpu_time"], n / (b["cpu_time"] / 1e3))
EOF
awk '{printf "threads %d: %.2f M propagations/s wall (median of 3; %.2f M/s per thread), %.2f M per CPU-second; wall %.0f ms, process CPU %.0f ms\n", $1, $2/1e6, $2/1e6/$1, $5/1e6, $3, $4}' "$work/kd.txt"

echo "== satellite.js"
node "$root/bench/satellitejs/bench_satellitejs.mjs" "$work/catalogue.tle" --times=1000 --step_min=1.44 --threads=2 | tee "$work/js.txt"

echo "== ratios (wall clock; per CPU-second in brackets, which a busy shared machine disturbs less)"
# js.txt: RESULT <mode> <propagations> <wall s> <cpu s> <threads> <props per wall s>
awk -v kd="$work/kd.txt" '
    FILENAME == kd { wall[$1] = $2; cpu[$1] = $5; used[$1] = $4 / $3; next }
    $1 == "RESULT" { jw[$2] = $7 / $6; jc[$2] = $3 / $5 }
    END {
        printf "kardashev one thread: %.2f M/s [%.2f M/CPU-s] (goal >= 10 M/s per core)\n", wall[1]/1e6, cpu[1]/1e6
        printf "kardashev two threads / one thread: %.2fx wall (goal >= 1.8x); CPU per propagation on two threads: %.2fx of one\n", wall[2]/wall[1], cpu[1]/cpu[2]
        if (used[2] < 1.8)
            printf "  (the two-thread run kept only %.2f vCPUs busy on average: another process had the other one; re-run on a quiet machine)\n", used[2]
        printf "kardashev / satellite.js per core, plain sgp4 loop:     %.1fx [%.1fx] (goal >= 5x)\n", wall[1]/jw["plain_sgp4"], cpu[1]/jc["plain_sgp4"]
        printf "kardashev / satellite.js per core, WASM BulkPropagator: %.1fx [%.1fx]\n", wall[1]/jw["bulk_wasm"], cpu[1]/jc["bulk_wasm"]
        printf "kardashev / satellite.js per core, both on two threads: %.1fx [%.1fx]\n", (wall[2]/2)/jw["bulk_wasm_threads"], cpu[2]/jc["bulk_wasm_threads"]
    }' "$work/kd.txt" "$work/js.txt"
