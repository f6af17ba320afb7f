"""Replay a journal, or twelve simulated weeks, through the coach's rules and print them week by week.

    python scripts/replay_programme.py                      # the simulated weeks (the same every run)
    python scripts/replay_programme.py --journal DIR        # a journal folder, read only
    python scripts/replay_programme.py --profile demo       # the journal of a profile, read only

For each week of the plan: the phase, the sessions and their colours by the one pain rule, the walk a day,
the dose of a few ladders at the end of the week, and the changes the coach proposed; then every change
with its date and reason. The person is taken to accept every proposal.

The simulated weeks follow the programme as the app would: the coach's routine for the day, played at the
current rungs, a check-in every morning that answers the morning question, and pain that is usually 3.
Weeks 1-4 are green, week 5 amber (pain about 3 points up), weeks 6-7 green, week 8 starts with a session
stopped for pain and two amber ones, weeks 9-12 green except one worse morning in week 10. So the doses
rise while green, hold while amber and fall after red.

A real journal is replayed the same way (its sessions and check-ins in time order); the decisions already in
it are not used, the replay makes its own. Nothing is ever written.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from trainer.catalog.loader import load_catalog
from trainer.catalog.validated import Catalog
from trainer.engine.decisions import verdict_of
from trainer.engine.ladders import Standing, dose_label, week_days
from trainer.engine.plan import plan_routine
from trainer.engine.replay import Replay, ReplayStep
from trainer.engine.tailoring import play_routine, start_plan
from trainer.engine.today import today_plan
from trainer.journal.coach_models import Goal, ProgrammeProgress, StartAnswers
from trainer.journal.models import AnyEntry, CheckIn, ExerciseDone, SessionRecord
from trainer.journal.store import JournalStore
from trainer.paths import resolve_paths

STARTED = date(2026, 11, 2)  # a Monday
WEEKS = 12
USUAL = 3
SHOWN = ("bird-dog", "glute-bridge", "pelvic-tilt", "front-plank")
SESSION_DAYS = {5: (0, 1, 2, 3, 4), 4: (0, 1, 3, 5), 3: (0, 2, 4)}
"""Days of the week (0 = the plan's first day) with a session, by sessions a week."""
PATTERN: dict[int, Sequence[str]] = {5: ["amber"] * 4, 8: ["stopped-pain", "amber", "amber"], 10: ["green", "worse"]}
"""The weeks that are not all green: the kind of each of their sessions, in order."""
GET_READY = 10.0


# --- simulated weeks ---------------------------------------------------------------------------------------


def _session(catalog: Catalog, where: Standing, routine_id: str, start: datetime, kind: str) -> SessionRecord:
    routine, _ = play_routine(
        catalog.routines[routine_id], where, where.progress.answers, ladders=routine_id in where.programme.routine_ids
    )
    plan = plan_routine(routine, catalog.exercises, where.personal, get_ready_seconds=GET_READY)
    stopped = kind == "stopped-pain"
    done = [
        ExerciseDone(
            exercise_id=planned.exercise.id,
            name=planned.exercise.name,
            sets_planned=planned.prescription.sets,
            sets_done=0 if stopped and index > 2 else planned.prescription.sets,
            seconds=0.0 if stopped and index > 2 else 60.0,
        )
        for index, planned in enumerate(plan.exercises)
    ]
    peak = {"green": USUAL + 1, "worse": USUAL + 2, "amber": USUAL + 3, "stopped-pain": USUAL + 4}[kind]
    return SessionRecord(
        at=start,
        ended=start + timedelta(minutes=max(1, round(plan.minutes))),
        title=plan.title,
        routine_id=routine_id,
        exercises=done,
        pain_before=USUAL,
        pain_peak=peak,
        pain_after=peak - 1,
        completion=0.4 if stopped else 1.0,
        ended_how="stopped-pain" if stopped else "finished",
        stop_reason="pain" if stopped else None,
    )


def simulate(catalog: Catalog, weeks: int = WEEKS) -> Replay:
    """Twelve weeks of the bundled programme, every proposal accepted."""
    answers = StartAnswers(
        minutes_a_day=20, walk_minutes=10, goals=[Goal(text="Carry the shopping home", target=date(2027, 1, 31))]
    )
    programme = catalog.programmes[catalog.default_programme or "twelve-weeks"]
    where = Standing(
        programme, catalog.exercises, ProgrammeProgress(programme_id=programme.id, started=STARTED, answers=answers)
    )
    replay = Replay(where)
    worse_next: set[date] = set()
    for offset in range(weeks * 7):
        day = STARTED + timedelta(days=offset)
        week, weekday = offset // 7 + 1, offset % 7
        history = replay.history()
        asked = day - timedelta(days=1) in {session.ended.date() for session in history.sessions}
        today = today_plan(
            replay.standing,
            start_plan(replay.standing, catalog.routines, GET_READY, None),
            catalog.routines,
            replay.entries,
            [verdict_of(session, history, replay.standing) for session in history.sessions],
            datetime.combine(day, time(8), UTC),
            get_ready_seconds=GET_READY,
        )
        walked = today.walking.minutes if weekday < today.walking.days else 0
        worse = (day - timedelta(days=1) in worse_next) if asked else None
        replay.check_in(
            CheckIn(at=datetime.combine(day, time(8), UTC), pain_now=USUAL, walked_minutes=walked, session_worse=worse)
        )
        days = SESSION_DAYS.get(today.phase.sessions_per_week, SESSION_DAYS[3])
        if weekday not in days or today.routine is None:
            continue
        kinds = PATTERN.get(week, ())
        index = days.index(weekday)
        kind = kinds[index] if index < len(kinds) else "green"
        if kind == "worse":
            worse_next.add(day)
        start = datetime.combine(day, time(18), UTC)
        replay.session(_session(catalog, replay.standing, today.routine.id, start, kind))
    return replay


# --- a real journal ------------------------------------------------------------------------------------------


def from_journal(catalog: Catalog, folder: Path) -> Replay:
    store = JournalStore(folder)
    entries: list[AnyEntry] = store.entries()
    progress = store.load_settings().programme
    sessions = sorted((entry for entry in entries if isinstance(entry, SessionRecord)), key=lambda entry: entry.at)
    if progress is None or progress.programme_id not in catalog.programmes:
        first = sessions[0].at.date() if sessions else date.today()
        progress = ProgrammeProgress(programme_id=catalog.default_programme or "twelve-weeks", started=first)
    progress = progress.model_copy(update={"rungs": {}})  # the replay starts every ladder at its start
    where = Standing(catalog.programmes[progress.programme_id], catalog.exercises, progress)
    return Replay(where).feed(entry for entry in entries if entry.at.date() >= progress.started - timedelta(days=7))


# --- the table --------------------------------------------------------------------------------------------------


def _dose(where: Standing, exercise_id: str) -> str:
    ladder = where.programme.ladder(exercise_id)
    return dose_label(where.dose(ladder)) if ladder is not None else "-"


def week_table(replay: Replay, weeks: int) -> list[str]:
    """A Markdown table, one row per week of the plan."""
    programme, started = replay.standing.programme, replay.standing.progress.started
    names = [replay.standing.exercises[exercise].name for exercise in SHOWN]
    lines = [
        "| Week | Phase | Sessions | Verdicts | Walk (min a day) | " + " | ".join(names) + " | Changes |",
        "|" + "---|" * (6 + len(names)),
    ]
    history = replay.history()
    verdicts = {session.id: verdict_of(session, history, replay.standing) for session in history.sessions}
    where = replace(replay.standing, progress=replay.standing.progress.model_copy(update={"rungs": {}}))
    walking = programme.walking
    minutes = None
    for week in range(1, weeks + 1):
        first, last = week_days(started, week)
        in_week = [session for session in history.sessions if first <= session.at.date() <= last]
        colours = Counter(verdicts[session.id].colour or "none" for session in in_week)
        steps = [step for step in replay.steps if first <= step.at.date() <= last]
        for step in steps:
            where = replace(where, progress=where.progress.model_copy(update={"rungs": step.rungs}))
        changes = Counter(_direction(step) for step in steps if step.decisions)
        check_ins = [
            entry for entry in replay.entries if isinstance(entry, CheckIn) and first <= entry.at.date() <= last
        ]
        minutes = max((entry.walked_minutes or 0 for entry in check_ins), default=minutes or 0) or minutes
        verdict_text = ", ".join(f"{count} {colour}" for colour, count in sorted(colours.items(), key=_colour_order))
        change_text = ", ".join(f"{count} {direction}" for direction, count in sorted(changes.items())) or "-"
        doses = " | ".join(_dose(where, exercise) for exercise in SHOWN)
        phase = programme.phase_of_week(week).name
        lines.append(
            f"| {week} | {phase} | {len(in_week)} | {verdict_text or '-'} | {minutes or walking.min_minutes} | "
            f"{doses} | {change_text} |"
        )
    return lines


def _colour_order(item: tuple[str, int]) -> int:
    return ("green", "amber", "red", "none").index(item[0])


def _direction(step: ReplayStep) -> str:
    return step.proposal.direction if step.proposal is not None else "-"


def change_lines(replay: Replay) -> list[str]:
    lines = []
    for step in replay.steps:
        if step.proposal is None or not step.decisions:
            continue
        when = f"{step.at:%a} {step.at.day} {step.at:%b}"
        lines.append(f"- Week {step.week}, {when} ({step.source}, {step.proposal.direction}): {step.proposal.reason}")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--journal", type=Path, help="a journal folder to replay (read only)")
    source.add_argument("--profile", help="replay the journal of this profile (read only)")
    parser.add_argument("--weeks", type=int, default=WEEKS, help="weeks to simulate or show (default 12)")
    parser.add_argument("--no-changes", action="store_true", help="print the table only")
    args = parser.parse_args(argv)
    catalog = load_catalog()
    if args.journal or args.profile:
        folder = args.journal or resolve_paths(args.profile).journal_dir
        replay = from_journal(catalog, folder)
    else:
        replay = simulate(catalog, args.weeks)
    print("\n".join(week_table(replay, args.weeks)))
    if not args.no_changes:
        print("\nEach change, with the coach's reason:\n")
        print("\n".join(change_lines(replay)) or "(none)")


if __name__ == "__main__":
    main()
