"""``backtrainer status`` and ``backtrainer remind`` with a fake ``tmux`` and a fake ``notify-send`` on PATH
(small scripts that record their arguments), for every channel, idle time, quiet times, working hours,
postpones and their cap. The clock is the command's (``obj``); the terminal is a file given with --tty."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from trainer.cli import main
from trainer.cli.context import Context
from trainer.journal.models import ExerciseDone, ReminderPrompt, SessionRecord
from trainer.journal.store import JournalStore
from trainer.paths import HOME_ENV, resolve_paths
from trainer.services.prompts import close_after_session

ZONE = timezone(timedelta(hours=1))
TUESDAY_10 = datetime(2026, 11, 24, 10, 0, tzinfo=ZONE)  # a desk break has been due since 09:45
WORKDAY = {"enabled": True, "quiet": [{"start": "12:30", "end": "13:30"}], "morning_check": False}

FAKE = '''\
#!{python}
"""A stand-in for {name}: records its arguments, and answers as the test asks."""
import json, os, subprocess, sys
with open(os.environ["FAKE_LOG"], "a") as log:
    log.write(json.dumps(["{name}", *sys.argv[1:]]) + "\\n")
if sys.argv[1:2] == ["display"]:
    asked = sys.argv[-1]
    print(os.environ.get("FAKE_SIZE", "") if "client_width" in asked else os.environ.get("FAKE_ACTIVITY", ""))
if sys.argv[1:2] == ["display-popup"] and os.environ.get("FAKE_POPUP_DOES"):
    subprocess.run([sys.executable, "-c", os.environ["FAKE_POPUP_DOES"]], check=True)
sys.exit(int(os.environ.get("FAKE_STATUS", "0")))
'''


class Shell:
    """The commands, run with a fake PATH, an environment and a clock of the test's choosing."""

    def __init__(self, tmp_path: Path) -> None:
        self.home = tmp_path / "home"
        self.bin = tmp_path / "bin"
        self.log = tmp_path / "calls.jsonl"
        self.tty = tmp_path / "tty"
        self.tty.write_bytes(b"")
        self.bin.mkdir()
        for name in ("tmux", "notify-send"):
            script = self.bin / name
            script.write_text(FAKE.format(python=sys.executable, name=name))
            script.chmod(0o755)
        self.now = TUESDAY_10
        self.store = JournalStore(self.home / "journal")

    def settings(self, **reminders: Any) -> None:
        self.store.update_settings(reminders=WORKDAY | reminders)

    def env(self, **extra: str | None) -> dict[str, str | None]:
        base: dict[str, str | None] = {
            HOME_ENV: str(self.home),
            "PATH": str(self.bin),
            "FAKE_LOG": str(self.log),
            **dict.fromkeys(("TMUX", "DBUS_SESSION_BUS_ADDRESS", "SSH_CONNECTION", "SSH_TTY", "STY")),
            **dict.fromkeys(("TERM_PROGRAM", "LC_TERMINAL", "KITTY_WINDOW_ID", "WEZTERM_PANE")),
            "TERM": "xterm-256color",
        }
        return base | extra

    def run(self, *args: str, at: datetime | None = None, **env: str | None) -> Result:
        moment = at or self.now
        return CliRunner().invoke(main, list(args), obj=lambda: moment, env=self.env(**env))

    def calls(self) -> list[list[str]]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text().splitlines()]

    def prompts(self) -> list[ReminderPrompt]:
        return [entry for entry in JournalStore(self.store.directory).entries(kinds=["reminder"])]  # type: ignore[misc]

    def idle_since(self, moment: datetime) -> None:
        """The terminal was last read (typed into) at ``moment``."""
        os.utime(self.tty, (moment.timestamp(), moment.timestamp()))


@pytest.fixture
def shell(tmp_path: Path) -> Shell:
    return Shell(tmp_path)


def epoch(moment: datetime) -> str:
    return str(int(moment.timestamp()))


IN_TMUX = {"TMUX": "/tmp/tmux-1000/default,1234,0", "FAKE_ACTIVITY": epoch(TUESDAY_10 - timedelta(seconds=30))}


# --- status ----------------------------------------------------------------------------------------


def test_status_when_reminders_are_off(shell: Shell) -> None:
    assert shell.run("status").output == "Reminders are off. Turn them on in the app: Settings (o on Home).\n"
    assert shell.run("status", "--format", "tmux").output == "\n"
    data = json.loads(shell.run("status", "--format", "json").output)
    assert (data["reminders"], data["state"], data["due"], data["next"]) == (False, "off", [], None)


