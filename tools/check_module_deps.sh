#!/usr/bin/env bash
# Rejects an include that points right in the module order of STYLE.md:
#   core -> orbit -> energy -> logistics -> network -> compute -> fleet -> economy -> sim -> plan -> study -> io -> apps
# A file under include/kardashev/<m>/, src/<m>/ may include kardashev/<n>/... only when n is left of m
# (or n == m). Usage: tools/check_module_deps.sh [REPO_ROOT]
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
order=(core orbit energy logistics network compute fleet economy sim plan study io apps)
declare -A rank
for i in "${!order[@]}"; do rank[${order[$i]}]=$i; done

bad=0
check_dir() { # dir module
  local dir=$1 mod=$2
  [ -d "$dir" ] || return 0
  while IFS=: read -r file line text; do
    inc=$(sed -E 's/.*kardashev\/([a-z_]+)\/.*/\1/' <<<"$text")
    [ -n "${rank[$inc]+x}" ] || { echo "$file:$line: unknown module '$inc' in: $text"; bad=1; continue; }
    if (( ${rank[$inc]} > ${rank[$mod]} )); then
      echo "$file:$line: module '$mod' includes '$inc', which comes after it in the module order"
      bad=1
    fi
  done < <(grep -rnE '#include[[:space:]]*[<"]kardashev/[a-z_]+/' "$dir" || true)
}
for mod in "${order[@]}"; do
  check_dir "$root/include/kardashev/$mod" "$mod"
  check_dir "$root/src/$mod" "$mod"
done
check_dir "$root/apps" apps
if (( bad )); then
  echo "module order check failed (STYLE.md: ${order[*]})"
  exit 1
fi
echo "module order check passed"
