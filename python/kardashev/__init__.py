"""kardashev: the simulator and planner as a Python module (docs/python.md).

The same library functions as the ``kardashev`` command line, called in process: a scenario loads, takes
overrides and runs to a :class:`Run` whose summary, time series and events are the run folder's files as Python
objects (dicts and pandas frames); ``size``, ``train`` and ``eclipse`` return the dicts of their ``--json``;
``propagate`` fills NumPy arrays from the batch SGP4 kernel; ``network`` and ``sweep`` return their files as
frames and dicts (:class:`Network`, :class:`Sweep`).

Errors are :class:`InputError` (with ``file``, ``line``, ``column`` and ``key_path``) and :class:`DomainError`,
both below :class:`Error`. A long call stops at Ctrl-C with ``KeyboardInterrupt``.
"""

from __future__ import annotations

import json as _json
import os as _os
from typing import Any, Iterable, Mapping, Optional, Sequence, Tuple, Union

from . import _kardashev
from ._kardashev import (  # noqa: F401  (the public names)
    DomainError,
    Elements,
    Error,
    InputError,
    Scenario,
    load_elements,
)
from . import _frames
from ._studies import Network, Sweep

__version__: str = _kardashev.__version__

__all__ = [
    "Error", "InputError", "DomainError", "Scenario", "Run", "run", "plan", "size", "train", "eclipse",
    "network", "Network", "sweep", "Sweep",
    "Elements", "load_elements", "propagate", "__version__",
]


def _input_error(message: str, key_path: Optional[str] = None) -> InputError:
    """An InputError raised by this glue, with the attributes the compiled module's carry (file, line and column
    unknown here; ``key_path`` the option's name)."""
    e = InputError(message)
    e.file = e.line = e.column = None
    e.key_path = key_path
    e.diagnostics = [dict(file=None, line=None, column=None, key_path=key_path, message=message)]
    return e


def _whole(name: str, value: Any) -> int:
    """``value`` as an int for the option ``name``; InputError naming the option when it is not a whole number."""
    if isinstance(value, bool):
        raise _input_error(f"{name}: expected a whole number, got {value!r}", name)
    try:
        as_int = int(value)
    except (TypeError, ValueError):
        raise _input_error(f"{name}: expected a whole number, got {value!r}", name) from None
    if isinstance(value, float) and as_int != value:
        raise _input_error(f"{name}: expected a whole number, got {value!r}", name)
    return as_int


def _real(name: str, value: Any) -> float:
    """``value`` as a float for the option ``name``; InputError naming the option when it is not a number."""
    try:
        return float(value)
    except (TypeError, ValueError):
        raise _input_error(f"{name}: expected a number, got {value!r}", name) from None


def _scenario_set(self: Scenario, key_path: str, value: Any) -> Scenario:
    """Overrides the scenario key ``key_path`` with ``value``, as ``kardashev run --set key_path=value``.

    ``value`` is the YAML scalar text ("45 %", "1.1", "2030-01-01"); numbers and booleans are written as text.
    The scenario loads again at once: a wrong key or a value that does not parse raises :class:`InputError`
    (with the key path) and leaves the scenario as it was. Returns the scenario, so calls chain.
    """
    if isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value)
    self._set(str(key_path), text)
    return self


def _scenario_repr(self: Scenario) -> str:
    where = "default" if self.path is None else repr(self.path)
    return f"<kardashev.Scenario {self.name!r} ({where}), {len(self.overrides)} override(s)>"


Scenario.set = _scenario_set  # type: ignore[attr-defined]
Scenario.__repr__ = _scenario_repr  # type: ignore[assignment]


