"""``backtrainer start ID --plain``: the session in lines on standard input and output (``trainer.plain``)."""

from __future__ import annotations

from trainer.catalog.loader import Catalog
from trainer.cli.context import Context
from trainer.cli.output import say
from trainer.plain.keys import TerminalKeys
from trainer.plain.run import play
from trainer.services.core import make_services


def play_plain(context: Context, target: str, catalog: Catalog) -> None:
    services = make_services(context.paths, catalog=catalog, now=context.now)
    with TerminalKeys() as keys:
        play(services, target, keys, say)
