"""A scenario run through the module gives the CLI's run folder, exactly: summary.json, timeseries.csv, events.csv."""

import json

import numpy as np
import pandas as pd
import pytest

import kardashev


@pytest.fixture(scope="module")
def py_run():
    scenario = kardashev.Scenario.default().set("seed", 7).set("sites[0].pue", "1.1")
    return kardashev.run(scenario)


def test_summary_equals_the_cli_summary_json(py_run, cli_run):
    text = (cli_run / "summary.json").read_text()
    assert py_run.summary == json.loads(text)
    assert py_run._handle.summary_json() + "\n" == text or py_run._handle.summary_json() == text


def test_timeseries_frame_equals_the_cli_timeseries_csv(py_run, cli_run):
    csv = pd.read_csv(cli_run / "timeseries.csv", keep_default_na=False, dtype=str)
    ts = py_run.timeseries
    assert list(ts.columns) == ["time", "entity", "metric", "value", "unit"]
    assert ts["time"].dtype == np.dtype("datetime64[ns]")
    assert len(ts) == len(csv) > 0
    expected_time = pd.to_datetime(csv["time_utc"], utc=True).dt.tz_localize(None)
    assert (ts["time"].to_numpy() == expected_time.to_numpy()).all()
    for col in ("entity", "metric", "unit"):
        assert (ts[col].astype(str).to_numpy() == csv[col].astype(str).to_numpy()).all(), col
    # Exact: the CSV writes each double in its shortest round-trip form, which Python's float() reads back.
    expected_value = np.array([float(v) for v in csv["value"]])
    assert np.array_equal(ts["value"].to_numpy(), expected_value, equal_nan=True)


def test_timeseries_text_equals_the_cli_file_byte_for_byte(py_run, cli_run):
    assert py_run._handle.timeseries_csv() == (cli_run / "timeseries.csv").read_text()
    assert py_run._handle.events_csv() == (cli_run / "events.csv").read_text()


def test_events_frame_equals_the_cli_events_csv(py_run, cli_run):
    csv = pd.read_csv(cli_run / "events.csv", keep_default_na=False)
    ev = py_run.events
    assert list(ev.columns) == ["time", "kind", "entity", "detail"]
    assert len(ev) == len(csv)
    expected_time = pd.to_datetime(csv["time_utc"], utc=True).dt.tz_localize(None)
    assert (ev["time"].to_numpy() == expected_time.to_numpy()).all()
    for col in ("kind", "entity", "detail"):
        assert ev[col].tolist() == csv[col].astype(str).tolist()


def test_generations_and_sites_are_the_summary_lists(py_run):
    gens = py_run.generations
    assert len(gens) == len(py_run.summary["generations"]) > 0
    assert gens["flop"].tolist() == [g["flop"] for g in py_run.summary["generations"]]
    assert gens["released_utc"].dtype == np.dtype("datetime64[ns]")
    assert py_run.sites["name"].tolist() == [s["name"] for s in py_run.summary["sites"]]


def test_write_gives_the_cli_run_folder_byte_for_byte(py_run, cli_run, tmp_path):
    py_run.write(tmp_path / "py")
    names = sorted(p.name for p in cli_run.iterdir())
    assert sorted(p.name for p in (tmp_path / "py").iterdir()) == names
    for name in names:
        assert (tmp_path / "py" / name).read_bytes() == (cli_run / name).read_bytes(), name


def test_write_refuses_an_existing_folder_without_force(py_run, tmp_path):
    py_run.write(tmp_path / "again")
    with pytest.raises(kardashev.InputError, match="exists"):
        py_run.write(tmp_path / "again")
    py_run.write(tmp_path / "again", force=True)


def test_series_picks_one_channel_indexed_by_time(py_run):
    ts = py_run.timeseries
    entity, metric = str(ts["entity"].iloc[0]), str(ts["metric"].iloc[0])
    s = py_run.series(entity, metric)
    assert s.index.dtype == np.dtype("datetime64[ns]")
    assert len(s) == ((ts["entity"] == entity) & (ts["metric"] == metric)).sum()
    with pytest.raises(kardashev.InputError):
        py_run.series("no/such", "thing")


def test_a_higher_mfu_delivers_more_flop_to_the_first_generation():
    a = kardashev.run(kardashev.Scenario.default().set("training.mfu", "30 %"))
    b = kardashev.run(kardashev.Scenario.default().set("training.mfu", "45 %"))
    assert a.summary["generations"][0]["flop"] < b.summary["generations"][0]["flop"]
