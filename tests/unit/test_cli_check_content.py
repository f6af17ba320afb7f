"""``backtrainer check-content`` and the global options (never opens the app)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from trainer import __version__
from trainer.catalog.loader import load_catalog
from trainer.cli import main
from trainer.engine.plan import plan_routine
from trainer.wording import format_minutes

REPO_CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture
def cli_home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def run(cli_home: Path):
    def invoke(*args: str) -> Result:
        env = {"BACKTRAINER_HOME": str(cli_home), "BACKTRAINER_CONTENT": str(REPO_CONTENT)}
        return CliRunner().invoke(main, list(args), env=env)

    return invoke


@pytest.fixture
def broken_copy(tmp_path: Path) -> Path:
    """A content copy with two problems in exercises.json."""
    target = tmp_path / "broken"
    shutil.copytree(REPO_CONTENT, target)
    path = target / "exercises.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["exercises"][0]["name"]
    data["exercises"][1]["nmae"] = "Bird dog"
    path.write_text(json.dumps(data), encoding="utf-8")
    return target


def test_check_content_prints_a_summary(run) -> None:
    result = run("check-content")
    assert result.exit_code == 0, result.output
    catalog = load_catalog(content_dir=REPO_CONTENT)
    assert result.stdout.startswith(f"Content OK: {REPO_CONTENT}\n")
    assert f"exercises      {len(catalog.exercises):>3}" in result.stdout
    assert f"routines       {len(catalog.routines):>3}" in result.stdout
    assert f"tip topics     {len(catalog.tips):>3}" in result.stdout
    assert "help lists       3  (" in result.stdout
    assert "programmes       1  (twelve-weeks: 12 weeks, 3 phases, 18 ladders)" in result.stdout


def test_check_content_checks_a_programme_file_in_place_of_the_bundled_one(run, tmp_path: Path) -> None:
    data = json.loads((REPO_CONTENT / "programme.json").read_text(encoding="utf-8"))
    data["programmes"][0]["phases"][0]["routines"].append("no-such-routine")
    replacement = tmp_path / "programme.json"
    replacement.write_text(json.dumps(data), encoding="utf-8")
    result = run("check-content", str(replacement))
    assert result.exit_code == 1
    assert "programmes[0].phases[0].routines[3]: unknown routine id 'no-such-routine'" in result.stderr


def test_check_content_counts_a_packs_programme(run, tmp_path: Path) -> None:
    programme = json.loads((REPO_CONTENT / "programme.json").read_text(encoding="utf-8"))["programmes"][0]
    pack = tmp_path / "physio.json"
    pack.write_text(json.dumps({"schema_version": 1, "programmes": [{**programme, "id": "physio-plan"}]}))
    result = run("check-content", str(pack))
    assert result.exit_code == 0, result.output
    assert "pack physio.json: 0 exercises, 0 routines, 1 programme" in result.stdout


def test_check_content_lists_every_routine_with_minutes(run) -> None:
    lines = run("check-content").stdout.splitlines()
    catalog = load_catalog(content_dir=REPO_CONTENT)
    for routine in catalog.routines.values():
        minutes = format_minutes(plan_routine(routine, catalog.exercises).total_seconds)
        matching = [line for line in lines if line.split()[:1] == [routine.id]]
        assert len(matching) == 1, routine.id
        assert minutes in matching[0]
        assert matching[0].rstrip().endswith(routine.name)


def test_broken_folder_exits_1_with_file_path_and_reason(run, broken_copy: Path) -> None:
    result = run("check-content", str(broken_copy))
    assert result.exit_code == 1
    assert result.stdout == ""
    file = broken_copy / "exercises.json"
    assert result.stderr.splitlines() == [
        "Found 2 problems:",
        f"  {file} at exercises[0].name (in 'back-extension'): required field 'name' is missing",
        f"  {file} at exercises[1].nmae (in 'bird-dog'): unknown field 'nmae' (check the spelling)",
    ]


def test_broken_replacement_file_is_checked_instead_of_the_bundled_one(run, broken_copy: Path) -> None:
    file = broken_copy / "exercises.json"
    result = run("check-content", str(file))
    assert result.exit_code == 1
    assert result.stderr.startswith("Found 2 problems:\n")
    assert f"  {file} at exercises[0].name (in 'back-extension'): required field 'name' is missing" in result.stderr


def test_one_problem_is_singular(run, tmp_path: Path) -> None:
    file = tmp_path / "tips.json"
    file.write_text("", encoding="utf-8")
    result = run("check-content", str(file))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["Found 1 problem:", f"  {file}: the file is empty (expected a JSON object)"]


def pack_content() -> dict:
    routine = {
        "id": "my-physio-plan",
        "name": "My physio plan",
        "summary": "What my physio showed me.",
        "when_to_use": "Mornings.",
        "level": "beginner",
        "items": [{"exercise": "cat-cow", "part": "warm-up"}, {"exercise": "bird-dog"}],
    }
    return {"schema_version": 1, "name": "Physio", "routines": [routine]}


def test_pack_argument_is_checked_on_top_of_bundled_content(run, tmp_path: Path) -> None:
    pack = tmp_path / "physio.json"
    pack.write_text(json.dumps(pack_content()), encoding="utf-8")
    result = run("check-content", str(pack))
    assert result.exit_code == 0, result.output
    assert "  pack physio.json: 0 exercises, 1 routine" in result.stdout
    assert any(line.split()[:1] == ["my-physio-plan"] for line in result.stdout.splitlines())


def test_broken_pack_argument_exits_1(run, tmp_path: Path) -> None:
    data = pack_content()
    data["routines"][0]["items"][1]["exercise"] = "brid-dog"
    pack = tmp_path / "physio.json"
    pack.write_text(json.dumps(data), encoding="utf-8")
    result = run("check-content", str(pack))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1] == (
        f"  {pack} at routines[0].items[1].exercise (in 'my-physio-plan'): unknown exercise id 'brid-dog'"
    )


def test_installed_packs_are_checked_without_arguments(run, cli_home: Path) -> None:
    (cli_home / "content").mkdir()
    (cli_home / "content" / "mine.json").write_text(json.dumps(pack_content()), encoding="utf-8")
    result = run("check-content")
    assert result.exit_code == 0, result.output
    assert "  pack mine.json: 0 exercises, 1 routine" in result.stdout


def test_bad_profile_name_exits_2_with_the_rules(run) -> None:
    result = run("--profile", "bad name", "check-content")
    assert result.exit_code == 2
    assert "Invalid value for '--profile'" in result.stderr
    assert "profile name 'bad name' is not allowed" in result.stderr
    assert "Traceback" not in result.output


def test_good_profile_name_is_accepted(run) -> None:
    assert run("--profile", "alice", "check-content").exit_code == 0


def test_version(run) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"backtrainer, version {__version__}"


def test_help_lists_check_content(run) -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "check-content" in result.stdout
    assert "--profile" in result.stdout


async def test_the_topic_count_agrees_with_what_tips_shows(catalog, make_app) -> None:
    from click.testing import CliRunner as Runner
    from textual.widgets import OptionList

    from trainer.cli import main as cli

    result = Runner().invoke(cli, ["check-content"])
    line = next(line for line in result.stdout.splitlines() if "tip topics" in line)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        shown = app.screen.query_one("#topics", OptionList).option_count
    assert f"{len(catalog.tips)}  and the Pain in a sentence page: {shown} topics in Tips" in line
