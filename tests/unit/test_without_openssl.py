"""The full-screen app leaves OpenSSL out (trainer.without_openssl): asyncio, Textual and the hashes work
without it, and the modules can be imported again once it ends."""

from __future__ import annotations

import ast
import subprocess
import sys

OPENSSL = ("ssl", "_ssl", "_hashlib")
TEXTUAL_RUNS = (
    "import asyncio, hashlib, secrets\nimport textual.app\nimport trainer.journal.models\n"
    "async def answer():\n    await asyncio.sleep(0)\n    return 42\n"
    "assert asyncio.run(answer()) == 42\n"
    "assert hashlib.sha256(b'abc').hexdigest().startswith('ba7816bf'), 'the same SHA-256 either way'\n"
    "assert len(secrets.token_hex(8)) == 16\n"
)


def openssl_loaded(code: str) -> list[str]:
    """The OpenSSL modules a fresh interpreter has loaded once it ran ``code`` (one marked missing is not)."""
    probe = f"import sys\n{code}\nprint([name for name in {OPENSSL!r} if sys.modules.get(name) is not None])"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    found: list[str] = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    return found


def inside(code: str) -> str:
    """``code`` run within ``openssl_left_out``."""
    body = "".join(f"    {line}\n" for line in code.splitlines())
    return f"from trainer.without_openssl import openssl_left_out\nwith openssl_left_out():\n{body}"


def test_asyncio_textual_the_models_and_the_hashes_work_without_openssl() -> None:
    assert openssl_loaded(inside(TEXTUAL_RUNS)) == []
    # without it they load OpenSSL (so the check above is the one that shows it is left out)
    assert openssl_loaded(TEXTUAL_RUNS) == list(OPENSSL)


def test_importing_ssl_within_says_it_is_not_installed_and_afterwards_imports_it() -> None:
    refused = "try:\n    import ssl\nexcept ImportError:\n    pass\nelse:\n    raise AssertionError(ssl)"
    assert openssl_loaded(inside(refused) + "import ssl\nassert ssl.OPENSSL_VERSION") == ["ssl", "_ssl"]


def test_what_was_imported_before_is_left_as_it_was() -> None:
    assert openssl_loaded("import ssl, hashlib\n" + inside("assert ssl.OPENSSL_VERSION")) == list(OPENSSL)
