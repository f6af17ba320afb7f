"""Journal models: what a check-in, weekly check, session record and the settings accept."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from trainer.journal.describe import entry_summary, places_text
from trainer.journal.models import (
    JOURNAL_SCHEMA_VERSION,
    NOTES_MAX,
    CheckIn,
    Entry,
    ExerciseDone,
    PersonalDose,
    SessionRecord,
    Settings,
    WeeklyCheck,
)

ENTRY: TypeAdapter[Any] = TypeAdapter(Entry)
AT = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def check_in(**fields: Any) -> CheckIn:
    return CheckIn(**{"at": AT, "pain_now": 4, **fields})


def session(**fields: Any) -> SessionRecord:
    data: dict[str, Any] = {
        "at": AT,
        "ended": AT + timedelta(minutes=12),
        "title": "Back basics",
        "routine_id": "back-basics",
        "completion": 1.0,
        "ended_how": "finished",
    }
    return SessionRecord(**{**data, **fields})


def weekly(**fields: Any) -> WeeklyCheck:
    data: dict[str, Any] = {
        "at": AT,
        "activity_interference": 3,
        "enjoyment_interference": 2,
        "global_change": "a-little-better",
    }
    return WeeklyCheck(**{**data, **fields})


def rejected(build: Any, **fields: Any) -> str:
    """Build with ``fields`` expecting a ValidationError; return its text."""
    with pytest.raises(ValidationError) as raised:
        build(**fields)
    return str(raised.value)


# --- pain scores ----------------------------------------------------------------------


@pytest.mark.parametrize("pain", range(11))
def test_every_whole_pain_score_from_0_to_10_is_accepted(pain: int) -> None:
    assert check_in(pain_now=pain).pain_now == pain


@pytest.mark.parametrize("pain", [-1, 11, 99])
def test_pain_outside_0_to_10_is_rejected(pain: int) -> None:
    assert "pain_now" in rejected(check_in, pain_now=pain)


@pytest.mark.parametrize("pain", [3.5, "3.5", 0.1, "three"])
def test_pain_must_be_a_whole_number(pain: object) -> None:
    assert "valid integer" in rejected(check_in, pain_now=pain)


def test_pain_now_is_required() -> None:
    with pytest.raises(ValidationError, match="pain_now"):
        CheckIn(at=AT)  # type: ignore[call-arg]


@pytest.mark.parametrize("value", [True, False])
def test_a_yes_no_value_is_not_a_pain_score(value: bool) -> None:
    """A damaged file's ``"pain_now": true`` must not read as pain 1."""
    assert "pain_now" in rejected(check_in, pain_now=value)
    document = check_in().model_dump(mode="json") | {"pain_now": value}
    with pytest.raises(ValidationError, match="pain_now"):
        ENTRY.validate_json(json.dumps(document))


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (check_in, "pain_average"),
        (check_in, "sleep_quality"),
        (weekly, "activity_interference"),
        (weekly, "enjoyment_interference"),
        (session, "pain_before"),
        (session, "pain_peak"),
        (session, "pain_after"),
        (session, "effort"),
    ],
)
def test_every_0_to_10_scale_has_the_same_limits(build: Any, field: str) -> None:
    assert getattr(build(**{field: 10}), field) == 10
    assert getattr(build(**{field: 0}), field) == 0
    assert field in rejected(build, **{field: 11})
    assert field in rejected(build, **{field: -1})
    assert field in rejected(build, **{field: 2.5})


# --- times ---------------------------------------------------------------------------------


def test_a_naive_time_is_rejected() -> None:
    naive = datetime(2026, 3, 14, 9, 30)
    assert "timezone" in rejected(check_in, at=naive)
    assert "timezone" in rejected(check_in, recorded=naive)
    assert "timezone" in rejected(session, at=naive, ended=naive + timedelta(minutes=5))
    assert "timezone" in rejected(session, ended=datetime(2026, 3, 14, 9, 50))


def test_a_naive_time_in_a_file_is_rejected() -> None:
    with pytest.raises(ValidationError, match="timezone"):
        ENTRY.validate_python({"kind": "check-in", "at": "2026-03-14T09:30:00", "pain_now": 2})


