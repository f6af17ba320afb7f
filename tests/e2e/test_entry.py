"""The ``backtrainer`` command as people start it, in a pseudo-terminal: plain ``backtrainer`` and
``backtrainer start ID`` open the app without the command group (``trainer.entry``, ``trainer.quick_start``);
what that way cannot explain goes to the command group."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from tests.e2e.harness import Terminal
from tests.imports_probe import modules_loaded
from trainer.entry import QuickLaunch, quick_launch
from trainer.journal.models import ReminderPrompt, SessionRecord
from trainer.journal.store import JournalStore


def environment(home: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "BACKTRAINER_HOME": str(home), "TERM": "xterm-256color", **extra}


def libraries_mapped(pid: int) -> set[str]:
    """The file names of the shared libraries process ``pid`` has mapped (Linux)."""
    lines = Path(f"/proc/{pid}/maps").read_text().splitlines()
    return {Path(line.split()[-1]).name for line in lines if ".so" in line.split()[-1]}


def openssl(libraries: set[str]) -> list[str]:
    return sorted(name for name in libraries if name.startswith(("libssl", "libcrypto", "_ssl", "_hashlib")))


def test_plain_backtrainer_opens_home_and_quits(tmp_path: Path, backtrainer: str) -> None:
    JournalStore(tmp_path / "journal").update_settings(disclaimer_seen=True)
    terminal = Terminal([backtrainer], environment(tmp_path))
    try:
        terminal.wait_for_text("step by step")  # the launch frame
        terminal.wait_for_text("Your week")  # Home, with the journal read
        mapped = libraries_mapped(terminal.pty.process.pid)
        assert any(name.startswith("libpython") or name.startswith("_asyncio") for name in mapped), mapped
        assert not openssl(mapped)  # (trainer.without_openssl)
        terminal.send(b"\x11")  # Ctrl+Q
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()


def test_a_session_started_the_quick_way_runs_without_openssl_too(tmp_path: Path, backtrainer: str) -> None:
    JournalStore(tmp_path / "journal").update_settings(disclaimer_seen=True)
    terminal = Terminal([backtrainer, "start", "gentle-start"], environment(tmp_path))
    try:
        terminal.wait_for_text("Before you start")
        assert not openssl(libraries_mapped(terminal.pty.process.pid))
        terminal.send(b"\x11")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()


def test_a_session_started_the_quick_way_takes_the_desk_break_prompt_waiting_for_it(
    tmp_path: Path, backtrainer: str
) -> None:
    """What a reminder's tmux popup runs (``backtrainer start desk-break``): the session saved, the prompt is
    taken, as through the command group."""
    store = JournalStore(tmp_path / "journal")
    store.update_settings(disclaimer_seen=True)
    shown = datetime.now().astimezone()
    store.add(ReminderPrompt(at=shown, reminder="desk-break", outcome="shown", outcome_at=shown, channel="bell"))
    terminal = Terminal([backtrainer, "start", "cat-cow"], environment(tmp_path))
    try:
        terminal.wait_for_text("How bad is your back pain right now")
        terminal.send(b"s")  # (not asked now)
        terminal.wait_for_text("i all the steps")  # getting ready
        terminal.send(b"s")  # stop: it asks why; 2 is "Tired"
        terminal.wait_for_text("Why are you stopping?")
        terminal.send(b"2")
        terminal.wait_for_text("Saved:")
        terminal.send(b"\x13")  # Ctrl+S saves the (empty) answers, and Home opens
        terminal.wait_for_text("Start a session")
        terminal.send(b"\x11")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()
    entries = JournalStore(tmp_path / "journal").entries()
    assert [entry.kind for entry in entries if isinstance(entry, SessionRecord)] == ["session"]
    (prompt,) = [entry for entry in entries if isinstance(entry, ReminderPrompt)]
    assert prompt.outcome == "taken"


def test_a_first_run_opens_on_the_notice(tmp_path: Path, backtrainer: str) -> None:
    terminal = Terminal([backtrainer], environment(tmp_path))
    try:
        terminal.wait_for_text("I understand, continue")
        terminal.send(b"\x11")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()
    assert not JournalStore(tmp_path / "journal").load_settings().disclaimer_seen


def test_a_time_zone_the_quick_way_cannot_use_is_explained_by_the_command_group(
    tmp_path: Path, backtrainer: str
) -> None:
    terminal = Terminal([backtrainer], environment(tmp_path, TZ="UTC+25"))
    try:
        terminal.wait_for_text("the time zone is not valid (TZ='UTC+25')")
        assert terminal.wait_exit() == 1
    finally:
        terminal.close()


def test_the_quick_way_opens_the_app_only_for_plain_backtrainer_or_start_id_in_a_terminal(tmp_path: Path) -> None:
    env = {"BACKTRAINER_HOME": str(tmp_path)}
    launch = quick_launch([], env, in_terminal=True)
    assert launch is not None and launch.paths.journal_dir == tmp_path / "journal" and launch.start is None
    assert quick_launch(["start", "desk-break"], env, in_terminal=True) == QuickLaunch(launch.paths, "desk-break")
    assert quick_launch(["--plain"], env, in_terminal=True) is None
    assert quick_launch(["log", "3"], env, in_terminal=True) is None
    for start in (["start"], ["start", "--help"], ["start", "desk-break", "--plain"], ["start", "-", "x"]):
        assert quick_launch(start, env, in_terminal=True) is None, start
    assert quick_launch(["--profile", "sam", "start", "desk-break"], env, in_terminal=True) is None
    assert quick_launch([], env, in_terminal=False) is None  # (the command group says it needs a terminal)
    assert quick_launch(["start", "desk-break"], env, in_terminal=False) is None
    assert quick_launch([], {**env, "TEXTUAL_DRIVER": "textual_serve.driver:WebDriver"}, in_terminal=True) is None
    assert quick_launch([], {"BACKTRAINER_HOME": str(tmp_path / ("x" * 5000))}, in_terminal=True) is None


def test_the_quick_way_loads_neither_click_nor_the_command_group() -> None:
    code = (
        "import trainer.entry, trainer.app, trainer.screens.launch, trainer.screens.first_run, trainer.catalog.notice,"
        " trainer.quick_start"
    )
    assert modules_loaded(code, named=("click",), under=("click.", "trainer.cli")) == []


def test_an_id_the_content_has_not_goes_to_the_command_group_which_lists_the_ids(
    tmp_path: Path, backtrainer: str
) -> None:
    JournalStore(tmp_path / "journal").update_settings(disclaimer_seen=True)
    terminal = Terminal([backtrainer, "start", "no-such-routine"], environment(tmp_path))
    try:
        terminal.wait_for_text("Error: Invalid value for ROUTINE_OR_EXERCISE_ID: no routine or exercise")
        terminal.wait_for_text("Routines: gentle-start, back-basics")  # (the ids there are)
        assert terminal.wait_exit() == 2
    finally:
        terminal.close()
