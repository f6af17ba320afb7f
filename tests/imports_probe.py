"""Which modules a piece of code loads, asked of a fresh interpreter (so nothing a test imported counts)."""

from __future__ import annotations

import ast
import subprocess
import sys


def modules_loaded(code: str, *, named: tuple[str, ...] = (), under: tuple[str, ...] = ()) -> list[str]:
    """The modules called one of ``named``, or starting with one of ``under``, that ``code`` loads."""
    probe = (
        f"import sys\n{code}\n"
        f"print(sorted(name for name in sys.modules if name in {named!r} or name.startswith({under!r})))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    found: list[str] = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    return found
