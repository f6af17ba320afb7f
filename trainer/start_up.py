"""The garbage collector during start-up: paused while the modules load, resumed after the first paint.

Importing Textual, pydantic and the models creates tens of thousands of long-lived objects, and the
collector scans them again and again as they appear (about 30 ms of a launch). The command line pauses it
before it loads anything (``pause_collection``); the app resumes it once its first screen has painted, and
every other command once its module has loaded (``resume_collection``). What exists then is moved to the
permanent generation (``gc.freeze``), so later collections do not scan it either.
"""

from __future__ import annotations

import gc

_paused = False


def pause_collection() -> None:
    """Stop automatic collection until ``resume_collection`` (only if it was running)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collection() -> None:
    """Freeze what start-up made and collect automatically again; nothing if ``pause_collection`` did not pause."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def freeze_for_session() -> None:
    """Keep a session's steps on time: what is alive when it starts goes out of the collector's reach, so a
    collection during the session scans only what the session makes (a full one over the app's hundred
    thousand objects takes about 30 ms, enough to make a step late). ``thaw_after_session`` undoes it."""
    gc.freeze()


def thaw_after_session() -> None:
    """Give the frozen objects back to the collector (those the session left behind can then be freed)."""
    gc.unfreeze()
