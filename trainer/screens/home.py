"""Home: what the app is, how the week is going, and the ways into everything."""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.events import ScreenResume
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from trainer.engine.insights import WeekCount, this_week
from trainer.engine.review import ReviewQuestions
from trainer.engine.suggest import LOOK_BACK_DAYS, Suggestion, suggest
from trainer.journal.errors import JournalError
from trainer.journal.models import AnyEntry, CheckIn, WeeklyCheck
from trainer.screens.base import TrainerScreen
from trainer.screens.start import begin_session
from trainer.widgets.literal import literal
from trainer.wording import THIS_WEEK, format_minutes, format_moment, plural

MENU = (
    ("start", "s", "Start a session", "The suggested routine (below), guided rep by rep"),
    ("check-in", "c", "Check in", "Log how your back feels: a few seconds"),
    ("journal", "j", "Journal", "Your entries and how things are trending"),
    ("library", "l", "Library", "Exercises and routines, step by step"),
    ("tips", "t", "Tips", "Sitting, sleep, heat and cold, lifting, medicines"),
    ("settings", "o", "Settings", "The bell, time to get ready, your weekly goal"),
    ("help", "h", "When to get help", "Symptoms that need a doctor today, or now"),
)


def menu_prompt(key: str, title: str, description: str) -> Content:
    return Content.assemble(
        (f" {key} ", "bold $accent"),
        " ",
        (f"{title:<18}", "bold"),
        (description, "$text-muted"),
    )


def week_summary(
    entries: list[AnyEntry], goal: int, now_day_count: int, today: date, week: WeekCount | None = None
) -> list[Content]:
    """Two short lines for Home: pain over the last 7 days, and sessions this week (Monday to Sunday, as
    Trends and ``stats`` count them) against the goal."""
    check_ins = [entry for entry in entries if isinstance(entry, CheckIn)]
    sessions = week if week is not None else this_week(entries, today, goal)
    if not check_ins and not sessions.sessions:
        return [Content("Nothing logged in the last 7 days. Press c to check in: it takes a few seconds.")]
    lines = []
    if check_ins:
        average = sum(entry.pain_now for entry in check_ins) / len(check_ins)
        latest = check_ins[0]
        lines.append(
            Content.assemble(
                "Last 7 days: average pain ",
                (f"{average:.1f}", "bold"),
                f" from {plural(len(check_ins), 'check-in')}; latest ",
                (f"{latest.pain_now}/10", "bold"),
                f" on {format_moment(latest.at, today)}.",
            )
        )
    lines.append(
        Content.assemble(
            f"{THIS_WEEK}: ",
            (f"{sessions.sessions} of {plural(goal, 'session')}", "bold"),
            " — goal met." if sessions.met else ".",
        )
    )
    if now_day_count >= 7 and not any(isinstance(entry, WeeklyCheck) for entry in entries):
        lines.append(Content.styled("Your weekly check is due: open the Journal and press w.", "$accent"))
    return lines


