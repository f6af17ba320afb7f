"""Helpers for the fault tests: run the real command in a child process, bounded in time and memory."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from trainer.paths import HOME_ENV

MEMORY_LIMIT = 1 << 30
"""1 GB: a command that reads without limit (``/dev/zero``) fails instead of taking the machine."""


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.fixture
def backtrainer(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """``backtrainer(*args, home=...)``: the real CLI in a child process; a hang fails the test after 30 s."""

    def run(*args: str, home: Path, timeout: float = 30) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, HOME_ENV: str(home)}
        return subprocess.run(
            [sys.executable, "-m", "trainer", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=_limit_memory,
            stdin=subprocess.DEVNULL,
        )

    return run
