"""Ctrl-C (SIGINT) stops a long call with KeyboardInterrupt: propagate between blocks of satellites, run() at once."""

import os
import signal
import threading
import time

import numpy as np
import pytest

import kardashev


def interrupt_after(seconds: float) -> threading.Timer:
    timer = threading.Timer(seconds, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    return timer


@pytest.fixture(scope="module")
def many(source):
    """3 600 element sets: Vallado's first 18 (SGP4-VER.TLE), 200 times over."""
    lines = (source / "tests" / "data" / "sgp4" / "SGP4-VER.TLE").read_text().splitlines()[:60]
    text = "\n".join(l[:69] for l in lines if not l.startswith("#")) + "\n"
    return kardashev.load_elements(text * 200)


def test_sigint_stops_a_long_propagation(many):
    times = np.linspace(0.0, 1440.0, 3000)  # 10.8 million states: over 0.5 s on one thread
    timer = interrupt_after(0.05)
    t0 = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        kardashev.propagate(many, times, threads=1)
    timer.join()
    full = time.perf_counter()
    kardashev.propagate(many, times[:300], threads=1)  # a tenth of the work, for scale
    tenth = time.perf_counter() - full
    assert full - t0 < 10 * tenth + 1.0


def test_sigint_stops_the_wait_for_a_run():
    timer = interrupt_after(0.05)
    with pytest.raises(KeyboardInterrupt):
        kardashev.run(kardashev.Scenario.default().set("length", "10 y"))
    timer.join()


def test_sigint_stops_a_long_network_run(tmp_path):
    # A folder write first: it installs its own SIGINT action for its time, and Python's must be back after it.
    kardashev.network(pairs="Manila:Dalian", duration="2 s", out=tmp_path / "n")
    timer = interrupt_after(0.05)
    t0 = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        kardashev.network(pairs="Manila:Dalian,Tokyo:Delhi", duration="1 d", step="1 s", threads=1)
    timer.join()
    assert time.perf_counter() - t0 < 5.0


def test_sigint_stops_a_sweep_and_writes_no_folder(tmp_path):
    timer = interrupt_after(0.05)
    t0 = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        kardashev.sweep(vary={"sites[0].pue": "uniform(1.1, 1.3)"}, samples=200, threads=1, out=tmp_path / "s")
    timer.join()
    assert time.perf_counter() - t0 < 5.0
    time.sleep(1.0)  # the cancelled worker starts no further sample and writes nothing
    assert not (tmp_path / "s").exists()
