"""Journal: check in, look back over entries, and see the trends."""

from __future__ import annotations

from datetime import timedelta

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import TabbedContent, TabPane, Tabs

from trainer.engine.leg_symptoms import LegNotice, leg_notice
from trainer.journal.errors import JournalError, JournalProblem
from trainer.journal.models import AnyEntry, CheckIn, SessionRecord, WeeklyCheck
from trainer.screens.base import TrainerScreen
from trainer.screens.coach_steps import after_morning_answer, offer_review
from trainer.screens.dialogs import ConfirmScreen, HelpNoticeScreen
from trainer.screens.help import HelpScreen
from trainer.screens.journal_entries import EntriesPane, EntryChoice, EntryScreen, NeedsDays
from trainer.screens.journal_export import offer_export, shown_in_browser
from trainer.screens.journal_form import CheckInForm, MorningQuestion
from trainer.screens.journal_problems import SET_ASIDE_KEY, ProblemsBox
from trainer.screens.journal_trends import GoalChosen, TrendsPane
from trainer.screens.session_edit import SessionEditScreen
from trainer.screens.weekly_check import WeeklyCheckScreen
from trainer.wording import format_moment, plural

UNDO_NOTICE_SECONDS = 12
"""How long the 'Press u to undo' notice stays (u works until the Journal closes)."""

FIRST_LOAD_DAYS = 45
"""Days read when the screen opens: the 30-day views and their 7-day averages. Longer views read more."""

PERIOD_MARGIN_DAYS = 10
"""Extra days read before a period, for the 7-day average at its start."""


