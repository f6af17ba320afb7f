"""Library: every exercise, filterable and searchable, and every routine."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Select, Static, TabbedContent, TabPane

from trainer.catalog.models import CATEGORIES, LEVELS, Exercise
from trainer.catalog.search import NO_EQUIPMENT, ExerciseFilter
from trainer.screens.exercise import ExerciseScreen
from trainer.screens.routine import RoutineScreen
from trainer.screens.type_to_search import SearchableScreen
from trainer.widgets.literal import cell, literal
from trainer.wording import format_minutes


def _options(any_label: str, values: Sequence[str], none_label: str | None = None) -> list[tuple[str, str]]:
    options = [(any_label, "")]
    if none_label:
        options.append((none_label, NO_EQUIPMENT))
    options += [(value.capitalize(), value) for value in values]
    return options


class LibraryScreen(SearchableScreen):
    SUB_TITLE = "Library"
    SEARCH = "#search"
    RESULTS = "#exercise-table"
    CSS_PATH = "library.tcss"
    BINDINGS = [
        Binding("slash", "search", "Search", key_display="/"),
        Binding("e", "show_tab('exercises')", "Exercises"),
        Binding("r", "show_tab('routines')", "Routines"),
    ]

    def compose_body(self) -> ComposeResult:
        catalog = self.services.catalog
        exercises = list(catalog.exercises.values())
        areas = sorted({area for exercise in exercises for area in exercise.body_areas})
        equipment = sorted({item for exercise in exercises for item in exercise.equipment})
        with TabbedContent(id="library-tabs", initial="exercises"):
            with TabPane("Exercises", id="exercises"):
                with Vertical():
                    yield Input(
                        placeholder="Search: type a word, e.g. stretch or glutes",
                        id="search",
                        compact=True,
                        select_on_focus=False,
                    )
                    with Horizontal(id="filters"):
                        yield Select(
                            _options("Any category", list(CATEGORIES)),
                            allow_blank=False,
                            id="category",
                            tooltip="Category",
                            compact=True,
                        )
                        yield Select(_options("Any body area", areas), allow_blank=False, id="body_area", compact=True)
                        yield Select(
                            _options("Any equipment", equipment, "No equipment"),
                            allow_blank=False,
                            id="equipment",
                            compact=True,
                        )
                        yield Select(_options("Any level", list(LEVELS)), allow_blank=False, id="level", compact=True)
                    yield DataTable(id="exercise-table", cursor_type="row", zebra_stripes=True)
                    yield Static(id="exercise-count")
            with TabPane("Routines", id="routines"):
                with Vertical():
                    yield DataTable(id="routine-table", cursor_type="row", zebra_stripes=True)
                    yield Static(id="routine-summary")

    def on_mount(self) -> None:
        table = self.query_one("#exercise-table", DataTable)
        table.add_column("Exercise", key="name")
        table.add_column("Category", key="category")
        table.add_column("Level", key="level")
        table.add_column("Equipment", key="equipment")
        self._show_exercises(self._all_exercises())
        self._fill_routines()
        table.focus()

    # --- exercises ---------------------------------------------------------

    def current_filter(self) -> ExerciseFilter:
        def value(select_id: str) -> str:
            selected = self.query_one(f"#{select_id}", Select).value
            return selected if isinstance(selected, str) else ""

        return ExerciseFilter(
            text=self.query_one("#search", Input).value,
            category=value("category"),
            body_area=value("body_area"),
            equipment=value("equipment"),
            level=value("level"),
        )

    def _show_exercises(self, shown: list[Exercise]) -> None:
        table = self.query_one("#exercise-table", DataTable)
        table.clear()
        for exercise in shown:
            table.add_row(
                cell(exercise.name),
                exercise.category,
                exercise.level,
                ", ".join(exercise.equipment) or "none",
                key=exercise.id,
            )
        total = len(self.services.catalog.exercises)
        count = self.query_one("#exercise-count", Static)
        if shown:
            count.update(f"{len(shown)} of {total} exercises · Enter opens one")
        else:
            count.update(f"No exercise matches (of {total}). Change the search or set a filter back to 'Any'.")

    @on(Input.Changed, "#search")
    @on(Select.Changed)
    def _refilter(self) -> None:
        self._show_exercises(self.current_filter().apply(self._all_exercises()))

    def _all_exercises(self) -> list[Exercise]:
        return sorted(self.services.catalog.exercises.values(), key=lambda exercise: exercise.name.casefold())

    @on(DataTable.RowSelected, "#exercise-table")
    def _open_exercise(self, event: DataTable.RowSelected) -> None:
        exercise_id = event.row_key.value
        if exercise_id:
            self.app.push_screen(ExerciseScreen(self.services.catalog.exercises[exercise_id]))

    def search_is_active(self) -> bool:
        return self.query_one(TabbedContent).active == "exercises"

    def action_search(self) -> None:
        self.action_show_tab("exercises")
        super().action_search()

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.query_one("#exercise-table" if tab == "exercises" else "#routine-table").focus()

    # --- routines ----------------------------------------------------------

    def on_screen_resume(self) -> None:
        """Back from an exercise whose dose may have changed: the lengths follow it."""
        self._fill_routines()

    def _fill_routines(self) -> None:
        catalog, plans = self.services.catalog, self.services.plans  # lengths with the person's own doses
        table = self.query_one("#routine-table", DataTable)
        if not table.columns:
            table.add_column("Routine", key="name")
            table.add_column("Time", key="time")
            table.add_column("Level", key="level")
            table.add_column("Exercises", key="count")
        cursor = table.cursor_row
        table.clear()
        for routine in catalog.routines.values():
            plan = plans.for_routine(routine)
            table.add_row(
                cell(routine.name),
                Text(format_minutes(plan.total_seconds), justify="right"),
                routine.level,
                Text(str(len(routine.items)), justify="right"),
                key=routine.id,
            )
        table.move_cursor(row=cursor, animate=False)

    @on(DataTable.RowHighlighted, "#routine-table")
    def _describe_routine(self, event: DataTable.RowHighlighted) -> None:
        routine = self.services.catalog.routines.get(event.row_key.value or "")
        if routine is not None:
            self.query_one("#routine-summary", Static).update(literal(f"{routine.summary}\n{routine.when_to_use}"))

    @on(DataTable.RowSelected, "#routine-table")
    def _open_routine(self, event: DataTable.RowSelected) -> None:
        routine_id = event.row_key.value
        if routine_id:
            self.app.push_screen(RoutineScreen(self.services.catalog.routines[routine_id]))