class Run:
    """A finished run: what ``kardashev run`` writes into its run folder, as Python objects.

    ``summary`` is summary.json as a dict; ``timeseries`` is timeseries.csv as a tidy pandas frame (``time`` as
    datetime64[ns] UTC, then entity, metric, value, unit); ``events`` is events.csv as a frame; ``generations``
    and ``sites`` are the summary's lists as frames; ``write(folder)`` writes the run folder itself.
    """

    def __init__(self, scenario: Scenario, handle: Any) -> None:
        self.scenario = scenario
        self._handle = handle
        self._summary: Optional[dict] = None
        self._timeseries = None
        self._events = None

    @property
    def summary(self) -> dict:
        """summary.json as a dict (the same keys and numbers as the file)."""
        if self._summary is None:
            self._summary = _json.loads(self._handle.summary_json())
        return self._summary

    @property
    def timeseries(self):
        """timeseries.csv as a pandas DataFrame: time (datetime64[ns]), entity, metric, value (float64), unit."""
        if self._timeseries is None:
            self._timeseries = _frames.timeseries_frame(self._handle.series_columns())
        return self._timeseries

    @property
    def events(self):
        """events.csv as a pandas DataFrame: time (datetime64[ns]), kind, entity, detail."""
        if self._events is None:
            self._events = _frames.events_frame(self._handle.event_rows())
        return self._events

    @property
    def generations(self):
        """The released model generations (summary["generations"]) as a DataFrame, one row each."""
        return _frames.records_frame(self.summary["generations"], ("started_utc", "released_utc"))

    @property
    def sites(self):
        """The sites (summary["sites"]) as a DataFrame, one row each; "parts" and "design" stay as objects."""
        return _frames.records_frame(self.summary["sites"], ())

    def series(self, entity: str, metric: str):
        """One series of the time series as a pandas Series indexed by time (e.g. ``("company", "facility_power")``)."""
        ts = self.timeseries
        rows = ts[(ts["entity"] == entity) & (ts["metric"] == metric)]
        if rows.empty:
            raise _input_error(f"series: no series {entity!r} / {metric!r} in this run")
        return rows.set_index("time")["value"].rename(f"{entity}.{metric}")

    def write(self, folder: Union[str, "_os.PathLike[str]"], force: bool = False) -> None:
        """Writes the run folder (summary.json, timeseries.csv, events.csv, scenario.resolved.yaml, report.html,
        scene.czml) at ``folder``, byte for byte what ``kardashev run --out folder`` writes. An existing folder
        raises InputError unless ``force`` (which replaces only a folder this program wrote)."""
        self._handle.write(_os.fspath(folder), force)

    def text(self) -> str:
        """What ``kardashev run`` prints when the run is done (its folder line names no folder)."""
        return self._handle.text("")

    def __repr__(self) -> str:
        s = self.summary
        return f"<kardashev.Run {s['scenario']!r}: {s['steps']} steps {s['start_utc']} .. {s['end_utc']}>"


def run(scenario: Optional[Scenario] = None) -> Run:
    """Runs ``scenario`` (the embedded default when None) to the end, as ``kardashev run`` does; returns a
    :class:`Run`. Raises DomainError when a model leaves its validated range; Ctrl-C stops the wait."""
    if scenario is None:
        scenario = Scenario.default()
    if not isinstance(scenario, Scenario):
        raise _input_error(f"scenario: expected a kardashev.Scenario, got {type(scenario).__name__}", "scenario")
    return Run(scenario, _kardashev._run(scenario))


def _set_pairs(set: Union[Mapping[str, Any], Iterable[Tuple[str, Any]], None]) -> list:
    if set is None:
        return []
    items = set.items() if isinstance(set, Mapping) else set
    out = []
    for key, value in items:
        if isinstance(value, bool):
            value = "on" if value else "off"
        out.append((str(key), str(value)))
    return out


def size(site: str = "orbit", it_power: Optional[str] = None, orbit: Optional[str] = None,
         launch_price: Optional[str] = None, launcher: Optional[str] = None,
         set: Union[Mapping[str, Any], Iterable[Tuple[str, Any]], None] = None) -> dict:
    """The design of one site for an IT power: ``kardashev size --json`` as a dict (its keys, its numbers).

    ``site`` ground, orbit or moon; ``it_power`` e.g. "1 GW"; ``orbit`` "650 km" or "550 km, 53 deg";
    ``launch_price`` e.g. "200 USD/kg"; ``launcher`` a catalogue launcher; ``set`` any further input by key
    (``{"radiator.temperature": "350 K"}``, docs/models/sites.md), applied in order.
    """
    text = _kardashev._size(site, it_power or "", orbit or "", launch_price or "", launcher or "",
                            _set_pairs(set))
    return _json.loads(text)


