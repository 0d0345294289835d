#!/usr/bin/env python3
"""Reference RTTs for the network agreement test, computed with Debian's python3-networkx on kardashev's own
snapshots (same positions, same links).

Runs `kardashev network --export-topology` for Starlink shell 1 (Hypatia's preset, slant-range ground links)
with Hypatia's 100 cities at t = 0, 60, 120 s, then for every destination city runs networkx's Dijkstra on
the satellite graph plus that city (other cities are not relays, as in Hypatia), and writes, for every city
pair a < b and step, RTT = 2 x one-way delay in ms to tests/data/network/networkx_starlink_s1_rtt.csv.
It also prints networkx's time per step (100 Dijkstras, all 4,950 pairs) for bench/run_network_comparison.sh.

Usage: tools/make_networkx_agreement.py KARDASHEV_BINARY [OUT_CSV] [--steps N] [--step-s S]
"""
import argparse
import collections
import os
import subprocess
import sys
import tempfile
import time

import networkx as nx


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kardashev")
    ap.add_argument("out", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "tests", "data",
                                                           "network", "networkx_starlink_s1_rtt.csv"))
    ap.add_argument("--steps", type=int, default=3)
    ap.add_argument("--step-s", type=float, default=60.0)
    ap.add_argument("--timing-only", action="store_true", help="print the time per step, write nothing")
    a = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        topo = os.path.join(tmp, "topology.csv")
        subprocess.run([a.kardashev, "network", "--constellation", "starlink-s1", "--gsl", "slant-range",
                        "--pairs", "0:1", "--duration", f"{a.steps * a.step_s} s", "--step", f"{a.step_s} s",
                        "--export-topology", topo], check=True, stdout=subprocess.DEVNULL)
        steps = collections.defaultdict(lambda: ([], []))
        with open(topo) as f:
            next(f)
            for line in f:
                k, u, v, kind, d = line.rstrip("\n").split(",")
                steps[int(k)][0 if kind == "isl" else 1].append((int(u), int(v), float(d)))

    n_sat, n_gs = 1584, 100
    rows = []
    per_step = []
    for k in sorted(steps):
        isls, gsls = steps[k]
        t0 = time.perf_counter()
        g = nx.Graph()
        g.add_nodes_from(range(n_sat))
        g.add_weighted_edges_from(isls, weight="delay")
        by_gs = collections.defaultdict(list)
        for u, v, d in gsls:  # u is the satellite (lower id), v the station
            by_gs[v - n_sat].append((u, d))
        for dst in range(n_gs):
            node = n_sat + dst
            g.add_weighted_edges_from([(s, node, d) for s, d in by_gs[dst]], weight="delay")
            dist = nx.single_source_dijkstra_path_length(g, node, weight="delay")
            g.remove_node(node)
            for src in range(dst):
                best = min((d + dist[s] for s, d in by_gs[src] if s in dist), default=None)
                rows.append((k, src, dst, None if best is None else 2e3 * best))
        per_step.append(time.perf_counter() - t0)
    print(f"networkx: {len(per_step)} steps, {sum(per_step) / len(per_step) * 1e3:.1f} ms per step "
          f"(100 destinations, 4950 pairs; networkx {nx.__version__})")
    if a.timing_only:
        return 0
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w") as f:
        f.write("step,src,dst,rtt_ms\n")
        for k, s, d, r in sorted(rows):
            f.write(f"{k},{s},{d},{'' if r is None else format(r, '.12g')}\n")
    print(f"wrote {len(rows)} rows to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
