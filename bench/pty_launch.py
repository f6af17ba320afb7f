"""Run a command in a pseudo-terminal and time how long until some text appears."""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


class PtyProcess:
    """A child process attached to a new pseudo-terminal of a given size."""

    def __init__(
        self, argv: Sequence[str], env: Mapping[str, str], size: tuple[int, int] = (80, 24), *, nicer: int = 0
    ) -> None:
        """``nicer``: the child runs that much nicer than this process (a watcher that must not be starved)."""
        self.master, slave = os.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=dict(env),
            start_new_session=True,
            close_fds=True,
            preexec_fn=(lambda: os.nice(nicer)) if nicer else None,
        )
        os.close(slave)
        self.output = bytearray()

    def read_for(self, seconds: float) -> bytes:
        """Read whatever arrives in the next ``seconds``."""
        end = time.perf_counter() + seconds
        start = len(self.output)
        while (left := end - time.perf_counter()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                self.output += chunk
        return bytes(self.output[start:])

    def wait_for(self, text: str, timeout: float = 30.0) -> float:
        """Seconds from start until ``text`` is on screen (ANSI stripped)."""
        needle = text.encode()
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    break
                self.output += chunk
                if needle in ANSI.sub(b"", bytes(self.output)):
                    return time.perf_counter() - self.started
        raise TimeoutError(f"{text!r} did not appear within {timeout} s")

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def stop(self) -> int:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            code = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            code = self.process.wait()
        os.close(self.master)
        return code
