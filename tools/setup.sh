#!/usr/bin/env bash
# Installs what the build, tests and benchmarks need, when it is missing; idempotent.
#  1. Debian 12 packages (apt-get; sudo when not root): the C++ tool chain and libraries, universal-ctags
#     (tools/check_sizes.sh), COIN-OR CLP and CBC (`plan`), Open MPI (`sweep`), clang with its libFuzzer
#     runtime (fuzz targets, tests only), pybind11 with Debian's Python 3, pytest, NumPy and pandas (the `kardashev`
#     Python module and its tests; python3-sgp4 is bench/propagate_python.py's reference), Node.js and
#     npm (only when no `node` is on PATH), and Chromium with its driver for the browser tests.
#  2. A check that the `node` found is at least what web/package.json's "engines" asks (18.19: Debian 12's own).
#  3. The web assets (web/package.json, pinned by web/package-lock.json): `npm ci` into
#     web/node_modules when that tree is missing or older than the lock file. The build inlines
#     Vega-Lite into report.html from there; `kardashev view` serves CesiumJS from there.
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=(cmake ninja-build g++ libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev libtbb-dev
      libgtest-dev libgmock-dev libbenchmark-dev chromium chromium-driver universal-ctags
      pkg-config coinor-libclp-dev coinor-libcbc-dev libopenmpi-dev openmpi-bin clang libclang-rt-14-dev
      pybind11-dev python3-dev python3-pytest python3-numpy python3-pandas python3-sgp4)
command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || pkgs+=(npm)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} > 0)); then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The web packages' lowest Node.js (web/package.json "engines"; Debian 12 ships 18.19+): stop with a clear word when
# the `node` on PATH is older, rather than let npm or playwright fail later with a less clear one.
need=$(sed -nE 's/.*"node"[[:space:]]*:[[:space:]]*">=([0-9.]+)".*/\1/p' web/package.json | head -n 1)
have=$(node --version 2>/dev/null | sed 's/^v//')
if [ -z "$have" ]; then
  echo "setup: no working node on PATH after installing Debian's nodejs; the web assets need Node.js >= $need" >&2
  exit 1
fi
if [ -n "$need" ] && [ "$(printf '%s\n%s\n' "$need" "$have" | sort -V | head -n 1)" != "$need" ]; then
  echo "setup: $(command -v node) is Node.js $have, but web/package.json needs >= $need (Debian 12's nodejs package is 18.19 or newer):" >&2
  echo "setup: put a newer node first on PATH, or remove this one so that setup installs Debian's" >&2
  exit 1
fi
stamp=web/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ web/package-lock.json -nt "$stamp" ]; then
  echo "setup: npm ci in web/ (pinned by web/package-lock.json)"
  (cd web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