def test_status_says_what_is_due_and_what_comes_next_in_each_format(shell: Shell) -> None:
    shell.settings()
    result = shell.run("status")
    assert result.exit_code == 0
    assert result.output == "Due now: desk break (since 09:45).\nNext: today's session at 16:30.\n"
    assert shell.run("status", "--format", "tmux").output == "⏵ desk break due\n"
    assert shell.run("status", "--format", "tmux", "--ascii").output == "> desk break due\n"
    assert json.loads(shell.run("status", "--format", "json").output) == {
        "reminders": True,
        "state": "due",
        "now": "2026-11-24T10:00:00+01:00",
        "due": [
            {"reminder": "desk-break", "label": "desk break", "since": "2026-11-24T09:45:00+01:00", "postpones": 0}
        ],
        "waiting": [],
        "next": {"reminder": "session", "label": "today's session", "at": "2026-11-24T16:30:00+01:00"},
        "quiet_until": None,
        "idle_seconds": None,
        "unreadable_files": 0,
    }


def test_status_after_a_break_points_to_the_next(shell: Shell) -> None:
    shell.settings()
    taken = TUESDAY_10 - timedelta(minutes=5)
    shell.store.add(ReminderPrompt(at=taken, outcome_at=taken, reminder="desk-break", channel="tmux", outcome="taken"))
    assert shell.run("status").output == "Nothing due now.\nNext: desk break at 10:40.\n"
    assert shell.run("status", "--format", "tmux").output == "next: desk break 10:40\n"


@pytest.mark.parametrize(
    ("moment", "text", "tmux"),
    [
        (
            TUESDAY_10.replace(hour=7),
            "Before working hours (Mon-Fri 09:00-17:30).\nNext: desk break at 09:45.\n",
            "next: desk break 09:45",
        ),
        (
            TUESDAY_10.replace(hour=19),
            "After working hours (Mon-Fri 09:00-17:30).\nNext: desk break Wed 09:45.\n",
            "next: desk break Wed 09:45",
        ),
        (
            TUESDAY_10 + timedelta(days=4),
            "Not a working day (Mon-Fri).\nNext: desk break Mon 09:45.\n",
            "next: desk break Mon 09:45",
        ),
        (
            TUESDAY_10.replace(hour=12, minute=45),
            "Quiet time until 13:30.\nWaiting: desk break (since 09:45).\nNext: today's session at 16:30.\n",
            "quiet until 13:30",
        ),
    ],
)
def test_status_outside_working_hours_days_and_in_quiet_time(
    shell: Shell, moment: datetime, text: str, tmux: str
) -> None:
    shell.settings()
    assert shell.run("status", at=moment).output == text
    assert shell.run("status", "--format", "tmux", at=moment).output == tmux + "\n"


def test_status_knows_when_you_are_away_from_tmux_or_the_terminal(shell: Shell) -> None:
    shell.settings()
    away = {**IN_TMUX, "FAKE_ACTIVITY": epoch(TUESDAY_10 - timedelta(minutes=25))}
    assert shell.run("status", **away).output == (
        "You seem to be away (no input for 25 min): nothing is shown until you are back.\n"
        "Waiting: desk break (since 09:45).\nNext: today's session at 16:30.\n"
    )
    assert shell.run("status", "--format", "tmux", **away).output == "⏸ away\n"
    assert ["tmux", "display", "-p", "#{client_activity}"] in shell.calls()
    assert shell.run("status", "--format", "tmux", **IN_TMUX).output == "⏵ desk break due\n"  # 30 s: here
    shell.idle_since(TUESDAY_10 - timedelta(minutes=11))
    assert shell.run("status", "--format", "tmux", "--tty", str(shell.tty)).output == "⏸ away\n"
    shell.idle_since(TUESDAY_10 - timedelta(minutes=2))
    data = json.loads(shell.run("status", "--format", "json", "--tty", str(shell.tty)).output)
    assert (data["state"], data["idle_seconds"]) == ("due", 120)


def test_status_imports_no_textual_no_pydantic_and_no_store(shell: Shell) -> None:
    shell.settings()
    code = textwrap.dedent(
        """
        import sys
        from datetime import datetime
        from trainer.cli import main
        tuesday_10 = datetime.fromisoformat(sys.argv[1])
        main(["status", "--format", "tmux"], obj=lambda: tuesday_10, standalone_mode=False)
        heavy = sorted(name for name in sys.modules if name.split(".")[0] in ("textual", "rich", "pydantic",
            "pydantic_core", "tinydb") or name in ("trainer.journal.store", "trainer.journal.os_lock",
            "trainer.journal.models", "trainer.catalog", "trainer.app"))
        print("HEAVY", heavy)
        """
    )
    env = {**os.environ, HOME_ENV: str(shell.home)}
    command = [sys.executable, "-c", code, TUESDAY_10.isoformat()]  # (a fixed time: the answer is known)
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert done.stdout.splitlines() == ["⏵ desk break due", "HEAVY []"]


