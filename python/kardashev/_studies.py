"""The results of kardashev.network and kardashev.sweep: their files' texts as pandas frames and dicts; pandas
is imported on first use."""

from __future__ import annotations

import io as _io
import json as _json
from typing import Any


def routes_frame(text: str):
    """routes.csv as a frame: time [s from the start], pair, rtt_ms (NaN when unreachable), hops, path (node ids
    joined by "-"; "" when unreachable)."""
    import pandas as pd

    return pd.read_csv(_io.StringIO(text), keep_default_na=False, na_values={"rtt_ms": [""]},
                       dtype={"time": "float64", "pair": str, "rtt_ms": "float64", "hops": "int64", "path": str})


def sweep_frame(text: str):
    """samples.csv or results.csv as a frame, as ``pandas.read_csv`` reads the file (a seed as uint64, dates and
    "never" as text, an empty output as NaN), except that results' error column is text, "" for a sample that ran."""
    import pandas as pd

    frame = pd.read_csv(_io.StringIO(text), dtype={"error": str})
    if "error" in frame:
        frame["error"] = frame["error"].fillna("")
    return frame


class Network:
    """A routed network study: what ``kardashev network --out`` writes, as Python objects.

    ``routes`` is routes.csv as a frame (one row per pair per step: time [s from the start], pair, rtt_ms, hops,
    path); ``rtt`` the round trips [ms] as a wide frame, one column per pair, indexed by UTC time; ``summary``
    summary.json as a dict; ``pairs`` its per-pair statistics as a frame.
    """

    def __init__(self, summary_json: str, routes_csv: str) -> None:
        self.summary: dict = _json.loads(summary_json)
        self.routes = routes_frame(routes_csv)

    @property
    def rtt(self):
        """Round-trip times [ms] as a frame indexed by UTC time (datetime64[ns]), one column per pair (NaN:
        unreachable), the columns in the order of the pairs."""
        import pandas as pd

        wide = self.routes.pivot(index="time", columns="pair", values="rtt_ms")
        wide = wide[[p["pair"] for p in self.summary["pairs"]]]
        start = pd.Timestamp(self.summary["inputs"]["start"]).tz_localize(None)
        wide.index = start + pd.to_timedelta(wide.index, unit="s")
        wide.columns.name = None
        return wide

    @property
    def pairs(self):
        """summary["pairs"] as a frame: pair, rtt_t0_ms, min/median/max_rtt_ms, path_changes, unreachable_s,
        great_circle_rtt_ms."""
        import pandas as pd

        return pd.DataFrame.from_records(self.summary["pairs"])

    def __repr__(self) -> str:
        i = self.summary["inputs"]
        return f"<kardashev.Network {i['satellites']!r}: {len(self.summary['pairs'])} pair(s), {i['steps']} steps>"


class Sweep:
    """A finished sweep: what ``kardashev sweep`` writes into its sweep folder, as Python objects.

    ``samples`` is samples.csv as a frame (sample, seed, then each input's value); ``results`` results.csv
    (sample, status, each headline output, error); ``summary`` summary.json as a dict (quantiles, events'
    probabilities, sensitivities); ``text()`` what the CLI prints at the end.
    """

    def __init__(self, samples_csv: str, results_csv: str, summary_json: str, text: str) -> None:
        self.samples = sweep_frame(samples_csv)
        self.results = sweep_frame(results_csv)
        self.summary: dict = _json.loads(summary_json)
        self._text = text

    def text(self) -> str:
        """What ``kardashev sweep`` prints at the end (its folder line says whether a folder was written)."""
        return self._text

    def __repr__(self) -> str:
        s: Any = self.summary
        return f"<kardashev.Sweep {s['sweep']['scenario']!r}: {s['runs']['ran']} ran, {s['runs']['failed']} failed>"
