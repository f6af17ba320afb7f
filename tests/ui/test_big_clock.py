"""BigClock: the countdown in block letters, one widget a character, so a new second repaints one digit."""

from __future__ import annotations

from textual.app import App, ComposeResult

from trainer.widgets.big_text import FILLS, BigClock, Glyph
from trainer.widgets.block_font import best_face, draw


class ClockApp(App[None]):
    CSS = "BigClock { width: 50; height: 7; }"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield BigClock(self.text, id="clock")

    @property
    def clock(self) -> BigClock:
        return self.query_one(BigClock)


def glyphs(app: ClockApp) -> list[Glyph]:
    return list(app.clock.query_children(Glyph))


def picture(app: ClockApp) -> list[str]:
    """The clock's rows as its glyphs draw them, side by side."""
    parts = glyphs(app)
    return ["".join(glyph.lines[row] for glyph in parts) for row in range(len(parts[0].lines))]


def count_refreshes(parts: list[Glyph]) -> list[int]:
    counts = [0] * len(parts)
    for index, glyph in enumerate(parts):
        original = glyph.refresh

        def counted(*args: object, _index: int = index, _original=original, **kwargs: object) -> Glyph:
            counts[_index] += 1
            return _original(*args, **kwargs)

        glyph.refresh = counted  # type: ignore[method-assign]
    return counts


async def test_the_glyphs_draw_what_one_block_text_would() -> None:
    app = ClockApp("0:58")
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        face = best_face("0:58", 50, 7)
        assert face is not None and app.clock.face_name == face.name
        assert len(glyphs(app)) == 4
        assert picture(app) == draw("0:58", face, FILLS["work"])


async def test_a_new_second_repaints_only_the_digits_that_change() -> None:
    app = ClockApp("0:58")
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        before = glyphs(app)
        counts = count_refreshes(before)
        app.clock.text = "0:57"
        await pilot.pause()
        assert glyphs(app) == before  # the same widgets, not built again
        assert counts == [0, 0, 0, 1]
        app.clock.text = "0:50"
        app.clock.text = "0:49"
        await pilot.pause()
        assert counts == [0, 0, 1, 3]  # 0:57 -> 0:50 -> 0:49: the tens once, the units twice
        face = best_face("0:49", 50, 7)
        assert face is not None and picture(app) == draw("0:49", face, FILLS["work"])


async def test_a_new_kind_repaints_every_glyph_in_its_fill() -> None:
    app = ClockApp("0:30")
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        counts = count_refreshes(glyphs(app))
        app.clock.kind = "rest"
        await pilot.pause()
        assert counts == [1, 1, 1, 1]
        face = best_face("0:30", 50, 7)
        assert face is not None and picture(app) == draw("0:30", face, FILLS["rest"])


async def test_another_length_builds_new_glyphs() -> None:
    app = ClockApp("0:05")
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        app.clock.text = "3"  # the 3-2-1 after a pause
        await pilot.pause()
        assert len(glyphs(app)) == 1
        face = best_face("3", 50, 7)
        assert face is not None and picture(app) == draw("3", face, FILLS["work"])


async def test_text_that_fits_no_face_is_one_line() -> None:
    app = ClockApp("0:05")
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        app.clock.text = "a countdown far too long for any face"
        await pilot.pause()
        assert app.clock.face_name == "line"
        assert glyphs(app) == []
        assert "a countdown far too long" in str(app.clock.children[0].render())


class ColouredClockApp(ClockApp):
    CSS = "BigClock { width: 50; height: 7; color: red; } BigClock.paused { color: blue; }"


async def test_the_glyphs_take_a_new_colour_when_the_clock_changes_class() -> None:
    app = ColouredClockApp("0:58")
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        glyph = glyphs(app)[0]

        def colour() -> str | None:
            style = list(glyph.render_line(0))[0].style
            return None if style is None or style.color is None else style.color.name

        before = colour()
        app.clock.set_classes("paused")
        await pilot.pause()
        assert (before, colour()) == ("#ff0000", "#0000ff")
