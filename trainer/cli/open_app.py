"""Opening the full-screen app from the command line (light: the app loads the rest once it paints)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from trainer.cli.context import Context

if TYPE_CHECKING:
    from trainer.catalog.validated import Catalog


def _served_to_a_browser() -> bool:
    """textual-serve runs the app with pipes and Textual's web driver (``backtrainer serve``)."""
    from trainer.cli.serve import asks_for_browser

    return asks_for_browser()


def run_app(context: Context, start: str | None = None, catalog: Catalog | None = None) -> None:
    """Open the full-screen app: Home (``launch_app``: its rows first, then the rest), or straight into a
    session of ``start`` with the content already loaded."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()) and not _served_to_a_browser():
        raise click.ClickException(
            "backtrainer needs a terminal to draw in. Over SSH, ask for one: ssh -t HOST backtrainer "
            "(the shell commands log, journal, stats and export work without one)."
        )
    from trainer.app import launch_app, make_app  # imported here so the other commands stay fast

    if start is None and catalog is None:
        launch_app(context.paths, now=context.now).run()
    else:
        make_app(context.paths, catalog=catalog, now=context.now, start=start).run()
