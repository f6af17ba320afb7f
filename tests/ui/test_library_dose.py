"""A person's own dose shows in the Library, and the exercise page and its dialogs fit 80x24."""

from __future__ import annotations

from textual.widgets import DataTable, Input, OptionList, Static

from trainer.screens.exercise import ExerciseScreen
from trainer.screens.home import HomeScreen
from trainer.screens.my_dose import MyDoseScreen
from trainer.screens.routine import RoutineScreen
from trainer.screens.session_dialogs import AfterSessionScreen
from trainer.wording import format_minutes


def footer_actions(app) -> set[str]:
    return {f"{binding.action}" for _, binding, enabled, _ in app.active_bindings.values() if enabled and binding.show}


def footer_keys(app) -> set[str]:
    return {key for key, (_, binding, enabled, _) in app.active_bindings.items() if enabled and binding.show}


async def open_exercise(pilot, name: str) -> ExerciseScreen:
    await pilot.press("l", "slash", *name, "enter", "enter")
    assert isinstance(pilot.app.screen, ExerciseScreen)
    return pilot.app.screen


async def test_a_dose_set_on_the_exercise_page_shows_in_the_routines_and_the_routine_page(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        plans = app.services.plans
        basics = app.services.catalog.routines["back-basics"]
        before = format_minutes(plans.for_routine(basics).total_seconds)
        await pilot.press("l", "r")
        routines = app.screen.query_one("#routine-table", DataTable)
        row = routines.get_row_index("back-basics")
        assert str(routines.get_row_at(row)[1]) == before
        await pilot.press("e", "slash", *"glute bridge", "enter", "enter", "d")
        assert isinstance(app.screen, MyDoseScreen)
        await pilot.press(*"1", "enter")  # one set instead of the routine's
        await pilot.pause()
        page = app.screen
        assert isinstance(page, ExerciseScreen)
        mine = page.query_one("#my-dose", Static)
        assert mine.display and "Your dose: 1 x" in str(mine.render())
        assert mine.region.bottom <= 24 - 1  # in view at once, above the footer
        await pilot.press("q", "r")
        await pilot.pause()
        after = format_minutes(app.services.plans.for_routine(basics).total_seconds)
        assert after != before
        assert str(routines.get_row_at(row)[1]) == after  # the Library follows the dose
        suggested = app.services.catalog.routines["gentle-start"]
        library_minutes = str(routines.get_row_at(routines.get_row_index(suggested.id))[1])
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.screen.suggestion.routine is suggested
        assert f"({library_minutes})" in str(app.screen.query_one("#suggestion").render())  # Home and Library agree


async def test_the_routine_page_follows_a_dose_changed_from_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(RoutineScreen(app.services.catalog.routines["back-basics"]))
        await pilot.pause()
        items = app.screen.query_one("#items", OptionList)
        index = next(i for i in range(items.option_count) if "Glute bridge" in str(items.get_option_at_index(i).prompt))
        items.highlighted = index
        await pilot.press("enter", "d", "1", "enter", "q")
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)
        assert "1 x " in str(items.get_option_at_index(index).prompt)
        facts = str(app.screen.query_one("#facts").render())
        assert format_minutes(app.screen.plan.total_seconds) in facts


async def test_the_exercise_page_at_80x24_keeps_the_dose_clear_and_offers_only_real_variations(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_exercise(pilot, "walking")  # no easier and no harder variation
        assert not page.exercise.easier and not page.exercise.harder
        assert "variation" not in footer_actions(app)
        await pilot.press("plus")
        assert app.screen is page
        await pilot.press("q", "q", "slash", "ctrl+a", *"glute bridge", "enter", "enter")
        page = app.screen
        assert page.exercise.id == "glute-bridge"
        dose = next(section for section in page.query(".section") if section.border_title == "Dose")
        variations = page.query_one("#variations")
        assert variations in page.query_one("#detail").children  # in the page's flow, never over the Dose box
        assert not dose.region.overlaps(variations.region)
        assert {"minus", "plus"} <= footer_keys(app)


async def test_the_my_dose_dialog_fits_80x24_with_whole_placeholders(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_exercise(pilot, "glute bridge")
        await pilot.press("d")
        dialog = app.screen
        assert isinstance(dialog, MyDoseScreen)
        box = dialog.query_one("Vertical")
        assert box.region.y >= 0 and box.region.bottom <= 24
        assert dialog.query_one("#save").region.bottom <= 24
        for field in dialog.query(Input):
            assert len(field.placeholder) <= field.content_region.width, field.placeholder


async def test_the_after_session_save_button_is_in_view_at_80x24(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        safety = app.services.catalog.safety
        await app.push_screen(
            AfterSessionScreen("Session stopped for pain", "Stopping was the right call.", safety, True)
        )
        await pilot.pause()
        save = app.screen.query_one("#save")
        assert 0 < save.region.height and save.region.bottom <= 24
        assert app.screen.query_one(".dialog-title").region.y > 0  # the headline reads first