def train(params: Union[str, float], tokens: Union[str, float], count: int, *, accelerator: str = "H100",
          layout: Optional[str] = None, search: bool = False, site: str = "ground",
          layers: int = 0, hidden: int = 0, heads: int = 0, kv_heads: int = 0, ffn: int = 0, gelu: bool = False,
          experts: int = 1, top_k: int = 1, shared_experts: int = 0, seq: int = 8192, vocab: int = 128256,
          set: Union[Mapping[str, Any], Iterable[Tuple[str, Any]], None] = None, seed: int = 1,
          trials: int = 200, explain: bool = False) -> dict:
    """Training time of one model on one cluster: ``kardashev train --json`` as a dict.

    ``params`` and ``tokens`` as numbers or text with units ("15.6 Ttok"); ``count`` accelerators; ``layout``
    e.g. "tp=8,pp=16,dp=64" or ``search=True``; ``set`` model inputs by key ({"mtbf": "50000 h"}); ``explain``
    adds the step's breakdown. The other arguments are the CLI's options of the same names.
    """
    kw = dict(params=_number_text(params), tokens=_number_text(tokens), count=_whole("count", count), accelerator=accelerator,
              layout=layout or "", search=bool(search), site=site, layers=layers, hidden=hidden, heads=heads,
              kv_heads=kv_heads, ffn=ffn, gelu=bool(gelu), experts=experts, top_k=top_k,
              shared_experts=shared_experts, seq=seq, vocab=vocab, seed=seed, trials=trials)
    sets = [f"{k}={v}" for k, v in _set_pairs(set)]
    return _json.loads(_kardashev._train(kw, sets, bool(explain)))


def eclipse(start: str, days: float, *, altitude: Optional[str] = None, sso: bool = False,
            ltan: Optional[str] = None, inclination: Optional[str] = None, raan: str = "0 deg",
            tle: Optional[Union[str, "_os.PathLike[str]"]] = None, id: Optional[int] = None,
            shadow: str = "cylindrical", method: str = "sampled", step: str = "10 s") -> dict:
    """Sunlit fraction, longest eclipse and eclipse season of an orbit: ``kardashev eclipse --json`` as a dict.

    A designed circular orbit (``altitude`` with ``sso=True`` and ``ltan``, or ``inclination`` and ``raan``) or
    an element set file ``tle`` (``id`` picks one); ``start`` ISO-8601 UTC, ``days`` the period.
    """
    kw: dict = dict(start=start, days=_real("days", days), altitude=altitude or "", sso=bool(sso), ltan=ltan or "",
                    inclination=inclination or "", raan=raan, tle=_os.fspath(tle) if tle is not None else "",
                    shadow=shadow, method=method, step=step)
    if id is not None:
        kw["id"] = _whole("id", id)
    return _json.loads(_kardashev._eclipse(kw))


def plan(scenario: Optional[Scenario] = None, *, objective: str = "compute", by: Optional[str] = None,
         target: Optional[Union[str, float]] = None, weight: Optional[Union[str, float]] = None,
         discount: Optional[str] = None, quarters: bool = False, physical: bool = False,
         power_builds: bool = True) -> dict:
    """The build-out that maximises compute (or minimises cost) within the scenario's limits, with every shadow
    price: ``kardashev plan --json`` as a dict (plan.json's keys). ``objective`` compute, cost or weighted;
    ``by`` an ISO date; ``target`` effective FLOP by then (cost); ``weight`` FLOP per discounted USD (weighted);
    ``discount`` e.g. "8 %"; ``quarters`` 3-month periods; ``physical`` physical FLOP; ``power_builds`` False: no
    new power-plant blocks. An infeasible or unbounded plan raises InputError naming the constraints."""
    if scenario is None:
        scenario = Scenario.default()
    kw = dict(objective=objective, by=by or "", target=_number_text(target) if target is not None else "",
              weight=_number_text(weight) if weight is not None else "", discount=discount or "",
              quarters=bool(quarters), physical=bool(physical), no_power_builds=not power_builds)
    return _json.loads(_kardashev._plan(scenario, kw))


