#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`: clang, AddressSanitizer + UndefinedBehaviorSanitizer) and runs them
# (tests/fuzz/README.md). New inputs go to build/fuzz/corpus/TARGET; the seeds in tests/fuzz/corpus/TARGET are
# only read. A crash, leak, hang (-timeout) or sanitizer report stops the run with exit status != 0.
#   bash tools/fuzz.sh                          every target, 10 s each (what CI runs: `all 10`)
#   bash tools/fuzz.sh tle 600                  one target for 10 minutes
#   bash tools/fuzz.sh tle 600 -runs=1000000    extra libFuzzer flags after the seconds (here: 1 M runs or 10 min)
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(scenario overrides units tle omm_json omm_csv report_csv)
if [[ $# -gt 0 ]]; then
  [[ "$1" != all ]] && targets=("$1")
  shift
fi
seconds=${1:-10}
shift || true
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "${KD_JOBS:-$(nproc 2>/dev/null || echo 2)}" --target "${targets[@]/#/fuzz_}"
for t in "${targets[@]}"; do
  work=build/fuzz/corpus/$t
  mkdir -p "$work" build/fuzz/artifacts
  echo "== fuzz_$t: ${seconds} s"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    build/fuzz/tests/fuzz/fuzz_$t "$work" "tests/fuzz/corpus/$t" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -artifact_prefix=build/fuzz/artifacts/"$t"- -print_final_stats=1 "$@"
done