# --- remind: the channels ----------------------------------------------------------------------------


def test_remind_in_tmux_opens_the_desk_break_in_a_popup(shell: Shell) -> None:
    home = resolve_paths("alice", {HOME_ENV: str(shell.home)})
    JournalStore(home.journal_dir).update_settings(reminders=WORKDAY)
    result = shell.run("--profile", "alice", "remind", **IN_TMUX)
    assert result.exit_code == 0, result.output
    assert result.output == ""
    popups = [call for call in shell.calls() if call[:2] == ["tmux", "display-popup"]]
    assert popups == [
        ["tmux", "display-popup", "-E", "-w", "82", "-h", "26",
         f"env {HOME_ENV}={shell.home} backtrainer --profile alice start desk-break"]
    ]  # fmt: skip
    (prompt,) = JournalStore(home.journal_dir).entries(kinds=["reminder"])
    assert isinstance(prompt, ReminderPrompt)
    assert (prompt.reminder, prompt.channel, prompt.outcome) == ("desk-break", "tmux", "skipped")  # closed, no session


def test_the_popup_is_no_larger_than_the_screen(shell: Shell) -> None:
    shell.settings()
    assert shell.run("remind", FAKE_SIZE="80 24", **IN_TMUX).exit_code == 0
    (popup,) = [call for call in shell.calls() if call[:2] == ["tmux", "display-popup"]]
    assert popup[3:7] == ["-w", "80", "-h", "24"]


def session_in_popup(shell: Shell) -> str:
    """What the person does in the popup: a session, saved to the journal (the popup's 'backtrainer start')."""
    return textwrap.dedent(
        f"""
        from datetime import datetime, timedelta
        from pathlib import Path
        from trainer.journal.models import SessionRecord
        from trainer.journal.store import JournalStore
        start = datetime.fromisoformat("{TUESDAY_10.isoformat()}") + timedelta(seconds=5)
        JournalStore(Path("{shell.store.directory}")).add(SessionRecord(at=start, ended=start + timedelta(minutes=4),
            title="Desk break", routine_id="desk-break", completion=1.0, ended_how="finished"))
        """
    )


def test_a_session_in_the_popup_takes_the_prompt(shell: Shell) -> None:
    shell.settings()
    result = shell.run("remind", "-v", FAKE_POPUP_DOES=session_in_popup(shell), **IN_TMUX)
    assert result.output == "Desk break: taken.\n"
    (prompt,) = shell.prompts()
    assert prompt.outcome == "taken"


def test_a_popup_tmux_cannot_open_falls_back_to_the_next_channel(shell: Shell) -> None:
    shell.settings()
    result = shell.run("remind", "--tty", str(shell.tty), FAKE_STATUS="1", **IN_TMUX)
    assert result.exit_code == 0, result.output
    assert shell.tty.read_bytes() == b"\x07"
    (prompt,) = shell.prompts()
    assert (prompt.channel, prompt.outcome) == ("bell", "shown")


def test_remind_with_a_desktop_session_sends_a_notification(shell: Shell) -> None:
    shell.settings()
    result = shell.run("remind", "-v", DBUS_SESSION_BUS_ADDRESS="unix:path=/run/user/1000/bus")
    assert result.exit_code == 0, result.output
    assert shell.calls() == [
        ["notify-send", "-a", "backtrainer", "backtrainer",
         "Time for a desk break: stand up and move for a few minutes (backtrainer start desk-break)."]
    ]  # fmt: skip
    assert "Shown: desk break (desktop notification)" in result.output
    (prompt,) = shell.prompts()
    assert (prompt.channel, prompt.outcome) == ("notify-send", "shown")


def test_over_ssh_a_desktop_notification_would_show_on_the_wrong_screen_so_the_terminal_is_used(shell: Shell) -> None:
    shell.settings()
    result = shell.run(
        "remind",
        "--tty",
        str(shell.tty),
        DBUS_SESSION_BUS_ADDRESS="unix:path=/run/user/1000/bus",
        SSH_CONNECTION="10.0.0.2 50000 10.0.0.1 22",
        TERM_PROGRAM="WezTerm",
    )
    assert result.exit_code == 0, result.output
    assert shell.calls() == []
    assert shell.tty.read_bytes() == (
        b"\x1b]9;Time for a desk break: stand up and move for a few minutes (backtrainer start desk-break).\x07"
    )


