"""The garbage collector during start-up: paused while the modules load, resumed after the first paint.

Importing Textual, pydantic and the models creates tens of thousands of long-lived objects, and the
collector scans them again and again as they appear (about 30 ms of a launch). The command line pauses it
before it loads anything (``pause_collection``); the app resumes it once its first screen has painted, and
every other command once its module has loaded (``resume_collection``). What exists then is moved to the
permanent generation (``gc.freeze``), so later collections do not scan it either; in the app the garbage
start-up left (cycles the paused collector did not free: about 1 MiB) is collected first, or it would be
kept for good.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass

_paused = False


def pause_collection() -> None:
    """Stop automatic collection until ``resume_collection`` (only if it was running)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collection(*, long_running: bool = False) -> None:
    """Freeze what start-up made and collect automatically again; nothing if ``pause_collection`` did not pause.

    ``long_running`` (the app, a session in plain text): free start-up's garbage before freezing (a full
    collection, 20-40 ms). A command that is about to end does not wait for it."""
    global _paused
    if _paused:
        _paused = False
        if long_running:
            gc.collect()
        gc.freeze()
        gc.enable()


def freeze_for_session() -> None:
    """Keep a session's steps on time: what is alive when it starts goes out of the collector's reach, so a
    collection during the session scans only what the session makes (a full one over the app's hundred
    thousand objects takes about 30 ms, enough to make a step late). The garbage left by then is collected
    first (once, as the session starts): frozen, it would stay for the whole session (about 2 MiB).
    ``thaw_after_session`` undoes it."""
    gc.collect()
    gc.freeze()


SESSION_COLLECTION_EVERY = 5.0
"""Seconds between a session's own collections (``collect_session_garbage``)."""


def collect_session_garbage() -> int:
    """Free the garbage a session has made; how many objects that was.

    A session's frames leave cycles behind (Textual's strips keep caches of the strips cut from them), about
    40 KiB a second in a terminal, and the collector's own schedule reached them so seldom that a session's
    memory grew by 2.4 MiB a minute (8 MiB in the first four minutes of a 20-minute routine). With what was
    alive at the start frozen (``freeze_for_session``), a full collection scans only what the session made:
    about 3 ms every ``SESSION_COLLECTION_EVERY`` seconds."""
    return gc.collect()


def thaw_after_session() -> None:
    """Give the frozen objects back to the collector (those the session left behind can then be freed)."""
    gc.unfreeze()


@dataclass(frozen=True)
class SessionCollector:
    """What a session does with the garbage collector: ``freeze`` as it starts, ``collect`` every ``every``
    seconds while it runs, ``thaw`` when its screen goes (if it froze). The app's sessions use the functions
    above. Tests of screens pass one that leaves the collector alone: their process freezes what it has
    imported once, and holds several times the app's objects, so a full collection as each session started
    took a tenth of a second and more."""

    freeze: Callable[[], None] = freeze_for_session
    collect: Callable[[], object] = collect_session_garbage
    thaw: Callable[[], None] = thaw_after_session
    every: float = SESSION_COLLECTION_EVERY
