"""``backtrainer --plain`` and ``backtrainer start ID --plain``: in lines on standard input and output
(``trainer.plain``), for a screen reader, a braille display, a slow link or a pipe."""

from __future__ import annotations

from trainer.catalog.validated import Catalog
from trainer.cli.content import load_content
from trainer.cli.context import Context
from trainer.cli.output import say
from trainer.plain.keys import TerminalKeys
from trainer.plain.menu import run_menu
from trainer.plain.run import play
from trainer.services.core import make_services
from trainer.start_up import resume_collection


def play_plain(context: Context, target: str, catalog: Catalog) -> None:
    # no first paint to wait for (trainer.start_up): a session may run for 20 minutes
    resume_collection(long_running=True)
    services = make_services(context.paths, catalog=catalog, now=context.now)
    with TerminalKeys() as keys:
        play(services, target, keys, say)


def plain_menu(context: Context) -> None:
    resume_collection(long_running=True)
    services = make_services(context.paths, catalog=load_content(context), now=context.now)
    with TerminalKeys() as keys:
        run_menu(services, keys, say)
