"""``backtrainer start ID`` without the command group, as ``trainer.entry`` opens it in a terminal.

Run through the command group, click and the command modules stay in memory for the whole session: about
1.1 MiB of a session's 50 (bench/RESULTS.md, "Start-up against its floors"). When the content has ``ID``,
the session opens from here the way the ``start`` command opens it; when it has not, or the content cannot
be loaded, nothing has been shown yet and the command group takes over, to say what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from trainer import __version__
from trainer.app import make_app
from trainer.catalog.cache import load_catalog_cached
from trainer.catalog.problems import ContentError
from trainer.paths import Paths
from trainer.services.core import local_now
from trainer.services.prompts import close_after_session


def start_session(paths: Paths, target: str, now: Callable[[], datetime] = local_now) -> bool:
    """Play ``target`` (a routine or exercise id) in the app, then close the reminder prompts the session
    took; False, before anything shows, if the content does not load or has no ``target``."""
    try:
        catalog = load_catalog_cached(paths.cache_dir, __version__, packs_dir=paths.content_packs_dir)
    except ContentError:
        return False
    if not catalog.can_start(target):
        return False
    started = now()
    app = make_app(paths, catalog=catalog, now=now, start=target)
    app.run()
    close_after_session(app.services.journal, started, now())
    return True
