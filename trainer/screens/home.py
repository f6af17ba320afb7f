"""Home: what the app is, how the week is going, and the ways into everything."""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from trainer.engine.insights import WeekCount, this_week
from trainer.engine.suggest import LOOK_BACK_DAYS, Suggestion, suggest
from trainer.engine.today import Today
from trainer.journal.errors import JournalError
from trainer.journal.models import AnyEntry, CheckIn, SessionRecord, WeeklyCheck
from trainer.screens.base import TrainerScreen
from trainer.screens.home_menu import INTRO, MENU, ROOMY, RUNNING_MENU, fit_to_height, menu_prompt
from trainer.screens.home_today import TodayBox
from trainer.screens.start import begin_session
from trainer.widgets.literal import literal
from trainer.wording import THIS_WEEK, format_minutes, format_moment, plural


def week_summary(entries: list[AnyEntry], goal: int, today: date, week: WeekCount | None = None) -> list[Content]:
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
    return lines


def home_notices(entries: list[AnyEntry], now_day_count: int, unreadable: bool) -> list[Content]:
    """Home's notices: the weekly check when it is due, and a journal file that cannot be read. They show in
    Your week, or in Today while a programme runs (Your week may give way to it on a short terminal)."""
    notices = []
    logged = any(isinstance(entry, (CheckIn, SessionRecord)) for entry in entries)
    if logged and now_day_count >= 7 and not any(isinstance(entry, WeeklyCheck) for entry in entries):
        notices.append(Content.styled("Your weekly check is due: open the Journal and press w.", "$accent"))
    if unreadable:
        notices.append(Content.styled("A journal file cannot be read: open the Journal for details.", "$warning"))
    return notices


class HomeScreen(TrainerScreen):
    SUB_TITLE = "Home"
    DEFAULT_CLASSES = "home"  # (home.tcss, which the app loads: its launch frame shares it)
    suggestion: Suggestion | None = None
    today: Today | None = None
    BINDINGS = [
        Binding("s", "open('start')", "Start"),
        Binding("c", "open('check-in')", "Check in"),
        Binding("j", "open('journal')", "Journal"),
        Binding("l", "open('library')", "Library"),
        Binding("p", "open('get-started')", "Get started"),
        Binding("p", "open('programme')", "Programme"),
        Binding("t", "open('tips')", "Tips", show=False),
        Binding("o", "open('settings')", "Settings", show=False),
        Binding("v", "review", "Review"),
        Binding("p", "open('your-programme')", "Programme", show=False),  # while v shows in its place
        Binding("q", "app.quit", "Quit"),
    ]
    """The programme's review that is due now (``v`` opens it; the key shows only then)."""

    def compose_body(self) -> ComposeResult:
        catalog = self.services.catalog
        with Vertical(id="home"):
            yield Static(INTRO, id="intro")
            offered = catalog.default_programme is not None or self.services.coach.programme is not None
            yield OptionList(
                *(
                    Option(menu_prompt(key, title, text), id=option_id)
                    for option_id, key, title, text in MENU
                    if option_id != "programme" or offered
                ),
                id="menu",
            )
            yield Static(id="suggestion")
            yield TodayBox(id="today")
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
        on the smallest terminals the introduction goes too, and on short ones once the journal has
        something in it (Home's first visit keeps it). With a programme, Today comes first: below ``ROOMY``
        rows the introduction and the message give way, on short terminals Your week too."""
        fit_to_height(self, self.size.height)
        # the texts that are longer with room (after this layout: a change of height needs another)
        self.call_after_refresh(self._show_suggestion)
        self.call_after_refresh(self.query_one(TodayBox).set_detailed, self.size.height >= ROOMY)

    def _show_suggestion(self) -> None:
        """The suggestion, and on a short terminal without the reminder that the Library starts any routine."""
        if self.suggestion is None:
            return
        routine = self.suggestion.routine
        minutes = format_minutes(self.services.plans.for_routine(routine).total_seconds)
        more = "" if self.has_class("-short") else " Any routine starts from the Library."
        self.query_one("#suggestion", Static).update(
            Content.assemble(
                ("Suggested: ", "$foreground-muted"),
                literal(routine.name, "bold"),
                f" ({minutes}), {self.suggestion.reason}.{more}",
            )
        )

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
        self._show_suggestion()
        self.set_class(bool(first), "-returning")
        goal = self.services.settings.current.sessions_per_week_goal
        week = this_week(looked_back, now.date(), goal)  # (Monday is at most 6 days back: it is in looked_back)
        lines = week_summary(recent, goal, now.date(), week)
        notices = home_notices(recent, days_of_use, bool(journal.problems))
        self.refresh_today(notices)
        self.query_one("#week", Static).update(Content("\n").join(lines + ([] if self.today else notices)))

    def refresh_today(self, notices: list[Content]) -> None:
        """While a programme runs, Today takes the suggestion's place (unless no routine of it suits), and
        two rows of the menu say what they do then."""
        now = self.services.now()
        try:
            self.today = self.services.coach.today(now)
        except JournalError:  # refresh_week has said the journal cannot be read
            self.today = None
        box = self.query_one(TodayBox)
        box.display = self.today is not None
        if self.today is not None:
            box.show(self.today, now.date(), notices)
        self.query_one("#suggestion").display = self.today is None or self.today.routine is None
        self.set_class(self.today is not None, "-coach")
        menu = self.query_one("#menu", OptionList)
        listed = {option.id for option in menu.options}
        for option_id, key, title, text in MENU:
            if option_id in RUNNING_MENU and option_id in listed:
                shown = RUNNING_MENU[option_id] if self.today is not None else (title, text)
                menu.replace_option_prompt(option_id, menu_prompt(key, *shown))
        self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.action_open(event.option.id)

    def action_open(self, target: str) -> None:
        # Screens are imported on first use: the Library (DataTable), Tips (Markdown)
        # and Journal modules add time to start-up that nobody waiting for Home should pay.
        if target == "help":
            self.open_help()
        elif target == "start":
            if self.today is not None and self.today.routine is not None:
                begin_session(self, routine=self.today.routine)  # the plan builder plays it the programme's way
            elif self.suggestion is not None:
                begin_session(self, routine=self.suggestion.routine)
        elif target in ("programme", "your-programme", "get-started"):
            from trainer.screens.getting_started import GettingStartedScreen

            self.app.push_screen(GettingStartedScreen())
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """One p shows: 'Get started' before a programme, 'Programme' while one runs; while a review is due,
        'v Review' takes the footer's place of 'p Programme' (at 80 columns there is room for one; p still works)."""
        due = self.today is not None and self.today.review_due  # the review itself is read when v is pressed
        if action == "review":
            return due
        if action == "open" and parameters == ("get-started",):
            return self.today is None and self.services.catalog.default_programme is not None
        if action == "open" and parameters == ("programme",):
            return self.today is not None and not due
        if action == "open" and parameters == ("your-programme",):
            return self.today is not None and due
        return True

    def action_review(self) -> None:
        try:
            questions = self.services.coach.review_due()
        except JournalError as error:
            self.notify(f"Could not read the journal: {error}", severity="error")
            return
        if questions is not None:
            from trainer.screens.review import ReviewScreen

            self.app.push_screen(ReviewScreen(questions))
