"""The ``backtrainer`` command. With no subcommand it opens the app.

One module per command group, loaded only when its command runs (``--version`` and ``log`` do not pay
for the report or the content checks):

- ``content``: ``check-content``, ``start``
- ``checkin``: ``log``
- ``listing``: ``journal``, ``stats``
- ``transfer``: ``export``, ``import``, ``merge``
- ``reminders``: ``status`` (light: no journal store, no pydantic), ``remind`` (its journal part in ``reminding``)
- ``serve``: ``serve`` (the app in a browser, through textual-serve; its page in ``web/``)

Everything a command prints goes through ``trainer.cli.output``; what they share (the context with the
paths and the clock, WHEN values, journal errors) is in ``trainer.cli.common``.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

import click

from trainer import __version__
from trainer.cli.context import Context, local_now, profile_option
from trainer.cli.output import say, show_error
from trainer.paths import PathTooLongError, resolve_paths
from trainer.start_up import pause_collection, resume_collection
from trainer.without_openssl import openssl_left_out

COMMANDS = {
    "log": "trainer.cli.checkin:log",
    "journal": "trainer.cli.listing:journal",
    "stats": "trainer.cli.listing:stats",
    "export": "trainer.cli.transfer:export",
    "import": "trainer.cli.transfer:import_",
    "merge": "trainer.cli.transfer:merge",
    "check-content": "trainer.cli.content:check_content",
    "start": "trainer.cli.content:start",
    "status": "trainer.cli.reminders:status",
    "remind": "trainer.cli.reminders:remind",
    "serve": "trainer.cli.serve:serve",
}
"""Command name -> where it lives ("module:attribute"), imported the first time it is asked for."""

SUMMARIES = {
    "log": "Save a check-in: PAIN is how bad your back pain is right now, 0 (no pain)\n"
    "to 10 (worst pain you can imagine).",
    "journal": "List journal entries, newest first, as a plain-text table.",
    "stats": "Summarise the journal: pain trend, sessions against your weekly goal,\n"
    "streaks, walking and leg symptoms.",
    "export": "Export the journal as CSV, JSON or a Markdown report.",
    "import": "Restore entries from a JSON export ('backtrainer export --format json').",
    "merge": "Bring in the entries of a copy of a journal month file, such as a\n"
    "conflict copy a sync tool (Syncthing, Dropbox, Nextcloud) left beside\none.",
    "check-content": "Validate content and print a summary.",
    "start": "Open the app straight into a session of a routine or a single exercise.",
    "status": "What is due now (a desk break, today's session, the morning check-in) and when the next thing is.",
    "remind": "Show one reminder prompt if something is due, through the best channel there is, and record it.",
    "serve": "Open the app in a web browser: serve it on http://127.0.0.1:8000/.",
}
"""The first paragraph of each command's help, for ``backtrainer --help`` to list the commands without importing
them (every module would cost about 300 ms); a test checks that they are the commands' own."""

APP_COMMANDS = ("start",)
"""Commands that open the app: the collector stays paused until its first paint (``trainer.start_up``), and
OpenSSL is left out (``trainer.without_openssl``)."""

QUIET_COMMANDS = ("merge", "status")
"""Commands that do not begin with the note about copies a sync tool left: ``merge`` is the way out of it,
and ``status`` feeds a status bar several times a minute (and must not load the journal store to do so)."""


class BacktrainerGroup(click.Group):
    """The command group: commands loaded when asked for, and errors printed the way every command prints
    (``trainer.cli.output``), since an error message can hold a file name or a value typed by someone else."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = COMMANDS.get(cmd_name)
        if where is None:
            return None
        module, attribute = where.split(":")
        if cmd_name in APP_COMMANDS:  # (before its modules load: they import hashlib)
            ctx.with_resource(openssl_left_out())
        command: click.Command = getattr(importlib.import_module(module), attribute)
        if cmd_name not in APP_COMMANDS:
            resume_collection()  # the command's modules have loaded: what runs now may make garbage
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``--help``, as click writes it, from ``SUMMARIES`` (nothing imported)."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(name, click.Command(name, help=SUMMARIES[name]).get_short_help_str(limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("standalone_mode") is False:
            return super().main(*args, **kwargs)
        pause_collection()  # see trainer.start_up; resumed by the command, the app, or at the latest here
        try:
            self._run_standalone(*args, **kwargs)
        finally:
            resume_collection()

    def _run_standalone(self, *args: Any, **kwargs: Any) -> None:
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.ClickException as error:
            show_error(error)
            sys.exit(error.exit_code)
        except click.Abort:
            say("Aborted!", err=True)
            sys.exit(1)
        except BrokenPipeError:  # `backtrainer journal | head`: the reader has gone
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115  # nothing more is printed at exit
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def check_time_zone() -> None:
    """An invalid TZ (``TZ=UTC+25``) gives one clear message before any command runs."""
    try:
        datetime.now().astimezone()
    except (ValueError, OverflowError, OSError):
        raise click.ClickException(
            f"the time zone is not valid (TZ={os.environ.get('TZ', '')!r}). "
            "Set TZ to a zone name such as Europe/London, or unset it to use the system's."
        ) from None


@click.group(
    cls=BacktrainerGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Run 'backtrainer COMMAND --help' for the options of each command.",
)
@click.version_option(__version__, "-V", "--version", prog_name="backtrainer")
@click.option(
    "--profile",
    metavar="NAME",
    callback=profile_option,
    help="Keep a separate journal and settings for this person (letters, digits, - and _).",
)
@click.option(
    "--plain",
    is_flag=True,
    help="With no command: check in, start sessions and read the last entries in lines of text instead of "
    "the full screen (for a screen reader, a braille display, a slow link or a pipe).",
)
@click.pass_context
def main(ctx: click.Context, profile: str | None, plain: bool) -> None:
    """backtrainer: guided exercise sessions, a pain journal and self-care
    lessons for lower back pain, in your terminal.

    With no command, opens the full-screen app (with --plain, the same in
    lines of text). Data lives in your user data folder (or under
    $BACKTRAINER_HOME if set).
    """
    check_time_zone()
    if ctx.invoked_subcommand is None:
        ctx.with_resource(openssl_left_out())  # (the app opens no connection; as for APP_COMMANDS)
    clock: Callable[[], datetime] = ctx.obj if callable(ctx.obj) else local_now  # a test may pass its clock
    try:
        ctx.obj = Context(resolve_paths(profile), now=clock)
    except PathTooLongError as error:
        raise click.ClickException(str(error)) from None
    if ctx.invoked_subcommand is None and plain:
        from trainer.cli.plain import plain_menu

        plain_menu(ctx.obj)
    elif ctx.invoked_subcommand is None:
        from trainer.cli.open_app import run_app

        run_app(ctx.obj)
    elif ctx.invoked_subcommand not in QUIET_COMMANDS:
        from trainer.cli.common import report_conflict_copies

        report_conflict_copies(ctx.obj.paths)
