"""Shared fixtures: an isolated data folder and a ready-made app."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from tests import ci_guard
from trainer.catalog.loader import load_catalog
from trainer.catalog.validated import Catalog
from trainer.journal.device import DEVICE_ENV
from trainer.journal.store import JournalStore
from trainer.paths import HOME_ENV, Paths, resolve_paths
from trainer.start_up import SessionCollector

FIXED_NOW = datetime(2026, 11, 24, 18, 30, tzinfo=timezone(timedelta(hours=1)))
"""A Tuesday evening, in a zone that is not UTC, so time-zone slips show up."""


GC_THRESHOLDS = (50_000, 20, 10)
"""Python's default (2,000 allocations) runs the cycle collector thousands of times in a Textual test, over
every object the modules made: about a fifth of the suite's CPU. Everything imported so far is frozen (never
scanned again) and the collector waits for 50,000 allocations: each worker holds ~175 MiB rather than ~110
(bench/RESULTS.md, "Test suite time")."""


COLLECTOR_LEFT_ALONE = SessionCollector(freeze=lambda: None, collect=lambda: 0, thaw=lambda: None)
"""Sessions in the tests of screens leave the collector as ``pytest_configure`` set it. The app's way
(``SessionCollector()``) collects fully as a session begins, and unfreezes everything as it ends: in a test
process that was 0.14 s a session, over objects frozen once and given back by the session before, about 20 s
of the suite's CPU. ``test_session_screen`` checks the app's way."""


WORKERS_PER_CORE = 2
"""``-n auto`` (the README's command) starts two workers per core: the suite waits about half its time (Pilot
waits for the app to be idle after each key, tests start processes and wait for them), so a core has work
while another worker waits. On 2 cores, 4 workers took 295 s and 2 workers 481 s, every test passing
(bench/RESULTS.md, "Test suite time")."""


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """pytest-xdist asks this for ``-n auto``; its own environment variable still decides when it is set."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # (xdist's own hook reads it)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return WORKERS_PER_CORE * cores


def pytest_configure(config: pytest.Config) -> None:
    ci_guard.install(config)  # with CI=true, a skipped test fails the run
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The bundled content, loaded once."""
    return load_catalog()


TEST_DEVICE = "testdevice01"
"""The device every test's journal writes as (``journal.device``), unless a test names another."""


@pytest.fixture(autouse=True)
def device(monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test is one device of a fixed id, and never touches the real state folder."""
    monkeypatch.setenv(DEVICE_ENV, TEST_DEVICE)
    return TEST_DEVICE


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private BACKTRAINER_HOME for the test."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv(HOME_ENV, str(folder))
    return folder


@pytest.fixture
def paths(home: Path) -> Paths:
    return resolve_paths()


@pytest.fixture
def seen_disclaimer(home: Path) -> Path:
    """Mark the first-run disclaimer as already read."""
    JournalStore(resolve_paths().journal_dir).update_settings(disclaimer_seen=True)
    return home


@pytest.fixture
def make_app(paths: Paths, catalog: Catalog) -> Callable[..., object]:
    """Build a TrainerApp on the test's data folder, with a fixed date."""
    from trainer.app import TrainerApp, make_app
    from trainer.services.core import Timings

    def factory(*, first_run: bool = False, **kwargs: Any) -> TrainerApp:
        if not first_run:
            JournalStore(paths.journal_dir).update_settings(disclaimer_seen=True)
        kwargs.setdefault("catalog", catalog)
        kwargs.setdefault("timings", Timings(session_end_pause=0.0))  # the end of a session shows at once
        kwargs.setdefault("session_collector", COLLECTOR_LEFT_ALONE)
        return make_app(paths, now=lambda: FIXED_NOW, **kwargs)

    return factory
