#!/usr/bin/env bash
# Size limits of STYLE.md's last section: no function body over 100 lines and no source file over 700 lines in
# src/, apps/, include/, bench/ and python/. A longer body or file is a part that wants its own name.
# Exceptions, each for a stated reason:
#   - the SGP4 routines transcribed from Vallado et al. (2006) keep the paper's structure line for line so that
#     they can be read beside it: src/orbit/sgp4_*.cpp and src/orbit/sgp4_kernel.hpp;
#   - data tables compiled into the library: src/network/top100_stations.cpp.
# Needs universal-ctags (tools/setup.sh installs it). Usage: tools/check_sizes.sh [REPO_ROOT]
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root"
max_function=100
max_file=700
exempt='^(src/orbit/sgp4_[a-z_]+\.(cpp|hpp)|src/network/top100_stations\.cpp)$'
dirs=(src apps include bench python)
if ! ctags --version 2>/dev/null | grep -q 'Universal Ctags'; then
  echo "universal-ctags is not installed (run tools/setup.sh)" >&2
  exit 1
fi
bad=0
while read -r lines file; do
  [[ "$file" =~ $exempt ]] && continue
  echo "$file: $lines lines (limit $max_file)"
  bad=1
done < <(find "${dirs[@]}" -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) -exec wc -l {} + |
         awk -v m=$max_file '$2 != "total" && $1 > m {print $1, $2}')
while read -r lines file line name; do
  [[ "$file" =~ $exempt ]] && continue
  echo "$file:$line: function $name is $lines lines (limit $max_function)"
  bad=1
done < <(ctags -R --languages=C++ --fields=+ne --c++-kinds=f -x --_xformat='%F %n %e %N' "${dirs[@]}" 2>/dev/null |
         awk -v m=$max_function '$3 != "" {n = $3 - $2 + 1; if (n > m) print n, $1, $2, $4}' | sort -k2,2 -k3,3n)
if ((bad)); then
  echo "split these into named parts (STYLE.md, last section)"
  exit 1
fi
echo "no function over $max_function lines and no file over $max_file lines outside the listed exceptions"
