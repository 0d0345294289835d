"""kardashev.network returns what `kardashev network --out` writes: routes.csv and summary.json, as frames and a
dict, byte for byte when it writes the folder too; bad options raise InputError naming the option."""

import json

import pandas as pd
import pandas.testing as pdt
import pytest

import kardashev
from conftest import cli

PAIRS = "Manila:Dalian,0:1"


def cli_network(out, *args):
    done = cli("network", "--quiet", "--out", str(out), *args)
    assert done.returncode == 0, done.stderr
    return out


def read_routes(path):
    return pd.read_csv(path, keep_default_na=False, na_values={"rtt_ms": [""]})


@pytest.fixture(scope="module")
def cli_routes(tmp_path_factory):
    return cli_network(tmp_path_factory.mktemp("net") / "cli", "--pairs", PAIRS, "--duration", "20 s", "--step", "2 s")


def test_network_folder_is_the_clis_byte_for_byte(cli_routes, tmp_path):
    kardashev.network(pairs=PAIRS, duration="20 s", step="2 s", out=tmp_path / "py")
    for name in ("routes.csv", "summary.json"):
        assert (tmp_path / "py" / name).read_bytes() == (cli_routes / name).read_bytes(), name


def test_network_frames_and_summary_equal_the_clis_files(cli_routes):
    net = kardashev.network(pairs=[("Manila", "Dalian"), "0:1"], duration="20 s", step="2 s", threads=1)
    assert net.summary == json.loads((cli_routes / "summary.json").read_text())
    pdt.assert_frame_equal(net.routes, read_routes(cli_routes / "routes.csv"))
    assert list(net.routes.columns) == ["time", "pair", "rtt_ms", "hops", "path"]
    assert net.pairs["pair"].tolist() == ["Manila:Dalian", "Tokyo:Delhi"]


def test_network_rtt_is_wide_by_utc_time(cli_routes):
    net = kardashev.network(pairs=PAIRS, duration="20 s", step="2 s")
    rtt = net.rtt
    assert rtt.shape == (10, 2)
    assert list(rtt.columns) == ["Manila:Dalian", "Tokyo:Delhi"]
    assert rtt.index[0] == pd.Timestamp("2000-01-01T00:00:00") and rtt.index[1] == pd.Timestamp("2000-01-01T00:00:02")
    first = {p["pair"]: p["rtt_t0_ms"] for p in net.summary["pairs"]}
    assert rtt.iloc[0].to_dict() == first


def test_unreachable_steps_are_nan_with_no_path(tmp_path):
    cli_dir = cli_network(tmp_path / "cli", "--pairs", "Manila:Dalian", "--gsl", "elevation:70deg", "--duration", "4 s")
    net = kardashev.network(pairs="Manila:Dalian", gsl="elevation:70deg", duration="4 s")
    pdt.assert_frame_equal(net.routes, read_routes(cli_dir / "routes.csv"))
    assert net.routes["rtt_ms"].isna().all() and (net.routes["path"] == "").all() and (net.routes["hops"] == 0).all()


def test_network_over_a_scenario_equals_the_cli(source, tmp_path):
    path = str(source / "scenarios" / "default.yaml")
    pairs = "north-america:colossus-1,europe:colossus-2"
    cli_dir = cli_network(tmp_path / "cli", path, "--pairs", pairs, "--duration", "6 s", "--step", "2 s")
    net = kardashev.network(kardashev.Scenario.load(path), pairs=pairs, duration="6 s", step="2 s",
                            out=tmp_path / "py")
    assert net.summary == json.loads((cli_dir / "summary.json").read_text())
    assert "delivery" in net.summary
    for name in ("routes.csv", "summary.json"):
        assert (tmp_path / "py" / name).read_bytes() == (cli_dir / name).read_bytes(), name


def test_an_existing_out_folder_is_refused_without_force(tmp_path):
    kardashev.network(pairs="Manila:Dalian", duration="2 s", out=tmp_path / "n")
    with pytest.raises(kardashev.InputError, match="exists"):
        kardashev.network(pairs="Manila:Dalian", duration="2 s", out=tmp_path / "n")
    kardashev.network(pairs="Manila:Dalian", duration="2 s", out=tmp_path / "n", force=True)


@pytest.mark.parametrize("kwargs, message", [
    (dict(pairs="Manila:Dalian", step="1 furlong"), "--step"),
    (dict(pairs="Manila:Dalian", step="0 s"), "--step: expected a positive step"),
    (dict(pairs="Manila:Dalian", gsl="elevation:95deg"), "--gsl"),
    (dict(pairs="Manila:Dalian", grid="34by34"), "--grid"),
    (dict(pairs="Manila-Dalian"), "--pairs: expected A:B"),
    (dict(pairs="Manila:Nowhere"), 'unknown ground station "Nowhere"'),
    (dict(pairs="Manila:Dalian", constellation="starlink-s1", catalogue="x.tle"), "either --constellation or --catalogue"),
    (dict(pairs="Manila:Dalian", start="yesterday"), "--start"),
])
def test_bad_network_options_raise_input_error(kwargs, message):
    with pytest.raises(kardashev.InputError, match=message):
        kardashev.network(duration="2 s", **kwargs)


@pytest.mark.parametrize("kwargs, key", [
    (dict(isl_shift="x"), "isl_shift"),
    (dict(gsl_per_station=1.5), "gsl_per_station"),
    (dict(threads=None), "threads"),
])
def test_a_wrongly_typed_option_raises_input_error_naming_it(kwargs, key):
    with pytest.raises(kardashev.InputError, match=f"^{key}: expected a whole number") as raised:
        kardashev.network(pairs="Manila:Dalian", duration="2 s", **kwargs)
    assert raised.value.key_path == key
    assert raised.value.file is None and raised.value.line is None
    assert raised.value.diagnostics[0]["key_path"] == key


def test_a_scenario_with_a_constellation_option_raises_input_error():
    with pytest.raises(kardashev.InputError, match="SCENARIO gives the constellation"):
        kardashev.network(kardashev.Scenario.default(), pairs="europe:colossus-1", constellation="kuiper-k1")
