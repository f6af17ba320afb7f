"""The app over a real SSH connection: a session played, paused, stopped and saved; one profile per key.

Each test starts its own OpenSSH server on 127.0.0.1 (a free port, a host
key, config and authorized_keys in the test's temporary folder) and logs in
as the current user with a key made for the test. The app is the installed
``backtrainer`` command, with all its data under a temporary BACKTRAINER_HOME.

CI installs OpenSSH (see .ci/run); without ``sshd``, ``ssh`` or ``ssh-keygen``
these tests are skipped and say why.
"""

from __future__ import annotations

import getpass
import json
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.harness import OpenSshServer, Terminal, client_environment, find_program
from trainer.catalog.loader import load_catalog
from trainer.journal.models import CheckIn, SessionRecord
from trainer.journal.store import JournalStore

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX pseudo-terminals and OpenSSH's sshd"),
]

ROUTINE_ID = "ssh-check"
TERM = "xterm-256color"
SIZE = (80, 24)

SSH_CHECK_PACK = {
    "name": "SSH test pack",
    "author": "backtrainer tests",
    "routines": [
        {
            "id": ROUTINE_ID,
            "name": "SSH check",
            "summary": "One short hold, twice: just long enough to drive the player over SSH.",
            "when_to_use": "Only in the end-to-end tests.",
            "level": "gentle",
            # 5 s get ready, then 8 s hold, 3 s rest, 8 s hold: 24 s in all.
            "items": [
                {
                    "exercise": "double-knee-to-chest",
                    "part": "warm-up",
                    "sets": 2,
                    "hold_seconds": 8,
                    "rest_seconds": 3,
                }
            ],
        }
    ],
}

SESSION_LEFT = re.compile(r"^\s*Session\b.*?\b(\d+):(\d\d) left\s*$")
STEP_LEFT = re.compile(r"^\s*Step\b.*?\b(\d+):(\d\d) left\s*$")
CURSOR_MOVE = re.compile(rb"\x1b\[\d+;\d+H")


# --- fixtures ---------------------------------------------------------------------------


@pytest.fixture
def sshd(tmp_path: Path) -> Iterator[OpenSshServer]:
    """A private OpenSSH server on 127.0.0.1 for this test, stopped afterwards."""
    programs = {name: find_program(name) for name in ("sshd", "ssh", "ssh-keygen")}
    missing = [name for name, path in programs.items() if path is None]
    if missing:
        pytest.skip(
            f"OpenSSH is not installed here ({', '.join(missing)} not found); "
            "install openssh-server and openssh-client (.ci/run does)"
        )
    server = OpenSshServer(
        tmp_path / "sshd",
        sshd=str(programs["sshd"]),
        ssh=str(programs["ssh"]),
        ssh_keygen=str(programs["ssh-keygen"]),
        user=getpass.getuser(),
    )
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def backtrainer_home(tmp_path: Path) -> Path:
    """A BACKTRAINER_HOME with the disclaimer already read and the short ``ssh-check`` routine installed."""
    home = tmp_path / "backtrainer-home"
    JournalStore(home / "journal").update_settings(disclaimer_seen=True, get_ready_seconds=5)  # a short test
    content = home / "content"
    content.mkdir(parents=True)
    pack = content / "ssh-check.json"
    pack.write_text(json.dumps(SSH_CHECK_PACK, indent=2))
    catalog = load_catalog(packs=[pack])  # a pack the app would reject fails here, not as a timeout
    assert not catalog.pack_problems, catalog.pack_problems
    assert ROUTINE_ID in catalog.routines
    return home


# --- reading the session screen ---------------------------------------------------------------


def seconds_left(pattern: re.Pattern[str], lines: list[str]) -> int | None:
    for line in lines:
        match = pattern.match(line)
        if match:
            return int(match[1]) * 60 + int(match[2])
    return None


def session_left(lines: list[str]) -> int | None:
    """The session's 'M:SS left' under its progress bar, in seconds."""
    return seconds_left(SESSION_LEFT, lines)


def on_screen(text: str, lines: list[str]) -> bool:
    return any(text in line for line in lines)


# --- the tests ------------------------------------------------------------------------------


