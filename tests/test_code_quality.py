"""The code stays typed (mypy --strict) and lint-clean (ruff), in CI as locally."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing() -> None:
    result = run("ruff", "check", "trainer", "tests", "scripts", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_passes_on_the_package() -> None:
    result = run("mypy", "--no-incremental", "trainer")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_import_contracts_hold() -> None:
    """The walls of docs/ARCHITECTURE.md (pyproject.toml [tool.importlinter])."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_command_line_prints_only_through_cli_output() -> None:
    """One function shows control characters visibly (trainer.cli.output); nothing prints around it."""
    printing = re.compile(r"\b(?:click\.echo|click\.secho|print)\(")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "trainer").rglob("*.py"))
        if path != ROOT / "trainer" / "cli" / "output.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if printing.search(line)
    ]
    assert offenders == []
