#!/usr/bin/env bash
# Times the issue-17 sweep (bench/terawatt_lhs_1000.yaml: 1,000 LHS samples over five inputs of the terawatt
# scenario) on 2 threads, then on 2 Open MPI ranks and on 1 thread when asked, and checks that results.csv is
# byte-identical between them. Prints the machine and its load, for bench/README.md.
# Usage: bench/run_sweep_terawatt.sh [BUILD_DIR] [SAMPLES]   (SAMPLES overrides the file's 1000, e.g. for a try)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
samples=${2:-}
extra=()
[ -n "$samples" ] && extra=(--samples "$samples")
out=$(mktemp -d)
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
run() { # label, command...
  local label=$1; shift
  local t0=$(date +%s.%N)
  "$@" >/dev/null
  echo "$label: $(echo "$(date +%s.%N) - $t0" | bc) s (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
}
args=(sweep scenarios/terawatt.yaml bench/terawatt_lhs_1000.yaml --quiet "${extra[@]}")
run "2 threads" "$build/kardashev" "${args[@]}" --threads 2 --out "$out/threads"
run "2 MPI ranks" env OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 \
  mpirun -np 2 --oversubscribe "$build/kardashev" "${args[@]}" --out "$out/ranks"
cmp "$out/threads/results.csv" "$out/ranks/results.csv" && echo "results.csv: 2 threads == 2 ranks"
if [ "${KD_SWEEP_ONE_THREAD:-0}" = 1 ]; then
  run "1 thread" "$build/kardashev" "${args[@]}" --threads 1 --out "$out/one"
  cmp "$out/threads/results.csv" "$out/one/results.csv" && echo "results.csv: 2 threads == 1 thread"
fi
grep -A3 '"event"' "$out/threads/summary.json" | head -8
rm -rf "$out"
