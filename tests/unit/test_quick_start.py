"""``backtrainer start ID`` the quick way (``trainer.quick_start``): an ID the content has not goes back to
the command group before anything shows (the e2e tests play a session this way, in a pseudo-terminal)."""

from __future__ import annotations

from trainer.paths import Paths
from trainer.quick_start import start_session


def test_an_id_the_content_has_not_is_handed_back_before_anything_shows(paths: Paths) -> None:
    assert start_session(paths, "no-such-routine") is False
    assert not paths.journal_dir.exists() or not any(paths.journal_dir.rglob("*.json"))


def test_the_catalog_knows_what_start_can_play(catalog) -> None:
    assert catalog.can_start("desk-break") and catalog.can_start("cat-cow")  # a routine, an exercise
    assert not catalog.can_start("no-such-routine") and not catalog.can_start("")
