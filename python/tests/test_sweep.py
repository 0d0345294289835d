"""kardashev.sweep returns what `kardashev sweep` writes: samples.csv, results.csv and summary.json as frames and a
dict, the same with any number of threads, and the sweep folder byte for byte when asked; bad input raises
InputError with its location."""

import json

import pandas as pd
import pandas.testing as pdt
import pytest

import kardashev
from conftest import cli

VARY = "sites[0].pue=uniform(1.1, 1.3)"
EVENT = "orbit_cheaper_than_ground_from < 2033"
FILES = ("samples.csv", "results.csv", "summary.json", "report.html")


@pytest.fixture(scope="module")
def cli_sweep(tmp_path_factory, source):
    out = tmp_path_factory.mktemp("sweep") / "cli"
    done = cli("sweep", str(source / "scenarios" / "default.yaml"), "--vary", VARY, "--event", EVENT, "--samples", "4",
               "--seed", "3", "--threads", "2", "--set", "sites[1].pue=1.2", "--out", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    return out


def py_sweep(source, **kw):
    scenario = kardashev.Scenario.load(str(source / "scenarios" / "default.yaml")).set("sites[1].pue", "1.2")
    return kardashev.sweep(scenario, vary={"sites[0].pue": "uniform(1.1, 1.3)"}, events=[EVENT], samples=4, seed=3, **kw)


def test_sweep_folder_is_the_clis_byte_for_byte(cli_sweep, source, tmp_path):
    py_sweep(source, threads=1, out=tmp_path / "py")
    for name in FILES:
        assert (tmp_path / "py" / name).read_bytes() == (cli_sweep / name).read_bytes(), name


def test_sweep_frames_and_summary_equal_the_clis_files(cli_sweep, source, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sw = py_sweep(source, threads=2)
    assert list(tmp_path.iterdir()) == []  # no out: nothing written
    assert sw.summary == json.loads((cli_sweep / "summary.json").read_text())
    pdt.assert_frame_equal(sw.samples, pd.read_csv(cli_sweep / "samples.csv"))
    results = pd.read_csv(cli_sweep / "results.csv", dtype={"error": str})
    results["error"] = results["error"].fillna("")
    pdt.assert_frame_equal(sw.results, results)
    assert sw.samples["seed"].dtype == "uint64" or sw.samples["seed"].dtype == "int64"
    assert (sw.results["status"] == "ok").all() and (sw.results["error"] == "").all()
    assert sw.text().startswith("4 samples (latin_hypercube): 4 ran, 0 failed\n")
    assert f"P({EVENT}) = " in sw.text()


def test_a_sweep_file_gives_the_same_as_its_options(source, tmp_path):
    spec = tmp_path / "sweep.yaml"
    spec.write_text("method: monte_carlo\nsamples: 3\nseed: 5\ninputs:\n  sites[0].pue: uniform(1.1, 1.3)\n")
    from_file = kardashev.sweep(None, spec, threads=1)
    from_options = kardashev.sweep(vary=[VARY], method="monte_carlo", samples=3, seed=5, threads=1)
    assert from_file.summary == from_options.summary
    assert from_file.summary["sweep"]["scenario"] == "<default>"
    pdt.assert_frame_equal(from_file.results, from_options.results)


def test_a_bad_sweep_file_raises_input_error_at_its_line(tmp_path):
    spec = tmp_path / "sweep.yaml"
    spec.write_text("samples: 3\ninputs:\n  sites[0].pue: uniform(1.3)\n")
    with pytest.raises(kardashev.InputError) as e:
        kardashev.sweep(None, spec)
    assert e.value.file == str(spec) and e.value.line == 3


@pytest.mark.parametrize("kwargs, message", [
    (dict(vary=["sites[0].pue=uniform(1.1)"]), "--vary"),
    (dict(vary=["sites[0].pue=gaussian(1, 2)"]), "--vary"),
    (dict(vary=[VARY], method="fastest"), "method"),
    (dict(vary=[VARY], events=["nothing < 3"]), "nothing"),
    (dict(vary=["sites[0].pew=uniform(1.1, 1.3)"]), "the first sample does not load"),
    (dict(vary=[VARY], samples=-1), "samples"),
])
def test_bad_sweep_input_raises_input_error(kwargs, message):
    with pytest.raises(kardashev.InputError, match=message):
        kardashev.sweep(**kwargs)


def test_an_existing_sweep_folder_is_refused_without_force(tmp_path):
    kardashev.sweep(vary=[VARY], samples=2, seed=1, out=tmp_path / "s")
    with pytest.raises(kardashev.InputError, match="exists"):
        kardashev.sweep(vary=[VARY], samples=2, seed=1, out=tmp_path / "s")
    kardashev.sweep(vary=[VARY], samples=2, seed=1, out=tmp_path / "s", force=True)


def test_a_failed_sample_is_a_row_with_its_error_as_in_the_clis_results(source, tmp_path):
    path = str(source / "scenarios" / "default.yaml")
    vary = "sites[0].pue=uniform(0.6, 1.4)"  # below 1 does not load; seed 2 keeps sample 0 above it
    done = cli("sweep", path, "--vary", vary, "--samples", "4", "--seed", "2", "--out", str(tmp_path / "cli"), "--quiet")
    assert done.returncode == 0, done.stderr
    sw = kardashev.sweep(path, vary=[vary], samples=4, seed=2, threads=2, out=tmp_path / "py")
    for name in FILES:
        assert (tmp_path / "py" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name
    assert sw.results["status"].tolist() == ["ok", "failed", "failed", "ok"]
    failed = sw.results[sw.results["status"] == "failed"]
    assert failed["error"].str.contains(r"--vary: sites\[0\]\.pue: expected a number of at least 1").all()
    assert failed["cost_per_accelerator_hour_usd"].isna().all()
    assert sw.summary["runs"] == {"samples": 4, "ran": 2, "failed": 2}
