"""The one pain rule (content ``safety.pain_rule``; content brief C.1) applied to a session: green, amber or red.

Pure functions over journal entries; the thresholds:

- **usual** pain: the average "pain now" of the check-ins in the ``USUAL_DAYS`` (7) days before the session;
  with none, the pain before the session.
- after the session, the worst of its peak and after pain against usual: up to ``GREEN_POINTS`` (2) above
  is **green**; up to ``AMBER_POINTS`` (3, "a little over 2") **amber**; more is **red**.
- **red** whatever the figures: stopped for pain, or new or spreading leg symptoms logged after it (new
  numbness, pins and needles or leg pain, any weakness, symptoms in a new place; leg pain the person
  already has is familiar).
- stopped early (not for pain) with an exercise of the programme in it: at most **amber** (never a step up).
- the **next morning** (the first check-in on a later day, at most ``MORNING_DAYS`` days on) answers "Is
  your back worse than before yesterday's session?": worse turns green into amber (within 2 points but not
  settled) and amber into red (over 2 and not settled); not worse settles it. Until then a green is
  provisional.
- a session with no pain figures to judge (or a few seconds' try) has no colour: it counts neither way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from statistics import fmean

from trainer.journal.coach_models import Verdict
from trainer.journal.models import CheckIn, SessionRecord

USUAL_DAYS = 7
GREEN_POINTS = 2.0
AMBER_POINTS = 3.0
MORNING_DAYS = 2
_EPSILON = 1e-9

LEG_SIGN_WORDS = {
    "pain": "new leg pain",
    "numbness": "new numbness",
    "tingling": "new pins and needles",
    "weakness": "weakness in a leg",
}


@dataclass(frozen=True)
class SessionVerdict:
    """The colour of one session by the pain rule, and why."""

    session: SessionRecord
    colour: Verdict | None
    """None: nothing to judge it by (it counts neither way)."""
    settled: bool | None
    """True: the next morning was not worse; False: it was; None: not answered (yet)."""
    usual: float | None
    worst: int | None
    reason: str
    leg_signs: tuple[str, ...] = ()
    """New or spreading leg symptoms logged after it (a hard stop)."""

    @property
    def finished(self) -> bool:
        return self.session.ended_how == "finished"

    @property
    def confirmed_green(self) -> bool:
        return self.colour == "green" and self.settled is True and self.finished


def usual_pain(check_ins: Sequence[CheckIn], before: datetime, fallback: int | None) -> float | None:
    """The person's usual pain: the average check-in of the ``USUAL_DAYS`` days before ``before``."""
    start = before - timedelta(days=USUAL_DAYS)
    pains = [check_in.pain_now for check_in in check_ins if start <= check_in.at < before]
    return fmean(pains) if pains else (float(fallback) if fallback is not None else None)


def morning_check_in(record: SessionRecord, check_ins: Sequence[CheckIn]) -> CheckIn | None:
    """The first check-in on a day after the session's (at most ``MORNING_DAYS`` on): where its morning
    question is answered."""
    ended = record.ended.date()
    later = [
        check_in
        for check_in in check_ins
        if check_in.at > record.ended and ended < check_in.at.date() <= ended + timedelta(days=MORNING_DAYS)
    ]
    return min(later, key=lambda check_in: check_in.at, default=None)


def new_leg_signs(
    record: SessionRecord, check_ins: Sequence[CheckIn], until: datetime, known_leg_pain: bool = False
) -> list[str]:
    """Leg symptoms logged after the session (up to ``until``) that are new or spreading, compared with the
    ``USUAL_DAYS`` before it; ``known_leg_pain``: the person said their pain goes into a leg."""
    start = record.at - timedelta(days=USUAL_DAYS)
    before = [check_in for check_in in check_ins if start <= check_in.at < record.at]
    after = [check_in for check_in in check_ins if record.at < check_in.at <= until]
    kinds_before = {kind for check_in in before for kind in check_in.leg_symptoms} | (
        {"pain"} if known_leg_pain else set()
    )
    places_before = {place for check_in in before for place in check_in.where if place.startswith("leg-")}
    kinds_after = {kind for check_in in after for kind in check_in.leg_symptoms}
    places_after = {place for check_in in after for place in check_in.where if place.startswith("leg-")}
    signs = []
    for kind in ("weakness", "numbness", "tingling", "pain"):
        if kind in kinds_after and (kind == "weakness" or kind not in kinds_before):
            signs.append(LEG_SIGN_WORDS[kind])
    if places_after - places_before:
        if places_before:
            signs.append("leg symptoms in a new place")  # spreading
        elif not known_leg_pain and not signs:
            signs.append(LEG_SIGN_WORDS["pain"])  # marked in a leg, with no leg symptom ticked
    return signs


