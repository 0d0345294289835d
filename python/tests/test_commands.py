"""kardashev.size, train and eclipse return the dicts of `kardashev size --json`, `train --json`, `eclipse --json`."""

import json

import pytest

import kardashev
from conftest import cli


def cli_json(*args):
    done = cli(*args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_size_equals_the_cli_json():
    got = kardashev.size(site="orbit", it_power="100 MW", launch_price="200 USD/kg",
                         set={"radiator.temperature": "320 K"})
    assert got == cli_json("size", "--site", "orbit", "--it-power", "100 MW", "--launch-price", "200 USD/kg",
                           "--set", "radiator.temperature=320 K", "--json")


def test_size_with_a_unit_that_does_not_parse_raises_input_error():
    with pytest.raises(kardashev.InputError, match="it_power"):
        kardashev.size(it_power="1 furlong")


def test_train_equals_the_cli_json():
    got = kardashev.train(405e9, "15.6 Ttok", 16384, layout="tp=8,pp=16,dp=128,recompute=full", set={"mtbf": "50000 h"},
                          explain=True)
    assert got == cli_json("train", "--params", "405000000000.0", "--tokens", "15.6 Ttok", "--count", "16384",
                           "--layout", "tp=8,pp=16,dp=128,recompute=full", "--set", "mtbf=50000 h", "--explain", "--json")


def test_train_with_an_unknown_key_raises_input_error():
    with pytest.raises(kardashev.InputError, match='unknown key "mtfb"'):
        kardashev.train(405e9, 15.6e12, 16384, set={"mtfb": "5 h"})


def test_eclipse_equals_the_cli_json():
    got = kardashev.eclipse("2026-01-01", 30, altitude="650 km", sso=True, ltan="18:00", step="60 s")
    assert got == cli_json("eclipse", "--altitude", "650 km", "--sso", "--ltan", "18:00", "--start", "2026-01-01",
                           "--days", "30", "--step", "60 s", "--json")


def test_eclipse_without_an_orbit_raises_input_error():
    with pytest.raises(kardashev.InputError, match="--altitude"):
        kardashev.eclipse("2026-01-01", 1)


def test_plan_equals_the_cli_json(source):
    path = str(source / "scenarios" / "default.yaml")
    got = kardashev.plan(kardashev.Scenario.load(path), by="2030-01-01")
    assert got == cli_json("plan", path, "--by", "2030-01-01", "--json")


def test_plan_with_an_unknown_objective_raises_input_error():
    with pytest.raises(kardashev.InputError, match="objective"):
        kardashev.plan(objective="fastest")
