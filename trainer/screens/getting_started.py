"""Getting started: six short questions, then the tailored start with the reason for every choice, then the
programme begins (``services.coach.start``). Skippable, and changeable later with the answers filled in.

Keys: Enter moves on (y or n answers a yes-or-no question and moves on), PgUp goes back a question, Esc
skips (asking first once something is answered), x leaves a running programme (asking first). The
questions are in ``getting_started_form.py``, the summary in ``start_plan_view.py``.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, ContentSwitcher, Input, Static

from trainer.catalog.programme import Programme
from trainer.engine.ladders import programme_week
from trainer.journal.coach_models import StartAnswers
from trainer.journal.limits import SettingsError
from trainer.screens import getting_started_form as form
from trainer.screens.base import TrainerScreen
from trainer.screens.dialogs import ConfirmScreen
from trainer.screens.start_plan_view import StartPlanView
from trainer.widgets.literal import literal
from trainer.widgets.yes_no import YesNo
from trainer.wording import format_date

PAGES = ("intro", *form.QUESTION_PAGES, "plan")
COME_BACK = "To start it later, press p on Home (or Programme answers in Settings, o)."


class GettingStartedScreen(TrainerScreen):
    SUB_TITLE = "Getting started"
    CSS_PATH = "getting_started.tcss"
    AUTO_FOCUS = ""  # each page focuses its own question (the others are hidden)
    BINDINGS = [
        Binding("enter", "next", "Next", key_display="Enter"),
        Binding("enter", "finish('start')", "Start the programme", key_display="Enter"),
        Binding("enter", "finish('save')", "Save my answers", key_display="Enter"),
        Binding("pagedown", "next", "Next", show=False),
        Binding("pageup", "back", "Back", key_display="PgUp"),
        Binding("escape", "go_back('skip')", "Skip for now", key_display="Esc"),
        Binding("escape", "go_back('close')", "Close", key_display="Esc"),
        Binding("q", "go_back", "Skip for now", show=False),
        Binding("x", "leave_programme", "Leave the programme"),
        Binding("down", "scroll('scroll_down')", "Read on", key_display="↓"),
        Binding("up", "scroll('scroll_up')", "Back up", show=False),
        Binding("home", "scroll('scroll_home')", "Top", show=False),
        Binding("end", "scroll('scroll_end')", "End", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.page = "intro"
        self.before = StartAnswers()
        """The answers the pages were filled with: the running programme's, or the defaults."""
        self._as_filled: tuple[object, ...] = ()
        self.answers: StartAnswers | None = None
        """The answers the summary shows (what Enter starts or saves)."""

    # --- what is running ------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """A programme is running (and its content is still there: else this starts a new one)."""
        return self.services.coach.programme is not None

    @property
    def target_programme(self) -> Programme | None:
        coach, catalog = self.services.coach, self.services.catalog
        if coach.programme is not None:
            return coach.programme
        return catalog.programmes.get(catalog.default_programme or "")

    # --- building ----------------------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        progress = self.services.coach.progress
        if progress is not None:
            self.before = progress.answers
        with Vertical(id="getting-started"):
            yield Static(id="progress")
            with ContentSwitcher(initial="page-intro", id="pages"):
                with Vertical(id="page-intro", classes="page"):
                    yield from self._intro()
                yield from form.question_pages(self.before)
                with Vertical(id="page-plan", classes="page"):
                    yield StartPlanView(id="plan-view")
            with Horizontal(id="buttons"):
                yield Button("Back (PgUp)", id="back", compact=True)
                yield Button("Next (Enter)", id="next", variant="primary", compact=True)
                yield Button("Leave the programme (x)", id="leave", variant="error", compact=True)
                yield Button("Skip for now (Esc)", id="skip", compact=True)

    def _intro(self) -> ComposeResult:
        programme = self.target_programme
        progress = self.services.coach.progress
        name = literal(programme.name, "bold") if programme is not None else Content("the programme")
        if progress is not None and programme is not None and self.running:
            today = self.services.today()
            week = programme_week(progress.started, today)
            when = f"week {min(week, programme.weeks)} of {programme.weeks}" if week >= 1 else "starting soon"
            yield Static(
                Content.assemble(name, f": {when}, started {format_date(progress.started, today)}."),
                classes="paragraph",
            )
            yield Static(
                Content(
                    "Here you can change your answers and goals. Your start date and the doses you have "
                    "reached stay as they are; only what suits you is chosen again."
                ),
                classes="paragraph",
            )
            yield Static(
                Content.assemble(
                    "Or leave the programme (",
                    ("x", "bold"),
                    "): your sessions, decisions and reviews stay in your journal.",
                ),
                classes="paragraph",
            )
            return
        yield Static(
            Content.assemble(
                "Six short questions, about two minutes, before ",
                name,
                ". Your answers choose your first routines and leave out for now what may not suit you. "
                "Nothing starts until you say so at the end.",
            ),
            classes="paragraph",
        )
        if programme is not None:
            yield Static(literal(programme.summary), classes="paragraph muted")
        yield Static(
            Content(f"Not now? Skip it: nothing is started. {COME_BACK}"),
            classes="paragraph",
        )

    def on_mount(self) -> None:
        form.fill(self, self.before)
        form.show_problems(self, {})
        self._as_filled = form.fields(self)
        self._show_page("intro")

    # --- moving between pages ------------------------------------------------------------------------

    def _show_page(self, page: str) -> None:
        self.page = page
        self.query_one("#pages", ContentSwitcher).current = f"page-{page}"
        number = form.QUESTION_PAGES.index(page) + 1 if page in form.QUESTION_PAGES else 0
        total = len(form.QUESTION_PAGES)
        heading = "Your programme" if self.running else "Getting started"
        if number:
            dots = " ".join("●" if index < number else "○" for index in range(total))
            shown = Content.assemble(
                (heading, "bold $primary"), f"  ·  question {number} of {total}  ", (dots, "$primary")
            )
        elif page == "plan":
            shown = Content.assemble((heading, "bold $primary"), "  ·  your tailored start, and why")
        else:
            shown = Content.styled(heading, "bold $primary")
        self.query_one("#progress", Static).update(shown)
        self._label_buttons()
        self.refresh_bindings()
        if page in form.FIRST_FOCUS:
            self.query_one(form.FIRST_FOCUS[page]).focus()
        else:
            self.set_focus(None)  # Enter and Esc work from the screen; Tab reaches the buttons

    def _label_buttons(self) -> None:
        running = self.running
        next_button = self.query_one("#next", Button)
        if self.page == "intro":
            next_button.label = "Change my answers (Enter)" if running else "Begin (Enter)"
        elif self.page == "plan":
            next_button.label = "Save my answers (Enter)" if running else "Start the programme (Enter)"
        elif self.page == "goals":
            next_button.label = "See your start (Enter)"
        else:
            next_button.label = "Next (Enter)"
        self.query_one("#back").display = self.page != "intro"
        self.query_one("#leave").display = running and self.page == "intro"
        self.query_one("#skip", Button).label = "Close (Esc)" if running else "Skip for now (Esc)"
        for button in self.query(Button):
            button.refresh(layout=True)  # (a new label changes the width)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """One binding of each pair is offered, so the footer names Enter and Esc as they work here."""
        if action == "next":
            return self.page != "plan"
        if action == "finish":
            return self.page == "plan" and parameters == (("save",) if self.running else ("start",))
        if action == "go_back" and parameters:
            return parameters == (("close",) if self.running else ("skip",))
        if action == "back":
            return self.page != "intro"
        if action == "leave_programme":
            return self.running and self.page == "intro"
        if action == "scroll":
            return self.page == "plan"
        return True

    async def action_next(self) -> None:
        if self.page == "plan":
            await self.action_finish()
            return
        if self.page == "goals":
            await self._to_plan()
            return
        self._show_page(PAGES[PAGES.index(self.page) + 1])

    def action_back(self) -> None:
        if self.page != "intro":
            self._show_page(PAGES[PAGES.index(self.page) - 1])

    async def _to_plan(self) -> None:
        collected = form.collect(self, self.services.today(), self.before)
        form.show_problems(self, collected.problems)
        if collected.answers is None:
            first = min(collected.problems)
            self.query_one(f"#{collected.problems[first][0]}").focus()
            return
        programme = self.target_programme
        if programme is None:
            self.notify("There is no programme in the content to start.", severity="error")
            return
        coach = self.services.coach
        progress = coach.progress
        started = progress.started if progress is not None and progress.programme_id == programme.id else None
        plan = coach.preview(collected.answers, programme.id)
        self.answers = collected.answers
        self._show_page("plan")
        await self.query_one(StartPlanView).show(plan, programme, collected.answers, self.services.today(), started)

    async def action_finish(self, how: str = "") -> None:
        answers = self.answers
        programme = self.target_programme
        if self.page != "plan" or answers is None or programme is None:
            return
        was_running = self.running
        try:
            self.services.coach.start(answers, programme.id)
        except (SettingsError, ValueError) as error:
            self.notify(f"Could not start the programme: {error}", severity="error")
            return
        if was_running:
            self.notify("Your answers are saved. Your start date and doses stay as they were.")
        else:
            self.notify(f"Your programme has started: week 1 of {programme.weeks}. Home shows what to do each day.")
        self.dismiss()

    async def action_scroll(self, how: str) -> None:
        """The summary scrolls by keyboard with nothing focused, so PgUp still goes back a question."""
        await self.app.run_action(how, self.query_one(StartPlanView))

    # --- questions ------------------------------------------------------------------------------------

    @on(YesNo.Answered)
    async def _answered(self) -> None:
        await self.action_next()

    @on(Input.Submitted)
    async def _submitted(self, event: Input.Submitted) -> None:
        order = [f"{kind}-{number}" for number in (1, 2) for kind in ("goal", "target")]
        field = str(event.input.id)
        empty_goal = field.startswith("goal-") and not event.value.strip()  # no (more) goals: on to the summary
        if field in order and field != order[-1] and not empty_goal:
            self.query_one(f"#{order[order.index(field) + 1]}").focus()
        else:
            await self.action_next()

    @on(Button.Pressed)
    async def _pressed(self, event: Button.Pressed) -> None:
        pressed = event.button.id
        if pressed == "next":
            await self.action_next()
        elif pressed == "back":
            self.action_back()
        elif pressed == "leave":
            self.action_leave_programme()
        else:
            self.action_go_back()

    # --- leaving -----------------------------------------------------------------------------------------

    @property
    def unsaved(self) -> bool:
        """An answer was changed since the pages were filled, and not yet started or saved."""
        return form.fields(self) != self._as_filled

    def action_go_back(self, how: str = "") -> None:
        """Skip (or, with a programme running, back to where this was opened); asks first when an answer
        was changed, and keeps every answer when the person stays."""
        if not self.unsaved:
            self._leave()
            return
        before = self.focused
        running = self.running

        def answered(leave: bool | None) -> None:
            if leave:
                self._leave()
            elif before is not None and before.is_attached:
                before.focus()

        self.app.push_screen(
            ConfirmScreen(
                "Leave your answers?" if running else "Skip for now?",
                "Your changed answers are not saved: your programme stays as it was."
                if running
                else f"Your answers are not saved and no programme is started. {COME_BACK}",
                yes="Leave" if running else "Skip",
                no="Keep answering",
            ),
            answered,
        )

    def _leave(self) -> None:
        if not self.running:
            self.notify(f"No programme started. {COME_BACK}")
        self.dismiss()

    def action_leave_programme(self) -> None:
        if not self.running:
            return

        def answered(leave: bool | None) -> None:
            if not leave:
                return
            self.services.coach.stop()
            self.notify(
                "You have left the programme. Your journal keeps everything; sessions play each routine's own "
                "doses again. " + COME_BACK.replace("start it", "start again")
            )
            self.dismiss()

        self.app.push_screen(
            ConfirmScreen(
                "Leave the programme?",
                "Your sessions, decisions and reviews stay in your journal, and sessions go back to each "
                "routine's own doses. Starting again later begins at week 1.",
                yes="Leave it",
                no="Stay in it",
            ),
            answered,
        )
