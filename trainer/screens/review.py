"""A review of the programme (weeks 2, 6 and 12 of the bundled one): look back, rate the goals, choose what next.

A thin view of ``ReviewQuestions`` (``trainer.engine.review``, through ``services.coach.review_due``): the
weekly check, the pain since the start (the journal's meaningful-change rule), sessions done against planned,
each goal in the person's own words with a 0-10 rating, and the coach's suggestion with its reasons; "see a
professional" shows the help lists. The person chooses the outcome and may add a note; ``coach.save_review``
records it, and easing off steps every exercise one rung down (the screen then says what changed).

The review opens from Home (``v``, while one is due) and is offered once a run after a session or a check-in
(``coach_steps.offer_review``).
"""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, RadioButton, RadioSet, Static, TextArea

from trainer.engine.ladders import Standing, dose_label
from trainer.engine.review import ReviewQuestions, ease_off_decisions
from trainer.journal.coach_models import GOAL_RATING_QUESTION, REVIEW_OUTCOME_LABELS, REVIEW_OUTCOMES, ReviewOutcome
from trainer.journal.describe import entry_summary
from trainer.journal.errors import JournalError
from trainer.journal.models import NOTES_MAX, WeeklyCheck
from trainer.screens.base import TrainerScreen
from trainer.screens.dialogs import ConfirmScreen, NoticeScreen
from trainer.screens.help_lists import help_list_section, numbers_line
from trainer.screens.proposal import VERDICT_MARKS
from trainer.screens.weekly_check import WeeklyCheckScreen
from trainer.text_rules import forbidden_problem
from trainer.widgets.bullets import BulletList
from trainer.widgets.literal import literal
from trainer.widgets.pain_scale import NumberScale
from trainer.wording import format_date, plural

OUTCOME_MARKS: dict[ReviewOutcome, tuple[str, str]] = {
    "keep-going": ("✓", "$success"),
    "ease-off": ("↓", "$warning"),
    "see-professional": ("!", "$error"),
}
"""A shape beside each outcome's words, so the suggestion reads without colour."""

PROFESSIONAL_WORDS = (
    "The coach cannot examine you: a physiotherapist or your doctor can. These lists help you decide how soon "
    "to get checked; they do not diagnose."
)
HELP_POINTER = "The 'When to get help' lists are at the end of this review (End goes there); h opens them too."
REPORT_COMMAND = "backtrainer export --format md --out back-report.md"


def outcome_title(outcome: ReviewOutcome) -> str:
    label = REVIEW_OUTCOME_LABELS[outcome]
    return label[:1].upper() + label[1:]


def doses_changed(before: Standing | None, after: Standing | None) -> list[str]:
    """``Bird-dog: 1x8 each side → 1x6 each side`` for each ladder whose rung moved between the two."""
    if before is None or after is None:
        return []
    changes = []
    for ladder in after.ladders():
        old, new = before.rung(ladder), after.rung(ladder)
        if old != new:
            name = after.exercises[ladder.exercise].name
            changes.append(f"{name}: {dose_label(before.dose(ladder))} → {dose_label(after.dose(ladder))}")
    return changes