@pytest.mark.parametrize(
    ("env", "args", "written"),
    [
        ({"LC_TERMINAL": "iTerm2"}, (), b"\x1b]9;%s\x07"),
        ({"STY": "1234.pts-0.host", "TERM": "screen", "TERM_PROGRAM": "WezTerm"}, (), b"\x1bP\x1b]9;%s\x07\x1b\\"),
        ({**IN_TMUX}, ("--channel", "osc9"), b"\x1bPtmux;\x1b\x1b]9;%s\x07\x1b\\"),
        ({}, (), b"\x07"),  # a terminal not known to show OSC 9: the bell
        ({}, ("--channel", "osc9"), b"\x1b]9;%s\x07"),
    ],
)
def test_the_terminal_gets_an_osc9_notification_wrapped_for_tmux_or_screen_or_the_bell(
    shell: Shell, env: dict[str, str], args: tuple[str, ...], written: bytes
) -> None:
    shell.settings()
    result = shell.run("remind", "--tty", str(shell.tty), *args, **env)
    assert result.exit_code == 0, result.output
    message = b"Time for a desk break: stand up and move for a few minutes (backtrainer start desk-break)."
    assert shell.tty.read_bytes() == (written % message if b"%s" in written else written)
    (prompt,) = shell.prompts()
    assert prompt.channel == ("bell" if written == b"\x07" else "osc9")


def test_with_no_channel_at_all_nothing_is_recorded(shell: Shell) -> None:
    shell.settings()
    result = shell.run("remind")
    assert result.exit_code == 1
    assert "cannot reach you here (not inside tmux; no desktop session bus; no terminal" in result.output
    assert shell.prompts() == []


def test_the_cron_recipe_reaches_tmux_without_being_inside_it(shell: Shell) -> None:
    shell.settings()
    result = shell.run("remind", "--channel", "tmux", FAKE_ACTIVITY=epoch(TUESDAY_10))
    assert result.exit_code == 0, result.output
    assert any(call[:2] == ["tmux", "display-popup"] for call in shell.calls())
    assert ["tmux", "display", "-p", "#{client_activity}"] in shell.calls()  # idle asked of tmux too


# --- remind: when nothing is shown ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "settings", "why"),
    [
        (TUESDAY_10, {"enabled": False}, "Reminders are off."),
        (TUESDAY_10.replace(hour=8), {}, "Before working hours (Mon-Fri 09:00-17:30)."),
        (TUESDAY_10.replace(hour=18), {}, "After working hours (Mon-Fri 09:00-17:30)."),
        (TUESDAY_10 + timedelta(days=5), {}, "Not a working day (Mon-Fri)."),
        (TUESDAY_10.replace(hour=13), {}, "Quiet time until 13:30."),
        (TUESDAY_10.replace(hour=9, minute=30), {"break_minutes": 60}, "Nothing due now."),
    ],
)
def test_remind_does_nothing_when_nothing_is_due_and_says_why_when_asked(
    shell: Shell, moment: datetime, settings: dict[str, Any], why: str
) -> None:
    shell.settings(**settings)
    quiet = shell.run("remind", "--tty", str(shell.tty), at=moment, **IN_TMUX)
    assert (quiet.exit_code, quiet.output) == (0, "")
    told = shell.run("remind", "--tty", str(shell.tty), "--verbose", at=moment, **IN_TMUX)
    assert told.exit_code == 0
    assert told.output.startswith(why)
    assert [call for call in shell.calls() if call[1] != "display"] == []
    assert shell.tty.read_bytes() == b""
    assert shell.prompts() == []


def test_a_person_away_gets_no_prompt_and_the_break_counts(shell: Shell) -> None:
    shell.settings()
    shell.idle_since(TUESDAY_10 - timedelta(minutes=40))
    result = shell.run("remind", "--tty", str(shell.tty), "-v")
    assert result.output == (
        "You seem to be away (no input for 40 min): nothing is shown until you are back.\n"
        "The desk break that was due counts as taken: being away is a break.\n"
    )
    assert shell.run("status", "--format", "tmux", "--tty", str(shell.tty)).output == "⏸ away\n"
    assert shell.tty.read_bytes() == b""
    (prompt,) = shell.prompts()
    assert (prompt.outcome, prompt.channel) == ("away", None)
    shell.idle_since(TUESDAY_10)
    assert shell.run("status", "--format", "tmux", "--tty", str(shell.tty)).output == "next: desk break 10:45\n"