def test_times_keep_their_zone_and_the_day_is_the_local_one() -> None:
    zone = timezone(timedelta(hours=-5))
    late_evening = datetime(2026, 3, 31, 23, 30, tzinfo=zone)  # already 1 April in UTC
    entry = check_in(at=late_evening)
    assert entry.at.utcoffset() == timedelta(hours=-5)
    assert entry.at.date().isoformat() == "2026-03-31"
    assert CheckIn.model_validate_json(entry.model_dump_json()).at.utcoffset() == timedelta(hours=-5)


def test_recorded_defaults_to_now_in_utc() -> None:
    before = datetime.now(UTC)
    entry = check_in()
    assert before <= entry.recorded <= datetime.now(UTC)
    assert entry.recorded.utcoffset() == timedelta(0)


# --- notes and tags ----------------------------------------------------------------------


def test_notes_up_to_2000_characters_are_kept() -> None:
    text = "é" * NOTES_MAX
    assert NOTES_MAX == 2000
    assert check_in(notes=text).notes == text
    assert session(note=text).note == text


def test_notes_over_2000_characters_are_rejected() -> None:
    assert "notes" in rejected(check_in, notes="x" * (NOTES_MAX + 1))
    assert "note" in rejected(session, note="x" * (NOTES_MAX + 1))


def test_notes_are_kept_literally() -> None:
    text = "[bold]not markup[/] $(rm -rf) {x} \\n <b>\n second line\t"
    assert check_in(notes=text).notes == text


def test_control_characters_are_refused_in_notes_and_tags_with_their_code_point() -> None:
    """Terminal escape codes are refused where text comes in (nothing is silently changed); a note keeps
    its line breaks and tabs."""
    assert check_in(notes="line one\nline two\tend").notes == "line one\nline two\tend"
    assert "control character U+001B is not allowed" in rejected(check_in, notes="red \x1b[31malert")
    assert "control character U+0007 is not allowed" in rejected(check_in, triggers=["bell\x07"])
    assert "line break U+000A is not allowed" in rejected(check_in, triggers=["two\nlines"])
    assert "bidirectional control character U+202E is not allowed" in rejected(session, title="evil \u202etxt.exe")
    assert "control character U+009B is not allowed" in rejected(session, note="C1 CSI \x9b2J")
    assert "visible character" in rejected(check_in, triggers=["   "])


@pytest.mark.parametrize(
    "triggers",
    [["gardening", "gardening"], ["Gardening", "gardening"], ["LONG MEETING", "long meeting"], ["Straße", "STRASSE"]],
)
def test_a_tag_listed_twice_is_rejected_whatever_its_case(triggers: list[str]) -> None:
    assert "listed twice" in rejected(check_in, triggers=triggers)


def test_tags_are_trimmed_before_they_are_compared() -> None:
    assert check_in(triggers=["  gardening "]).triggers == ["gardening"]
    assert "listed twice" in rejected(check_in, triggers=["gardening", " Gardening  "])


@pytest.mark.parametrize("tag", ["", "   ", "x" * 41])
def test_empty_or_long_tags_are_rejected(tag: str) -> None:
    assert "triggers" in rejected(check_in, triggers=[tag])


def test_at_most_20_tags() -> None:
    assert len(check_in(triggers=[f"t{i}" for i in range(20)]).triggers) == 20
    assert "triggers" in rejected(check_in, triggers=[f"t{i}" for i in range(21)])


@pytest.mark.parametrize(
    ("field", "twice"),
    [
        ("where", ["lower-back-left", "lower-back-left"]),
        ("leg_symptoms", ["tingling", "tingling"]),
        ("helped", ["heat", "heat"]),
    ],
)
def test_choices_listed_twice_are_rejected(field: str, twice: list[str]) -> None:
    assert "listed twice" in rejected(check_in, **{field: twice})


@pytest.mark.parametrize(
    ("field", "value"),
    [("where", ["lower-back"]), ("leg_symptoms", ["itching"]), ("helped", ["massage"])],
)
def test_unknown_choices_are_rejected(field: str, value: list[str]) -> None:
    assert field in rejected(check_in, **{field: value})


def test_walked_minutes_fit_in_a_day() -> None:
    assert check_in(walked_minutes=0).walked_minutes == 0
    assert check_in(walked_minutes=1440).walked_minutes == 1440
    assert "walked_minutes" in rejected(check_in, walked_minutes=1441)
    assert "walked_minutes" in rejected(check_in, walked_minutes=-5)


