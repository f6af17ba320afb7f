"""Plain mode end to end: ``backtrainer start ID --plain`` in a pipe and in a pseudo-terminal."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from bench.pty_launch import PtyProcess
from trainer.journal.models import SessionRecord
from trainer.journal.store import JournalStore


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    JournalStore(home / "journal").update_settings(disclaimer_seen=True)
    return {**os.environ, "BACKTRAINER_HOME": str(home), "TERM": "xterm-256color"}


def sessions(env: dict[str, str]) -> list[SessionRecord]:
    store = JournalStore(Path(env["BACKTRAINER_HOME"]) / "journal")
    return [entry for entry in store.entries() if isinstance(entry, SessionRecord)]


def test_a_plain_session_in_a_pipe_plays_to_its_end_and_saves_the_answers(backtrainer, env) -> None:
    # Enter skips the pain question; four n skip the four steps of bird-dog; then the four questions.
    typed = "\n" + "nnnn" + "3\n4\n2\nfelt fine\n"
    done = subprocess.run(
        [backtrainer, "start", "bird-dog", "--plain"], input=typed, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "Get ready, 20 seconds: Kneel on all fours, hands under your shoulders and knees under your hips." in lines
    assert "Switch sides, 5 seconds: right arm and left leg." in lines
    assert "Done: that is the whole session. Well done." in lines
    assert lines[-1] == "Saved in your journal."
    assert "\x1b" not in done.stdout  # lines, not a screen: no escape sequences at all
    [record] = sessions(env)
    assert (record.pain_after, record.pain_peak, record.effort, record.note) == (3, 4, 2, "felt fine")


def test_a_plain_session_in_a_terminal_takes_single_keys_and_restores_the_terminal(backtrainer, env) -> None:
    child = PtyProcess([backtrainer, "start", "bird-dog", "--plain"], env)
    try:
        child.wait_for("Enter skips.", timeout=30)
        child.send(b"6\r")
        child.wait_for("Get ready, 20 seconds", timeout=15)
        child.send(b"t")  # one key, no Enter
        child.wait_for("left in the session", timeout=10)
        child.send(b"p")
        child.wait_for("You stopped for pain. What to do now:", timeout=10)
        for answer in (b"5\r", b"6\r", b"\r", b"\r"):
            child.send(answer)
        child.wait_for("Saved in your journal.", timeout=10)
        assert child.process.wait(timeout=10) == 0
    finally:
        child.stop()
    text = child.output.decode(errors="replace")
    assert "\x1b[?1049h" not in text  # never the alternate screen
    [record] = sessions(env)
    assert (record.ended_how, record.pain_before, record.pain_after, record.pain_peak) == ("stopped-pain", 6, 5, 6)


def test_plain_check_in_from_a_pipe_is_saved(backtrainer, env) -> None:
    typed = "c\n6\n5\n1\n\n3\n\n\nstiff morning\nq\n"
    done = subprocess.run([backtrainer, "--plain"], input=typed, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Saved: pain 6 of 10." in done.stdout.splitlines()
    store = JournalStore(Path(env["BACKTRAINER_HOME"]) / "journal")
    [entry] = store.entries()
    assert entry.pain_now == 6 and entry.notes == "stiff morning" and entry.helped == ["movement"]