class ReviewScreen(TrainerScreen):
    SUB_TITLE = "Review"
    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save review"),
        Binding("w", "weekly_check", "Weekly check"),
        Binding("q", "go_back", "Later"),
    ]

    def __init__(self, questions: ReviewQuestions) -> None:
        super().__init__()
        self.questions = questions
        self.sub_title = f"Week {questions.week} review"
        self._chosen: ReviewOutcome = questions.suggested
        self._chosen_by_hand = False

    # --- layout --------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        questions = self.questions
        with VerticalScroll(id="review"):
            yield Static(literal(questions.point.title), id="review-title")
            yield Static(
                Content(
                    f"Due since {format_date(questions.due_since, self.services.today())}. What your journal "
                    "shows, how your goals are going, and what comes next: you choose, and nothing changes "
                    "until you save. PgDn reads on; Tab goes to each question."
                ),
                id="review-intro",
            )
            yield self._box("pain", "Your pain since you started", Static(id="trend"))
            yield self._box("sessions", "Sessions", Static(id="sessions-text"))
            yield self._box("weekly", "Weekly check", Static(id="weekly-text"))
            yield self._box("goals", "Your goals", *self._goal_widgets())
            yield self._box("suggestion", "The coach suggests", Vertical(id="suggestion-body"))
            yield Static(Content(HELP_POINTER), id="help-pointer")
            yield Static(Content("What would you like to do?"), classes="question", id="outcome-question")
            with RadioSet(id="outcome", compact=True):
                for outcome in REVIEW_OUTCOMES:
                    yield RadioButton(self._outcome_label(outcome), name=outcome, value=outcome == self._chosen)
            yield Static(id="outcome-detail")
            yield Static(Content("A note for yourself, if you like (optional)"), classes="question", id="notes-label")
            yield TextArea(id="review-notes", soft_wrap=True, compact=True)
            yield Static(id="review-error")
            with Horizontal(id="review-buttons"):
                yield Button("Save review (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Later (q)", id="later", compact=True)
            with Vertical(id="help-lists"):  # last: the choice comes first, the lists are a key (End) away
                yield Static(Content("When to get help"), id="help-title")
                yield Static(Content(PROFESSIONAL_WORDS), id="professional-words")
                yield Static(numbers_line(self.services.catalog.safety), id="numbers")
                for help_list in self.services.catalog.safety.help_lists:
                    yield help_list_section(help_list)

    @staticmethod
    def _box(box_id: str, title: str, *children: Widget) -> Vertical:
        box = Vertical(*children, id=box_id, classes="review-box")
        box.border_title = title
        return box

    def _goal_widgets(self) -> list[Widget]:
        questions = self.questions
        if not questions.goals:
            return [
                Static(
                    Content("You have not set a goal. Goals in your own words can be added in getting started."),
                    classes="hint",
                )
            ]
        widgets: list[Widget] = []
        for number, goal in enumerate(questions.goals):
            by = f"  by {format_date(goal.target, self.services.today())}" if goal.target is not None else ""
            widgets.append(
                Static(Content.assemble(literal(goal.text, "bold"), (by, "$foreground-muted")), classes="goal-text")
            )
            last = questions.last_ratings.get(goal.text)
            question = GOAL_RATING_QUESTION.split(" (")[0] + (f" Last time: {last}/10." if last is not None else "")
            widgets.append(Static(Content(question), classes="hint"))
            scale = NumberScale("I cannot do it yet", "easily", optional=True, coloured=False, id=f"goal-{number}")
            widgets.append(scale)
        return widgets

    def _outcome_label(self, outcome: ReviewOutcome) -> str:
        suggested = " (suggested)" if outcome == self.questions.suggested else ""
        return f"{outcome_title(outcome)}{suggested}"

    async def on_mount(self) -> None:
        await self._show_questions()
        self.query_one("#review").focus()  # the findings read first; Tab goes to the questions

    # --- what the review shows -------------------------------------------------------

    async def _show_questions(self) -> None:
        """Fill the parts that a new weekly check can change (everything but the goals and the answers)."""
        questions = self.questions
        self.query_one("#trend", Static).update(literal(questions.trend))
        self.query_one("#sessions-text", Static).update(self._sessions_text())
        self.query_one("#weekly-text", Static).update(self._weekly_text())
        body = self.query_one("#suggestion-body", Vertical)
        await body.remove_children()
        mark, style = OUTCOME_MARKS[questions.suggested]
        await body.mount_all(
            [
                Static(Content.styled(f"{mark} {outcome_title(questions.suggested)}", f"bold {style}"), id="suggested"),
                BulletList(questions.reasons, id="reasons"),
            ]
        )
        for button in self.query(RadioButton):
            outcome: ReviewOutcome = button.name  # type: ignore[assignment]
            button.label = self._outcome_label(outcome)
        if not self._chosen_by_hand and self._chosen != questions.suggested:
            self._chosen = questions.suggested  # (first, so the button's change is not taken as the person's)
            for button in self.query(RadioButton):
                if button.name == questions.suggested:
                    button.value = True
        self._show_outcome()
        self.refresh_bindings()

    def _sessions_text(self) -> Content:
        questions = self.questions
        planned = questions.sessions_planned
        lines = [
            Content(
                f"You did {questions.sessions_done} of the {plural(planned, 'session')} planned for weeks 1 to "
                f"{questions.week}."
            )
        ]
        judged = sum(questions.colours.values())
        programme = self.services.coach.programme
        first = programme is None or not programme.reviews or programme.reviews[0] == questions.point
        since = "Since you started" if first else "Since your last review"
        if judged:
            parts = []
            for colour in ("green", "amber", "red"):
                mark, word, style = VERDICT_MARKS[colour]
                parts.append(Content.styled(f"{mark} {questions.colours.get(colour, 0)} {word.lower()}", style))
            lines.append(Content.assemble(f"{since}, by the pain rule: ", Content("   ").join(parts)))
        else:
            lines.append(Content(f"{since}, no session had pain figures to judge by the pain rule."))
        return Content("\n").join(lines)

    def _weekly_text(self) -> Content:
        questions = self.questions
        latest = questions.latest_weekly
        lines = []
        if latest is not None:
            when = format_date(latest.at.date(), self.services.today())
            lines.append(Content.assemble((f"{when}: ", "bold"), literal(entry_summary(latest))))
        if questions.weekly_check_due:
            lines.append(
                Content.styled(
                    "No weekly check in the last 7 days: press w to answer its three questions now "
                    "(the suggestion takes it into account).",
                    "$accent",
                )
            )
        return Content("\n").join(lines)

    def _show_outcome(self) -> None:
        shown = "see-professional" in (self._chosen, self.questions.suggested)
        self.query_one("#help-lists").display = shown
        self.query_one("#help-pointer").display = shown
        self.query_one("#outcome-detail", Static).update(Content(self._outcome_words(self._chosen)))

    def _outcome_words(self, outcome: ReviewOutcome) -> str:
        if outcome == "keep-going":
            return "Your doses stay as they are, and the coach carries on adjusting them with you after sessions."
        if outcome == "see-professional":
            return (
                "Your doses stay as they are. Make an appointment with a physiotherapist or your doctor to talk "
                f"about how it is going, and take your journal along: in a shell, {REPORT_COMMAND} writes a "
                "report of it."
            )
        coach = self.services.coach
        standing = coach.standing()
        changes = ease_off_decisions(standing, self.questions.week, self.services.now()) if standing else []
        if not changes:
            return "Your exercises are already on their easiest step, so easing off changes no dose."
        first = changes[0]
        return (
            f"Each of your {plural(len(changes), 'exercise')} goes one step easier from your next session "
            f"(such as {first.name} {first.from_dose} → {first.to_dose}). Saving shows every change."
        )

    # --- answers -------------------------------------------------------------------------

    @on(RadioSet.Changed, "#outcome")
    def _outcome_changed(self, event: RadioSet.Changed) -> None:
        chosen: ReviewOutcome = event.pressed.name  # type: ignore[assignment]
        if chosen != self._chosen:
            self._chosen, self._chosen_by_hand = chosen, True
            self._show_outcome()

    @property
    def unsaved(self) -> bool:
        """Something was rated, chosen or written that is not saved."""
        rated = any(scale.value is not None for scale in self.query(NumberScale))
        written = bool(self.query_one("#review-notes", TextArea).text.strip())
        return rated or written or self._chosen_by_hand

    def ratings(self) -> dict[str, int]:
        scales = {scale.id: scale.value for scale in self.query(NumberScale)}
        return {
            goal.text: value
            for number, goal in enumerate(self.questions.goals)
            if (value := scales.get(f"goal-{number}")) is not None
        }

    def _error(self, message: str) -> None:
        error = self.query_one("#review-error", Static)
        error.update(Content.styled(message, "bold $error"))
        error.display = bool(message)

    def action_save(self) -> None:
        notes = self.query_one("#review-notes", TextArea).text.strip()
        problem = forbidden_problem(notes, multiline=True)
        if problem is None and len(notes) > NOTES_MAX:
            problem = f"it can be at most {NOTES_MAX} characters ({len(notes)} now)"
        if problem is not None:
            self._error(f"The note cannot be saved: {problem}.")
            self.query_one("#review-notes").focus()
            return
        coach = self.services.coach
        before = coach.standing()
        try:
            coach.save_review(self.questions, self.ratings(), self._chosen, notes)
        except JournalError as error:
            self._error(f"Could not save the review: {error}")
            self.notify(f"Could not save the review: {error}", severity="error", timeout=20)
            return
        except ValidationError as error:  # what the checks above leave to the model
            self._error(f"The review cannot be saved: {error.errors()[0]['msg']}.")
            return
        self._error("")
        self._saved(doses_changed(before, coach.standing()))

    def _saved(self, changes: list[str]) -> None:
        week = self.questions.week
        if self._chosen == "ease-off" and changes:
            title, message = "Review saved: easing off", "Each exercise is one step easier from your next session:"
        elif self._chosen == "ease-off":
            title, message = "Review saved", "Your exercises were already on their easiest step, so no dose changed."
        elif self._chosen == "see-professional":
            title, message = "Review saved", self._outcome_words("see-professional") + " h shows the help lists."
        else:
            title, message = "Review saved", "Keep going: your doses stay as they are."
        self.app.push_screen(NoticeScreen(f"{title} (week {week})", message, changes), lambda _: self.dismiss())

    # --- the weekly check, and leaving ---------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "weekly_check":
            return self.questions.weekly_check_due and not self.services.journal.read_only
        return True

    def action_weekly_check(self) -> None:
        self.app.push_screen(WeeklyCheckScreen(self.services.now()), self._weekly_done)

    async def _weekly_done(self, check: WeeklyCheck | None) -> None:
        if check is None:
            return
        try:
            self.services.journal.add(check)
            asked = self.services.coach.review_due()
        except JournalError as error:
            self.notify(f"Could not save the weekly check: {error}", severity="error", timeout=15)
            return
        self.notify("Weekly check saved.")
        if asked is not None and asked.week == self.questions.week:
            self.questions = asked
            await self._show_questions()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#later")
    def _later_pressed(self) -> None:
        self.action_go_back()

    def action_go_back(self) -> None:
        """Later: the review stays due; what was typed is never dropped without asking."""
        if not self.unsaved:
            self.dismiss()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss()

        self.app.push_screen(
            ConfirmScreen(
                "Leave the review?",
                "Your answers are not saved. The review stays due until you save it.",
                yes="Leave",
                no="Keep going",
            ),
            answered,
        )
