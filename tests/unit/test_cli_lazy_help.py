"""``backtrainer --help`` lists the commands without importing them, in the commands' own words."""

from __future__ import annotations

import inspect
import subprocess
import sys

import click

from trainer.cli import COMMANDS, SUMMARIES, main


def test_every_summary_is_its_commands_first_paragraph() -> None:
    ctx = click.Context(main)
    assert list(SUMMARIES) == list(COMMANDS)
    for name in COMMANDS:
        command = main.get_command(ctx, name)
        assert command is not None and command.help is not None
        assert command.short_help is None and not command.hidden and not command.deprecated
        assert inspect.cleandoc(command.help).split("\n\n")[0] == SUMMARIES[name]
        for limit in (20, 45, 60, 100):
            assert command.get_short_help_str(limit) == click.Command(name, help=SUMMARIES[name]).get_short_help_str(
                limit
            )


def test_help_imports_no_command_module() -> None:
    code = (
        "import sys\nfrom trainer.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(name for name in sys.modules if name.startswith(('trainer.', 'pydantic'))))"
    )
    listed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "Commands:" in listed and "check-content" in listed
    loaded = listed.strip().splitlines()[-1]
    assert "pydantic" not in loaded and "trainer.journal" not in loaded and "trainer.cli.checkin" not in loaded
