"""Scenario.load, default, set and explain: what `kardashev explain --set` prints, and typed errors with locations."""

import pytest

import kardashev
from conftest import cli


def test_explain_equals_the_cli_explain_with_the_same_overrides(source):
    path = str(source / "scenarios" / "default.yaml")
    s = kardashev.Scenario.load(path).set("sites[0].pue", "1.1").set("training.mfu", "45%")
    done = cli("explain", path, "--set", "sites[0].pue=1.1", "--set", "training.mfu=45%")
    assert done.returncode == 0, done.stderr
    assert s.explain() == done.stdout
    assert s.overrides == [("sites[0].pue", "1.1"), ("training.mfu", "45%")]
    assert s.path == path


def test_default_is_the_embedded_scenario():
    s = kardashev.Scenario.default()
    assert s.path is None
    assert s.explain() == cli("explain").stdout
    assert s.set("seed", 12345).seed == 12345


def test_a_wrong_key_raises_input_error_with_its_key_path_and_keeps_the_scenario():
    s = kardashev.Scenario.default()
    before = s.explain()
    with pytest.raises(kardashev.InputError) as err:
        s.set("sites[0].peu", "1.1")
    assert err.value.key_path == "sites[0].peu"
    assert err.value.diagnostics and err.value.diagnostics[0]["key_path"] == "sites[0].peu"
    assert isinstance(err.value, ValueError) and isinstance(err.value, kardashev.Error)
    assert s.explain() == before
    assert s.overrides == []


def test_a_unit_that_does_not_parse_raises_input_error():
    with pytest.raises(kardashev.InputError) as err:
        kardashev.Scenario.default().set("training.mfu", "45 furlongs")
    assert err.value.key_path == "training.mfu"
    assert "45 furlongs" in str(err.value)


def test_a_bad_file_raises_input_error_with_file_line_and_column(source):
    folder = source / "tests" / "data" / "scenarios" / "bad"
    path = folder / "bad_date.yaml"
    with pytest.raises(kardashev.InputError) as err:
        kardashev.Scenario.load(str(path))
    assert (err.value.file, err.value.line, err.value.column, err.value.key_path) == (str(path), 3, 8, "start")
    # The message is the CLI's diagnostic line (bad_date.stderr, without the CLI's count line).
    expected = (folder / "bad_date.stderr").read_text().replace("@DIR@", str(folder)).splitlines()[0]
    assert str(err.value) == expected


def test_a_missing_file_raises_input_error():
    with pytest.raises(kardashev.InputError):
        kardashev.Scenario.load("/no/such/scenario.yaml")
