"""The Markdown report for a clinician, from hand-built journals."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.journal_builders import check_in, check_ins, nov, session, weekly
from trainer.engine.insights import entry_day, summarize, week_start, window_average
from trainer.reports.markdown import FOOTER, RUN_COLLAPSED, escape_markdown, markdown_report, pain_bar, week_rows

GENERATED = datetime(2026, 11, 24, 18, 5, tzinfo=UTC)
SECTIONS = [
    "# Back pain self-report (backtrainer)",
    "## Overview",
    "## Change in pain since the first week",
    "## Sessions per week (goal: 2 a week)",
    "## Streaks",
    "## Pain on session days and other days",
    "## Weekly check (project questions, not a validated scale)",
    "## Weekly average pain",
    "## Sessions stopped before the end",
    "## Check-ins with leg symptoms",
    "## Other notes",
]


def journal() -> list:
    return [
        *check_ins(nov(2), [6, 6, 5, 6]),  # first week: 5.75
        check_in(nov(10), 5, leg_symptoms=["tingling", "numbness"], where=["leg-left-below-knee"], notes="Sore"),
        check_in(nov(11), 4, where=["leg-right-above-knee"]),
        *check_ins(nov(18), [3, 4, 3, 3, 3, 2, 3]),  # last 7 days: 3.0
        *[session(nov(n)) for n in (2, 4, 10, 18, 20, 23)],
        weekly(nov(8), 6, 5, "no-change"),
        weekly(nov(22), 3, 2, "better"),
    ]


def report(entries: list, since=None, goal: int = 2) -> str:
    return markdown_report(entries, nov(24), since, goal, GENERATED)


def section(text: str, heading: str) -> str:
    """The body of one section, up to the next heading."""
    body = text.split(heading + "\n", 1)[1]
    return body.split("\n## ", 1)[0].strip()


def test_sections_appear_in_order_and_the_report_ends_with_the_disclaimer() -> None:
    text = report(journal())
    positions = [text.index(heading + "\n") for heading in SECTIONS]
    assert positions == sorted(positions)
    assert text.endswith("\n\n" + FOOTER + "\n")
    assert FOOTER == "This is a summary of self-reported entries, not a diagnosis."


def test_header_and_overview_counts() -> None:
    text = report(journal())
    assert "Period: Mon 2 Nov 2026 to Tue 24 Nov 2026 (23 days; all entries)." in text
    assert "Generated 2026-11-24 18:05+00:00." in text
    assert section(text, "## Overview").splitlines()[:6] == [
        "- Check-ins: 13",
        "- Exercise sessions: 6",
        "- Weekly checks: 2",
        "- Pain now (0-10): average 4.1, lowest 2, highest 6",
        "- Walking logged: 0 minutes",
        "- Days with leg symptoms: 2",
    ]


def test_since_limits_the_period_but_not_the_first_week() -> None:
    text = report(journal(), since=nov(16))
    assert "Period: Mon 16 Nov 2026 to Tue 24 Nov 2026 (9 days; entries since Mon 16 Nov 2026)." in text
    assert "- Check-ins: 7\n- Exercise sessions: 3\n- Weekly checks: 1\n" in text
    assert "| First week | Mon 2 Nov 2026 to Sun 8 Nov 2026 | 4 | 5.8 |" in text
    assert "None in this period." in section(text, "## Check-ins with leg symptoms")


def test_meaningful_change_states_the_rule_and_the_result() -> None:
    body = section(report(journal()), "## Change in pain since the first week")
    assert "Each week needs at least 4 check-ins and the two weeks must not overlap." in body
    assert "A meaningful improvement is a fall of at least 2 points and at least 30%" in body
    assert body.endswith(
        "| First week | Mon 2 Nov 2026 to Sun 8 Nov 2026 | 4 | 5.8 |\n"
        "| Last 7 days | Wed 18 Nov 2026 to Tue 24 Nov 2026 | 7 | 3.0 |\n\n"
        "- Result: **meaningful improvement**\n"
        "- Change: down 2.8 points (48%)"
    )


def test_change_with_too_few_check_ins_and_a_low_first_week() -> None:
    entries = check_ins(nov(2), [3, 3, 3, 3]) + check_ins(nov(22), [2, 2, 2])
    body = section(report(entries), "## Change in pain since the first week")
    assert "- Result: not enough data (fewer than 4 check-ins in a week)" in body
    assert "- Change, with too few check-ins to judge: down 1.0 point (33%)" in body
    assert "- The first week's average was 3 or less: a 2-point fall may be out of reach" in body


def test_change_when_the_weeks_overlap() -> None:
    body = section(report(check_ins(nov(15), [5] * 10)), "## Change in pain since the first week")
    assert "- Result: not enough data (the first week and the last 7 days overlap)" in body
    assert "- Change" not in body  # the same days on both sides: no change to speak of
    recent = section(report(check_ins(nov(20), [5] * 5)), "## Change in pain since the first week")
    assert "| First week | Fri 20 Nov 2026 to Tue 24 Nov 2026 |" in recent  # not to a day still to come


def test_sessions_per_week_against_the_goal_with_adherence() -> None:
    body = section(report(journal()), "## Sessions per week (goal: 2 a week)")
    assert (
        "| Mon 2 Nov 2026 | 2 | yes |\n"
        "| Mon 9 Nov 2026 | 1 | no |\n"
        "| Mon 16 Nov 2026 | 2 | yes |\n"
        "| Mon 23 Nov 2026 (this week, so far) | 1 | not yet |"
    ) in body
    assert body.endswith("Adherence over 3 complete weeks: 5 of 6 planned sessions (83%); goal met in 2 of 3 (67%).")


def test_streaks_and_session_days() -> None:
    text = report(journal())
    assert section(text, "## Streaks") == (
        "- Days in a row with something logged, up to Tue 24 Nov 2026: 7\n"
        "- Longest run of days with something logged: 7\n"
        "- Weeks in a row meeting the session goal: 1"
    )
    body = section(text, "## Pain on session days and other days")
    assert "- Days with a session: average 4.0 (6 days)\n- Other days with a check-in: average 4.1 (7 days)" in body


def test_latest_weekly_check_uses_the_project_wording() -> None:
    body = section(report(journal()), "## Weekly check (project questions, not a validated scale)")
    assert body == (
        "Latest answers, Sun 22 Nov 2026 (0 = not at all, 10 = completely):\n\n"
        "- In the past week, how much did pain get in the way of your usual activities "
        "(work, chores, getting around)? **3/10**\n"
        "- In the past week, how much did pain get in the way of enjoying life? **2/10**\n"
        "- Compared with when you started using the app, how is your back overall? **better**"
    )


def test_chart_has_one_row_per_week_with_average_bar_and_sessions() -> None:
    body = section(report(journal()), "## Weekly average pain")
    chart = body.split("```text\n", 1)[1].split("\n```", 1)[0].splitlines()
    assert chart == [
        "Week of          Avg  |0         5       10|  Sessions",
        "Mon 2 Nov 2026   5.8  |███████████▌        |  2",
        "Mon 9 Nov 2026   4.5  |█████████           |  1",
        "Mon 16 Nov 2026  3.2  |██████▍             |  2",
        "Mon 23 Nov 2026  2.5  |█████               |  1",
    ]


def test_chart_row_for_a_week_without_check_ins() -> None:
    body = section(report([check_in(nov(9), 10), session(nov(17))], goal=1), "## Weekly average pain")
    assert "Mon 9 Nov 2026  10.0  |████████████████████|  0\nMon 16 Nov 2026    -  |                    |  1\n" in body


def test_pain_bar() -> None:
    assert pain_bar(None) == " " * 20
    assert pain_bar(0) == " " * 20
    assert pain_bar(5.25) == "██████████▌" + " " * 9
    assert pain_bar(0.1) == "▎" + " " * 19  # 0.2 cells = 1.6 eighths -> 2
    assert pain_bar(10) == "█" * 20


def test_leg_symptom_check_ins_are_listed_with_details() -> None:
    body = section(report(journal()), "## Check-ins with leg symptoms")
    assert body.split("\n\n")[0] == (
        "- **Tue 10 Nov 2026 09:00**: pain 5/10; symptoms: tingling, numbness; where: left leg below knee\\\n"
        "  Notes: Sore\n"
        "- **Wed 11 Nov 2026 09:00**: pain 4/10; symptoms: none ticked; where: right leg above knee"
    )


def test_every_other_note_is_listed_too() -> None:
    entries = [
        *journal(),
        check_in(nov(12), 4, notes="Long drive"),
        session(nov(20)).model_copy(update={"note": "Easier than last week"}),
    ]
    body = section(report(entries), "## Other notes").split("\n\n")[0]  # the footer follows
    assert body == (
        "- **Thu 12 Nov 2026 09:00**, check-in, pain 4/10: Long drive\n"
        "- **Fri 20 Nov 2026 18:00**, session Gentle start: Easier than last week"
    )
    assert section(report(check_ins(nov(20), [3, 4])), "## Other notes").startswith("None in this period.\n")


def test_notes_are_escaped_so_they_show_literally() -> None:
    note = "**bold** <script>alert(1)</script> [x](http://a.b) # `c` | _u_ &amp;"
    text = report([check_in(nov(20), 6, leg_symptoms=["pain"], notes=note)])
    assert "**bold**" not in text and re.search(r"(?<!\\)<script>", text) is None  # only escaped
    expected = r"\*\*bold\*\* \<script>alert(1)\</script> \[x\](http\://a.b) # \`c\` \| \_u\_ \&amp;"
    assert f"  Notes: {expected}\n" in text


def test_multi_line_notes_become_hard_breaks_that_cannot_start_blocks() -> None:
    assert escape_markdown("first\n    1. second\r\n\n# third\x1b[31m") == (
        "first\\\n  1\\. second\\\n  \\# third\N{REPLACEMENT CHARACTER}\\[31m"
    )
    assert escape_markdown("") == ""
    assert escape_markdown("a\tb") == "a b"


def test_report_of_an_empty_journal() -> None:
    text = report([], goal=3)
    assert "Period: Tue 24 Nov 2026 to Tue 24 Nov 2026 (1 day; all entries)." in text
    assert "- Pain now (0-10): no check-ins in this period" in text
    assert "No check-ins yet, so there is nothing to compare." in text
    assert "Adherence: no complete week in this period yet." in text
    assert "No weekly check in this period." in text
    assert "Mon 23 Nov 2026    -  |                    |  0" in text
    assert text.endswith("None in this period.\n\n" + FOOTER + "\n")


def test_report_with_sessions_but_no_check_ins() -> None:
    text = report([session(nov(23)), session(nov(24))], goal=2)
    assert "- Days with a session: no check-ins (0 days)" in text
    assert "| Mon 23 Nov 2026 (this week, so far) | 2 | yes |" in text


def test_entries_after_today_are_left_out() -> None:
    text = report([check_in(nov(23), 4), check_in(nov(25), 9, leg_symptoms=["pain"])])
    assert "- Check-ins: 1\n" in text and "highest 4" in text
    assert "None in this period." in text


def test_a_start_after_today_is_refused() -> None:
    with pytest.raises(ValueError, match="after today"):
        report([], since=nov(25))


@pytest.mark.parametrize(
    ("note", "shown"),
    [
        ("Felt better (the app helped…).", "Felt better (the app helped…)."),
        ("Walked 2.5 km, e.g. to the shops & back.", "Walked 2.5 km, e.g. to the shops & back."),
        ("Heat & rest; cost $40; ~5 min walk; mum @ home; <3", "Heat & rest; cost $40; ~5 min walk; mum @ home; <3"),
        ("see evil.com or mail bob@x.org", r"see evil\.com or mail bob\@x\.org"),
        ("> not a quote", r"\> not a quote"),
        ("$5 or $6, ~~gone~~", r"\$5 or \$6, \~\~gone\~\~"),
    ],
)
def test_ordinary_text_reads_as_typed_and_only_syntax_is_escaped(note: str, shown: str) -> None:
    assert escape_markdown(note) == shown


# --- the weekly tables against a straightforward reference -----------------------------------------

_day_offsets = st.integers(0, 200)
_random_entries = st.lists(
    st.one_of(
        st.builds(
            lambda offset, pain: check_in(nov(1) + timedelta(days=offset), pain), _day_offsets, st.integers(0, 10)
        ),
        st.builds(lambda offset: session(nov(1) + timedelta(days=offset)), _day_offsets),
        st.builds(lambda offset: weekly(nov(1) + timedelta(days=offset)), _day_offsets),
    ),
    max_size=60,
)


def reference_rows(entries: list, today: date, since: date | None, goal: int) -> list[tuple]:
    """Each week of the period, the slow way: the sessions counted and ``window_average`` over every entry,
    each week on its own (what ``week_rows`` does in one pass), runs of empty weeks collapsed."""
    entries = [entry for entry in entries if entry_day(entry) <= today]
    start = since or min((entry_day(entry) for entry in entries), default=today)
    summary = summarize(entries, today, days=(today - start).days + 1, goal=goal)
    weeks = summary.weeks
    logged = [any(week_start(entry_day(entry)) == week.week_start for entry in entries) for week in weeks]
    first = next((index for index, seen in enumerate(logged) if seen), len(weeks) - 1)
    rows: list[tuple] = []
    run: list = []
    for index in range(first, len(weeks)):
        week, current = weeks[index], index == len(weeks) - 1
        if not logged[index] and not current:
            run.append(week)
            continue
        rows.extend([(run[0].week_start, len(run), 0, None)] if len(run) >= RUN_COLLAPSED else [])
        rows.extend((empty.week_start, 1, 0, None) for empty in run if len(run) < RUN_COLLAPSED)
        run = []
        average = window_average(entries, week.week_start, week.week_start + timedelta(days=6)).average
        rows.append((week.week_start, 1, week.sessions, average))
    rows.extend([(run[0].week_start, len(run), 0, None)] if len(run) >= RUN_COLLAPSED else [])
    rows.extend((empty.week_start, 1, 0, None) for empty in run if len(run) < RUN_COLLAPSED)
    return rows


@settings(max_examples=200, deadline=None)
@given(entries=_random_entries, today_offset=st.integers(0, 220), since_offset=st.none() | st.integers(0, 220))
def test_the_weekly_tables_match_a_week_by_week_reference(
    entries: list, today_offset: int, since_offset: int | None
) -> None:
    today = nov(1) + timedelta(days=today_offset)
    since = None if since_offset is None else min(today, nov(1) + timedelta(days=since_offset))
    kept = [entry for entry in entries if entry_day(entry) <= today]
    start = since or min((entry_day(entry) for entry in kept), default=today)
    summary = summarize(kept, today, days=(today - start).days + 1, goal=3)
    rows = [(row.start, row.weeks, row.sessions, row.average) for row in week_rows(summary, kept)]
    expected = reference_rows(entries, today, since, 3)
    assert [row[:3] for row in rows] == [row[:3] for row in expected]
    for (_, _, _, average), (_, _, _, slow) in zip(rows, expected, strict=True):
        assert (average is None) == (slow is None)
        assert average is None or slow is None or abs(average - slow) < 1e-9
