"""The README's commands work as pasted into a new shell after its install command, and it says what the
keys do."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from textual.widgets import Static

from trainer.screens.home import HomeScreen

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SH_BLOCKS = re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)
RUNS_ANYWHERE = ("python3", "ssh", "make", "git", "systemctl")
"""Commands a new shell has (the install command makes .venv; ssh runs backtrainer on another machine;
systemctl, where the README's systemd timer is meant for)."""


def commands(block: str) -> list[str]:
    lines = [line.split("#", 1)[0].strip() for line in block.splitlines()]
    return [part.strip() for line in lines if line for part in line.split("&&")]


def test_every_shell_command_runs_from_the_virtual_environment_or_after_activating_it() -> None:
    assert SH_BLOCKS
    for block in SH_BLOCKS:
        activated = False
        for command in commands(block):
            program = shlex.split(command)[0]
            if command == ". .venv/bin/activate":
                activated = True
                continue
            assert activated or program.startswith(".venv/bin/") or program in RUNS_ANYWHERE, command


def test_no_script_or_command_is_shown_with_a_bare_python() -> None:
    assert not re.search(r"`python [^`]*`", README), "use .venv/bin/python: a new shell has no such module"
    assert "`.venv/bin/python scripts/demo_journal.py`" in README
    assert "`.venv/bin/backtrainer --profile demo`" in README


def test_the_demo_command_works_as_pasted(tmp_path: Path) -> None:
    (demo,) = [block for block in SH_BLOCKS if "demo_journal" in block]
    first = shlex.split(commands(demo)[0])
    assert first[:2] == [".venv/bin/python", "scripts/demo_journal.py"]
    env = {**os.environ, "BACKTRAINER_HOME": str(tmp_path)}
    for _ in range(2):  # pasted twice, it works twice
        result = subprocess.run(
            [sys.executable, *first[1:], "--months", "1"], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
    beside = Path(sys.executable).parent / "backtrainer"
    if beside.exists():  # (the test's own Python has backtrainer beside it, as .venv/bin/python does)
        assert "backtrainer --profile demo" in result.stdout and str(beside.name) in result.stdout


def test_the_readme_says_esc_does_not_quit_on_home() -> None:
    row = next(line for line in README.splitlines() if line.startswith("| `Esc`"))
    assert "on Home it does nothing" in row
    assert "| `q` (or `Esc`) | everywhere | back; on Home, quit |" not in README


async def test_esc_on_home_stays_and_q_quits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query(Static)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code is not None or not app.is_running