# --- answers and postpones --------------------------------------------------------------------------


def test_later_brings_a_prompt_back_after_its_delay_up_to_the_cap(shell: Shell) -> None:
    shell.settings(max_postpones=2, postpone_minutes=10)
    tty = ("--tty", str(shell.tty))

    def at(offset: int) -> datetime:
        return TUESDAY_10 + timedelta(minutes=offset)

    assert shell.run("remind", *tty, at=at(0)).exit_code == 0
    assert shell.run("remind", "--later", at=at(1)).output == "Desk break put off: it comes back at 10:11.\n"
    assert shell.run("status", "--format", "tmux", at=at(5)).output == "next: desk break 10:11\n"
    assert shell.run("remind", *tty, at=at(5)).exit_code == 0 and shell.tty.read_bytes() == b"\x07"  # not yet
    assert shell.run("remind", *tty, at=at(11)).exit_code == 0 and shell.tty.read_bytes() == b"\x07\x07"
    assert shell.run("remind", "--later", at=at(12)).output == "Desk break put off: it comes back at 10:22.\n"
    assert shell.run("remind", *tty, at=at(22)).exit_code == 0 and shell.tty.read_bytes() == b"\x07" * 3
    capped = shell.run("remind", "--later", at=at(23))
    assert capped.output == (
        "The desk break was put off twice already, as often as it may be: skipped. Next: desk break at 11:08.\n"
    )
    (prompt,) = shell.prompts()  # one prompt, shown three times
    assert (prompt.outcome, prompt.postpones, prompt.at, prompt.outcome_at) == ("skipped", 2, at(0), at(23))


def test_an_unanswered_prompt_comes_back_and_counts_as_put_off(shell: Shell) -> None:
    shell.settings(max_postpones=1, postpone_minutes=5)
    tty = ("--tty", str(shell.tty))
    shell.run("remind", *tty, at=TUESDAY_10)
    shell.run("remind", *tty, at=TUESDAY_10 + timedelta(minutes=5))
    (prompt,) = shell.prompts()
    assert (prompt.outcome, prompt.postpones) == ("shown", 1)
    assert shell.run("remind", *tty, "-v", at=TUESDAY_10 + timedelta(minutes=10)).output == (
        "Nothing due now.\nNext: desk break at 10:50.\n"  # shown as often as it may be: skipped, 45 min on
    )
    assert shell.tty.read_bytes() == b"\x07\x07"


@pytest.mark.parametrize(("flag", "outcome", "said"), [("--taken", "taken", "taken"), ("--skip", "skipped", "skipped")])
def test_taken_or_skipped_clears_the_prompt(shell: Shell, flag: str, outcome: str, said: str) -> None:
    shell.settings()
    shell.run("remind", "--tty", str(shell.tty))
    result = shell.run("remind", flag)
    assert result.output == f"Desk break: {said}. Next: desk break at 10:45.\n"
    (prompt,) = shell.prompts()
    assert prompt.outcome == outcome
    assert shell.run("status", "--format", "tmux").output == "next: desk break 10:45\n"


def test_an_answer_with_no_prompt_waiting_is_an_error(shell: Shell) -> None:
    shell.settings()
    result = shell.run("remind", "--taken")
    assert result.exit_code == 1
    assert "no reminder is waiting for an answer today" in result.output


def test_a_session_started_after_a_prompt_takes_it(shell: Shell) -> None:
    shell.settings()
    shell.run("remind", "--tty", str(shell.tty))
    start = TUESDAY_10 + timedelta(minutes=1)
    shell.store.add(
        SessionRecord(
            at=start,
            ended=start + timedelta(minutes=4),
            title="Desk break",
            exercises=[ExerciseDone(exercise_id="chin-tuck", name="Chin tuck", sets_planned=1, sets_done=1)],
            completion=1.0,
            ended_how="finished",
        )
    )
    context = Context(resolve_paths(None, {HOME_ENV: str(shell.home)}), now=lambda: start + timedelta(minutes=5))
    close_after_session(context.store(), start, context.now())  # (as `start` does, and trainer.quick_start)
    (prompt,) = shell.prompts()
    assert prompt.outcome == "taken"


def test_the_prompt_shows_in_the_journal_listing(shell: Shell) -> None:
    shell.settings()
    shell.run("remind", "--tty", str(shell.tty))
    shell.run("remind", "--later", at=TUESDAY_10 + timedelta(minutes=1))
    listing = shell.run("journal", "--kind", "reminder").output.splitlines()
    assert listing[1] == "Tue 24 Nov 10:00   reminder         Desk break: put off at 10:01 (terminal bel…"
