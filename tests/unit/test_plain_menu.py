"""``backtrainer --plain``: the first-run notice, a check-in in lines, the last entries, help."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from trainer.journal.models import CheckIn
from trainer.plain.checkin import check_in
from trainer.plain.menu import run_menu
from trainer.plain.session import END_OF_KEYS
from trainer.services.core import make_services


@dataclass
class Lines:
    """Answers typed one line each; then the input ends."""

    lines: list[str]

    def read_line(self) -> str | None:
        return self.lines.pop(0) if self.lines else None

    def read(self, timeout: float | None) -> str | None:
        return END_OF_KEYS


@pytest.fixture
def services(paths):
    return make_services(paths)


def test_a_check_in_asks_each_question_and_saves_what_was_answered(services) -> None:
    said: list[str] = []
    entry = check_in(services, Lines(["4", "", "1 4", "", "3 5", "25", "7", "ok day"]), said.append)
    assert isinstance(entry, CheckIn)
    assert (entry.pain_now, entry.pain_average, entry.where, entry.leg_symptoms) == (
        4,
        None,
        ["lower-back-centre", "buttock-left"],
        [],
    )
    assert (entry.helped, entry.walked_minutes, entry.sleep_quality, entry.notes) == (
        ["movement", "rest"],
        25,
        7,
        "ok day",
    )
    assert services.journal.entries() == [entry]
    assert said[-1] == "Saved: pain 4 of 10."


def test_wrong_answers_are_asked_again_and_no_pain_saves_nothing(services) -> None:
    said: list[str] = []
    assert check_in(services, Lines(["11", "four", ""]), said.append) is None
    assert said.count("Please answer with a whole number from 0 to 10.") == 2
    assert said[-1] == "A check-in needs the pain now: nothing saved."
    assert services.journal.entries() == []


def test_a_leg_symptom_in_both_legs_gets_the_emergency_list(services) -> None:
    said: list[str] = []
    check_in(services, Lines(["5", "", "", "2", "1 2", "", "", "", ""]), said.append)
    assert "Symptoms in both legs are on the emergency list:" in said
    assert any(line.startswith(services.catalog.safety.help_list("emergency").title) for line in said)


def test_the_first_run_notice_must_be_accepted_before_anything(services) -> None:
    said: list[str] = []
    run_menu(services, Lines(["no"]), said.append)
    assert said[-1] == "Nothing was changed. Goodbye."
    assert not services.settings.current.disclaimer_seen
    run_menu(services, Lines(["yes", "c", "3", "", "", "", "", "", "", "", "j", "q"]), said.append)
    assert services.settings.current.disclaimer_seen
    assert "Saved: pain 3 of 10." in said
    assert said[-1] == "Goodbye."