class JournalScreen(TrainerScreen):
    SUB_TITLE = "Journal"
    CSS_PATH = "journal.tcss"
    BINDINGS = [
        # the tab titles name these keys, so the footer has room for the keys of each tab
        Binding("c", "show_tab('check-in')", "Check in", show=False),
        Binding("e", "show_tab('entries')", "Entries", show=False),
        Binding("t", "show_tab('trends')", "Trends", show=False),
        Binding("w", "weekly_check", "Weekly check"),
        Binding("u", "undo_delete", "Undo delete"),
        Binding(SET_ASIDE_KEY, "set_aside", "Set damaged file aside"),
        Binding("ctrl+s", "save", "Save", show=False),
        # x exports; in a browser the footer says so (a download is the only way a file reaches the person)
        Binding("x", "export('download')", "Export"),
        Binding("x", "export('file')", "Export", show=False),
    ]

    def __init__(self, tab: str = "check-in") -> None:
        super().__init__()
        self.initial_tab = tab
        self.loaded_days = FIRST_LOAD_DAYS
        """How far back the entries in memory go (0: all of them)."""
        self.recent: list[AnyEntry] = []
        self.entries: list[AnyEntry] = []
        self.deleted: AnyEntry | None = None
        """The entry deleted last, while u can still bring it back (until the screen closes)."""

    def compose_body(self) -> ComposeResult:
        # Only the first tab's content is built now; the others when first shown (see _build_tab),
        # so the screen opens quickly whichever tab it opens on.
        yield ProblemsBox(id="journal-problems")
        with TabbedContent(id="journal-tabs", initial=self.initial_tab):
            for tab_id, title in (("check-in", "Check in (c)"), ("entries", "Entries (e)"), ("trends", "Trends (t)")):
                with TabPane(title, id=tab_id):
                    if tab_id == self.initial_tab:
                        yield self._tab_content(tab_id)

    def _tab_content(self, tab: str) -> CheckInForm | EntriesPane | TrendsPane:
        if tab == "check-in":
            return CheckInForm(self.services.now, id="form")
        if tab == "entries":
            return EntriesPane(id="entry-list")
        return TrendsPane(id="trend-pane")

    async def _build_tab(self, tab: str) -> None:
        pane = self.query_one(f"TabPane#{tab}", TabPane)
        if not pane.children:
            await pane.mount(self._tab_content(tab))
            self._fill_panes()

    def on_mount(self) -> None:
        if self.initial_tab == "check-in":
            self.call_after_refresh(self.reload)  # the empty form needs no entries: show it first
        else:
            self.reload()
        self._focus_tab(self.initial_tab)
        if not self.services.journal.every_file_checked:  # once per run of the app
            self.set_timer(self.services.timings.journal_scan_delay, self._scan_every_file)

    @work(thread=True, exclusive=True, group="journal-scan")
    def _scan_every_file(self) -> None:
        """Look for damaged or newer files in the whole journal, not only the months shown."""
        try:
            problems = self.services.check_every_file()
        except JournalError:
            return  # the folder cannot be read: reload() has said so
        try:
            self.app.call_from_thread(self._checked_every_file, problems)
        except RuntimeError:
            pass  # the app has closed meanwhile

    def _checked_every_file(self, problems: list[JournalProblem]) -> None:
        self.services.journal.adopt_problems(problems)
        if problems and self.is_attached:  # (a closed screen has nothing to show them on; Home shows them)
            self._fill_panes()
            self._show_problems()

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        await self._build_tab(str(event.pane.id))

    # --- data ----------------------------------------------------------------

    def reload(self) -> None:
        """Read the journal again and refresh every pane."""
        journal = self.services.journal
        now = self.services.now()
        since = now - timedelta(days=self.loaded_days) if self.loaded_days else None
        try:
            recent = journal.entries(since=since)
            first = journal.first_entries(starting_with="check-in")
        except JournalError as error:
            self.notify(f"Could not read the journal: {error}", severity="error", timeout=15, markup=False)
            return
        self.recent = recent
        known = {entry.id for entry in recent}
        self.entries = recent + [entry for entry in first if entry.id not in known]
        self._fill_panes()
        self._show_problems()

    def _fill_panes(self) -> None:
        """Give the panes that exist the entries read last."""
        now = self.services.now()
        for entries_pane in self.query(EntriesPane):
            entries_pane.show(self.recent, now)
        for trends_pane in self.query(TrendsPane):
            trends_pane.show(self.entries, now.date(), self.services.settings.current.sessions_per_week_goal)
        for form in self.query(CheckInForm):
            form.disabled = self.services.journal.read_only
            form.ask_morning(self._morning_question())

    def _morning_question(self) -> MorningQuestion | None:
        """The coach's question at the first check-in on a day after a programme session."""
        coach = self.services.coach
        try:
            session = coach.morning_question()
        except JournalError:
            return None  # reload() has said the journal cannot be read
        return MorningQuestion(session, coach.morning_question_text(session)) if session is not None else None

    def _show_problems(self) -> None:
        for box in self.query(ProblemsBox):  # (none while the screen closes: the background scan may end then)
            box.show(self.services.journal.problems)
        self.refresh_bindings()  # "a" is offered while a damaged file is shown

    def action_set_aside(self) -> None:
        for box in self.query(ProblemsBox):
            box.set_aside_first()

    @on(ProblemsBox.SetAside)
    def _set_aside(self, event: ProblemsBox.SetAside) -> None:
        path = event.path

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                kept = self.services.journal.set_aside(path)
            except (JournalError, OSError) as error:
                self.notify(str(error), severity="error")
                return
            self.notify(f"The old file is kept as {kept.name}. New entries go into a fresh file.")
            self.reload()

        self.app.push_screen(
            ConfirmScreen(
                "Start a fresh journal file?",
                f"{path.name} will be renamed (nothing is deleted) and a new file started for its month. "
                "The entries in the old file will not show in the app; you or a helper can repair it later.",
                yes="Set it aside",
                no="Keep as is",
            ),
            confirmed,
        )

    # --- saving --------------------------------------------------------------

    def _write(self, action: str, write: object) -> bool:
        try:
            write()  # type: ignore[operator]
        except JournalError as error:
            self.notify(f"Could not {action}: {error}", severity="error", timeout=15)
            self._show_problems()
            return False
        return True

    @on(CheckInForm.Saved)
    async def _save_check_in(self, event: CheckInForm.Saved) -> None:
        journal = self.services.journal
        old, new = event.replaces, event.check_in
        if old is not None:
            saved = self._write("save the change", lambda: journal.update(old, new))
        else:
            saved = self._write("save the check-in", lambda: journal.add(new))
        if not saved:
            return
        self.notify(f"Saved: pain {new.pain_now}/10 for {format_moment(new.at, self.services.now())}.")
        event.form.reset()
        self.reload()
        if old is not None:  # an edit goes back to where it came from, the entry selected
            await self.action_show_tab("entries")
            self.query_one(EntriesPane).select(new.id)
        else:  # off the fields, so the tab keys (c, e, t) work again
            self.query_one(TabbedContent).query_one(Tabs).focus()
        self._after_check_in(leg_notice(new, old), event.asked, new.session_worse)

    @work(group="after-check-in")
    async def _after_check_in(
        self, notice: LegNotice | None, asked: MorningQuestion | None, worse: bool | None
    ) -> None:
        """After a check-in is saved: the word about leg symptoms first, then what the coach makes of the
        morning answer, then a review that has come due (each waits for the one before)."""
        safety = self.services.catalog.safety
        screen = None
        if notice is LegNotice.EMERGENCY:
            screen = HelpNoticeScreen(
                "Symptoms in both legs: get emergency help now",
                safety.leg_symptom_check,
                first=safety.help_list("emergency"),
            )
        elif notice is LegNotice.CHECK:
            screen = HelpNoticeScreen("About your leg symptoms", safety.leg_symptom_check)
        if screen is not None and await self.app.push_screen_wait(screen):
            await self.app.push_screen_wait(HelpScreen())
        if asked is not None and worse is not None:
            await after_morning_answer(self.app, asked.session, worse)
        else:
            await offer_review(self.app)

    def action_save(self) -> None:
        if self.query_one(TabbedContent).active == "check-in":
            for form in self.query(CheckInForm):
                form.save()

    def action_weekly_check(self, existing: WeeklyCheck | None = None) -> None:
        if self.services.journal.read_only:
            self.notify("This journal is read-only here.")
            return

        def done(check: WeeklyCheck | None) -> None:
            if check is None:
                return
            journal = self.services.journal
            if existing is not None:
                ok = self._write("save the change", lambda: journal.update(existing, check))
            else:
                ok = self._write("save the weekly check", lambda: journal.add(check))
            if ok:
                self.notify("Weekly check saved.")
                self.reload()

        self.app.push_screen(WeeklyCheckScreen(self.services.now(), existing), done)

    # --- entries -------------------------------------------------------------

    @on(EntriesPane.Opened)
    def _open_entry(self, event: EntriesPane.Opened) -> None:
        entry = event.entry

        async def chosen(choice: EntryChoice | None) -> None:
            if choice is EntryChoice.EDIT:
                await self._edit(entry)
            elif choice is EntryChoice.DELETE:
                self._confirm_delete(entry)

        self.app.push_screen(EntryScreen(entry), chosen)

    async def _edit(self, entry: AnyEntry) -> None:
        if isinstance(entry, CheckIn):
            await self.action_show_tab("check-in")
            self.query_one(CheckInForm).reset(entry)
        elif isinstance(entry, WeeklyCheck):
            self.action_weekly_check(entry)
        elif isinstance(entry, SessionRecord):
            self._edit_session(entry)

    def _edit_session(self, record: SessionRecord) -> None:
        """Pain after, the highest pain, effort and a note, added or changed later; the rest stays as recorded."""

        def done(updated: SessionRecord | None) -> None:
            if updated is not None and self._write(
                "save the change", lambda: self.services.journal.update(record, updated)
            ):
                self.notify("Session updated.")
                self.reload()
                self.query_one(EntriesPane).select(record.id)

        self.app.push_screen(SessionEditScreen(record), done)

    def _confirm_delete(self, entry: AnyEntry) -> None:
        def confirmed(yes: bool | None) -> None:
            if yes and self._write("delete", lambda: self.services.journal.delete(entry)):
                self.deleted = entry
                self.refresh_bindings()
                self.notify("Entry deleted. Press u to undo.", timeout=UNDO_NOTICE_SECONDS)
                self.reload()

        self.app.push_screen(
            ConfirmScreen(
                "Delete this entry?",
                f"The {entry.kind.replace('-', ' ')} of {format_moment(entry.at, self.services.now())} "
                "will be removed from your journal.",
                yes="Delete",
            ),
            confirmed,
        )

    def action_undo_delete(self) -> None:
        """Put the entry deleted last back, exactly as it was (same id)."""
        entry = self.deleted
        if entry is None:
            return
        if self._write("undo the delete", lambda: self.services.journal.add(entry)):
            self.deleted = None
            self.refresh_bindings()
            self.notify("The entry is back.")
            self.reload()
            for pane in self.query(EntriesPane):
                pane.select(entry.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Undo is offered (in the footer, on u) only after a delete; setting aside, while a damaged file shows;
        export (x) in the footer only in a browser."""
        if action == "undo_delete":
            return self.deleted is not None
        if action == "set_aside":
            return any(box.damaged for box in self.query(ProblemsBox))
        if action == "export":  # one x for each: the download (shown in the footer) or the file
            return (parameters == ("download",)) == shown_in_browser(self)
        return True

    def action_export(self, how: str) -> None:
        offer_export(self)

    @on(GoalChosen)
    def _goal_chosen(self, event: GoalChosen) -> None:
        self.services.settings.set_weekly_goal(event.goal)
        self.notify(f"Goal: {plural(event.goal, 'session')} a week.")
        self._fill_panes()

    @on(NeedsDays)
    def _needs_days(self, event: NeedsDays) -> None:
        """Read further back when a longer range or period is chosen (0 days: everything)."""
        if self.loaded_days == 0:
            return
        if event.days == 0:
            self.loaded_days = 0
        elif event.days + PERIOD_MARGIN_DAYS > self.loaded_days:
            self.loaded_days = event.days + PERIOD_MARGIN_DAYS
        else:
            return
        self.reload()

    # --- leaving -------------------------------------------------------------

    def action_go_back(self) -> None:
        """Back to Home; a check-in typed or changed but not saved is never dropped without asking."""
        form = next(iter(self.query(CheckInForm)), None)
        if form is None or not form.unsaved:
            self.dismiss()
            return
        before = self.focused
        editing = form.editing is not None

        async def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss()
                return
            await self.action_show_tab("check-in")
            if before is not None and before.is_attached and form in before.ancestors:
                before.focus()  # where the person was typing

        self.app.push_screen(
            ConfirmScreen(
                "Discard this check-in?",
                "Your changes to this check-in are not saved." if editing else "This check-in is not saved yet.",
                yes="Discard",
                no="Keep editing",
            ),
            answered,
        )

    # --- tabs ----------------------------------------------------------------

    async def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        await self._build_tab(tab)
        self._focus_tab(tab)

    def _focus_tab(self, tab: str) -> None:
        target = {"check-in": "#pain", "entries": "#entry-table", "trends": "#period"}[tab]
        self.query_one(target).focus()
