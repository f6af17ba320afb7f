"""A throwaway OpenSSH server, and a pseudo-terminal that keeps track of what is on screen.

``OpenSshServer`` runs ``sshd -D`` on 127.0.0.1 with its own host key,
authorized_keys file and config, all inside a test's temporary folder; it
never reads or changes the machine's own SSH setup.

``Terminal`` runs a command in an 80x24 pseudo-terminal (``bench/pty_launch.py``)
and feeds everything it prints through a tiny screen model: enough of a VT100
(cursor moves, carriage return, line feed, text; colours ignored) to read back
the rows Textual draws, so a test can ask what the screen shows now rather than
search the whole output stream.
"""

from __future__ import annotations

import codecs
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from bench.pty_launch import ANSI, PtyProcess

T = TypeVar("T")

LOCALHOST = "127.0.0.1"


def find_program(name: str) -> str | None:
    """``name`` on PATH, or in the sbin folders a non-root PATH often lacks (sshd lives in /usr/sbin)."""
    found = shutil.which(name)
    if found:
        return os.path.abspath(found)
    for folder in ("/usr/sbin", "/usr/local/sbin", "/sbin", "/usr/bin"):
        candidate = Path(folder) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOCALHOST, 0))
        return int(probe.getsockname()[1])


class OpenSshServer:
    """``sshd -D -e -f CONFIG`` on a free port of 127.0.0.1, for the current user only."""

    def __init__(self, folder: Path, *, sshd: str, ssh: str, ssh_keygen: str, user: str) -> None:
        self.folder = folder
        self.sshd = sshd
        self.ssh = ssh
        self.ssh_keygen = ssh_keygen
        self.user = user
        self.port = 0
        self.authorized_keys = folder / "authorized_keys"
        self.config = folder / "sshd_config"
        self.log_file = folder / "sshd.log"
        self.process: subprocess.Popen[bytes] | None = None

    # --- keys --------------------------------------------------------------------

    def _keygen(self, path: Path) -> None:
        subprocess.run(
            [self.ssh_keygen, "-q", "-t", "ed25519", "-N", "", "-C", path.name, "-f", str(path)],
            check=True,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=30,
        )

    def add_key(self, name: str, options: str = "") -> Path:
        """A new client key whose public half is allowed in, with authorized_keys ``options`` if given.

        sshd reads authorized_keys at every login, so keys can be added while it runs.
        """
        key = self.folder / f"client-{name}"
        self._keygen(key)
        public = key.with_name(key.name + ".pub").read_text().strip()
        with self.authorized_keys.open("a") as keys:
            keys.write(f"{options} {public}\n" if options else f"{public}\n")
        return key

    # --- the server ----------------------------------------------------------------

    def start(self, timeout: float = 15.0, attempts: int = 3) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        host_key = self.folder / "host_ed25519"
        self._keygen(host_key)
        self.authorized_keys.touch()
        if os.geteuid() == 0:
            # sshd started as root needs its privilege-separation folder (normally made by systemd).
            Path("/run/sshd").mkdir(mode=0o755, parents=True, exist_ok=True)
        for attempt in range(1, attempts + 1):
            self.port = free_port()
            self.config.write_text(
                "\n".join(
                    [
                        f"Port {self.port}",
                        f"ListenAddress {LOCALHOST}",
                        f"HostKey {host_key}",
                        f"PidFile {self.folder / 'sshd.pid'}",
                        f"AuthorizedKeysFile {self.authorized_keys}",
                        "AuthenticationMethods publickey",
                        "PubkeyAuthentication yes",
                        "PasswordAuthentication no",
                        "KbdInteractiveAuthentication no",
                        "UsePAM no",
                        "StrictModes no",
                        "PermitRootLogin prohibit-password",
                        f"AllowUsers {self.user}",
                        "PrintMotd no",
                        "PrintLastLog no",
                        "X11Forwarding no",
                        "LogLevel VERBOSE",
                        "",
                    ]
                )
            )
            with self.log_file.open("ab") as log:
                self.process = subprocess.Popen(
                    [self.sshd, "-D", "-e", "-f", str(self.config)],
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=log,
                    start_new_session=True,
                )
            if self._wait_listening(timeout):
                return
            self.stop()
            if attempt == attempts:
                raise RuntimeError(f"sshd did not start on {LOCALHOST}:{self.port}:\n{self.log()}")

    def _wait_listening(self, timeout: float) -> bool:
        """True once the port answers with an SSH banner; False if sshd exits first or time runs out."""
        assert self.process is not None
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.process.poll() is not None:
                return False
            try:
                with socket.create_connection((LOCALHOST, self.port), timeout=2) as connection:
                    if connection.recv(64).startswith(b"SSH-"):
                        return True
            except OSError:
                pass
            time.sleep(0.05)
        return False

    def stop(self) -> None:
        """Stop the listening sshd (connections end when their clients do)."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

    def log(self) -> str:
        try:
            return self.log_file.read_text(errors="replace")
        except OSError:
            return "(no sshd log)"

    # --- the client ----------------------------------------------------------------

    def ssh_command(self, key: Path, remote_command: str | None = None, *, tty: bool) -> list[str]:
        """An ssh command line that ignores the user's own SSH config, agent and known hosts."""
        argv = [
            self.ssh,
            "-F",
            "/dev/null",
            "-tt" if tty else "-T",
            "-p",
            str(self.port),
            "-i",
            str(key),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "IdentityAgent=none",
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "GlobalKnownHostsFile=/dev/null",
            "-o",
            "ConnectTimeout=10",
            "-o",
            "LogLevel=ERROR",
            f"{self.user}@{LOCALHOST}",
        ]
        if remote_command is not None:
            argv.append(remote_command)
        return argv


