"""Fixtures of the kardashev module's tests: the CLI (KD_CLI), the source tree (KD_SOURCE_DIR) and one CLI run
folder of the default scenario that the module's results are compared with."""

import os
import pathlib
import subprocess

import pytest

SOURCE = pathlib.Path(os.environ.get("KD_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
CLI = os.environ.get("KD_CLI", str(SOURCE / "build" / "release" / "kardashev"))


def cli(*args: str) -> subprocess.CompletedProcess:
    """Runs the kardashev CLI; the tests compare its output with the module's (the module never runs it)."""
    return subprocess.run([CLI, *args], capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def source() -> pathlib.Path:
    return SOURCE


@pytest.fixture(scope="session")
def cli_run(tmp_path_factory) -> pathlib.Path:
    """The run folder `kardashev run --set seed=7 --set sites[0].pue=1.1` writes (the embedded default)."""
    out = tmp_path_factory.mktemp("cli") / "run"
    done = cli("run", "--quiet", "--seed", "7", "--set", "sites[0].pue=1.1", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out
