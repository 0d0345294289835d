"""pandas frames of a run's series, events and summary lists (kardashev.Run); pandas is imported on first use."""

from __future__ import annotations

from typing import Any, Iterable, Sequence


def timeseries_frame(cols: dict):
    """The tidy frame of timeseries.csv from the module's columns: time, entity, metric, value, unit.

    entity, metric and unit are categoricals (one code per row from the recorder's channel table); compare them
    with strings as usual, or ``.astype(str)`` for plain object columns.
    """
    import numpy as np
    import pandas as pd

    channels: Sequence[tuple] = cols["channels"]
    channel = cols["channel"]
    frame = {"time": pd.to_datetime(cols["time_ns"], unit="ns")}
    for i, name in enumerate(("entity", "metric", "unit")):
        names = [c[i] for c in channels]
        categories, codes_of_channel = np.unique(np.array(names, dtype=object), return_inverse=True)
        codes = codes_of_channel.astype(np.int32)[channel] if len(channels) else np.zeros(0, np.int32)
        frame[name] = pd.Categorical.from_codes(codes, categories=list(categories))
    frame["value"] = cols["value"]
    return pd.DataFrame(frame, columns=["time", "entity", "metric", "value", "unit"])


def events_frame(rows: Iterable[tuple]):
    """The frame of events.csv: time (datetime64[ns]), kind, entity, detail."""
    import pandas as pd

    rows = list(rows)
    frame = pd.DataFrame(rows, columns=["time", "kind", "entity", "detail"])
    frame["time"] = pd.to_datetime(frame["time"].astype("int64"), unit="ns")
    return frame


def records_frame(records: list, time_columns: Iterable[str]):
    """A frame of a list of JSON objects, its ISO-8601 time columns parsed to datetime64."""
    import pandas as pd

    frame = pd.DataFrame.from_records(records)
    for c in time_columns:
        if c in frame:
            frame[c] = pd.to_datetime(frame[c], utc=True).dt.tz_localize(None)
    return frame