# --- sessions -----------------------------------------------------------------------------


def test_a_session_cannot_end_before_it_starts() -> None:
    assert "cannot end before it starts" in rejected(session, ended=AT - timedelta(seconds=1))


def test_a_session_may_end_the_moment_it_starts() -> None:
    assert session(ended=AT).minutes == 0


def test_session_length_in_minutes_across_zones() -> None:
    ended = (AT + timedelta(minutes=25)).astimezone(timezone(timedelta(hours=9)))
    assert session(ended=ended).minutes == 25


def test_a_finished_session_has_no_stop_reason() -> None:
    assert "no stop reason" in rejected(session, ended_how="finished", stop_reason="pain")


@pytest.mark.parametrize(("how", "reason"), [("stopped-pain", "pain"), ("stopped-choice", "tired"), ("finished", None)])
def test_stopped_sessions_may_say_why(how: str, reason: str | None) -> None:
    record = session(ended_how=how, stop_reason=reason, completion=0.4)
    assert (record.ended_how, record.stop_reason) == (how, reason)


@pytest.mark.parametrize(
    ("how", "reason"), [("stopped-pain", None), ("stopped-pain", "tired"), ("stopped-choice", "pain")]
)
def test_only_a_session_stopped_for_pain_gives_pain_as_the_reason(how: str, reason: str | None) -> None:
    assert "stop_reason 'pain'" in rejected(session, ended_how=how, stop_reason=reason, completion=0.5)


@pytest.mark.parametrize("completion", [-0.1, 1.01])
def test_completion_is_a_share_from_0_to_1(completion: float) -> None:
    assert "completion" in rejected(session, completion=completion)


def test_a_session_needs_a_title() -> None:
    assert "title" in rejected(session, title="")


def test_exercises_done_are_checked() -> None:
    with pytest.raises(ValidationError, match="more than sets_planned"):
        ExerciseDone(exercise_id="cat-cow", name="Cat-cow", sets_planned=2, sets_done=3)
    done = ExerciseDone(exercise_id="cat-cow", name="Cat-cow", sets_planned=2, sets_done=2, reps_done=20, seconds=95)
    assert session(exercises=[done]).exercises == [done]
    with pytest.raises(ValidationError, match="sets_done"):
        ExerciseDone(exercise_id="cat-cow", name="Cat-cow", sets_planned=2, sets_done=-1)
    with pytest.raises(ValidationError, match="surprise"):
        ExerciseDone.model_validate(
            {"exercise_id": "cat-cow", "name": "Cat-cow", "sets_planned": 2, "sets_done": 1, "surprise": 1}
        )


# --- the kind discriminator ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "cls"),
    [(check_in(), CheckIn), (weekly(), WeeklyCheck), (session(), SessionRecord)],
)
def test_the_kind_field_picks_the_model(entry: Any, cls: type) -> None:
    document = entry.model_dump(mode="json")
    assert document["kind"] == entry.kind
    assert document["schema_version"] == JOURNAL_SCHEMA_VERSION
    loaded = ENTRY.validate_python(document)
    assert type(loaded) is cls
    assert loaded == entry


def test_an_unknown_kind_is_rejected() -> None:
    document = check_in().model_dump(mode="json") | {"kind": "mood"}
    with pytest.raises(ValidationError, match="does not match any of the expected tags"):
        ENTRY.validate_python(document)


def test_a_document_without_a_kind_is_rejected() -> None:
    document = check_in().model_dump(mode="json")
    del document["kind"]
    with pytest.raises(ValidationError, match="Unable to extract tag using discriminator"):
        ENTRY.validate_python(document)


def test_a_check_in_cannot_claim_another_kind() -> None:
    with pytest.raises(ValidationError, match="kind"):
        CheckIn(at=AT, pain_now=3, kind="session")  # type: ignore[arg-type]


def test_a_check_in_labelled_as_a_session_is_checked_as_a_session() -> None:
    document = check_in().model_dump(mode="json") | {"kind": "session"}
    with pytest.raises(ValidationError, match="session"):
        ENTRY.validate_python(document)


# --- unknown fields, versions, ids -------------------------------------------------------


