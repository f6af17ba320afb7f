"""The app in a browser (``backtrainer serve``): a flash for the bell, the too-small notice in a browser's
words, and exports offered as downloads. The browser is told through make_app's ``web`` argument."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from textual.widgets import Footer

import trainer.app
from tests.conftest import FIXED_NOW
from trainer.app import TrainerApp
from trainer.journal.models import CheckIn
from trainer.journal.store import JournalStore
from trainer.screens.journal import JournalScreen
from trainer.screens.journal_export import ExportScreen
from trainer.screens.too_small import TooSmallScreen
from trainer.services.core import Timings, make_services


class DeliveringApp(TrainerApp):
    """The app as in a browser, keeping what it would hand the browser to download."""

    CSS_PATH = [Path(trainer.app.__file__).parent / name for name in TrainerApp.CSS_PATH]  # (beside the app)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, web=True, **kwargs)
        self.delivered: list[dict[str, Any]] = []

    def deliver_text(self, path_or_file: Any, **options: Any) -> str | None:  # type: ignore[override]
        self.delivered.append({"text": path_or_file.read(), **options})
        return "key"


def footer_keys(app: TrainerApp) -> str:
    footer = app.screen.query_one(Footer)
    return " ".join(str(key.render()) for key in footer.children)


async def test_the_bell_flashes_the_screen_in_a_browser(make_app) -> None:
    app = make_app(web=True, timings=Timings(session_end_pause=0.0, bell_flash=0.0))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        app.bell()
        assert screen.has_class("-bell-flash")
        await pilot.pause()
        await pilot.pause()
        assert not screen.has_class("-bell-flash")  # it goes again (here at once; 0.15 s in use)


async def test_in_a_terminal_the_bell_is_the_terminals(make_app) -> None:
    app = make_app(web=False)
    async with app.run_test(size=(80, 24)):
        app.bell()
        assert not app.screen.has_class("-bell-flash")


async def test_too_small_in_a_browser_asks_for_a_larger_window_or_smaller_text(make_app) -> None:
    app = make_app(web=True)
    async with app.run_test(size=(67, 17)):  # ?fontsize=32 in a 1280 x 720 window
        assert isinstance(app.screen, TooSmallScreen)
        notice = str(app.screen.query_one("#too-small").render())
        assert "make the window larger or the text smaller (Ctrl and minus)" in notice
        assert "67 x 17" in notice and "76 x 22" in notice
        assert "terminal" not in notice


async def test_too_small_in_a_terminal_still_speaks_of_the_terminal(make_app) -> None:
    app = make_app(web=False)
    async with app.run_test(size=(67, 17)):
        notice = str(app.screen.query_one("#too-small").render())
        assert "Please enlarge the terminal" in notice and "window" not in notice


async def test_an_export_in_a_browser_is_delivered_as_a_download(paths, catalog) -> None:
    store = JournalStore(paths.journal_dir)
    store.update_settings(disclaimer_seen=True)
    store.add(CheckIn(at=FIXED_NOW, pain_now=4, notes="after the walk"))
    app = DeliveringApp(make_services(paths, catalog=catalog, now=lambda: FIXED_NOW))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")
        assert isinstance(app.screen, JournalScreen)
        assert "Export" in footer_keys(app)  # in a browser the footer offers it
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
    (delivered,) = app.delivered
    assert delivered["save_filename"] == "backtrainer-journal-2026-11-24.csv"
    assert delivered["mime_type"] == "text/csv"
    assert "after the walk" in delivered["text"]
    assert not (paths.data_dir / "exports").exists()  # nothing saved on the server's disk


async def test_an_export_in_a_terminal_is_saved_in_the_data_folder_and_says_where(make_app, paths) -> None:
    app = make_app(web=False)
    notices: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **options: notices.append(message)  # type: ignore[method-assign]
        await pilot.press("j")
        assert "Export" not in footer_keys(app)  # the terminal's footer stays as it was
        await pilot.press("x", "1")
        await pilot.pause()
        await pilot.press("x", "1")  # a second report the same day does not replace the first
        await pilot.pause()
    first = paths.data_dir / "exports" / "backtrainer-report-2026-11-24.md"
    second = paths.data_dir / "exports" / "backtrainer-report-2026-11-24-2.md"
    assert first.read_text().startswith("#") and second.is_file()
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert any(str(first) in notice for notice in notices), notices
    assert any(str(second) in notice for notice in notices), notices


async def test_escape_cancels_the_export(make_app, paths) -> None:
    app = make_app(web=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "x")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, JournalScreen)
    assert not (paths.data_dir / "exports").exists()
