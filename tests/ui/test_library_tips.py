"""Library filtering, search and variation links; Tips search."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Markdown, OptionList, Select, Static

from trainer.catalog.search import NO_EQUIPMENT
from trainer.screens.exercise import ExerciseScreen
from trainer.screens.library import LibraryScreen
from trainer.screens.tips import TipsScreen


def widget_text(widget) -> str:
    return " ".join(str(static.render()) for static in widget.query(Static))


def shown_ids(screen: LibraryScreen) -> list[str]:
    table = screen.query_one("#exercise-table", DataTable)
    return [row.key.value for row in table.ordered_rows]


async def test_library_lists_every_exercise_alphabetically(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        ids = shown_ids(app.screen)
        assert sorted(ids) == sorted(app.services.catalog.exercises)
        names = [app.services.catalog.exercises[exercise_id].name.casefold() for exercise_id in ids]
        assert names == sorted(names)


async def test_typing_on_the_list_starts_a_search(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", *"plank")
        search = app.screen.query_one("#search", Input)
        assert search.value == "plank"
        assert app.focused is search
        ids = shown_ids(app.screen)
        assert ids and all("plank" in app.services.catalog.exercises[i].name.casefold() for i in ids)


async def test_search_with_no_match_says_so_and_enter_returns_to_list(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", *"zzzz")
        assert shown_ids(app.screen) == []
        assert "No exercise matches" in str(app.screen.query_one("#exercise-count").render())
        await pilot.press("enter")
        assert app.focused is app.screen.query_one("#exercise-table")


async def test_filters_narrow_the_list(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        screen = app.screen
        screen.query_one("#category", Select).value = "stretch"
        await pilot.pause()
        stretches = shown_ids(screen)
        assert stretches and all(app.services.catalog.exercises[i].category == "stretch" for i in stretches)
        screen.query_one("#equipment", Select).value = NO_EQUIPMENT
        screen.query_one("#category", Select).value = ""
        await pilot.pause()
        assert all(not app.services.catalog.exercises[i].equipment for i in shown_ids(screen))
        screen.query_one("#equipment", Select).value = ""
        screen.query_one("#level", Select).value = "gentle"
        screen.query_one("#body_area", Select).value = "hips"
        await pilot.pause()
        for exercise_id in shown_ids(screen):
            exercise = app.services.catalog.exercises[exercise_id]
            assert exercise.level == "gentle" and "hips" in exercise.body_areas


async def test_filter_chosen_with_the_keyboard(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", "tab")
        assert app.focused is app.screen.query_one("#category", Select)
        await pilot.press("enter", "down", "down", "enter")  # Any -> strength -> stretch
        await pilot.pause()
        assert app.screen.query_one("#category", Select).value == "stretch"
        assert all(app.services.catalog.exercises[i].category == "stretch" for i in shown_ids(app.screen))


async def test_enter_opens_detail_with_dose_steps_and_cautions(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", *"bird-dog", "enter", "enter")
        assert isinstance(app.screen, ExerciseScreen)
        exercise = app.screen.exercise
        assert exercise.id == "bird-dog"
        sections = {widget.border_title: widget_text(widget) for widget in app.screen.query(".section")}
        assert set(sections) == {"Why", "Position (f hides)", "How", "Dose", "Take care", "Evidence"}
        assert exercise.steps[0] in sections["How"]
        assert "10 reps on each side" in sections["Dose"] and "Reach 2 s" in sections["Dose"]
        assert exercise.cautions[0] in sections["Take care"]


async def test_variation_links_can_be_followed_both_ways(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", *"glute bridge", "enter", "enter")
        assert app.screen.exercise.id == "glute-bridge"
        await pilot.press("plus")
        harder = app.screen.exercise
        assert harder.id == app.services.catalog.exercises["glute-bridge"].harder[0]
        await pilot.press("minus")
        assert app.screen.exercise.id in harder.easier
        await pilot.press("q", "q")
        assert app.screen.exercise.id == "glute-bridge"


async def test_variation_list_opens_the_chosen_variation(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", *"superman", "enter", "enter")
        exercise = app.screen.exercise
        variations = app.screen.query_one("#variations", OptionList)
        expected = [*exercise.easier, *exercise.harder]
        assert [option.id.split(":")[1] for option in variations.options] == expected
        variations.focus()
        await pilot.press("end", "enter")
        assert isinstance(app.screen, ExerciseScreen) and app.screen.exercise.id == expected[-1]


async def test_a_missing_variation_is_not_offered(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", *"walking", "enter", "enter")
        walking = app.screen.exercise
        assert not walking.easier
        assert "minus" not in app.active_bindings or not app.active_bindings["minus"].enabled
        await pilot.press("minus")
        assert app.screen.exercise is walking


async def test_routines_tab_shows_durations_and_summary(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "r")
        table = app.screen.query_one("#routine-table", DataTable)
        assert table.row_count == len(app.services.catalog.routines)
        first = next(iter(app.services.catalog.routines.values()))
        assert str(table.get_row_at(0)[1]).endswith("min")
        await pilot.pause()
        assert first.summary in str(app.screen.query_one("#routine-summary").render())


async def test_tips_search_finds_topics_by_body_and_keywords(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, TipsScreen)
        topics = app.screen.query_one("#topics", OptionList)
        assert topics.option_count == len(app.services.catalog.tips) + 1  # and "Pain in a sentence"
        await pilot.press(*"mattress")
        assert app.screen.query_one("#tip-search", Input).value == "mattress"
        ids = [option.id for option in topics.options]
        assert "sleep" in ids and len(ids) < len(app.services.catalog.tips)
        assert "mention 'mattress'" in str(app.screen.query_one("#tip-count").render())


async def test_tips_highlight_shows_body_with_evidence_and_sources(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "down")
        await pilot.pause()
        tip = app.services.catalog.tips[1]
        markdown = app.screen.query_one("#tip-body", Markdown)
        assert markdown.source.startswith(f"# {tip.title}")
        assert tip.sources[0].title in markdown.source
        assert tip.evidence in markdown.source


async def test_every_pain_message_is_a_topic_of_its_own_and_searchable(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "end")
        await pilot.pause()
        markdown = app.screen.query_one("#tip-body", Markdown).source
        assert markdown.startswith("# Pain in a sentence")
        assert all(message.text in markdown for message in app.services.catalog.messages)
        assert app.services.catalog.messages[0].sources[0].title in markdown
        words = app.services.catalog.messages[0].text.split()[:3]
        await pilot.press("slash", *" ".join(words))
        ids = [option.id for option in app.screen.query_one("#topics", OptionList).options]
        assert "pain-in-a-sentence" in ids


async def test_tips_search_without_match_explains(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "slash", *"qqqq")
        assert app.screen.query_one("#topics", OptionList).option_count == 0
        assert "No topic mentions 'qqqq'" in str(app.screen.query_one("#tip-count").render())


async def test_a_routine_shows_each_item_note_and_easier_choice_with_the_persons_own_dose(make_app) -> None:
    from trainer.journal.models import PersonalDose
    from trainer.screens.routine import RoutineScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.services.settings.set_dose("glute-bridge", PersonalDose(sets=1))
        routine = app.services.catalog.routines["back-basics"]
        await app.push_screen(RoutineScreen(routine))
        await pilot.pause()
        items = app.screen.query_one("#items", OptionList)
        prompts = [str(items.get_option_at_index(index).prompt) for index in range(items.option_count)]
        for item, prompt in zip(routine.items, prompts, strict=True):
            if item.note:
                assert item.note in prompt.replace("\n", " ").replace("    ", " ") or item.note[:30] in prompt
            if item.instead:
                assert f"Easier choice: {app.services.catalog.exercises[item.instead].name}" in prompt
        bridge = next(prompt for prompt in prompts if "Glute bridge" in prompt)
        assert "1 x " in bridge  # the person's own dose, as the session will play it
