"""kardashev.propagate: the batch SGP4 kernel into NumPy arrays, equal to `kardashev propagate` and to Vallado's
code as python-sgp4 wraps it; typed errors for bad element sets and bad arrays."""

import io

import numpy as np
import pandas as pd
import pytest

import kardashev
from conftest import cli


@pytest.fixture(scope="module")
def tle_path(source, tmp_path_factory):
    """The first 18 element sets of Vallado's SGP4-VER.TLE (tests/data/sgp4), cut to the 69 TLE columns."""
    lines = (source / "tests" / "data" / "sgp4" / "SGP4-VER.TLE").read_text().splitlines()[:60]
    text = "\n".join(l[:69] for l in lines if not l.startswith("#")) + "\n"
    path = tmp_path_factory.mktemp("tle") / "vallado18.tle"
    path.write_text(text)
    return path


def cli_rows(*args):
    done = cli("propagate", *args)
    assert done.returncode == 0, done.stderr
    return pd.read_csv(io.StringIO(done.stdout))


def test_minutes_since_epoch_give_the_cli_states(tle_path):
    r, v, status = kardashev.propagate(str(tle_path), np.array([0.0, 360.0, 720.0]))
    assert r.shape == v.shape == (18, 3, 3)
    assert status.shape == (18, 3) and status.dtype == np.uint8
    rows = cli_rows(str(tle_path), "--tsince-min", "0:720:360")
    ok = rows["status"] == "ok"
    # The CLI prints 8 decimals of km and 9 of km/s: equal to within half a unit of the last digit.
    assert np.allclose(r.reshape(-1, 3)[ok], rows.loc[ok, ["x_km", "y_km", "z_km"]], rtol=0, atol=5.1e-9)
    assert np.allclose(v.reshape(-1, 3)[ok], rows.loc[ok, ["vx_km_s", "vy_km_s", "vz_km_s"]], rtol=0, atol=5.1e-10)
    assert ((status.reshape(-1) == 0) == ok.to_numpy()).all()


def test_utc_times_give_the_cli_states(tle_path):
    times = np.array(["2026-01-01T00:00", "2026-01-01T00:30", "2026-01-01T01:00"], dtype="datetime64[ns]")
    elements = kardashev.load_elements(str(tle_path))
    r, _, status = kardashev.propagate(elements, times)
    rows = cli_rows(str(tle_path), "--start", "2026-01-01", "--stop", "2026-01-01T01:00:00Z", "--step", "30 min")
    ok = rows["status"] == "ok"
    assert ok.sum() > 0
    assert np.allclose(r.reshape(-1, 3)[ok], rows.loc[ok, ["x_km", "y_km", "z_km"]], rtol=0, atol=5.1e-9)
    assert list(elements.catalogue_numbers[:2]) == [5, 4632]


def test_states_agree_with_python_sgp4(tle_path):
    sgp4_api = pytest.importorskip("sgp4.api", reason="Debian's python3-sgp4 (tools/setup.sh) is not installed")
    lines = [l for l in tle_path.read_text().splitlines() if l]
    sats = [sgp4_api.Satrec.twoline2rv(lines[i], lines[i + 1]) for i in range(0, len(lines), 2)]
    tsince = np.array([0.0, 100.0, 1000.0])
    r, v, status = kardashev.propagate(str(tle_path), tsince)
    for k, sat in enumerate(sats):
        for j, t in enumerate(tsince):
            jd, fr = sat.jdsatepoch, sat.jdsatepochF + t / 1440.0
            e, rr, vv = sat.sgp4(jd, fr)
            if e == 0 and status[k, j] == 0:
                # Same equations (Vallado 2006) in another build: agreement to a micrometre.
                assert np.allclose(r[k, j], rr, rtol=0, atol=1e-9 * 1e3), (k, t)
                assert np.allclose(v[k, j], vv, rtol=0, atol=1e-9), (k, t)


def test_outputs_are_filled_in_place_and_reused(tle_path):
    elements = kardashev.load_elements(str(tle_path))
    times = np.linspace(0.0, 1440.0, 7)
    r, v, status = kardashev.propagate(elements, times, threads=1)
    assert not r.flags.owndata  # a view of the kernel's (3, sats, times) block: no copy
    r2, v2, s2 = kardashev.propagate(elements, times, threads=2, out=(r, v, status))
    assert r2 is r and v2 is v and s2 is status
    again, _, _ = kardashev.propagate(elements, times, threads=2)
    assert np.array_equal(again, r, equal_nan=True)


def test_times_of_the_wrong_shape_raise_input_error(tle_path):
    with pytest.raises(kardashev.InputError) as err:
        kardashev.propagate(str(tle_path), np.zeros((2, 3)))
    assert err.value.key_path == "times"
    assert "shape (2, 3)" in str(err.value)
    with pytest.raises(kardashev.InputError) as err:
        kardashev.propagate(str(tle_path), np.array(["a", "b"]))
    assert err.value.key_path == "times"


def test_an_out_array_of_the_wrong_shape_raises_input_error(tle_path):
    with pytest.raises(kardashev.InputError) as err:
        kardashev.propagate(str(tle_path), np.zeros(3), out=(np.zeros((18, 3, 3)), np.zeros((18, 3, 3)),
                                                             np.zeros((18, 3), np.uint8)))
    assert err.value.key_path == "out[0]"


def test_a_bad_checksum_raises_input_error_at_its_line_and_column(source):
    path = source / "tests" / "data" / "sgp4" / "SGP4-VER.TLE"
    with pytest.raises(kardashev.InputError) as err:
        kardashev.load_elements(str(path))
    assert (err.value.file, err.value.line, err.value.column) == (str(path), 100, 69)
    assert "line 1 checksum: expected 2, got '4'" in str(err.value)


def test_text_holding_a_line_break_is_read_as_element_sets(tle_path):
    elements = kardashev.load_elements(tle_path.read_text())
    assert len(elements) == 18
