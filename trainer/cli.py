"""The ``backtrainer`` command. With no subcommand it opens the app."""

from __future__ import annotations

import os
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from trainer import __version__
from trainer.catalog.loader import BUNDLED_FILES, Catalog, bundled_content_dir, load_catalog
from trainer.catalog.problems import ContentError, ContentProblem
from trainer.cli_journal import COMMANDS as JOURNAL_COMMANDS
from trainer.cli_journal import plural
from trainer.cli_merge import merge, report_conflict_copies
from trainer.cli_output import say, show_error
from trainer.paths import Paths, PathTooLongError, ProfileNameError, check_profile_name, resolve_paths


def _profile_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_profile_name(value)
    except ProfileNameError as error:
        raise click.BadParameter(str(error)) from None


class BacktrainerGroup(click.Group):
    """The command group, printing its errors the way every command prints (``trainer.cli_output``):
    an error message can hold a file name or a value typed by someone else."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("standalone_mode") is False:
            return super().main(*args, **kwargs)
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.ClickException as error:
            show_error(error)
            sys.exit(error.exit_code)
        except click.Abort:
            say("Aborted!", err=True)
            sys.exit(1)
        except BrokenPipeError:  # `backtrainer journal | head`: the reader has gone
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115  # nothing more is printed at exit
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def check_time_zone() -> None:
    """An invalid TZ (``TZ=UTC+25``) gives one clear message before any command runs."""
    try:
        datetime.now().astimezone()
    except (ValueError, OverflowError, OSError):
        raise click.ClickException(
            f"the time zone is not valid (TZ={os.environ.get('TZ', '')!r}). "
            "Set TZ to a zone name such as Europe/London, or unset it to use the system's."
        ) from None


@click.group(
    cls=BacktrainerGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Run 'backtrainer COMMAND --help' for the options of each command.",
)
@click.version_option(__version__, "-V", "--version", prog_name="backtrainer")
@click.option(
    "--profile",
    metavar="NAME",
    callback=_profile_option,
    help="Keep a separate journal and settings for this person (letters, digits, - and _).",
)
@click.pass_context
def main(ctx: click.Context, profile: str | None) -> None:
    """backtrainer: guided exercise sessions, a pain journal and self-care
    lessons for lower back pain, in your terminal.

    With no command, opens the full-screen app. Data lives in your user data
    folder (or under $BACKTRAINER_HOME if set).
    """
    check_time_zone()
    try:
        ctx.obj = resolve_paths(profile)
    except PathTooLongError as error:
        raise click.ClickException(str(error)) from None
    if ctx.invoked_subcommand is None:
        run_app(ctx.obj)
    elif ctx.invoked_subcommand != merge.name:  # (merge is the way out of the note)
        report_conflict_copies(ctx.obj)


def run_app(paths: Paths, start: str | None = None) -> None:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise click.ClickException(
            "backtrainer needs a terminal to draw in. Over SSH, ask for one: ssh -t HOST backtrainer "
            "(the shell commands log, journal, stats and export work without one)."
        )
    from trainer.app import make_app  # imported here so other commands stay fast

    make_app(paths, start=start).run()


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


def _summary(catalog: Catalog, content_dir: Path, replacements: dict[str, Path]) -> list[str]:
    from trainer.engine.plan import format_minutes, plan_routine

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
        f"  tip topics     {len(catalog.tips):>3}",
        f"  pain messages  {len(catalog.messages):>3}",
        f"  help lists       3  ({help_counts} items: emergency/same day/routine)",
    ]
    for pack in catalog.packs:
        from_pack = [item for item, origin in catalog.origin.items() if origin == pack]
        exercises = sum(1 for item in from_pack if item in catalog.exercises)
        routines = len(from_pack) - exercises
        lines.append(f"  pack {pack.name}: {plural(exercises, 'exercise')}, {plural(routines, 'routine')}")
    lines.append("")
    lines.append("Routines (computed from their items):")
    for routine in catalog.routines.values():
        plan = plan_routine(routine, catalog.exercises)
        minutes = format_minutes(plan.total_seconds)
        lines.append(f"  {routine.id:<26} {minutes:>7}  {len(routine.items):>2} exercises  {routine.name}")
    return lines


@main.command("check-content")
@click.argument("targets", nargs=-1, type=click.Path(path_type=Path))
@click.pass_obj
def check_content(paths: Paths, targets: tuple[Path, ...]) -> None:
    """Validate content and print a summary.

    With no TARGETS, checks the bundled content and your installed content
    packs. A TARGET may be a content folder, a file named like a bundled one
    (exercises.json, routines.json, tips.json, safety.json) to check in its
    place, or a content pack to check on top of the bundled content.

    Exits with status 1 and one line per problem (file, JSON path, reason)
    when anything is wrong.
    """
    content_dir, replacements, packs = _split_targets(targets)
    packs_dir = paths.content_packs_dir if not targets else None
    problems: list[ContentProblem]
    try:
        catalog = load_catalog(content_dir, packs=packs, replacements=replacements, packs_dir=packs_dir)
        problems = list(catalog.pack_problems)
    except ContentError as error:
        problems = list(error.problems)
    if problems:
        say(f"Found {len(problems)} problem{'s' if len(problems) != 1 else ''}:", err=True)
        for problem in problems:
            say(f"  {problem}", err=True)
        raise SystemExit(1)
    say("\n".join(_summary(catalog, content_dir or bundled_content_dir(), replacements)))


@main.command("start")
@click.argument("target", metavar="ROUTINE_OR_EXERCISE_ID")
@click.pass_obj
def start(paths: Paths, target: str) -> None:
    """Open the app straight into a session of a routine or a single exercise.

    Handy for a tmux key or a remote login, for example
    'ssh box backtrainer start desk-break'. An unknown id lists the ones
    there are.
    """
    try:
        catalog = load_catalog(packs_dir=paths.content_packs_dir)
    except ContentError as error:
        raise click.ClickException(f"the content cannot be loaded:\n{error}") from None
    if target not in catalog.routines and target not in catalog.exercises:
        raise click.BadParameter(
            f"no routine or exercise has the id {target!r}.\nRoutines: {', '.join(catalog.routines)}.\n"
            f"Exercises: {', '.join(sorted(catalog.exercises))}.",
            param_hint="ROUTINE_OR_EXERCISE_ID",
        )
    run_app(paths, start=target)


for _command in (*JOURNAL_COMMANDS, merge):
    main.add_command(_command)
