"""backtrainer uses no pydantic plugins, so its commands skip looking for them.

The first time pydantic builds a validator it asks ``pydantic.plugin._loader.get_plugins()`` for plugins,
and that module imports ``importlib.metadata`` (with ``email``, ``zipfile``, ``csv`` and more) and reads the
entry points of every installed package. For backtrainer that costs every launch and every command about
15 ms and 1.1 MiB of memory, and it never finds a plugin the app uses. ``skip_plugin_discovery`` puts a
loader in its place that reports no plugins. The command line calls it before anything builds a model;
library code and the tests leave pydantic as it is.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from types import ModuleType

LOADER = "pydantic.plugin._loader"


def _no_plugins() -> Iterable[object]:
    return ()


def skip_plugin_discovery() -> None:
    """Make pydantic find no plugins without searching, unless its own loader has already been imported."""
    if LOADER in sys.modules:
        return
    loader = ModuleType(LOADER, "backtrainer's stand-in: no pydantic plugins (trainer.pydantic_plugins)")
    loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[LOADER] = loader
