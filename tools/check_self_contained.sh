#!/usr/bin/env bash
# Fails when the build, the tests, the benchmarks, the tools or the product read a path outside the
# repository: the development checkout has a sibling folder of shared notes and data, a user's clone has
# nothing beside it, so everything read must live in the repository (tests/data/, data/, each with its
# SOURCE note). Usage: tools/check_self_contained.sh [REPO_ROOT]
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root"
# The pattern is written with escapes so that this file does not match itself.
hits=$(grep -rnIE --exclude-dir=node_modules -e '\.\./+shared([/"[:space:]]|$)' -e 'KD_SHARED[_]DIR' \
         CMakeLists.txt CMakePresets.json cmake tests tools bench src apps include web python .ci 2>/dev/null || true)
if [ -n "$hits" ]; then
  echo "$hits"
  echo "these read a folder beside the checkout, which a user's clone does not have: copy the data into tests/data/ or data/ with a SOURCE.md"
  exit 1
fi
echo "the repository is self-contained: no build, test, benchmark, tool or source file reads a folder beside it"