def client_environment(**extra: str) -> dict[str, str]:
    """The test's environment for the ssh client, without an agent to fall back on."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("SSH_")}
    env.update(extra)
    return env


# --- what is on screen ---------------------------------------------------------------

_ESCAPE = r"\x1b\[([0-9;?<>=]*)([ -/]*)([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
ESCAPE = re.compile(_ESCAPE)
TOKEN = re.compile(_ESCAPE + r"|([\r\n\b])|([^\x1b\r\n\b]+)")


class Screen:
    """Just enough of a terminal to read back Textual's frames: cursor moves and text."""

    def __init__(self, columns: int, rows: int) -> None:
        self.columns = columns
        self.rows = rows
        self.grid = [[" "] * columns for _ in range(rows)]
        self.row = self.column = 0
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""

    def feed(self, data: bytes) -> None:
        text = self._pending + self._decoder.decode(data)
        self._pending = ""
        cut = text.rfind("\x1b")
        if cut != -1 and not ESCAPE.match(text, cut):  # an escape sequence cut in two by a read
            text, self._pending = text[:cut], text[cut:]
        for match in TOKEN.finditer(text):
            params, intermediate, final, control, chars = match.groups()
            if final in ("H", "f") and not intermediate:
                numbers = [int(part) if part.isdigit() else 1 for part in (params or "").split(";")]
                numbers += [1, 1]
                self.row = min(max(numbers[0], 1), self.rows) - 1
                self.column = min(max(numbers[1], 1), self.columns) - 1
            elif control == "\r":
                self.column = 0
            elif control == "\n":
                self.row = min(self.row + 1, self.rows - 1)
            elif control == "\b":
                self.column = max(self.column - 1, 0)
            elif chars:
                for char in chars:
                    if char < " " or char == "\x7f":
                        continue
                    if self.column < self.columns:
                        self.grid[self.row][self.column] = char
                    self.column += 1

    def lines(self) -> list[str]:
        return ["".join(row).rstrip() for row in self.grid]

    def text(self) -> str:
        return "\n".join(self.lines())


class Terminal:
    """A command in a pseudo-terminal of ``size`` (columns, rows), with the screen it draws."""

    def __init__(self, argv: Sequence[str], env: Mapping[str, str], size: tuple[int, int] = (80, 24)) -> None:
        self.pty = PtyProcess(argv, env, size)
        self.screen = Screen(*size)
        self.returncode: int | None = None
        self._closed = False

    @property
    def output(self) -> bytes:
        return bytes(self.pty.output)

    def pump(self, seconds: float) -> None:
        """Read (and draw) whatever arrives in the next ``seconds``."""
        if self._closed:
            time.sleep(seconds)
            return
        self.screen.feed(self.pty.read_for(seconds))

    def send(self, data: bytes) -> None:
        self.pty.send(data)

    def wait_until(self, check: Callable[[list[str]], T | None], what: str, timeout: float = 15.0) -> T:
        """Pump output until ``check(screen lines)`` gives something other than None or False."""
        end = time.monotonic() + timeout
        while True:
            found = check(self.screen.lines())
            if found is not None and found is not False:
                return found
            if time.monotonic() >= end:
                raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
            if self.pty.process.poll() is not None:
                self.pump(0.05)  # take what it printed last, then give up
                found = check(self.screen.lines())
                if found is not None and found is not False:
                    return found
                raise AssertionError(f"the command exited ({self.pty.process.returncode}) while waiting for {what}")
            self.pump(0.05)

    def wait_for_text(self, text: str, timeout: float = 15.0) -> None:
        self.wait_until(lambda lines: text in "\n".join(lines), repr(text), timeout)

    def wait_exit(self, timeout: float = 10.0) -> int:
        """Wait for the command to exit, reading its output meanwhile so it never blocks writing."""
        end = time.monotonic() + timeout
        while (code := self.pty.process.poll()) is None:
            if time.monotonic() >= end:
                raise AssertionError(f"the command did not exit within {timeout:g} s")
            self.pump(0.05)
        self.pump(0.2)  # anything still in the pseudo-terminal's buffer
        self.returncode = code
        return code

    def report(self) -> str:
        """The screen now and the end of the output with escapes removed, for a failing test."""
        stripped = ANSI.sub(b"", self.output).decode("utf-8", "replace")
        return (
            f"--- screen now ({self.screen.columns}x{self.screen.rows}) ---\n{self.screen.text()}\n"
            f"--- last 3000 characters of output, escapes removed ---\n{stripped[-3000:]}\n"
            f"--- exit status: {self.pty.process.poll()} ---"
        )

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self.pty.stop()

    def __enter__(self) -> Terminal:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if error is not None:
            print(self.report())  # shown by pytest with the failure
        self.close()
