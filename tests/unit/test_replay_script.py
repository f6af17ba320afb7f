"""scripts/replay_programme.py: twelve simulated weeks through the coach, and a journal replayed read only."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from tests.unit.coach_builders import START, morning, played_session, standing
from trainer.catalog.validated import Catalog
from trainer.journal.store import JournalStore

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "replay_programme.py"


def run(*args: str) -> str:
    result = subprocess.run([sys.executable, str(SCRIPT), *args], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def output() -> str:
    return run()


def rows(text: str) -> list[dict[str, str]]:
    lines = [line for line in text.splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [dict(zip(header, (cell.strip() for cell in line.strip("|").split("|")), strict=True)) for line in lines[1:]]


def volume(dose: str) -> int:
    """``2x8 each side, 5 s hold`` -> 16 reps (holds count as their seconds), for comparing doses."""
    sets, amount = re.match(r"(?:[A-Za-z -]+ )?(\d+)x(\d+)", dose).groups()  # type: ignore[union-attr]
    hold = re.search(r"(\d+) s hold", dose)
    return int(sets) * int(amount) * (int(hold.group(1)) if hold else 1)


def test_twelve_weeks_in_the_programmes_phases(output: str) -> None:
    weeks = rows(output)
    assert [row["Week"] for row in weeks] == [str(week) for week in range(1, 13)]
    assert [row["Phase"] for row in weeks] == ["Get moving"] * 2 + ["Build up"] * 4 + ["Get stronger"] * 6
    assert [int(row["Sessions"]) for row in weeks] == [5, 5, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3]


def test_doses_rise_while_green_hold_while_amber_and_fall_after_red(output: str) -> None:
    weeks = {int(row["Week"]): row for row in rows(output)}
    assert weeks[5]["Verdicts"] == "4 amber" and "up" not in weeks[5]["Changes"] and "hold" in weeks[5]["Changes"]
    assert "1 red" in weeks[8]["Verdicts"] and "down" in weeks[8]["Changes"]
    for week in (1, 2, 3, 4, 6, 7, 9, 11, 12):
        assert weeks[week]["Verdicts"].endswith("green") and "up" in weeks[week]["Changes"], week
    bird = {week: volume(row["Bird-dog"]) for week, row in weeks.items()}
    assert bird[4] > bird[1] and bird[5] == bird[4]  # rising while green, holding while amber
    assert bird[8] < bird[7]  # falling after red
    assert bird[12] > bird[9]
    bridge = {week: volume(row["Glute bridge"]) for week, row in weeks.items()}
    assert bridge[5] == bridge[4] < bridge[7] and bridge[8] == bridge[7]
    assert weeks[12]["Glute bridge"].startswith("Single-leg glute bridge")  # the harder variation at the top


def test_the_walk_grows_each_green_week_holds_after_amber_and_steps_back_after_red(output: str) -> None:
    walk = {int(row["Week"]): int(row["Walk (min a day)"]) for row in rows(output)}
    assert walk[1] == 8 and walk[2] == 10  # a little below the 10 minutes walked now, then 2 more a day
    assert walk[6] == walk[5]  # after the amber week
    assert walk[9] < walk[8]  # after the red week
    assert walk[11] == walk[10]
    assert all(walk[week + 1] > walk[week] for week in (1, 2, 3, 4, 6, 7))


def test_every_change_comes_with_its_reason(output: str) -> None:
    changes = [line for line in output.splitlines() if line.startswith("- Week ")]
    assert changes
    downs = [line for line in changes if ", down): " in line]
    assert downs and all("Red: " in line and "flare plan" in line for line in downs)
    ups = [line for line in changes if ", up): " in line]
    assert ups and all(re.search(r"Your last \w+ sessions were green: .+ -> ", line) for line in ups)


def test_a_journal_is_replayed_read_only(tmp_path: Path, real_catalog: Catalog) -> None:
    folder = tmp_path / "journal"
    store = JournalStore(folder)
    where = standing(real_catalog)
    for offset in range(4):
        store.add(played_session(real_catalog, where, START + timedelta(days=offset), routine_id="gentle-start"))
        store.add(morning(START + timedelta(days=offset + 1), worse=False))
    before = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    text = run("--journal", str(folder), "--weeks", "2")
    weeks = rows(text)
    assert [row["Week"] for row in weeks] == ["1", "2"]
    assert weeks[0]["Sessions"] == "4" and weeks[0]["Verdicts"] == "4 green" and "up" in weeks[0]["Changes"]
    assert {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()} == before
