"""The command line skips pydantic's search for plugins (trainer.pydantic_plugins): nothing else changes."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.imports_probe import modules_loaded
from trainer.journal.store import JournalStore
from trainer.pydantic_plugins import LOADER, skip_plugin_discovery

A_MODEL_VALIDATES = (
    "from trainer.journal.models import CheckIn\n"
    "assert CheckIn.model_validate({'at': '2026-12-01T09:00:00+00:00', 'pain_now': 3}).pain_now == 3"
)


def test_models_still_validate_without_the_search_for_plugins() -> None:
    skipped = "from trainer.pydantic_plugins import skip_plugin_discovery\nskip_plugin_discovery()\n"
    assert modules_loaded(skipped + A_MODEL_VALIDATES, named=("importlib.metadata",)) == []
    # without it pydantic searches (and the check above is the one that shows it no longer does)
    assert modules_loaded(A_MODEL_VALIDATES, named=("importlib.metadata",)) == ["importlib.metadata"]


def test_a_command_saves_its_check_in_without_searching(tmp_path: Path) -> None:
    command = (
        f"import os, sys\nos.environ['BACKTRAINER_HOME'] = {str(tmp_path)!r}\nsys.argv = ['backtrainer', 'log', '3']\n"
        "from trainer.entry import main\ntry:\n    main()\nexcept SystemExit as done:\n    assert not done.code, done"
    )
    assert modules_loaded(command, named=("importlib.metadata",)) == []
    assert [entry.pain_now for entry in JournalStore(tmp_path / "journal").entries()] == [3]


def test_a_loader_already_imported_is_left_alone() -> None:
    from pydantic.plugin import _loader

    skip_plugin_discovery()
    assert sys.modules[LOADER] is _loader