def test_session_over_ssh_pauses_stops_saves_and_restores_the_terminal(
    sshd: OpenSshServer, backtrainer_home: Path, backtrainer: str
) -> None:
    key = sshd.add_key("person")
    remote = shlex.join(
        ["env", f"BACKTRAINER_HOME={backtrainer_home}", f"TERM={TERM}", backtrainer, "start", ROUTINE_ID]
    )
    argv = sshd.ssh_command(key, remote, tty=True)
    try:
        with Terminal(argv, client_environment(TERM=TERM), SIZE) as term:
            # "Pain now" comes first: 4, Enter.
            term.wait_for_text("How bad is your back pain right now", timeout=20)
            term.send(b"4")
            term.pump(0.2)
            term.send(b"\r")

            # The countdown runs: the session's time left falls by 2 s in about 2 s.
            term.wait_for_text("i all the steps")  # getting ready (the cue itself is in block letters)
            first = term.wait_until(session_left, "the session's time left")
            later = term.wait_until(
                lambda lines: (left := session_left(lines)) is not None and left <= first - 2 and left,
                f"the session's time left to fall from {first} s by 2 s",
                timeout=8,
            )
            assert later < first

            # Space pauses: the footer says Resume and the clock stands still.
            term.send(b" ")
            term.wait_until(
                lambda lines: on_screen("Resume", lines) and on_screen("Press space to carry on", lines), "paused"
            )
            paused_at = session_left(term.screen.lines())
            step_paused_at = seconds_left(STEP_LEFT, term.screen.lines())
            term.pump(1.5)
            assert session_left(term.screen.lines()) == paused_at, "the session clock moved while paused"
            assert seconds_left(STEP_LEFT, term.screen.lines()) == step_paused_at, "the step clock moved while paused"
            assert on_screen("Press space to carry on", term.screen.lines())

            # Space again carries on (after a 3-2-1), and the clock moves again into the first hold.
            term.send(b" ")
            term.wait_until(lambda lines: not on_screen("Press space to carry on", lines), "the pause to end")
            term.wait_until(lambda lines: not on_screen("Carrying on", lines), "the 3-2-1 to end")
            term.send(b"n")  # Start now: the ~10 s left of getting ready (down to the floor) need not be waited out
            term.wait_for_text("Set 1 of 2", timeout=30)
            hold_started = term.wait_until(session_left, "the session's time left in the hold")
            term.wait_until(
                lambda lines: (left := session_left(lines)) is not None and left < hold_started,
                "a second of the first hold",
                timeout=5,
            )

            # s asks why; 2 is "Tired"; the session is saved and the after-session questions show.
            term.send(b"s")
            term.wait_for_text("Why are you stopping?")
            term.send(b"2")
            term.wait_for_text("Session stopped")
            term.wait_for_text("Saved:")
            term.send(b"\x13")  # Ctrl+S saves the (empty) answers

            # Back on Home, q quits.
            term.wait_until(lambda lines: on_screen("— Home", lines) and on_screen("Start a session", lines), "Home")
            term.send(b"q")
            status = term.wait_exit(timeout=10)
            assert status == 0, f"ssh exited with {status}"

            # The terminal was given back: alternate screen left and cursor shown, after the last frame.
            raw = term.output
            last_frame = max((move.end() for move in CURSOR_MOVE.finditer(raw)), default=-1)
            left_alternate = raw.rfind(b"\x1b[?1049l")
            assert left_alternate > last_frame, "the alternate screen was not left after the last frame"
            assert raw.find(b"\x1b[?25h", left_alternate) != -1, "the cursor was not shown again"
            after = re.sub(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]", b"", raw[left_alternate:])
            assert after.strip() == b"", f"printed after the app closed: {after[-500:]!r}"
    except BaseException:
        print("--- sshd log ---\n" + sshd.log())
        raise

    journal = JournalStore(backtrainer_home / "journal")
    entries = journal.entries()
    assert len(entries) == 1, entries
    session = entries[0]
    assert isinstance(session, SessionRecord)
    assert session.kind == "session"
    assert session.routine_id == ROUTINE_ID
    assert session.ended_how == "stopped-choice"
    assert session.stop_reason == "tired"
    assert session.pain_before == 4
    assert 0 < session.completion < 1, session.completion
    assert journal.unfinished_sessions() == [], "the finished session's checkpoint was left behind"
    leftovers = list((backtrainer_home / "journal" / "sessions").glob("*"))
    assert leftovers == [], f"the finished session left files behind: {leftovers}"


def test_one_key_per_person_runs_their_own_profile(
    sshd: OpenSshServer, backtrainer_home: Path, backtrainer: str
) -> None:
    """The README's shared host: an authorized_keys line per person forces ``--profile NAME``."""
    forced = shlex.join(
        [
            "env",
            f"BACKTRAINER_HOME={backtrainer_home}",
            backtrainer,
            "--profile",
            "alice",
            "log",
            "3",
            "--note",
            "from-ssh",
        ]
    )
    assert '"' not in forced
    alice_key = sshd.add_key("alice", options=f'restrict,pty,command="{forced}"')
    env = client_environment()

    def connect(remote_command: str | None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            sshd.ssh_command(alice_key, remote_command, tty=False),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            timeout=30,
        )

    # No command: the key's forced command runs.
    result = connect(None)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}\n--- sshd log ---\n{sshd.log()}"
    assert "Saved check-in" in result.stdout

    # Asking for something else runs the same forced command: no way into another profile.
    result = connect(f"{shlex.quote(backtrainer)} --profile bob log 9")
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}\n--- sshd log ---\n{sshd.log()}"

    alice = JournalStore(backtrainer_home / "profiles" / "alice" / "journal").entries()
    assert len(alice) == 2, alice
    for entry in alice:
        assert isinstance(entry, CheckIn)
        assert entry.pain_now == 3
        assert entry.notes == "from-ssh"
    assert JournalStore(backtrainer_home / "journal").entries() == []
    assert not (backtrainer_home / "profiles" / "bob").exists()
