# Type stubs of the kardashev package (docs/python.md); the docstrings are in the module itself.
import os
from typing import Any, Iterable, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import numpy.typing as npt
import pandas as pd

__version__: str

_Sets = Union[Mapping[str, Any], Iterable[Tuple[str, Any]], None]
_Path = Union[str, os.PathLike[str]]

class Error(RuntimeError):
    """Base of every error kardashev raises."""
    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    key_path: Optional[str]
    diagnostics: list[dict[str, Any]]

class InputError(Error, ValueError):
    """Bad input: a scenario key, a unit, a file, an array of the wrong shape; file, line, column and key_path
    say where (None when unknown), diagnostics lists every error found."""

class DomainError(Error):
    """A model asked to work outside the range it is validated for."""

class Scenario:
    """A scenario: a YAML file (or the embedded default) and its overrides."""
    @staticmethod
    def load(path: str) -> Scenario:
        """Loads the scenario file at `path`, as `kardashev run PATH` reads it; InputError with every error."""
    @staticmethod
    def default() -> Scenario:
        """The embedded default scenario (scenarios/default.yaml)."""
    def set(self, key_path: str, value: Any) -> Scenario:
        """Overrides `key_path` (e.g. "sites[0].pue") with `value`, as `--set`; InputError (the scenario kept as
        it was) for a wrong key or a value that does not parse. Returns the scenario."""
    def explain(self) -> str:
        """The fully resolved scenario as YAML: what `kardashev explain` prints."""
    @property
    def name(self) -> str:
        """The scenario's name."""
    @property
    def seed(self) -> int:
        """The run seed."""
    @property
    def path(self) -> Optional[str]:
        """The scenario file, or None for the embedded default."""
    @property
    def overrides(self) -> list[Tuple[str, str]]:
        """The overrides given with set(), in order."""

class Run:
    """A finished run: the run folder's files as Python objects."""
    scenario: Scenario
    @property
    def summary(self) -> dict[str, Any]:
        """summary.json as a dict."""
    @property
    def timeseries(self) -> pd.DataFrame:
        """timeseries.csv as a tidy frame: time (datetime64[ns]), entity, metric, value, unit."""
    @property
    def events(self) -> pd.DataFrame:
        """events.csv as a frame: time, kind, entity, detail."""
    @property
    def generations(self) -> pd.DataFrame:
        """summary["generations"] as a frame."""
    @property
    def sites(self) -> pd.DataFrame:
        """summary["sites"] as a frame."""
    def series(self, entity: str, metric: str) -> pd.Series:
        """One series indexed by time."""
    def write(self, folder: _Path, force: bool = ...) -> None:
        """Writes the run folder, byte for byte what `kardashev run --out folder` writes."""
    def text(self) -> str:
        """What `kardashev run` prints when the run is done."""

def run(scenario: Optional[Scenario] = ...) -> Run:
    """Runs `scenario` (the embedded default when None) to the end."""

def plan(scenario: Optional[Scenario] = ..., *, objective: str = ..., by: Optional[str] = ...,
         target: Optional[Union[str, float]] = ..., weight: Optional[Union[str, float]] = ...,
         discount: Optional[str] = ..., quarters: bool = ..., physical: bool = ...,
         power_builds: bool = ...) -> dict[str, Any]:
    """`kardashev plan --json` as a dict."""

def size(site: str = ..., it_power: Optional[str] = ..., orbit: Optional[str] = ...,
         launch_price: Optional[str] = ..., launcher: Optional[str] = ..., set: _Sets = ...) -> dict[str, Any]:
    """`kardashev size --json` as a dict."""

def train(params: Union[str, float], tokens: Union[str, float], count: int, *, accelerator: str = ...,
          layout: Optional[str] = ..., search: bool = ..., site: str = ..., layers: int = ..., hidden: int = ...,
          heads: int = ..., kv_heads: int = ..., ffn: int = ..., gelu: bool = ..., experts: int = ...,
          top_k: int = ..., shared_experts: int = ..., seq: int = ..., vocab: int = ..., set: _Sets = ...,
          seed: int = ..., trials: int = ..., explain: bool = ...) -> dict[str, Any]:
    """`kardashev train --json` as a dict."""

