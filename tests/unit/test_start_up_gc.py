"""The collector is paused during start-up and always running again afterwards (trainer.start_up)."""

from __future__ import annotations

import gc

from click.testing import CliRunner

from trainer.cli import main
from trainer.start_up import pause_collection, resume_collection


def test_pause_and_resume_restore_the_collector() -> None:
    assert gc.isenabled()
    pause_collection()
    assert not gc.isenabled()
    pause_collection()  # (twice is once)
    resume_collection()
    assert gc.isenabled()
    resume_collection()
    assert gc.isenabled()
    gc.unfreeze()


def test_a_collector_already_off_stays_off() -> None:
    gc.disable()
    try:
        pause_collection()
        resume_collection()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_commands_leave_the_collector_running(home) -> None:
    for args in (["--version"], ["--help"], ["journal"], []):  # (no command: no terminal to open the app in)
        CliRunner().invoke(main, args)
        assert gc.isenabled(), args
    gc.unfreeze()


def test_a_session_freezes_what_is_alive_and_gives_it_back_after() -> None:
    from trainer.start_up import freeze_for_session, thaw_after_session

    freeze_for_session()
    assert gc.get_freeze_count() > 0
    thaw_after_session()
    assert gc.get_freeze_count() == 0