def _number_text(v: Union[str, float]) -> str:
    return v if isinstance(v, str) else repr(v)


def propagate(elements: Union[Elements, str, "_os.PathLike[str]"], times: Any, *, threads: int = 0,
              out: Optional[Tuple[Any, Any, Any]] = None):
    """Propagates every element set to every time with the batch SGP4 kernel; returns ``(r, v, status)``.

    ``elements`` an :class:`Elements` (load_elements) or a TLE / OMM file path or text. ``times`` a 1-D NumPy
    array: minutes since each element set's epoch (float) or UTC instants (datetime64). ``r`` [km] and ``v``
    [km/s] are TEME float64 arrays of shape (satellites, times, 3), ``status`` uint8 (satellites, times) with
    Vallado's codes (0 ok, 6 decayed). The kernel writes into the arrays directly, without the GIL, on ``threads``
    threads (0: all); ``out`` reuses the arrays of an earlier call of the same shape. Ctrl-C stops between blocks
    of satellites. A times array of another shape or type raises InputError (key_path "times").
    """
    import numpy as np

    if not isinstance(elements, Elements):
        elements = load_elements(_os.fspath(elements))
    arr = np.asarray(times)
    return _kardashev._propagate(elements, arr, _whole("threads", threads), out)


def _scenario_source(scenario: Union[Scenario, str, "_os.PathLike[str]", None]) -> Tuple[str, list]:
    """(path, overrides) of a scenario argument: a Scenario (its file, "" for the default, and its set() overrides)
    or a file path."""
    if isinstance(scenario, Scenario):
        return scenario.path or "", list(scenario.overrides)
    if isinstance(scenario, (str, _os.PathLike)):
        return _os.fspath(scenario), []
    raise _input_error(f"scenario: expected a kardashev.Scenario or a file path, got {type(scenario).__name__}", "scenario")


def _joined(value: Union[str, Iterable[Any], None], sep: str = ",") -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return sep.join(":".join(map(str, v)) if isinstance(v, tuple) else str(v) for v in value)


def network(scenario: Union[Scenario, str, "_os.PathLike[str]", None] = None, *,
            pairs: Union[str, Iterable[Union[str, Tuple[str, str]]]],
            constellation: Union[str, Sequence[str], None] = None,
            catalogue: Optional[Union[str, "_os.PathLike[str]"]] = None, grid: Optional[str] = None,
            isl_shift: int = 0, isl_repair: bool = False,
            ground_stations: Optional[Union[str, "_os.PathLike[str]"]] = None, gsl: Optional[str] = None,
            gsl_per_station: int = 0, gsl_per_satellite: int = 0, ground_relays: bool = False,
            moon_terminals: Union[str, Sequence[str], None] = None, start: Optional[str] = None,
            duration: str = "200 s", step: str = "1 s", threads: int = 0,
            out: Optional[Union[str, "_os.PathLike[str]"]] = None, force: bool = False,
            export_topology: Optional[Union[str, "_os.PathLike[str]"]] = None) -> Network:
    """Routes, round-trip times, hops and path changes between ground stations over a constellation:
    ``kardashev network`` as a :class:`Network` (``routes``, ``rtt``, ``pairs`` frames and the ``summary`` dict).

    ``pairs`` "Manila:Dalian,Tokyo:Delhi" or a list of "A:B" or (A, B) (station names or ids); ``constellation``
    shell presets (starlink-s1, kuiper-k1, telesat-t1) or ``catalogue`` a TLE / OMM file (with ``grid``
    "PLANESxSATS"); ``scenario`` a Scenario or file with uplink.network instead (it gives the constellation and the
    stations); ``gsl`` "elevation:25deg" or "slant-range:1089686m"; ``start`` ISO-8601 UTC; ``duration`` and
    ``step`` with units. ``out`` also writes routes.csv and summary.json there, byte for byte as the CLI's
    ``--out``; ``export_topology`` every step's links to a CSV file. The other arguments are the CLI's options of
    the same names. Bad options raise InputError naming the option (e.g. "--step"); Ctrl-C stops the run.
    """
    kw = dict(pairs=_joined(pairs), constellation=_joined(constellation),
              catalogue=_os.fspath(catalogue) if catalogue is not None else "", grid=grid or "",
              isl_shift=_whole("isl_shift", isl_shift), isl_repair=bool(isl_repair),
              ground_stations=_os.fspath(ground_stations) if ground_stations is not None else "", gsl=gsl or "",
              gsl_per_station=_whole("gsl_per_station", gsl_per_station),
              gsl_per_satellite=_whole("gsl_per_satellite", gsl_per_satellite),
              ground_relays=bool(ground_relays), moon_terminals=_joined(moon_terminals), start=start or "",
              duration=str(duration), step=str(step), threads=_whole("threads", threads))
    path, overrides = _scenario_source(scenario) if scenario is not None else ("", [])
    summary, routes = _kardashev._network(kw, scenario is not None, path, overrides,
                                          _os.fspath(out) if out is not None else "",
                                          _os.fspath(export_topology) if export_topology is not None else "",
                                          bool(force))
    return Network(summary, routes)


