"""The app in a real browser: ``backtrainer serve`` on a free loopback port, headless Chromium through
chromedriver (selenium), keys typed into the page, the journal read afterwards.

CI installs Debian's ``chromium`` and ``chromium-driver`` (see .ci/run); without them these tests are
skipped and say why (and with CI=true a skip fails the run).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.e2e.browser import Browser, ServedApp, browser_programs
from trainer.catalog.loader import load_catalog
from trainer.journal.models import CheckIn, SessionRecord
from trainer.journal.store import JournalStore

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX process groups"),
]

ROUTINE_ID = "browser-check"
BROWSER_CHECK_PACK = {
    "name": "Browser test pack",
    "author": "backtrainer tests",
    "routines": [
        {
            "id": ROUTINE_ID,
            "name": "Browser check",
            "summary": "One short hold: just long enough to play a whole session in a browser.",
            "when_to_use": "Only in the end-to-end tests.",
            "level": "gentle",
            "items": [
                {
                    "exercise": "double-knee-to-chest",
                    "part": "warm-up",
                    "sets": 1,
                    "hold_seconds": 6,
                    "rest_seconds": 0,
                }
            ],
        }
    ],
}


@pytest.fixture(scope="module")
def programs() -> tuple[str, str]:
    chromium, chromedriver = browser_programs()
    if chromium is None or chromedriver is None:
        pytest.skip("Chromium is not installed here; install chromium and chromium-driver (.ci/run does)")
    pytest.importorskip("selenium", reason="selenium is part of the test extra: pip install -e '.[test]'")
    pytest.importorskip("textual_serve", reason="textual-serve is part of the test extra: pip install -e '.[test]'")
    return chromium, chromedriver


@pytest.fixture
def backtrainer_home(tmp_path: Path) -> Path:
    """A BACKTRAINER_HOME with the disclaimer already read and the short ``browser-check`` routine."""
    home = tmp_path / "backtrainer-home"
    JournalStore(home / "journal").update_settings(disclaimer_seen=True, get_ready_seconds=5)
    content = home / "content"
    content.mkdir(parents=True)
    pack = content / "browser-check.json"
    pack.write_text(json.dumps(BROWSER_CHECK_PACK, indent=2))
    catalog = load_catalog(packs=[pack])
    assert not catalog.pack_problems, catalog.pack_problems
    return home


@pytest.fixture
def served(backtrainer: str, backtrainer_home: Path, tmp_path: Path) -> Iterator[ServedApp]:
    env = dict(os.environ, BACKTRAINER_HOME=str(backtrainer_home))
    app = ServedApp(backtrainer, env, tmp_path / "serve.log")
    try:
        yield app.start()
    except BaseException:
        print("--- backtrainer serve ---\n" + app.log())
        raise
    finally:
        app.stop()


@pytest.fixture
def browser(programs: tuple[str, str]) -> Iterator[Browser]:
    with Browser(*programs) as opened:
        yield opened


def on_screen(text: str, lines: list[str]) -> bool:
    return any(text in line for line in lines)


def test_a_check_in_typed_in_the_browser_is_in_the_journal(
    served: ServedApp, browser: Browser, backtrainer_home: Path
) -> None:
    from selenium.webdriver.common.keys import Keys

    assert f"backtrainer is at {served.url} " in served.log()  # on 127.0.0.1: no --host given
    browser.open(served.url)
    browser.wait_until(lambda lines: on_screen("— Home", lines) and on_screen("Start a session", lines), "Home")
    browser.press("c")
    browser.wait_for_text("How bad is your back pain right now?")
    browser.press("4", Keys.ENTER)
    browser.wait_for_text("Saved: pain 4/10")

    (entry,) = JournalStore(backtrainer_home / "journal").entries()
    assert isinstance(entry, CheckIn)
    assert entry.pain_now == 4

    # Everything the page asked for came from the server that sent it: no fonts or scripts from elsewhere.
    own = urlsplit(served.url).netloc
    requested = browser.requested_urls()
    assert any(url.startswith("ws://") for url in requested), requested
    assert {urlsplit(url).netloc for url in requested if not url.startswith("data:")} == {own}, requested
    page = browser.page_source()
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", page), "the page links another host"


def test_a_whole_session_played_in_the_browser_is_saved(
    served: ServedApp, browser: Browser, backtrainer_home: Path
) -> None:
    from selenium.webdriver.common.keys import Keys

    browser.open(served.url)
    browser.wait_until(lambda lines: on_screen("Start a session", lines), "Home")
    browser.press("l")
    # The title, not the word: Home's footer already says "l Library", and an "r" typed on Home is lost.
    browser.wait_until(lambda lines: on_screen("— Library", lines), "the Library")
    browser.press("r")
    lines = browser.wait_until(lambda lines: on_screen("Browser check", lines) and lines, "the routines")
    header = next(number for number, line in enumerate(lines) if line.strip().startswith("Routine "))
    row = next(number for number, line in enumerate(lines) if "Browser check" in line)
    browser.press(*[Keys.DOWN] * (row - header - 1), Keys.ENTER)  # the pack's routine, from the first row
    browser.wait_for_text("Start this routine")
    browser.press("s")
    browser.wait_for_text("How bad is your back pain right now")
    browser.press("3", Keys.ENTER)
    browser.wait_for_text("Well done: session complete", timeout=60)
    browser.press("2", Keys.ENTER)  # pain now 2; Enter saves the answers
    browser.wait_until(lambda lines: on_screen("Start this routine", lines), "the routine again, where it started")

    (session,) = JournalStore(backtrainer_home / "journal").entries()
    assert isinstance(session, SessionRecord)
    assert session.routine_id == ROUTINE_ID
    assert session.ended_how == "finished"
    assert session.pain_before == 3
    assert session.completion == 1
    assert session.pain_after == 2
