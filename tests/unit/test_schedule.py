"""The reminder schedule (engine/schedule.py) on a fixed clock: a working day walked through hour by hour,
then each rule on its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta, timezone
from itertools import count

import pytest

from trainer.engine.schedule import Agenda, agenda
from trainer.journal.reminders import (
    JournalFacts,
    Outcome,
    PromptFact,
    QuietTime,
    ReminderKind,
    ReminderRules,
    SessionFact,
)

ZONE = timezone(timedelta(hours=1))
TUESDAY = datetime(2026, 11, 24, tzinfo=ZONE)
RULES = ReminderRules(
    enabled=True,
    days=frozenset(range(5)),
    start=time(9, 0),
    end=time(17, 30),
    break_minutes=45,
    quiet=(QuietTime(time(12, 30), time(13, 30)),),
    away_minutes=10,
    postpone_minutes=10,
    max_postpones=2,
    session=True,
    morning_check=True,
    weekly_goal=3,
)
_ids = count()


def at(hour: int, minute: int = 0, day: datetime = TUESDAY) -> datetime:
    return day.replace(hour=hour, minute=minute)


def prompt(
    reminder: ReminderKind, shown: datetime, outcome: Outcome = "shown", changed: datetime | None = None, postpones=0
) -> PromptFact:
    return PromptFact(f"{next(_ids):032x}", reminder, outcome, shown, changed or shown, postpones)


def session(start: datetime, minutes: int = 10, counts: bool = True) -> SessionFact:
    return SessionFact(start, start + timedelta(minutes=minutes), counts)


def facts(*items: datetime | SessionFact | PromptFact) -> JournalFacts:
    return JournalFacts(
        check_ins=tuple(item for item in items if isinstance(item, datetime)),
        sessions=tuple(item for item in items if isinstance(item, SessionFact)),
        prompts=tuple(item for item in items if isinstance(item, PromptFact)),
    )


def line(result: Agenda) -> str:
    """The agenda in one line: state, what is due, what waits, what is next (weekday if not today)."""
    parts = [] if result.state == "due" else [result.state]
    if result.due:
        parts.append("due " + ",".join(f"{due.reminder}@{due.at:%H:%M}" for due in result.due))
    if result.waiting:
        parts.append("waiting " + ",".join(f"{due.reminder}@{due.at:%H:%M}" for due in result.waiting))
    if result.until:
        parts.append(f"until {result.until:%H:%M}")
    if result.next:
        day = "" if result.next.at.date() == result.now.date() else f"{result.next.at:%a} "
        parts.append(f"next {result.next.reminder}@{day}{result.next.at:%H:%M}")
    return " | ".join(parts)


# --- a working day, hour by hour ------------------------------------------------------------------


def test_a_working_day_hour_by_hour() -> None:
    """Tuesday 24 November, 09:00-17:30, a desk break every 45 min, quiet 12:30-13:30; what the person does
    is added to the journal as the day goes, and each hour the schedule says what is due."""
    day: list[datetime | SessionFact | PromptFact] = []
    seen: dict[int, str] = {}

    def look(hour: int, idle: timedelta | None = None) -> None:
        seen[hour] = line(agenda(RULES, facts(*day), at(hour), idle))

    look(7)
    look(8)
    look(9)
    day.append(at(9, 5))  # checks in
    look(10)
    day.append(prompt("desk-break", at(10), "postponed", at(10, 1), postpones=1))  # 'later'
    day[-1] = prompt("desk-break", at(10), "taken", at(10, 15), postpones=1)  # shown again at 10:11, taken
    look(11, idle=timedelta(minutes=25))  # away: remind records it as a break
    day.append(prompt("desk-break", at(11), "away"))
    look(12)
    day.append(prompt("desk-break", at(12), "shown", at(12, 20), postpones=2))  # shown at 12:00, 12:10, 12:20
    look(13)
    look(14)
    day.append(prompt("desk-break", at(14), "skipped", at(14, 2)))
    day.append(session(at(14, 50)))
    look(15)
    look(16)
    day.append(prompt("desk-break", at(16), "taken", at(16, 5)))
    look(17)
    look(18)
    look(19)

    assert seen == {
        7: "before-hours | next morning-check@09:00",
        8: "before-hours | next morning-check@09:00",
        9: "due morning-check@09:00 | next desk-break@09:45",
        10: "due desk-break@09:45 | next session@16:30",
        11: "away | waiting desk-break@11:00 | next session@16:30",
        12: "due desk-break@11:45 | next session@16:30",
        # given up after 2 re-showings at 12:20: the next break (13:05) waits for the end of the quiet time
        13: "quiet | until 13:30 | next desk-break@13:30",
        14: "due desk-break@13:30 | next session@16:30",
        15: "clear | next desk-break@15:45",  # the session 14:50-15:00 was a break, and today's session
        16: "due desk-break@15:45 | next morning-check@Wed 09:00",
        17: "due desk-break@16:50 | next morning-check@Wed 09:00",
        18: "after-hours | next morning-check@Wed 09:00",
        19: "after-hours | next morning-check@Wed 09:00",
    }


# --- the rules one by one --------------------------------------------------------------------------


def test_reminders_off_say_so_and_nothing_comes() -> None:
    result = agenda(replace(RULES, enabled=False), facts(), at(10))
    assert (result.state, result.due, result.next) == ("off", (), None)


def test_a_day_off_points_to_the_next_working_day() -> None:
    saturday = TUESDAY + timedelta(days=4)
    assert line(agenda(RULES, facts(), at(11, day=saturday))) == "day-off | next morning-check@Mon 09:00"
    weekend = replace(RULES, days=frozenset({5, 6}), morning_check=False)
    assert line(agenda(weekend, facts(), at(11))) == "day-off | next desk-break@Sat 09:45"


def test_the_morning_check_in_is_due_in_the_morning_only_and_a_check_in_clears_it() -> None:
    assert line(agenda(RULES, facts(), at(11, 59))).startswith("due morning-check@09:00,desk-break@09:45")
    assert "morning-check" not in line(agenda(RULES, facts(), at(12)))
    assert "morning-check" not in line(agenda(RULES, facts(at(8, 30)), at(9, 30)))  # checked in before work
    late = replace(RULES, start=time(11, 0), end=time(19, 0))  # two hours after a late start
    assert "morning-check" in line(agenda(late, facts(), at(12, 59)))
    assert "morning-check" not in line(agenda(late, facts(), at(13)))
    assert "morning-check" not in line(agenda(replace(RULES, morning_check=False), facts(), at(9)))


def test_todays_session_is_due_in_the_last_hour_until_one_is_done_or_the_week_is_full() -> None:
    checked = at(9)
    assert line(agenda(RULES, facts(checked), at(16, 29))).endswith("next session@16:30")
    assert line(agenda(RULES, facts(checked), at(16, 30))).startswith("due session@16:30")
    monday = TUESDAY - timedelta(days=1)
    two = [session(at(18, day=monday)), session(at(7, day=TUESDAY))]
    assert "session" not in line(agenda(RULES, facts(checked, *two), at(16, 45)))  # one done today
    three_before = [session(at(18, day=monday - timedelta(days=offset))) for offset in range(3)]  # Sat, Sun, Mon
    assert "session" in line(agenda(RULES, facts(checked, *three_before), at(16, 45)))  # last week's do not count
    full = [session(at(7, day=monday)), session(at(8, day=monday)), session(at(18, day=monday))]
    assert "session" not in line(agenda(RULES, facts(checked, *full), at(16, 45)))  # 3 this week: the goal
    short = [session(at(7, day=monday), counts=False)] * 3
    assert "session@16:30" in line(agenda(RULES, facts(checked, *short), at(16, 45)))  # tries do not count
    assert "session" not in line(agenda(replace(RULES, session=False), facts(checked), at(16, 45)))


def test_a_desk_break_comes_the_interval_after_the_last_break() -> None:
    checked = at(9)
    assert line(agenda(RULES, facts(checked), at(9, 44))) == "clear | next desk-break@09:45"
    taken = prompt("desk-break", at(9, 45), "taken", at(9, 50))
    assert line(agenda(RULES, facts(checked, taken), at(10))) == "clear | next desk-break@10:35"
    thirty = replace(RULES, break_minutes=30)
    assert line(agenda(thirty, facts(checked, taken), at(10))) == "clear | next desk-break@10:20"
    assert line(agenda(RULES, facts(checked, session(at(10, 10))), at(10, 30))) == "clear | next desk-break@11:05"
    assert line(agenda(RULES, facts(checked), at(17, 29))).startswith("due session@16:30,desk-break@09:45")
    late = prompt("desk-break", at(16, 40), "taken", at(16, 50))  # 17:35 is after the working day
    no_session = replace(RULES, session=False)
    assert line(agenda(no_session, facts(checked, late), at(17))) == "clear | next morning-check@Wed 09:00"


def test_a_prompt_put_off_comes_back_after_its_delay_up_to_the_cap() -> None:
    checked = at(9)
    first = prompt("desk-break", at(10), "postponed", at(10, 2), postpones=1)
    assert line(agenda(RULES, facts(checked, first), at(10, 5))) == "clear | next desk-break@10:12"
    back = agenda(RULES, facts(checked, first), at(10, 12))
    assert back.first is not None and back.first.prompt == first  # it brings the same prompt back
    second = replace(first, outcome="postponed", outcome_at=at(10, 20), postpones=2)
    assert line(agenda(RULES, facts(checked, second), at(10, 30))) == "due desk-break@10:30 | next session@16:30"
    # shown again with its two put-offs used: no answer now counts as skipped, the next break 45 min on
    last = replace(second, outcome="shown", outcome_at=at(10, 30))
    assert line(agenda(RULES, facts(checked, last), at(10, 45))) == "clear | next desk-break@11:15"
    none_allowed = replace(RULES, max_postpones=0)
    unanswered = prompt("desk-break", at(10))
    assert line(agenda(none_allowed, facts(checked, unanswered), at(10, 15))) == "clear | next desk-break@10:45"
    assert line(agenda(RULES, facts(checked, unanswered), at(10, 15))).startswith("due desk-break@10:10")


def test_a_prompt_taken_or_skipped_clears_it_for_the_day() -> None:
    for outcome in ("taken", "skipped"):
        morning = prompt("morning-check", at(9), outcome, at(9, 1))
        assert "morning-check" not in line(agenda(RULES, facts(morning), at(10)))
        evening = prompt("session", at(16, 30), outcome, at(16, 31))
        assert "session" not in line(agenda(RULES, facts(at(9), evening), at(17)))


def test_a_session_after_a_desk_break_prompt_answers_it() -> None:
    shown = prompt("desk-break", at(10))
    result = agenda(RULES, facts(at(9), shown, session(at(10, 5))), at(10, 30))
    assert line(result) == "clear | next desk-break@11:00"


def test_yesterdays_prompts_do_not_count_today() -> None:
    yesterday = prompt("morning-check", at(9) - timedelta(days=1), "skipped", at(9, 1) - timedelta(days=1))
    assert line(agenda(RULES, facts(yesterday), at(9, 10))).startswith("due morning-check@09:00")


def test_nothing_is_due_in_a_quiet_time_and_what_falls_due_in_one_waits_for_its_end() -> None:
    checked = at(9)
    taken = prompt("desk-break", at(11, 40), "taken", at(11, 50))  # next at 12:35: quiet
    assert line(agenda(RULES, facts(checked, taken), at(12, 40))) == "quiet | until 13:30 | next desk-break@13:30"
    assert line(agenda(RULES, facts(checked, taken), at(13, 30))) == "due desk-break@13:30 | next session@16:30"
    overdue = prompt("desk-break", at(11), "taken", at(11, 40))  # due 12:25, not yet shown at 12:40
    assert line(agenda(RULES, facts(checked, overdue), at(12, 40))) == (
        "quiet | waiting desk-break@12:25 | until 13:30 | next session@16:30"
    )
    night = replace(RULES, start=time(6, 0), end=time(23, 0), quiet=(QuietTime(time(22, 0), time(7, 0)),))
    assert line(agenda(night, facts(), at(6, 30))) == "quiet | until 07:00 | next morning-check@07:00"
    assert line(agenda(night, facts(), at(22, 30))) == (
        "quiet | waiting desk-break@07:00 | until 07:00 | next morning-check@Wed 07:00"  # the morning has gone
    )
    back_to_back = replace(RULES, quiet=(QuietTime(time(9, 0), time(9, 30)), QuietTime(time(9, 30), time(10, 0))))
    assert line(agenda(back_to_back, facts(), at(9, 45))) == "quiet | until 10:00 | next morning-check@10:00"


def test_away_means_nothing_is_shown_and_what_is_due_waits() -> None:
    checked = at(9)
    assert line(agenda(RULES, facts(checked), at(10), timedelta(minutes=10))) == (
        "away | waiting desk-break@09:45 | next session@16:30"
    )
    assert agenda(RULES, facts(checked), at(10), timedelta(minutes=9, seconds=59)).state == "due"
    assert agenda(RULES, facts(checked), at(10), None).state == "due"  # not known: taken to be there
    away = prompt("desk-break", at(10), "away")
    assert line(agenda(RULES, facts(checked, away), at(10, 5))) == "clear | next desk-break@10:45"


def test_before_and_after_the_working_hours() -> None:
    assert line(agenda(RULES, facts(), at(8, 59))) == "before-hours | next morning-check@09:00"
    assert agenda(RULES, facts(), at(9)).state == "due"
    assert line(agenda(RULES, facts(), at(17, 30))) == "after-hours | next morning-check@Wed 09:00"
    friday = TUESDAY + timedelta(days=3)
    assert line(agenda(RULES, facts(), at(18, day=friday))) == "after-hours | next morning-check@Mon 09:00"


def test_entries_in_another_zone_are_read_in_the_zone_of_now() -> None:
    utc_check_in = at(9, 30).astimezone(UTC)  # 08:30 UTC is 09:30 here
    assert "morning-check" not in line(agenda(RULES, facts(utc_check_in), at(10)))
    late_yesterday = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)  # 00:30 today here
    assert "morning-check" not in line(agenda(RULES, facts(late_yesterday), at(10)))


def test_the_schedule_needs_an_aware_time() -> None:
    with pytest.raises(ValueError):
        agenda(RULES, facts(), datetime(2026, 11, 24, 10))


def test_entries_after_now_are_not_seen() -> None:
    assert agenda(RULES, facts(at(11)), at(10)).first is not None
    assert agenda(RULES, facts(at(11)), at(10)).first.reminder == "morning-check"  # type: ignore[union-attr]