def sweep(scenario: Union[Scenario, str, "_os.PathLike[str]", None] = None,
          sweep_file: Optional[Union[str, "_os.PathLike[str]"]] = None, *,
          vary: Union[Mapping[str, str], Iterable[str], None] = None,
          set: Union[Mapping[str, Any], Iterable[Tuple[str, Any]], None] = None,
          events: Optional[Iterable[str]] = None, method: Optional[str] = None, samples: Optional[int] = None,
          seed: Optional[int] = None, threads: int = 0, out: Optional[Union[str, "_os.PathLike[str]"]] = None,
          force: bool = False) -> Sweep:
    """Runs a scenario over sampled uncertain inputs: ``kardashev sweep`` on threads of this process (never MPI),
    as a :class:`Sweep` (``samples`` and ``results`` frames, the ``summary`` dict, ``text()``).

    ``scenario`` a Scenario (its set() overrides apply to every sample) or a file, None the embedded default;
    ``sweep_file`` a sweep YAML file; ``vary`` inputs as {"sites[0].pue": "uniform(1.1, 1.3)"} or a list of
    "KEY=DIST" (replacing the sweep file's input of that key); ``set`` overrides for every sample; ``events``
    e.g. ["orbit_cheaper_than_ground_from < 2033"]; ``method`` grid, monte_carlo, latin_hypercube, sobol, saltelli
    or morris; ``samples`` and ``seed`` as the CLI's; ``threads`` samples at once (0: every core; the results do
    not depend on it). ``out`` also writes the sweep folder there (samples.csv, results.csv, summary.json,
    report.html), byte for byte as the CLI's ``--out``; ``force`` replaces one. A failed sample is a row with its
    error; bad input raises InputError (a sweep file's with file, line and column); Ctrl-C stops the sweep.
    """
    if samples is not None and _whole("samples", samples) < 0:
        raise _input_error(f"samples: expected >= 0, got {samples}", "samples")
    if seed is not None and _whole("seed", seed) < 0:
        raise _input_error(f"seed: expected >= 0, got {seed}", "seed")
    if vary is None:
        varies: list = []
    elif isinstance(vary, Mapping):
        varies = [f"{k}={v}" for k, v in vary.items()]
    elif isinstance(vary, str):
        varies = [vary]
    else:
        varies = [str(v) for v in vary]
    kw: dict = dict(vary=varies, set=[f"{k}={v}" for k, v in _set_pairs(set)],
                    events=[events] if isinstance(events, str) else [str(e) for e in (events or [])],
                    method=method or "", threads=_whole("threads", threads), force=bool(force))
    if sweep_file is not None:
        kw["sweep_file"] = _os.fspath(sweep_file)
    if samples is not None:
        kw["samples"] = _whole("samples", samples)
    if seed is not None:
        kw["seed"] = _whole("seed", seed)
    if out is not None:
        kw["out"] = _os.fspath(out)
    path, overrides = _scenario_source(scenario if scenario is not None else Scenario.default())
    return Sweep(*_kardashev._sweep(path, overrides, kw))