@pytest.mark.parametrize("build", [check_in, weekly, session])
def test_unknown_fields_are_rejected(build: Any) -> None:
    assert "Extra inputs are not permitted" in rejected(build, mood="grumpy")
    document = build().model_dump(mode="json") | {"mood": "grumpy"}
    with pytest.raises(ValidationError, match="mood"):
        ENTRY.validate_python(document)


def test_a_newer_schema_version_is_not_read_as_this_one() -> None:
    document = check_in().model_dump(mode="json") | {"schema_version": 2}
    with pytest.raises(ValidationError, match="schema_version"):
        ENTRY.validate_python(document)


def test_ids_are_random_32_hex_digits() -> None:
    first, second = check_in(), check_in()
    assert first.id != second.id
    assert len(first.id) == 32 and int(first.id, 16) >= 0
    assert "id" in rejected(check_in, id="not-an-id")
    assert "id" in rejected(check_in, id="A" * 32)


def test_entries_are_frozen() -> None:
    entry = check_in()
    with pytest.raises(ValidationError, match="frozen"):
        entry.pain_now = 9  # type: ignore[misc]


def test_a_full_check_in_survives_a_json_round_trip() -> None:
    entry = check_in(
        pain_average=5,
        where=["lower-back-centre", "leg-left-below-knee"],
        leg_symptoms=["tingling", "numbness"],
        helped=["walk", "heat"],
        triggers=["long meeting", "lifting boxes"],
        walked_minutes=35,
        sleep_quality=6,
        notes="Tingling down the left leg after the drive.",
    )
    assert ENTRY.validate_json(entry.model_dump_json()) == entry


# --- settings ------------------------------------------------------------------------------


def test_settings_have_sensible_defaults() -> None:
    settings = Settings()
    assert settings.disclaimer_seen is False
    assert settings.sessions_per_week_goal == 3
    assert settings.bell is True
    assert settings.dose_changes == {}


def test_settings_ignore_unknown_keys() -> None:
    settings = Settings.model_validate({"theme": "calm", "from_a_later_version": {"x": 1}, "bell": False})
    assert settings.bell is False and "theme" not in settings.model_dump()  # an old setting, no longer used
    assert "from_a_later_version" not in settings.model_dump()


def test_settings_still_check_the_keys_they_know() -> None:
    with pytest.raises(ValidationError, match="sessions_per_week_goal"):
        Settings.model_validate({"sessions_per_week_goal": 0})
    with pytest.raises(ValidationError, match="schema_version"):
        Settings.model_validate({"schema_version": 2})


def test_dose_changes_round_trip_and_are_checked() -> None:
    settings = Settings(dose_changes={"bird-dog": PersonalDose(sets=2, reps=8)})
    assert Settings.model_validate_json(settings.model_dump_json()) == settings
    with pytest.raises(ValidationError, match="reps"):
        PersonalDose(reps=0)
    with pytest.raises(ValidationError, match="Extra inputs"):
        PersonalDose.model_validate({"sets": 2, "tempo": "fast"})


@pytest.mark.parametrize(
    ("ended_how", "completion", "summary"),
    [
        ("finished", 1.0, "Desk break, 4 min, finished"),
        ("finished", 0.6, "Desk break, 4 min, finished with skips: 60% of the planned work"),
        (
            "finished",
            0.09,
            "Desk break, 4 min, finished with skips: 9% of the planned work (only started: not counted)",
        ),
        (
            "stopped-choice",
            0.15,
            "Desk break, stopped early after 4 min: 15% of the planned work (only started: not counted)",
        ),
        ("stopped-pain", 0.5, "Desk break, stopped for pain after 4 min: 50% of the planned work"),
    ],
)
def test_a_session_summary_without_its_exercises_says_how_much_of_the_plan_was_done(
    ended_how, completion, summary
) -> None:
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    record = SessionRecord(
        at=start,
        ended=start + timedelta(minutes=4),
        title="Desk break",
        completion=completion,
        ended_how=ended_how,
        stop_reason="pain" if ended_how == "stopped-pain" else None,
    )
    assert entry_summary(record) == summary


def test_places_name_each_area_once() -> None:
    where = ["lower-back-centre", "lower-back-left", "buttock-right", "leg-left-below-knee"]
    assert places_text(where) == "lower back centre and left, right buttock, left leg below knee"
    assert places_text([]) == ""
