"""Type-to-search keeps every key, in order, when keys arrive together (a paste, a burst over SSH)."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key
from textual.widgets import DataTable, Input, Markdown, OptionList, Static

from trainer.screens.library import LibraryScreen
from trainer.screens.tips import TipsScreen


def burst(app, text: str) -> None:
    """Send every character of ``text`` at once, as a terminal does with a paste or an SSH packet: nothing
    is waited for between them (``Pilot.press`` waits for each key to be handled)."""
    for char in text:
        key = char if char.isalnum() else _character_to_key(char)
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)


async def test_a_burst_of_keys_on_the_list_all_reach_the_search_in_order(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LibraryScreen)
        burst(app, "glute bridge")  # "e" and "r" are keys of the Library, " " is not printable for a list
        await pilot.pause()
        await pilot.pause()
        search = app.screen.query_one("#search", Input)
        assert search.value == "glute bridge"
        assert app.focused is search
        ids = [row.key.value for row in app.screen.query_one("#exercise-table", DataTable).ordered_rows]
        assert "glute-bridge" in ids


async def test_a_paste_on_the_list_goes_into_the_search(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        app.screen.query_one("#exercise-table").post_message(events.Paste("glute bridge\n"))
        await pilot.pause()
        search = app.screen.query_one("#search", Input)
        assert search.value == "glute bridge" and app.focused is search


async def test_a_burst_in_tips_ends_on_the_no_match_message(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, TipsScreen)
        burst(app, "icezz")
        await pilot.pause()
        await pilot.pause(0.2)
        assert app.screen.query_one("#tip-search", Input).value == "icezz"
        assert app.screen.query_one("#topics", OptionList).option_count == 0
        assert "Try another word" in app.screen.query_one("#tip-body", Markdown).source
        assert "No topic mentions 'icezz'" in str(app.screen.query_one("#tip-count", Static).render())


async def test_the_tips_status_line_is_never_cut(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "slash", *"walking plan")
        await pilot.pause()
        count = app.screen.query_one("#tip-count", Static)
        text = str(count.render())
        assert "mention 'walking plan'" in text
        assert len(text) <= count.size.width * count.size.height  # every character has room
