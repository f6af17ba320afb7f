"""The ``backtrainer`` command's entry point.

Plain ``backtrainer`` in a terminal, the way most people start it, opens the app at once: without click
and the command group, which would cost the first frame about 13 ms. Anything else (a command, an
option, no terminal, a browser's driver, a time zone or a data folder the command group has to explain)
goes to the command group, ``trainer.cli.main``, which opens the app the same way when it should.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from datetime import datetime

from trainer.paths import Paths, PathTooLongError, resolve_paths
from trainer.pydantic_plugins import skip_plugin_discovery
from trainer.start_up import pause_collection, resume_collection
from trainer.without_openssl import openssl_left_out


def main() -> None:
    skip_plugin_discovery()  # (before anything builds a pydantic model)
    in_terminal = sys.stdin.isatty() and sys.stdout.isatty()
    paths = plain_launch(sys.argv[1:], os.environ, in_terminal=in_terminal)
    if paths is None:
        from trainer.cli import main as command_group

        command_group()
        return
    pause_collection()  # (trainer.start_up: the app resumes it once its first frame is on screen)
    try:
        with openssl_left_out():  # (the app opens no connection: trainer.without_openssl)
            from trainer.app import launch_app

            launch_app(paths).run()
    finally:
        resume_collection()


def plain_launch(arguments: Sequence[str], environ: Mapping[str, str], *, in_terminal: bool) -> Paths | None:
    """The data folder, when the app can open straight away: no arguments, a terminal to draw in, no
    browser's driver (``backtrainer serve``), a valid time zone and a data folder path that fits."""
    if arguments or not in_terminal or environ.get("TEXTUAL_DRIVER"):
        return None
    try:
        datetime.now().astimezone()
        return resolve_paths(environ=environ)
    except (ValueError, OverflowError, OSError, PathTooLongError):
        return None
