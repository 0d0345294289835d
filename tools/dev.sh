#!/usr/bin/env bash
# The two README commands:
#   bash tools/dev.sh run [ARGS...]   set up, build (Release), run `kardashev run ARGS` (default scenario)
#   bash tools/dev.sh test            set up, build (Release, warnings are errors), run every test (ctest)
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=${1:-}
shift || true
bash tools/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
case "$cmd" in
  run)  exec build/release/kardashev run "$@" ;;
  test) exec ctest --preset release ;;
  build) ;;
  *) echo "usage: bash tools/dev.sh run [ARGS...] | test | build" >&2; exit 2 ;;
esac