def eclipse(start: str, days: float, *, altitude: Optional[str] = ..., sso: bool = ..., ltan: Optional[str] = ...,
            inclination: Optional[str] = ..., raan: str = ..., tle: Optional[_Path] = ..., id: Optional[int] = ...,
            shadow: str = ..., method: str = ..., step: str = ...) -> dict[str, Any]:
    """`kardashev eclipse --json` as a dict."""

class Elements:
    """Element sets (TLE or OMM) initialised for SGP4."""
    def __len__(self) -> int: ...
    @property
    def catalogue_numbers(self) -> npt.NDArray[np.uint32]:
        """NORAD catalogue numbers, in file order."""
    @property
    def names(self) -> list[str]:
        """Object names, in file order."""

def load_elements(source: str, mode: str = ...) -> Elements:
    """Element sets from a TLE / OMM file path, or from such text (holding a line break)."""

def propagate(elements: Union[Elements, _Path], times: npt.ArrayLike, *, threads: int = ...,
              out: Optional[Tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.uint8]]] = ...
              ) -> Tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.uint8]]:
    """TEME r [km], v [km/s] of shape (satellites, times, 3) and status (satellites, times)."""

class Network:
    """A routed network study: what `kardashev network --out` writes, as Python objects."""
    summary: dict[str, Any]
    """summary.json as a dict (inputs, node_ids, trees, pairs, and delivery over a scenario)."""
    routes: pd.DataFrame
    """routes.csv as a frame: time [s from the start], pair, rtt_ms (NaN: unreachable), hops, path ("1601-903-...")."""
    @property
    def rtt(self) -> pd.DataFrame:
        """Round trips [ms] indexed by UTC time (datetime64[ns]), one column per pair."""
    @property
    def pairs(self) -> pd.DataFrame:
        """summary["pairs"] as a frame: t0, min, median and max RTT, path changes, unreachable seconds, c-bound."""

def network(scenario: Union[Scenario, _Path, None] = ..., *, pairs: Union[str, Iterable[Union[str, Tuple[str, str]]]],
            constellation: Union[str, Sequence[str], None] = ..., catalogue: Optional[_Path] = ...,
            grid: Optional[str] = ..., isl_shift: int = ..., isl_repair: bool = ...,
            ground_stations: Optional[_Path] = ..., gsl: Optional[str] = ..., gsl_per_station: int = ...,
            gsl_per_satellite: int = ..., ground_relays: bool = ..., moon_terminals: Union[str, Sequence[str], None] = ...,
            start: Optional[str] = ..., duration: str = ..., step: str = ..., threads: int = ...,
            out: Optional[_Path] = ..., force: bool = ..., export_topology: Optional[_Path] = ...) -> Network:
    """Routes and round trips between ground stations over a constellation: `kardashev network`; `out` also writes
    its folder byte for byte. InputError names the option ("--step", "--pairs")."""

class Sweep:
    """A finished sweep: what `kardashev sweep` writes into its sweep folder, as Python objects."""
    samples: pd.DataFrame
    """samples.csv as a frame: sample, seed, then each input's value."""
    results: pd.DataFrame
    """results.csv as a frame: sample, status, each headline output, error ("" for a sample that ran)."""
    summary: dict[str, Any]
    """summary.json as a dict: the sweep, runs, outputs' statistics, events, sensitivities."""
    def text(self) -> str:
        """What `kardashev sweep` prints at the end."""

def sweep(scenario: Union[Scenario, _Path, None] = ..., sweep_file: Optional[_Path] = ..., *,
          vary: Union[Mapping[str, str], Iterable[str], None] = ..., set: _Sets = ...,
          events: Optional[Iterable[str]] = ..., method: Optional[str] = ..., samples: Optional[int] = ...,
          seed: Optional[int] = ..., threads: int = ..., out: Optional[_Path] = ..., force: bool = ...) -> Sweep:
    """`kardashev sweep` on threads of this process (never MPI); `out` also writes the sweep folder byte for byte.
    Bad input raises InputError (a sweep file's with file, line and column)."""
