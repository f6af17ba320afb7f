"""The full-screen app runs without OpenSSL: about 4.5 MiB of its memory.

Two standard modules map the OpenSSL libraries as they load. asyncio, which Textual runs on, imports
``ssl`` when it can, for encrypted connections, and the app never makes one (it draws in a terminal, or
talks to textual-serve through pipes; it opens no socket). pydantic imports ``secrets``, whose ``hmac`` and
``hashlib`` use OpenSSL's ``_hashlib`` when it is there, and Python's own implementations of the same
hashes when it is not (the SHA-256 of the content cache and the journal's folder names is the same digest
either way, only a little slower to work out).

While ``openssl_left_out`` holds, those modules are marked missing (``None`` in ``sys.modules``: Python's
import then says they are not installed), and asyncio, ``hmac`` and ``hashlib`` import them inside ``try``
and go on without them. The command line holds it while the app or a session runs; ``backtrainer serve``
(a web server) and the other commands leave the modules be.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import find_spec

TLS = ("ssl", "_ssl")
HASHES = ("_hashlib",)
OWN_SHA256 = ("_sha256", "_sha2")
"""Python's own SHA-256 module (``_sha256`` up to 3.11, ``_sha2`` from 3.12): without it, ``_hashlib`` stays."""


@contextmanager
def openssl_left_out() -> Iterator[None]:
    """Within it, ``import ssl`` fails (and ``import _hashlib``, if Python has its own SHA-256), unless
    something imported them before; afterwards they can be imported again."""
    marked = [
        name
        for names in (TLS, HASHES if _own_sha256() else ())
        if not any(name in sys.modules for name in names)
        for name in names
    ]
    for name in marked:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        for name in marked:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


def _own_sha256() -> bool:
    return any(name in sys.builtin_module_names or find_spec(name) is not None for name in OWN_SHA256)
