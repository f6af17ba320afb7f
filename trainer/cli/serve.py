"""``backtrainer serve``: the app in a web browser, through textual-serve (the ``web`` extra).

textual-serve answers each browser tab by running a command with pipes for its input and output and
``TEXTUAL_DRIVER`` set to Textual's web driver; the command here is this Python running ``trainer``
(with the profile, if one was given), which ``run_app`` lets start without a terminal when that driver
is asked for. The page is our own (``web/app_index.html``): it loads nothing but this server's files.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import shlex
import sys
from pathlib import Path
from typing import Any

import click

from trainer.cli.context import Context, profile_option
from trainer.cli.output import say

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""What textual-serve puts in ``TEXTUAL_DRIVER`` for the command it runs."""

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PAGE_FOLDER = Path(__file__).with_name("web")

REMOTE_WARNING = (
    "warning: serving on {host}, which other machines can reach. backtrainer has no log-in of its own: "
    "anyone who can open http://{host}:{port}/ gets this journal. Put it behind a proxy with a password "
    "(the README shows Caddy with basic auth) or serve on 127.0.0.1."
)


def asks_for_browser(environment: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether the app is being started by textual-serve (for a browser), not in a terminal."""
    return environment.get("TEXTUAL_DRIVER") == WEB_DRIVER


def is_loopback(host: str) -> bool:
    """``localhost`` or an address of the loopback range (127.0.0.0/8, ::1); any other name is not."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def app_command(profile: str | None, python: str = sys.executable) -> str:
    """The shell command textual-serve runs for each browser tab: this Python, this code, this profile."""
    argv = [python, "-m", "trainer"]
    if profile is not None:
        argv += ["--profile", profile]
    return shlex.join(argv)


class _SayHandler(logging.Handler):
    """textual-serve's log lines, printed the way every command prints (``trainer.cli.output``)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            say(f"{record.levelname.lower()}: {record.getMessage()}", err=True)
        except Exception:  # noqa: BLE001  # a log line never stops the server
            self.handleError(record)


def make_server(command: str, host: str, port: int) -> Any:
    """A textual-serve ``Server`` for ``command`` with our page and our way of printing."""
    from textual_serve.server import Server

    class BacktrainerServer(Server):
        def initialize_logging(self) -> None:
            handler = _SayHandler()
            for name in ("textual-serve", "aiohttp"):
                logger = logging.getLogger(name)
                logger.handlers[:] = [handler]
                logger.setLevel(logging.WARNING)
                logger.propagate = False

        async def on_startup(self, app: Any) -> None:
            pass  # (textual-serve prints its banner here, before it listens: we say where once it does)

        def serve(self, debug: bool = False) -> None:
            import asyncio
            import signal

            from aiohttp import web

            self.debug = debug
            self.initialize_logging()
            loop = asyncio.new_event_loop()
            for number in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(number, self.request_exit)
            shown_host = f"[{host}]" if ":" in host else host
            web.run_app(
                self._make_app(),
                host=host,
                port=port,
                handle_signals=False,
                loop=loop,
                print=lambda *_: say(
                    f"backtrainer is at http://{shown_host}:{port}/ (each browser tab is its own app). Ctrl+C stops."
                ),
            )

    return BacktrainerServer(command, host=host, port=port, title="backtrainer", templates_path=PAGE_FOLDER)


@click.command("serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="The address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True, help="The port to listen on."
)
@click.option(
    "--profile",
    metavar="NAME",
    callback=profile_option,
    help="Serve this person's journal and settings (as 'backtrainer --profile NAME').",
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow a HOST other machines can reach. There is no log-in: put a proxy with a password in front.",
)
@click.pass_obj
def serve(context: Context, host: str, port: int, profile: str | None, allow_remote: bool) -> None:
    """Open the app in a web browser: serve it on http://127.0.0.1:8000/.

    Needs the web extra: pip install 'backtrainer[web]'. Each browser tab
    runs its own copy of the app on the same journal. By default only this
    machine can connect; see the README for several people behind a proxy
    with passwords.
    """
    if not is_loopback(host):
        if not allow_remote:
            raise click.UsageError(
                f"{host} is not a loopback address, so other machines could open the app, and it has no log-in. "
                "Serve on 127.0.0.1 (the default) behind a proxy with a password, or add --allow-remote."
            )
        say(REMOTE_WARNING.format(host=host, port=port), err=True)
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        raise click.ClickException(
            "the browser mode needs textual-serve, which is not installed: pip install 'backtrainer[web]'"
        ) from None
    server = make_server(app_command(profile or context.paths.profile), host, port)
    try:
        server.serve()
    except OSError as error:
        raise click.ClickException(f"cannot listen on {host}:{port} ({error.strerror or error})") from None
