"""``backtrainer check-content`` and ``backtrainer start``: the content, checked or played."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from trainer import __version__
from trainer.catalog.bundled import bundled_content_dir
from trainer.catalog.cache import load_catalog_cached
from trainer.catalog.loader import load_catalog
from trainer.catalog.problems import ContentError, ContentProblem
from trainer.catalog.validated import BUNDLED_FILES, Catalog
from trainer.cli.context import Context
from trainer.cli.open_app import run_app
from trainer.cli.output import say
from trainer.wording import format_minutes, plural


def _split_targets(targets: tuple[Path, ...]) -> tuple[Path | None, dict[str, Path], list[Path]]:
    """Sort check-content arguments into a content folder, replacements and packs."""
    content_dir: Path | None = None
    replacements: dict[str, Path] = {}
    packs: list[Path] = []
    for target in targets:
        if target.is_dir():
            if content_dir is not None:
                raise click.UsageError(f"give at most one content folder (got {content_dir} and {target})")
            content_dir = target
        elif target.name in BUNDLED_FILES:
            replacements[target.name] = target
        else:
            packs.append(target)
    return content_dir, replacements, packs


def _and_the_messages_page(catalog: Catalog) -> str:
    """Tips lists the pain messages as one more topic of its own: say so, so the counts agree with Tips."""
    if not catalog.messages:
        return ""
    return f"  and the Pain in a sentence page: {len(catalog.tips) + 1} topics in Tips"


def _summary(catalog: Catalog, content_dir: Path, replacements: dict[str, Path]) -> list[str]:
    from trainer.engine.plan import plan_routine

    categories = Counter(exercise.category for exercise in catalog.exercises.values())
    per_category = ", ".join(f"{name} {count}" for name, count in sorted(categories.items()))
    help_counts = "/".join(str(len(help_list.items)) for help_list in catalog.safety.help_lists)
    header = f"Content OK: {content_dir}"
    if replacements:
        header += ", with " + ", ".join(f"{path} in place of {name}" for name, path in replacements.items())
    lines = [
        header,
        f"  exercises      {len(catalog.exercises):>3}  ({per_category})",
        f"  routines       {len(catalog.routines):>3}",
        f"  tip topics     {len(catalog.tips):>3}{_and_the_messages_page(catalog)}",
        f"  pain messages  {len(catalog.messages):>3}",
        f"  help lists       3  ({help_counts} items: emergency/same day/routine)",
        f"  programmes     {len(catalog.programmes):>3}  ("
        + "; ".join(
            f"{programme.id}: {programme.weeks} weeks, {plural(len(programme.phases), 'phase')}, "
            f"{plural(len(programme.ladders), 'ladder')}"
            for programme in catalog.programmes.values()
        )
        + ")",
    ]
    for pack in catalog.packs:
        from_pack = [item for item, origin in catalog.origin.items() if origin == pack]
        exercises = sum(1 for item in from_pack if item in catalog.exercises)
        routines = len(from_pack) - exercises
        programmes = sum(1 for origin in catalog.programme_origin.values() if origin == pack)
        line = f"  pack {pack.name}: {plural(exercises, 'exercise')}, {plural(routines, 'routine')}"
        lines.append(line + (f", {plural(programmes, 'programme')}" if programmes else ""))
    lines.append("")
    lines.append("Routines (computed from their items):")
    for routine in catalog.routines.values():
        plan = plan_routine(routine, catalog.exercises)
        minutes = format_minutes(plan.total_seconds)
        lines.append(f"  {routine.id:<26} {minutes:>7}  {len(routine.items):>2} exercises  {routine.name}")
    return lines


@click.command("check-content")
@click.argument("targets", nargs=-1, type=click.Path(path_type=Path))
@click.pass_obj
def check_content(context: Context, targets: tuple[Path, ...]) -> None:
    """Validate content and print a summary.

    With no TARGETS, checks the bundled content and your installed content
    packs. A TARGET may be a content folder, a file named like a bundled one
    (exercises.json, routines.json, tips.json, safety.json) to check in its
    place, or a content pack to check on top of the bundled content.

    Exits with status 1 and one line per problem (file, JSON path, reason)
    when anything is wrong.
    """
    content_dir, replacements, packs = _split_targets(targets)
    packs_dir = context.paths.content_packs_dir if not targets else None
    problems: list[ContentProblem]
    try:
        catalog = load_catalog(content_dir, packs=packs, replacements=replacements, packs_dir=packs_dir)
        problems = list(catalog.pack_problems)
    except ContentError as error:
        problems = list(error.problems)
    if problems:
        say(f"Found {plural(len(problems), 'problem')}:", err=True)
        for problem in problems:
            say(f"  {problem}", err=True)
        raise SystemExit(1)
    say("\n".join(_summary(catalog, content_dir or bundled_content_dir(), replacements)))


def load_content(context: Context) -> Catalog:
    """The content with the installed packs, validated (or as last validated, while unchanged: the cache)."""
    try:
        return load_catalog_cached(context.paths.cache_dir, __version__, packs_dir=context.paths.content_packs_dir)
    except ContentError as error:
        raise click.ClickException(f"the content cannot be loaded:\n{error}") from None


@click.command("start")
@click.argument("target", metavar="ROUTINE_OR_EXERCISE_ID")
@click.option(
    "--plain",
    is_flag=True,
    help="Play the session in lines of text instead of the full screen: for a screen reader, a braille "
    "display, a slow link or a pipe.",
)
@click.pass_obj
def start(context: Context, target: str, plain: bool) -> None:
    """Open the app straight into a session of a routine or a single exercise.

    Handy for a tmux key or a remote login, for example
    'ssh box backtrainer start desk-break'. An unknown id lists the ones
    there are. With --plain the session is said in lines (one line at each
    change of cue, the time left on t) and works over SSH and in a pipe.
    """
    catalog = load_content(context)
    if not catalog.can_start(target):
        raise click.BadParameter(
            f"no routine or exercise has the id {target!r}.\nRoutines: {', '.join(catalog.routines)}.\n"
            f"Exercises: {', '.join(sorted(catalog.exercises))}.",
            param_hint="ROUTINE_OR_EXERCISE_ID",
        )
    started = context.now()
    if plain:
        from trainer.cli.plain import play_plain

        play_plain(context, target, catalog)
    else:
        run_app(context, start=target, catalog=catalog)
    from trainer.services.prompts import close_after_session

    close_after_session(context.store(), started, context.now())  # a session started from a reminder prompt takes it
