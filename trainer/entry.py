"""The ``backtrainer`` command's entry point.

Plain ``backtrainer`` in a terminal, the way most people start it, opens the app at once: without click
and the command group, which would cost the first frame about 13 ms. So does exactly ``backtrainer start
ID`` for an ID the content has (``trainer.quick_start``), which would otherwise keep the command group in
memory for the whole session. Anything else (another command, an option, no terminal, a browser's driver,
a time zone or a data folder the command group has to explain, an unknown ID) goes to the command group,
``trainer.cli.main``, which opens the app the same way when it should.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import NamedTuple

from trainer.paths import Paths, PathTooLongError, resolve_paths
from trainer.pydantic_plugins import skip_plugin_discovery
from trainer.start_up import pause_collection, resume_collection
from trainer.without_openssl import openssl_left_out


def main() -> None:
    skip_plugin_discovery()  # (before anything builds a pydantic model)
    in_terminal = sys.stdin.isatty() and sys.stdout.isatty()
    launch = quick_launch(sys.argv[1:], os.environ, in_terminal=in_terminal)
    if launch is None or not _open_app(launch):
        from trainer.cli import main as command_group

        command_group()


class QuickLaunch(NamedTuple):
    paths: Paths
    start: str | None
    """The routine or exercise to play (``backtrainer start ID``); None: Home."""


def quick_launch(arguments: Sequence[str], environ: Mapping[str, str], *, in_terminal: bool) -> QuickLaunch | None:
    """The data folder (and what to start), when the app can open straight away: no arguments, or exactly
    ``start ID``; a terminal to draw in, no browser's driver (``backtrainer serve``), a valid time zone and
    a data folder path that fits."""
    start = arguments[1] if len(arguments) == 2 and arguments[0] == "start" else None
    if (arguments and (start is None or start.startswith("-"))) or not in_terminal or environ.get("TEXTUAL_DRIVER"):
        return None
    try:
        datetime.now().astimezone()
        return QuickLaunch(resolve_paths(environ=environ), start)
    except (ValueError, OverflowError, OSError, PathTooLongError):
        return None


def _open_app(launch: QuickLaunch) -> bool:
    """The app on Home or in the session asked for; False if the session could not start (nothing shown)."""
    pause_collection()  # (trainer.start_up: the app resumes it once its first frame is on screen)
    try:
        with openssl_left_out():  # (the app opens no connection: trainer.without_openssl)
            if launch.start is None:
                from trainer.app import launch_app

                launch_app(launch.paths).run()
                return True
            from trainer.quick_start import start_session

            return start_session(launch.paths, launch.start)
    finally:
        resume_collection()
