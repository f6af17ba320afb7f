"""What the end-to-end tests share: the installed ``backtrainer`` command."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest


@pytest.fixture
def backtrainer() -> str:
    """The installed backtrainer command, as an absolute path (no PATH needed on the SSH side)."""
    beside_python = Path(sys.executable).with_name("backtrainer")
    if beside_python.is_file():
        return str(beside_python.absolute())
    found = shutil.which("backtrainer")
    if found is None:
        pytest.fail("the backtrainer command is not installed: pip install -e '.[test]'")
    return str(Path(found).absolute())
