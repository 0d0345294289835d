#!/usr/bin/env python3
"""kardashev.propagate against bench_sgp4 and python-sgp4's SatrecArray, side by side (issue 18; docs/perf.md).

    /usr/bin/python3 bench/propagate_python.py [BUILD_DIR]      (default build/release)

One catalogue (bench_sgp4's 20 000 near-Earth element sets, written with --export_tle) and one grid (1 000 times,
1.44 min apart: a day) for all three:
  1. bench_sgp4 (Google Benchmark, C++): propagations per second on 1 and 2 threads;
  2. kardashev.propagate from Python on the same numbers of threads: the whole 20 000 x 1 000 grid into NumPy
     arrays, into arrays reused from an earlier call (out=, as bench_sgp4 reuses its buffers) and into fresh
     arrays (the first touch of 1 GB of pages included); goal >= 90 % of bench_sgp4;
  1 and 2 alternate, one run each per round (--rounds, default 5), and each rate is the median over the rounds, so
  that both see the same load on a shared machine;
  3. python-sgp4's SatrecArray (Debian's python3-sgp4; pure Python where sgp4.api.accelerated is False) on the
     first --sgp4-sats satellites (default 100) of the same catalogue and grid, whose rate is scaled to the whole.
Prints the machine, each rate and the ratios. Run it on a quiet machine; a loaded one lowers every rate.
With KD_BENCH_SMOKE set (the bench-smoke ctest) it runs once on bench_sgp4's small catalogue (500 x 100).
"""

import argparse
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
STEP_MIN = 1.44  # bench_sgp4's step_min
SMOKE = bool(os.environ.get("KD_BENCH_SMOKE"))  # the bench-smoke ctest: bench_sgp4's 500 x 100 catalogue, one round
TIMES = 100 if SMOKE else 1000


def machine() -> str:
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        model = next((l.split(":", 1)[1].strip() for l in lscpu.splitlines() if l.startswith("Model name")), "?")
    except OSError:
        model = platform.processor() or "?"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{model}, {os.cpu_count()} logical CPUs, load average {load:.1f}; Python {platform.python_version()}"


def bench_sgp4_rate(bench: pathlib.Path, threads: int) -> float:
    """props_per_s of one run of bench_sgp4's sgp4_near_earth_catalogue on `threads` threads."""
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "kd.json"
        subprocess.run([str(bench), f"--benchmark_filter=sgp4_near_earth_catalogue/threads:{threads}/",
                        "--benchmark_repetitions=1", f"--benchmark_out={out}", "--benchmark_out_format=json"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        (b,) = json.loads(out.read_text())["benchmarks"]
        return b["props_per_s"]


def kardashev_rate(kardashev, elements, times, threads: int, out=None) -> float:
    """Propagations per second of one kardashev.propagate call on the whole grid (into `out` when given)."""
    t0 = time.perf_counter()
    r = kardashev.propagate(elements, times, threads=threads, out=out)
    elapsed = time.perf_counter() - t0
    del r
    return len(elements) * len(times) / elapsed


def side_by_side(kardashev, bench: pathlib.Path, tle: pathlib.Path, threads: int, rounds: int) -> tuple:
    """Medians over `rounds` rounds, each bench_sgp4 then kardashev.propagate (reused arrays, then fresh ones) one
    after the other, so that both see the same load: (bench_sgp4, reused, fresh) propagations per second."""
    elements = kardashev.load_elements(str(tle))
    times = np.arange(TIMES) * STEP_MIN
    out = kardashev.propagate(elements, times, threads=threads)
    cpp, reused, fresh = [], [], []
    for _ in range(rounds):
        cpp.append(bench_sgp4_rate(bench, threads))
        reused.append(kardashev_rate(kardashev, elements, times, threads, out))
        fresh.append(kardashev_rate(kardashev, elements, times, threads))
    return statistics.median(cpp), statistics.median(reused), statistics.median(fresh)


def satrec_array_rate(tle: pathlib.Path, sats: int) -> tuple:
    """Propagations per second of python-sgp4's SatrecArray on the first `sats` element sets and the whole grid."""
    from sgp4 import api

    lines = tle.read_text().splitlines()
    records = [api.Satrec.twoline2rv(lines[i], lines[i + 1]) for i in range(0, 2 * sats, 2)]
    array = api.SatrecArray(records)
    jd = np.full(TIMES, records[0].jdsatepoch)
    fr = records[0].jdsatepochF + np.arange(TIMES) * STEP_MIN / 1440.0
    t0 = time.perf_counter()
    e, r, v = array.sgp4(jd, fr)
    elapsed = time.perf_counter() - t0
    return sats * TIMES / elapsed, api.accelerated


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build", nargs="?", default=str(ROOT / "build" / "release"))
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds (default 5)")
    parser.add_argument("--sgp4-sats", type=int, default=100, help="satellites for SatrecArray (default 100)")
    args = parser.parse_args()
    if SMOKE:
        args.rounds, args.sgp4_sats = 1, 5
    build = pathlib.Path(args.build)
    sys.path.insert(0, str(build / "python"))
    import kardashev

    bench = build / "bench" / "bench_sgp4"
    print("== machine")
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        tle = pathlib.Path(tmp) / "catalogue.tle"
        subprocess.run([str(bench), f"--export_tle={tle}"], check=True, stdout=subprocess.DEVNULL)
        print(f"catalogue: {len(tle.read_text().splitlines()) // 2} element sets x {TIMES} times")
        print(f"== propagations per second (median of {args.rounds} rounds, bench_sgp4 and Python alternating)")
        best = (0.0, 1)
        for threads in (1, 2):
            c, reused, fresh = side_by_side(kardashev, bench, tle, threads, args.rounds)
            best = max(best, (reused, threads))
            print(f"threads {threads}: bench_sgp4 {c / 1e6:.2f} M/s; kardashev.propagate {reused / 1e6:.2f} M/s "
                  f"({100 * reused / c:.0f} % of bench_sgp4; goal >= 90 %), into fresh arrays {fresh / 1e6:.2f} M/s "
                  f"({100 * fresh / c:.0f} %)")
        rate, accelerated = satrec_array_rate(tle, args.sgp4_sats)
        kind = "C++ extension" if accelerated else "pure Python"
        print(f"python-sgp4 SatrecArray ({kind}, {args.sgp4_sats} satellites x {TIMES} times): {rate / 1e6:.4f} M/s; "
              f"kardashev.propagate ({best[1]} threads) is {best[0] / rate:.0f} times faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
