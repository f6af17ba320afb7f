"""Bad content is reported with file, JSON path and reason; user packs are all-or-nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trainer.catalog.bundled import CONTENT_ENV, bundled_content_dir
from trainer.catalog.loader import load_catalog
from trainer.catalog.problems import ContentError, ContentProblem
from trainer.catalog.validated import pack_files

REPO_CONTENT = Path(__file__).resolve().parents[2] / "content"


def only(problems: tuple[ContentProblem, ...]) -> ContentProblem:
    assert len(problems) == 1, [str(problem) for problem in problems]
    return problems[0]


def test_unmodified_copy_loads(content_copy: Path) -> None:
    catalog = load_catalog(content_dir=content_copy)
    assert catalog.origin["bird-dog"] == content_copy / "exercises.json"
    assert catalog.origin["back-basics"] == content_copy / "routines.json"
    assert catalog.packs == () and catalog.pack_problems == ()


# --- one problem per test, each with file + where + reason ---------------------------


def test_missing_field(edit_content, content_problems, content_copy) -> None:
    path = edit_content("exercises.json", lambda data: data["exercises"][0].pop("name"))
    problem = only(content_problems(content_copy))
    assert (problem.file, problem.where, problem.reason) == (
        path,
        "exercises[0].name (in 'back-extension')",
        "required field 'name' is missing",
    )


def test_missing_top_level_list(edit_content, content_problems, content_copy) -> None:
    path = edit_content("routines.json", lambda data: data.pop("routines"))
    problem = only(content_problems(content_copy))
    assert (problem.file, problem.where, problem.reason) == (path, "routines", "required field 'routines' is missing")


@pytest.mark.parametrize(
    ("field", "value", "where", "reason"),
    [
        ("name", 5, "exercises[0].name (in 'back-extension')", "expected text (a JSON string), found a number (5)"),
        (
            "steps",
            "Lie down.",
            "exercises[0].steps (in 'back-extension')",
            "expected a list (a JSON array), found a string ('Lie down.')",
        ),
    ],
)
def test_wrong_type(edit_content, content_problems, content_copy, field, value, where, reason) -> None:
    path = edit_content("exercises.json", lambda data: data["exercises"][0].update({field: value}))
    problem = only(content_problems(content_copy))
    assert (problem.file, problem.where, problem.reason) == (path, where, reason)


def test_wrong_type_for_a_nested_range(edit_content, content_problems, content_copy) -> None:
    path = edit_content("exercises.json", lambda data: data["exercises"][0]["dose"].update(sets="three"))
    problem = only(content_problems(content_copy))
    assert problem.file == path
    assert problem.where == "exercises[0].dose.sets (in 'back-extension')"
    assert problem.reason == "expected a JSON object, found a string ('three')"


@pytest.mark.parametrize("value", ["2", True], ids=["string", "boolean"])
def test_json_value_of_the_wrong_type_for_a_number_is_reported(edit_content, content_copy, value) -> None:
    edit_content("exercises.json", lambda data: data["exercises"][0]["dose"]["sets"].update(min=value))
    with pytest.raises(ContentError) as raised:
        load_catalog(content_dir=content_copy)
    assert only(raised.value.problems).where == "exercises[0].dose.sets.min (in 'back-extension')"


def test_validation_error_inside_a_list_item_names_the_item_id(edit_content, content_problems, content_copy) -> None:
    edit_content("exercises.json", lambda data: data["exercises"][0]["dose"]["sets"].update(min=4, max=3))
    problem = only(content_problems(content_copy))
    assert problem.where == "exercises[0].dose.sets (in 'back-extension')"
    assert problem.reason == "min (4) is larger than max (3)"


def test_item_level_rule_names_the_item(edit_content, content_problems, content_copy) -> None:
    def first_item_main(data: dict) -> None:
        data["routines"][2]["items"][0]["part"] = "main"

    path = edit_content("routines.json", first_item_main)
    problem = only(content_problems(content_copy))
    assert (problem.file, problem.where, problem.reason) == (
        path,
        "routines[2] (in 'flare-up-gentle')",
        "a routine must start with a warm-up item (part: warm-up)",
    )


def test_value_not_in_the_allowed_list(edit_content, content_problems, content_copy) -> None:
    edit_content("exercises.json", lambda data: data["exercises"][2].update(category="yoga"))
    problem = only(content_problems(content_copy))
    assert problem.where == "exercises[2].category (in 'glute-bridge')"
    assert problem.reason.startswith("'yoga' is not allowed: ")
    assert "'strength'" in problem.reason


def test_unknown_field(edit_content, content_problems, content_copy) -> None:
    path = edit_content("exercises.json", lambda data: data["exercises"][1].update(nmae="Bird dog"))
    problem = only(content_problems(content_copy))
    assert (problem.file, problem.where, problem.reason) == (
        path,
        "exercises[1].nmae (in 'bird-dog')",
        "unknown field 'nmae' (check the spelling)",
    )


def test_unknown_exercise_in_a_routine(edit_content, content_problems, content_copy) -> None:
    path = edit_content("routines.json", lambda data: data["routines"][2]["items"][2].update(exercise="no-such"))
    problem = only(content_problems(content_copy))
    assert (problem.file, problem.where, problem.reason) == (
        path,
        "routines[2].items[2].exercise (in 'flare-up-gentle')",
        "unknown exercise id 'no-such'",
    )


@pytest.mark.parametrize("kind", ["easier", "harder"])
def test_unknown_variation(edit_content, content_problems, content_copy, kind: str) -> None:
    path = edit_content("exercises.json", lambda data: data["exercises"][0].update({kind: ["no-such"]}))
    problem = only(content_problems(content_copy))
    assert (problem.file, problem.where, problem.reason) == (
        path,
        f"exercises[0].{kind}[0] (in 'back-extension')",
        "unknown exercise id 'no-such'",
    )


@pytest.mark.parametrize(
    ("file_name", "key"),
    [("exercises.json", "exercises"), ("routines.json", "routines"), ("tips.json", "topics")],
)
def test_duplicate_id(edit_content, content_problems, content_copy, file_name: str, key: str) -> None:
    def duplicate_first(data: dict) -> None:
        data[key].append(data[key][0])

    path = edit_content(file_name, duplicate_first)
    count = len(json.loads(path.read_text())[key])
    first_id = json.loads(path.read_text())[key][0]["id"]
    problem = only(content_problems(content_copy))
    assert (problem.file, problem.where, problem.reason) == (
        path,
        f"{key}[{count - 1}].id",
        f"duplicate id {first_id!r} (first used at {key}[0])",
    )


def test_malformed_json_gives_line_and_column(content_copy, content_problems) -> None:
    path = content_copy / "tips.json"
    path.write_text('{\n  "schema_version": 1,\n  "topics": [\n    oops\n  ]\n}\n', encoding="utf-8")
    problem = only(content_problems(content_copy))
    assert (problem.file, problem.where) == (path, "line 4, column 5")
    assert problem.reason == "not valid JSON: Expecting value"


def test_empty_file(content_copy, content_problems) -> None:
    path = content_copy / "safety.json"
    path.write_text("  \n", encoding="utf-8")
    problem = only(content_problems(content_copy))
    assert (problem.file, problem.where, problem.reason) == (path, "", "the file is empty (expected a JSON object)")
    assert str(problem) == f"{path}: the file is empty (expected a JSON object)"


def test_json_nested_too_deeply_is_a_problem_not_a_crash(content_copy, content_problems) -> None:
    path = content_copy / "routines.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    problem = only(content_problems(content_copy))
    assert (problem.file, problem.reason) == (path, "the JSON is nested too deeply to read")


def test_top_level_not_an_object(content_copy, content_problems) -> None:
    path = content_copy / "routines.json"
    path.write_text("[]", encoding="utf-8")
    problem = only(content_problems(content_copy))
    assert (problem.file, problem.where) == (path, "(top level)")
    assert problem.reason.startswith("expected a JSON object, found ")


def test_file_not_found(content_copy, content_problems) -> None:
    (content_copy / "tips.json").unlink()
    problem = only(content_problems(content_copy))
    assert (problem.file, problem.where, problem.reason) == (content_copy / "tips.json", "", "file not found")


def test_file_that_is_not_utf8(content_copy, content_problems) -> None:
    (content_copy / "tips.json").write_bytes(b'{"topics": "\xff\xfe"}')
    problem = only(content_problems(content_copy))
    assert problem.reason.startswith("cannot be read: ")


def test_problems_in_several_files_are_all_reported(edit_content, content_problems, content_copy) -> None:
    edit_content("exercises.json", lambda data: data["exercises"][0].pop("purpose"))
    (content_copy / "safety.json").write_text("", encoding="utf-8")
    problems = content_problems(content_copy)
    assert sorted(problem.file.name for problem in problems) == ["exercises.json", "safety.json"]


def test_content_error_message_has_one_line_per_problem(edit_content, content_copy) -> None:
    edit_content("exercises.json", lambda data: [data["exercises"][i].pop("purpose") for i in (0, 1)])
    with pytest.raises(ContentError) as raised:
        load_catalog(content_dir=content_copy)
    lines = str(raised.value).splitlines()
    assert len(lines) == 2
    assert (
        lines[1] == f"{content_copy / 'exercises.json'} at exercises[1].purpose (in 'bird-dog'): "
        "required field 'purpose' is missing"
    )


def test_replacement_file_is_checked_in_place_of_the_bundled_one(content_copy, content_problems, tmp_path) -> None:
    replacement = tmp_path / "draft" / "exercises.json"
    replacement.parent.mkdir()
    replacement.write_text('{"exercises": []}', encoding="utf-8")
    problem = only(content_problems(content_copy, replacements={"exercises.json": replacement}))
    assert (problem.file, problem.where) == (replacement, "exercises")


# --- bundled_content_dir -----------------------------------------------------------


def test_bundled_content_dir_honours_the_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(CONTENT_ENV, str(tmp_path))
    assert bundled_content_dir() == tmp_path


def test_load_catalog_without_a_folder_uses_the_environment(monkeypatch, edit_content, content_copy) -> None:
    path = edit_content("exercises.json", lambda data: data["exercises"][0].pop("name"))
    monkeypatch.setenv(CONTENT_ENV, str(content_copy))
    with pytest.raises(ContentError) as raised:
        load_catalog()
    assert only(raised.value.problems).file == path


def test_bundled_content_dir_default_holds_the_content(monkeypatch) -> None:
    monkeypatch.delenv(CONTENT_ENV, raising=False)
    assert (bundled_content_dir() / "exercises.json").is_file()


# --- user content packs ---------------------------------------------------------------


@pytest.fixture
def pack_exercise(rep_exercise_data) -> dict:
    return rep_exercise_data(id="pack-lift", name="Pack lift")


def pack_routine(routine_id: str, *exercise_ids: str) -> dict:
    items = [{"exercise": exercise_ids[0], "part": "warm-up"}, *({"exercise": e} for e in exercise_ids[1:])]
    return {
        "id": routine_id,
        "name": "Pack routine",
        "summary": "From a pack.",
        "when_to_use": "Any time.",
        "level": "beginner",
        "items": items,
    }


def test_valid_pack_adds_its_exercises_and_routines(write_pack, pack_exercise) -> None:
    pack = write_pack(
        "physio.json",
        name="From my physio",
        exercises=[pack_exercise],
        routines=[pack_routine("pack-routine", "cat-cow", "pack-lift")],
    )
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[pack])
    assert catalog.exercises["pack-lift"].name == "Pack lift"
    assert [item.exercise for item in catalog.routines["pack-routine"].items] == ["cat-cow", "pack-lift"]
    assert catalog.from_pack("pack-lift") == pack
    assert catalog.from_pack("pack-routine") == pack
    assert catalog.from_pack("bird-dog") is None
    assert catalog.packs == (pack,)
    assert catalog.pack_problems == ()


def test_pack_routine_may_use_only_bundled_exercises(write_pack) -> None:
    pack = write_pack("mine.json", routines=[pack_routine("my-mix", "cat-cow", "bird-dog", "glute-bridge")])
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[pack])
    assert "my-mix" in catalog.routines
    assert catalog.pack_problems == ()


def test_pack_clashing_with_a_bundled_id_is_skipped_whole(write_pack, pack_exercise, repo_content_dir) -> None:
    clash = dict(pack_exercise, id="bird-dog", name="Imposter")
    pack = write_pack(
        "clash.json", exercises=[pack_exercise, clash], routines=[pack_routine("pack-routine", "cat-cow")]
    )
    catalog = load_catalog(content_dir=repo_content_dir, packs=[pack])
    assert catalog.exercises["bird-dog"].name == "Bird-dog"
    assert "pack-lift" not in catalog.exercises
    assert "pack-routine" not in catalog.routines
    assert catalog.packs == ()
    problem = only(catalog.pack_problems)
    assert (problem.file, problem.where) == (pack, "exercises[1].id")
    assert problem.reason == (
        f"id 'bird-dog' is already used by {repo_content_dir / 'exercises.json'}; "
        "choose another id (content is never merged)"
    )


def test_pack_routine_clashing_with_a_bundled_routine_is_skipped(write_pack) -> None:
    pack = write_pack("clash.json", routines=[pack_routine("back-basics", "cat-cow")])
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[pack])
    assert catalog.routines["back-basics"].name == "Back basics"
    assert only(catalog.pack_problems).where == "routines[0].id"


def test_broken_pack_does_not_stop_later_packs(write_pack, pack_exercise) -> None:
    broken = write_pack("a-broken.json")
    broken.write_text("{", encoding="utf-8")
    good = write_pack("b-good.json", exercises=[pack_exercise])
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[broken, good])
    assert catalog.packs == (good,)
    assert catalog.from_pack("pack-lift") == good
    problem = only(catalog.pack_problems)
    assert (problem.file, problem.where) == (broken, "line 1, column 2")


def test_second_pack_with_the_same_id_is_skipped(write_pack, pack_exercise) -> None:
    first = write_pack("first.json", exercises=[pack_exercise])
    second = write_pack("second.json", exercises=[dict(pack_exercise, name="Second lift")])
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[first, second])
    assert catalog.exercises["pack-lift"].name == "Pack lift"
    assert catalog.packs == (first,)
    problem = only(catalog.pack_problems)
    assert problem.file == second
    assert f"already used by {first}" in problem.reason


def test_pack_with_an_unknown_exercise_is_skipped(write_pack) -> None:
    pack = write_pack("typo.json", routines=[pack_routine("my-mix", "cat-cow", "brid-dog")])
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[pack])
    assert "my-mix" not in catalog.routines
    problem = only(catalog.pack_problems)
    assert (problem.where, problem.reason) == (
        "routines[0].items[1].exercise (in 'my-mix')",
        "unknown exercise id 'brid-dog'",
    )


def test_empty_pack_is_reported(write_pack) -> None:
    pack = write_pack("empty.json", name="Nothing yet")
    problem = only(load_catalog(content_dir=REPO_CONTENT, packs=[pack]).pack_problems)
    assert (problem.file, problem.where, problem.reason) == (
        pack,
        "(top level)",
        "a content pack needs at least one exercise, routine or programme",
    )


def test_pack_files_lists_every_json_name_sorted(tmp_path) -> None:
    """Whatever a ``*.json`` is, it is a pack: reading it says what is wrong with it (never a silent skip)."""
    for name in ("b.json", "a.json", "notes.txt"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    (tmp_path / "folder.json").mkdir()
    assert pack_files(tmp_path) == [tmp_path / "a.json", tmp_path / "b.json", tmp_path / "folder.json"]
    assert pack_files(tmp_path / "missing") == []
    assert pack_files(None) == []


def test_routine_item_cannot_change_what_its_exercise_does_not_have(
    edit_content, content_problems, content_copy
) -> None:
    def reps_on_a_hold(data: dict) -> None:
        data["routines"].append(
            {
                "id": "odd-routine",
                "name": "Odd",
                "summary": "Knee to chest with reps.",
                "when_to_use": "Never, it is a test.",
                "level": "gentle",
                "items": [
                    {"exercise": "knee-to-chest", "part": "warm-up", "reps": 5},
                    {"exercise": "lumbar-rotation", "hold_seconds": 10},
                ],
            }
        )

    path = edit_content("routines.json", reps_on_a_hold)
    problems = content_problems(content_copy)
    index = len(json.loads(path.read_text())["routines"]) - 1
    assert [(p.file, p.where, p.reason) for p in problems] == [
        (
            path,
            f"routines[{index}].items[0].reps (in 'odd-routine')",
            "'knee-to-chest' is a hold exercise: it has no reps",
        ),
        (
            path,
            f"routines[{index}].items[1].hold_seconds (in 'odd-routine')",
            "'lumbar-rotation' has no hold to change",
        ),
    ]
