"""The collector is paused during start-up and always running again afterwards (trainer.start_up)."""

from __future__ import annotations

import gc
import weakref

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


class Cycle:
    """Garbage only the collector frees: it refers to itself."""

    def __init__(self) -> None:
        self.me = self


def unreachable_cycle() -> weakref.ref[Cycle]:
    return weakref.ref(Cycle())


def test_the_app_frees_start_up_garbage_before_freezing_what_is_alive() -> None:
    for long_running, freed in ((True, True), (False, False)):  # (a command is about to end: no wait)
        pause_collection()
        garbage = unreachable_cycle()
        resume_collection(long_running=long_running)
        try:
            assert (garbage() is None) is freed, long_running
        finally:
            gc.unfreeze()


def test_a_session_frees_garbage_before_freezing() -> None:
    from trainer.start_up import freeze_for_session, thaw_after_session

    gc.disable()
    try:
        garbage = unreachable_cycle()
        freeze_for_session()
        assert garbage() is None
    finally:
        thaw_after_session()
        gc.enable()


def test_a_sessions_own_collection_frees_the_cycles_it_made_while_the_rest_is_frozen() -> None:
    from trainer.start_up import collect_session_garbage, freeze_for_session, thaw_after_session

    freeze_for_session()
    gc.disable()  # (so the collector's own schedule cannot be the one that frees them)
    try:
        made = [unreachable_cycle() for _ in range(100)]
        assert all(cycle() is not None for cycle in made)
        assert collect_session_garbage() >= 100
        assert all(cycle() is None for cycle in made)
    finally:
        gc.enable()
        thaw_after_session()
