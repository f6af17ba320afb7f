"""Fill a separate profile with a realistic journal, to try the app or take screenshots.

    python scripts/demo_journal.py [--profile demo] [--months 6] [--seed 7] [--replace]
    backtrainer --profile demo

Months of check-ins (most days, sometimes two, some days missed) with pain
easing from about 6 to about 3 with noise and a couple of flare-ups; sessions
2-4 times a week from the bundled routines (some stopped early); a weekly
check every Sunday; triggers, minutes walked, sleep and notes, some mentioning
leg tingling. The same seed and day give the same journal.

It never writes into your own journal (no profile) and refuses a profile that
already has entries unless ``--replace``, which first deletes that profile's
journal folder.

Benchmarks import ``generate`` and pass ``entries_per_day`` to get N entries
spread over time.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import shutil
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path

from trainer.catalog.loader import load_catalog
from trainer.catalog.validated import Catalog
from trainer.engine.plan import Plan, plan_routine
from trainer.journal.models import (
    HELPERS,
    AnyEntry,
    CheckIn,
    ExerciseDone,
    GlobalChange,
    Helper,
    LegSymptom,
    Location,
    SessionRecord,
    StopReason,
    WeeklyCheck,
)
from trainer.journal.store import JournalStore
from trainer.paths import HOME_ENV, ProfileNameError, check_profile_name, resolve_paths

TRIGGERS = (
    "long meeting",
    "gardening",
    "lifting boxes",
    "long drive",
    "bad night",
    "sofa evening",
    "housework",
    "stress at work",
    "cold weather",
    "carrying shopping",
)
NOTES = (
    "Stiff first thing, eased after a walk.",
    "Good day. Took the stairs without thinking about it.",
    "Sat too long at the desk; standing breaks helped.",
    "Hot water bottle before bed helped me drop off.",
    "Walked to the shops and back, felt fine.",
    "A bit achy after the drive to my sister's.",
    "Slept badly, back tight in the morning.",
    "Remembered to bend the knees when lifting the washing basket.",
    "Felt more confident moving today.",
)
LEG_NOTES = (
    "Some tingling down the left leg after sitting; went away when I walked.",
    "Leg tingling again below the left knee in the evening.",
    "Pins and needles in the left calf for an hour, then fine.",
)
SESSION_NOTES = (
    "Felt looser afterwards.",
    "Bird-dog getting easier.",
    "Went slowly today.",
    "Short on time, did what I could.",
)
# routine id -> how often it is picked on an ordinary day (flare days use flare-up-gentle)
ROUTINE_WEIGHTS = {
    "gentle-start": 3,
    "back-basics": 5,
    "desk-break": 3,
    "mobility-and-stretching": 3,
    "core-and-back-strength": 2,
    "bedtime-unwind": 2,
    "lifting-confidence": 1,
    "slow-flow": 2,
    "muscle-relaxation": 1,
    "flare-up-gentle": 1,
}
FLARE_ROUTINE = "flare-up-gentle"
FLARE_SHAPE = (3.5, 3.0, 2.4, 1.8, 1.2, 0.7, 0.3)  # extra pain on the days after a flare starts


def _months_before(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    last_day = (date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month + 1, min(day.day, last_day))


def _clamp(value: float, low: int = 0, high: int = 10) -> int:
    return max(low, min(high, round(value)))


class _Generator:
    def __init__(self, rng: random.Random, catalog: Catalog, zone: tzinfo, days: list[date]) -> None:
        self.rng = rng
        self.catalog = catalog
        self.zone = zone
        self.days = days
        self.plans: dict[str, Plan] = {}
        self.routines = [routine for routine in ROUTINE_WEIGHTS if routine in catalog.routines] or list(
            catalog.routines
        )
        self.flare = self._flare_curve()

    # --- the person's pain over time --------------------------------------------------

    def _flare_curve(self) -> list[float]:
        count = len(self.days)
        extra = [0.0] * count
        flares = 0 if count < 21 else 1 if count < 60 else max(2, count // 120)
        for _ in range(flares):
            start = self.rng.randrange(count // 10, count - count // 10)
            for offset, bump in enumerate(FLARE_SHAPE):
                if start + offset < count:
                    extra[start + offset] = max(extra[start + offset], bump)
        return extra

    def pain(self, index: int) -> float:
        """The day's underlying pain: about 6 easing to about 3, plus flare-ups."""
        progress = index / max(1, len(self.days) - 1)
        return 6.0 - 3.0 * progress + self.flare[index] + 0.4 * math.sin(index / 3.1)

    def flaring(self, index: int) -> bool:
        return self.flare[index] >= 1.5

    # --- entries ---------------------------------------------------------------------

    def new_id(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def moment(self, day: date, hour: float) -> datetime:
        return datetime.combine(day, time(0), tzinfo=self.zone) + timedelta(minutes=round(hour * 60))

    def check_in(self, index: int, hour: float, evening: bool) -> CheckIn:
        rng = self.rng
        day = self.days[index]
        base = self.pain(index) + (0.6 if evening else 0.0)
        pain = _clamp(rng.gauss(base, 0.8))
        where: list[Location] = ["lower-back-centre"]
        if rng.random() < 0.3:
            where.append(rng.choice(["lower-back-left", "lower-back-right", "buttock-left"]))
        leg: list[LegSymptom] = []
        notes = ""
        if rng.random() < 0.07 + 0.1 * self.flaring(index):
            leg = ["tingling"] if rng.random() < 0.7 else ["tingling", "numbness"]
            where.append("leg-left-below-knee")
            notes = rng.choice(LEG_NOTES)
        elif rng.random() < 0.22:
            notes = rng.choice(NOTES)
        triggers: list[str] = []
        if self.flaring(index) and self.flare[index] >= 3.0:
            triggers = [rng.choice(["lifting boxes", "gardening"])]
            notes = notes or f"Flare-up after {triggers[0]}. Took it easy, heat helped."
        elif rng.random() < 0.3:
            triggers = rng.sample(TRIGGERS, rng.choice((1, 1, 2)))
        helped: list[Helper] = rng.sample(HELPERS[:5], rng.choice((0, 1, 1, 2))) if pain >= 3 else []
        progress = index / max(1, len(self.days) - 1)
        walked = None
        if evening or rng.random() < 0.7:
            walked = max(0, round(rng.gauss(18 + 25 * progress - 8 * self.flaring(index), 10)))
        sleep = None
        if not evening and rng.random() < 0.65:
            sleep = _clamp(rng.gauss(8.5 - 0.6 * self.pain(index), 1.2))
        at = self.moment(day, hour)
        return CheckIn(
            id=self.new_id(),
            at=at,
            recorded=at + timedelta(minutes=rng.randrange(0, 20)),
            pain_now=pain,
            pain_average=_clamp(base + rng.gauss(0, 0.7)) if rng.random() < 0.6 else None,
            where=where,
            leg_symptoms=leg,
            leg_side="left" if leg else None,  # the notes say the left leg
            helped=helped,
            triggers=triggers,
            walked_minutes=walked,
            sleep_quality=sleep,
            notes=notes,
        )

    def weekly(self, index: int) -> WeeklyCheck:
        rng = self.rng
        pain = self.pain(index)
        progress = index / max(1, len(self.days) - 1)
        changes: tuple[GlobalChange, ...] = (
            ("no-change", "a-little-better")
            if progress < 0.3
            else ("a-little-better", "better")
            if progress < 0.7
            else ("better", "much-better")
        )
        if self.flaring(index):
            changes = ("a-little-worse", "no-change")
        at = self.moment(self.days[index], rng.uniform(19, 21.5))
        return WeeklyCheck(
            id=self.new_id(),
            at=at,
            recorded=at + timedelta(minutes=rng.randrange(1, 10)),
            activity_interference=_clamp(rng.gauss(pain - 0.5, 1.0)),
            enjoyment_interference=_clamp(rng.gauss(pain - 1.5, 1.0)),
            global_change=rng.choice(changes),
        )

    def plan(self, routine_id: str) -> Plan:
        if routine_id not in self.plans:
            self.plans[routine_id] = plan_routine(self.catalog.routines[routine_id], self.catalog.exercises)
        return self.plans[routine_id]

    def session(self, index: int, hour: float) -> SessionRecord:
        rng = self.rng
        if self.flaring(index) and FLARE_ROUTINE in self.catalog.routines:
            routine_id = FLARE_ROUTINE
        else:
            routine_id = rng.choices(self.routines, [ROUTINE_WEIGHTS.get(r, 1) for r in self.routines])[0]
        plan = self.plan(routine_id)
        before = _clamp(rng.gauss(self.pain(index), 0.8))
        roll = rng.random()
        stop_reason: StopReason | None = None
        if roll < 0.05 or (self.flaring(index) and roll < 0.25):
            how, stop_reason, completion = "stopped-pain", "pain", rng.uniform(0.2, 0.7)
        elif roll < 0.13:
            how, completion = "stopped-choice", rng.uniform(0.4, 0.9)
            stop_reason = rng.choice(("tired", "out-of-time", "other"))
        else:
            how, completion = "finished", 1.0
        peak = _clamp(before + rng.choice((0, 0, 1, 1, 2)) + (2 if how == "stopped-pain" else 0))
        after = _clamp(before + rng.choice((-2, -1, -1, 0, 0, 1)) + (1 if how == "stopped-pain" else 0))
        seconds_by_exercise = Counter[int]()
        for step in plan.steps:
            seconds_by_exercise[step.exercise_index] += int(step.seconds)
        elapsed = completion * plan.total_seconds
        done: list[ExerciseDone] = []
        clock = 0.0
        for position, planned in enumerate(plan.exercises):
            if clock >= elapsed:
                break
            spent = min(seconds_by_exercise[position], elapsed - clock)
            clock += seconds_by_exercise[position]
            prescription = planned.prescription
            share = spent / max(1, seconds_by_exercise[position])
            sets_done = prescription.sets if share >= 1 else math.floor(share * prescription.sets)
            sides = 2 if prescription.per_side else 1
            done.append(
                ExerciseDone(
                    exercise_id=planned.exercise.id,
                    name=planned.exercise.name,
                    sets_planned=prescription.sets,
                    sets_done=sets_done,
                    reps_done=sets_done * sides * (prescription.reps or 0),
                    holds_done=sets_done * sides if prescription.reps is None else 0,
                    seconds=round(spent, 1),
                )
            )
        at = self.moment(self.days[index], hour)
        ended = at + timedelta(seconds=round(elapsed + rng.uniform(20, 120)))
        return SessionRecord(
            id=self.new_id(),
            at=at,
            recorded=ended + timedelta(seconds=2),
            title=plan.title,
            routine_id=routine_id,
            ended=ended,
            exercises=done,
            pain_before=before,
            pain_peak=peak,
            pain_after=after,
            effort=_clamp(rng.gauss(5, 1.5)),
            completion=round(completion, 3),
            ended_how=how,
            stop_reason=stop_reason,
            note=rng.choice(SESSION_NOTES) if rng.random() < 0.2 else "",
        )

    def session_days(self) -> set[int]:
        """2-4 sessions in each week, on different days."""
        chosen: set[int] = set()
        week: list[int] = []
        for index, day in enumerate(self.days):
            week.append(index)
            if day.weekday() == 6 or index == len(self.days) - 1:
                count = min(len(week), self.rng.choice((2, 3, 3, 4)))
                chosen.update(self.rng.sample(week, count))
                week = []
        return chosen


def generate(
    months: int,
    seed: int,
    today: date,
    catalog: Catalog,
    *,
    entries_per_day: float | None = None,
    zone: tzinfo | None = None,
) -> list[AnyEntry]:
    """A journal of ``months`` months up to ``today``, oldest first; the same arguments give the same entries.

    By default a day has 0-2 check-ins (``today`` only a morning one). With ``entries_per_day``, every day has
    that many entries on average (sessions and the Sunday check count too;
    check-ins fill the rest), for benchmarks that need N entries spread over time.
    ``zone`` is the person's time zone (default: this machine's current offset).
    """
    rng = random.Random(seed)
    zone = zone or datetime.now().astimezone().tzinfo
    assert zone is not None
    start = _months_before(today, months)
    days = [start + timedelta(days=offset) for offset in range((today - start).days + 1)]
    maker = _Generator(rng, catalog, zone, days)
    with_session = maker.session_days()
    entries: list[AnyEntry] = []
    for index, day in enumerate(days):
        today_so_far = index == len(days) - 1 and entries_per_day is None  # only the morning has happened
        others: list[AnyEntry] = []
        if index in with_session and not today_so_far:
            others.append(maker.session(index, rng.choice((7.25, 12.5, 17.5, 18.0, 18.5, 21.0))))
        if day.weekday() == 6 and not today_so_far:
            others.append(maker.weekly(index))
        if today_so_far:
            count = 1
        elif entries_per_day is None:
            roll = rng.random()
            count = 0 if roll < 0.1 else 2 if roll > 0.82 else 1
        else:
            wanted = math.floor(entries_per_day) + (rng.random() < entries_per_day % 1)
            count = max(0, wanted - len(others))
        hours = [7.5] if count == 1 else [7 + 15 * slot / max(1, count - 1) for slot in range(count)]
        for slot, hour in enumerate(hours):
            jitter = rng.uniform(-0.4, 0.4) if count > 1 else rng.uniform(-0.5, 1.5)
            entries.append(maker.check_in(index, max(0.0, min(23.9, hour + jitter)), evening=slot > 0 and hour > 15))
        entries.extend(others)
    entries.sort(key=lambda entry: entry.at)
    return entries


# --- the command -------------------------------------------------------------------------


def describe(entries: Sequence[AnyEntry]) -> list[str]:
    kinds = Counter(entry.kind for entry in entries)
    check_ins = [entry for entry in entries if isinstance(entry, CheckIn)]
    months = sorted({entry.at.strftime("%Y-%m") for entry in entries})
    lines = [
        f"  {kinds['check-in']} check-ins, {kinds['session']} sessions, {kinds['weekly-check']} weekly checks "
        f"({len(entries)} entries in {len(months)} month files)",
    ]
    if check_ins:
        first, last = check_ins[0].at.date(), check_ins[-1].at.date()
        head = [entry.pain_now for entry in check_ins if (entry.at.date() - first).days < 28]
        tail = [entry.pain_now for entry in check_ins if (last - entry.at.date()).days < 28]
        lines.append(
            f"  {first} to {last}; average pain {sum(head) / len(head):.1f} in the first four weeks, "
            f"{sum(tail) / len(tail):.1f} in the last four"
        )
        tingling = sum(1 for entry in check_ins if entry.leg_symptoms)
        lines.append(f"  {tingling} check-ins mention leg symptoms")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--profile", default="demo", help="profile to fill (default: demo)")
    parser.add_argument("--months", type=int, default=6, help="months of history (default: 6)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default: 7)")
    parser.add_argument(
        "--replace", action="store_true", help="delete the profile's journal first if it already has entries"
    )
    parser.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.profile.lower() == "default":
        parser.error("refusing to write demo data into the default profile; name a separate one, e.g. --profile demo")
    try:
        profile = check_profile_name(args.profile)
    except ProfileNameError as error:
        parser.error(str(error))
    if args.months < 1:
        parser.error("--months must be at least 1")

    paths = resolve_paths(profile)
    store = JournalStore(paths.journal_dir)
    if store.month_files():
        if not args.replace:
            print(
                f"Profile {profile!r} already has a journal in {paths.journal_dir} "
                f"({len(store.month_files())} month files). Add --replace to delete it and write demo data.",
                file=sys.stderr,
            )
            return 1
    if args.replace and paths.journal_dir.exists():
        shutil.rmtree(paths.journal_dir)
        print(f"Removed {paths.journal_dir}")

    entries = generate(args.months, args.seed, args.today or date.today(), load_catalog())
    if args.today is None:  # run early in the morning, today's check-in would still be to come
        now = datetime.now().astimezone()
        entries = [entry for entry in entries if entry.at <= now]
    added, skipped = store.import_entries(entries)
    print(f"Wrote {added} demo entries to {paths.journal_dir}" + (f" ({skipped} already there)" if skipped else ""))
    print("\n".join(describe(entries)))
    home = os.environ.get(HOME_ENV)
    prefix = f"{HOME_ENV}={home} " if home else ""
    print(f"\nOpen it with:\n  {prefix}{backtrainer_command()} --profile {profile}")
    return 0


def backtrainer_command() -> str:
    """How to run backtrainer from here: the command beside this Python (``.venv/bin/backtrainer``) when
    there is one, as a shell that has not activated the virtual environment needs it."""
    beside = Path(sys.executable).parent / "backtrainer"
    if not beside.exists():
        return "backtrainer"
    try:
        return str(beside.relative_to(Path.cwd()))
    except ValueError:
        return str(beside)


if __name__ == "__main__":
    sys.exit(main())
