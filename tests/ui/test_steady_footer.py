"""The footer rewords its keys in the same frame as a screen's view, and rebuilds when the keys change."""

from __future__ import annotations

import re

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets._footer import FooterKey

from tests.clock import FakeClock
from trainer.engine.session_view import SKIP_LABELS
from trainer.screens.session import SessionScreen
from trainer.widgets.steady_footer import SteadyFooter


class Keys(App[None]):
    """Two words for n (one shows at a time), and an x shown only when asked for."""

    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("n", "word('one')", "One"),
        Binding("n", "word('two')", "Two, longer"),
        Binding("x", "extra", "Extra"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.word = "one"
        self.extra = False

    def compose(self) -> ComposeResult:
        yield SteadyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "word":
            return parameters == (self.word,)
        if action == "extra":
            return self.extra
        return True

    def action_word(self, word: str) -> None:
        self.pressed = word


def words(app: App[None]) -> list[str]:
    return [f"{key.key_display} {key.description}" for key in app.screen.query(FooterKey)]


async def footer_shows(pilot, expected: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    """The footer's words once they are ``expected`` (Textual builds the footer's keys from its own queue, a
    frame or more after the bindings change: how many depends on the machine's load), or as they are at last."""
    for _ in range(100):
        if words(pilot.app) == expected:
            break
        await pilot.pause()
    return words(pilot.app)


async def test_new_words_for_the_same_keys_are_written_at_once_into_the_same_keys() -> None:
    app = Keys()
    async with app.run_test(size=(60, 5)) as pilot:
        assert await footer_shows(pilot, ["n One"]) == ["n One"]
        keys = list(app.screen.query(FooterKey))
        app.word = "two"
        app.refresh_bindings()
        assert words(app) == ["n Two, longer"]  # before any frame: the same frame as whatever changed them
        assert list(app.screen.query(FooterKey)) == keys  # not rebuilt
        await pilot.press("n")
        assert app.pressed == "two"
        await pilot.pause()
        shown = "".join(re.findall(r"<text [^>]*>([^<]*)</text>", app.export_screenshot())).replace("&#160;", " ")
        assert " n Two, longer " in shown and "One" not in shown  # drawn at the key's new width


async def test_a_key_more_or_less_rebuilds_the_footer() -> None:
    app = Keys()
    async with app.run_test(size=(60, 5)) as pilot:
        assert await footer_shows(pilot, ["n One"]) == ["n One"]
        keys = list(app.screen.query(FooterKey))
        app.extra = True
        app.refresh_bindings()
        assert await footer_shows(pilot, ["n One", "x Extra"]) == ["n One", "x Extra"]
        assert list(app.screen.query(FooterKey))[0] is not keys[0]
        app.extra = False
        app.refresh_bindings()
        assert await footer_shows(pilot, ["n One"]) == ["n One"]


async def test_each_steps_skip_word_shows_with_the_steps_view(make_app) -> None:
    clock = FakeClock(1000.0)
    app = make_app(session_clock=clock, start="back-basics")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")  # skip the pain question
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.pause()
        keys = list(screen.query(FooterKey))
        for index in (1, 2):
            clock.advance(screen.plan.starts[index] - screen.plan.starts[index - 1])
            screen.refresh_display()  # the step's view: the footer's words change with it, before any frame
            assert f"n {SKIP_LABELS[screen.plan.steps[index].kind]}" in words(app)
        await pilot.press("space")
        assert "space Resume" in words(app)
        assert list(screen.query(FooterKey)) == keys


def every_binding() -> list[Binding]:
    """The bindings of the app and of every screen and widget of trainer, and a few keys none has yet."""
    import importlib
    import pkgutil

    import trainer.screens
    import trainer.widgets
    from trainer.app import TrainerApp

    for package in (trainer.screens, trainer.widgets):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    found: list[Binding] = []
    pending: list[type] = [TrainerApp, *Widget.__subclasses__()]
    while pending:
        node = pending.pop()
        pending.extend(node.__subclasses__())
        if node.__module__.startswith("trainer."):
            found.extend(binding for binding in node.BINDINGS if isinstance(binding, Binding))
    others = ["S", "7", "/", "+", "shift+s", "ctrl+s", "question_mark", "space", "escape", "f1", "tab"]
    return found + [Binding(key, "nothing", "Nothing") for key in others]


def test_every_key_shows_as_textual_would_show_it(make_app) -> None:
    app = make_app()
    bindings = every_binding()
    assert len(bindings) > 60
    for binding in bindings:
        assert app.get_key_display(binding) == App.get_key_display(app, binding), binding