def _points(value: float) -> str:
    return f"about {round(value)}"


def pain_verdict(
    record: SessionRecord,
    check_ins: Sequence[CheckIn],
    *,
    on_programme: bool = True,
    known_leg_pain: bool = False,
    worse: bool | None = None,
    at_end: bool = False,
) -> SessionVerdict:
    """The session's colour. ``on_programme``: it played an exercise of the programme (stopping early then
    holds the dose). ``worse``: the morning answer when it is not (yet) on a check-in. ``at_end``: as it
    stood when the session ended (no morning answer, nothing logged after it)."""
    morning = None if at_end else morning_check_in(record, check_ins)
    answer = worse if worse is not None else (morning.session_worse if morning is not None else None)
    if at_end:
        answer, until = None, record.ended
    else:
        until = morning.at if morning is not None else record.ended + timedelta(hours=24)
    usual = usual_pain(check_ins, record.at, record.pain_before)
    figures = [pain for pain in (record.pain_peak, record.pain_after) if pain is not None]
    verdict = SessionVerdict(record, None, None, usual, max(figures) if figures else None, "")
    signs = new_leg_signs(record, check_ins, until, known_leg_pain)
    if record.ended_how == "stopped-pain":
        return _settle(replace(verdict, colour="red", reason="Red: you stopped the session for pain."), answer)
    if signs:
        reason = f"Red: you logged {' and '.join(signs)} after the session."
        return _settle(replace(verdict, colour="red", reason=reason, leg_signs=tuple(signs)), answer)
    if not record.counts and record.ended_how != "finished":
        return replace(verdict, reason="Stopped after a short try, so it counts neither way.")
    colour, reason = _by_figures(verdict.worst, usual)
    if record.ended_how == "stopped-choice" and on_programme and colour in (None, "green"):
        colour, reason = "amber", "Amber: you stopped the session early, so the dose stays as it is."
    return _settle(replace(verdict, colour=colour, reason=reason), answer)


def _by_figures(worst: int | None, usual: float | None) -> tuple[Verdict | None, str]:
    if worst is None:
        return None, "No pain figures after this session, so it counts neither way."
    if usual is None:
        return None, "No usual pain to compare with (no check-ins, no pain before), so it counts neither way."
    rise = worst - usual
    span = f"from {_points(usual)} to {worst}"
    if rise <= GREEN_POINTS + _EPSILON:
        return "green", f"Green: your pain stayed within 2 points of your usual ({span} at most)."
    if rise <= AMBER_POINTS + _EPSILON:
        return "amber", f"Amber: your pain went a little over 2 points above your usual ({span})."
    return "red", f"Red: your pain went {_points(rise)} points above your usual ({span})."


def _settle(verdict: SessionVerdict, worse: bool | None) -> SessionVerdict:
    """The morning answer: not worse settles it; worse turns green into amber and amber into red."""
    if verdict.colour is None or worse is None:
        if verdict.colour == "green":
            return replace(verdict, reason=verdict.reason + " The next morning's answer settles it.")
        return verdict
    if not worse:
        note = " Your back was not worse the next morning." if verdict.colour != "red" else ""
        return replace(verdict, settled=True, reason=verdict.reason + note)
    if verdict.colour == "green":
        reason = "Amber: your pain stayed within 2 points of your usual, but your back was worse the next morning."
        return replace(verdict, colour="amber", settled=False, reason=reason)
    if verdict.colour == "amber":
        reason = "Red: after an amber session, your back was still worse the next morning."
        return replace(verdict, colour="red", settled=False, reason=reason)
    return replace(verdict, settled=False)