class HomeScreen(TrainerScreen):
    SUB_TITLE = "Home"
    suggestion: Suggestion | None = None
    CSS_PATH = "home.tcss"
    BINDINGS = [
        Binding("s", "open('start')", "Start"),
        Binding("c", "open('check-in')", "Check in"),
        Binding("j", "open('journal')", "Journal"),
        Binding("l", "open('library')", "Library"),
        Binding("t", "open('tips')", "Tips"),
        Binding("o", "open('settings')", "Settings", show=False),
        Binding("v", "review", "Review"),
        Binding("t", "tips", "Tips", show=False),  # while v shows: at 80 columns the footer has room for one
        Binding("q", "app.quit", "Quit"),
    ]
    due_review: ReviewQuestions | None = None
    """The programme's review that is due now (``v`` opens it; the key shows only then)."""

    def compose_body(self) -> ComposeResult:
        catalog = self.services.catalog
        with Vertical(id="home"):
            yield Static(
                "A calm coach for a sore lower back: short guided exercise sessions, "
                "a pain journal, and plain self-care advice based on published guidelines.",
                id="intro",
            )
            yield OptionList(
                *(Option(menu_prompt(key, title, text), id=option_id) for option_id, key, title, text in MENU),
                id="menu",
            )
            yield Static(id="suggestion")
            yield Static(id="week")
            if catalog.messages:
                day = self.services.today().toordinal()
                message = catalog.messages[day % len(catalog.messages)]
                yield Static(literal(message.text), id="message")
            yield Static(literal(catalog.safety.stop_rule_short), id="stop-rule")

    def on_mount(self) -> None:
        message = self.query("#message")
        if message:
            message.first().border_title = "Worth knowing"
        self.query_one("#week").border_title = "Your week"
        self.refresh_week()

    def on_screen_resume(self) -> None:
        self.refresh_week()

    def on_resize(self) -> None:
        """The 'worth knowing' message only shows when there is room for it (Tips has them all);
        on the smallest terminals the introduction goes too."""
        self.set_class(self.size.height < 30, "-short")
        self.set_class(self.size.height < 24, "-tiny")

    def refresh_week(self) -> None:
        journal = self.services.journal
        now = self.services.now()
        try:
            looked_back = journal.entries(since=now - timedelta(days=LOOK_BACK_DAYS))
            first = journal.first_entries(days=0)
        except JournalError as error:  # the folder cannot be listed: say so, show Home without the journal
            looked_back, first = [], []
            self.notify(f"Could not read the journal: {error}", severity="error", timeout=20)
        recent = [entry for entry in looked_back if entry.at >= now - timedelta(days=7)]
        days_of_use = (now - first[-1].at).days if first else 0
        catalog = self.services.catalog
        self.suggestion = suggest(catalog.routines, catalog.suggestions, looked_back, now)
        if self.suggestion is not None:
            routine = self.suggestion.routine
            minutes = format_minutes(self.services.plans.for_routine(routine).total_seconds)
            self.query_one("#suggestion", Static).update(
                Content.assemble(
                    ("Suggested: ", "$text-muted"),
                    literal(routine.name, "bold"),
                    f" ({minutes}), {self.suggestion.reason}. Any routine starts from the Library.",
                )
            )
        goal = self.services.settings.current.sessions_per_week_goal
        week = this_week(looked_back, now.date(), goal)  # (Monday is at most 6 days back: it is in looked_back)
        lines = week_summary(recent, goal, days_of_use, now.date(), week)
        if journal.problems:
            lines.append(Content.styled("A journal file cannot be read: open the Journal for details.", "$warning"))
        self.query_one("#week", Static).update(Content("\n").join(lines))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.action_open(event.option.id)

    def action_open(self, target: str) -> None:
        # Screens are imported on first use: the Library (DataTable), Tips (Markdown)
        # and Journal modules add time to start-up that nobody waiting for Home should pay.
        if target == "help":
            self.open_help()
        elif target == "start":
            if self.suggestion is not None:
                begin_session(self, routine=self.suggestion.routine)
        elif target in ("check-in", "journal"):
            from trainer.screens.journal import JournalScreen

            self.app.push_screen(JournalScreen("check-in" if target == "check-in" else "trends"))
        elif target == "library":
            from trainer.screens.library import LibraryScreen

            self.app.push_screen(LibraryScreen())
        elif target == "tips":
            from trainer.screens.tips import TipsScreen

            self.app.push_screen(TipsScreen())
        elif target == "settings":
            from trainer.screens.settings import SettingsScreen

            self.app.push_screen(SettingsScreen())

    def action_go_back(self) -> None:
        """Home is the bottom of the stack: Esc stays here, q quits."""

    # --- the coach's review ----------------------------------------------------------

    @on(ScreenResume)
    def _look_for_a_review(self) -> None:
        """Each time Home shows: is a review due? (``v`` is offered only then.)"""
        try:
            self.due_review = self.services.coach.review_due()
        except JournalError:
            self.due_review = None  # refresh_week says the journal cannot be read
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """v shows only while a review is due, and then in place of t in the footer (t still opens Tips)."""
        due = self.due_review is not None
        if action in ("review", "tips"):
            return due
        if action == "open" and parameters == ("tips",):
            return not due
        return True

    def action_tips(self) -> None:
        self.action_open("tips")

    def action_review(self) -> None:
        if self.due_review is not None:
            from trainer.screens.review import ReviewScreen

            self.app.push_screen(ReviewScreen(self.due_review))
