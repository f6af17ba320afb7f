"""A TinyDB storage that never leaves a half-written journal file.

TinyDB's stock JSONStorage truncates and rewrites the file in place, so a
crash part-way leaves a file TinyDB refuses to open. This storage writes a
temporary file beside the target, fsyncs it, renames it over the target
(atomic on POSIX), then fsyncs the folder so the rename itself survives a
power cut. Readers see either the old file or the new one, never a mix.

Locking is not done here: the store holds a cross-process lock around every
read-modify-write. Reading goes through ``trainer.files.read_regular_file``
without following symbolic links: a FIFO, a device, a folder or a link in
place of a journal file is reported, never read or replaced.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any, BinaryIO

from tinydb.storages import Storage

from trainer.files import NESTED_TOO_DEEP, FileReadError, MissingFileError, fsync_directory, read_regular_file

__all__ = ["TEMP_SUFFIX", "AtomicJSONStorage", "JournalFileError", "atomic_write", "fsync_directory"]

TEMP_SUFFIX = ".tmp"


class JournalFileError(Exception):
    """A journal file exists but cannot be used; nothing is written to it."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


WriteFile = Callable[[Path, bytes], None]
"""How a file's new bytes reach the disk: ``atomic_write``, or a test's stand-in."""


class FileSystem:
    """The calls an atomic write makes, in one place, so a test can pass one that fails like a full disk."""

    def mkstemp(self, *, dir: Path, prefix: str, suffix: str) -> tuple[int, str]:
        return tempfile.mkstemp(dir=dir, prefix=prefix, suffix=suffix)

    def open_for_writing(self, descriptor: int) -> BinaryIO:
        return os.fdopen(descriptor, "wb")

    def fsync(self, descriptor: int) -> None:
        os.fsync(descriptor)

    def replace(self, source: str, target: Path) -> None:
        os.replace(source, target)


REAL_FILE_SYSTEM = FileSystem()


def atomic_write(path: Path, payload: bytes, *, fs: FileSystem = REAL_FILE_SYSTEM) -> None:
    """Replace ``path`` with ``payload`` all at once; the file is private (0600)."""
    descriptor, temporary = fs.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with fs.open_for_writing(descriptor) as stream:
            stream.write(payload)
            stream.flush()
            fs.fsync(stream.fileno())
        fs.replace(temporary, path)
    except BaseException:
        with suppress(OSError):  # the error that matters is the one being raised; the next write removes it
            Path(temporary).unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)


def read_json_object(path: Path) -> dict[str, Any] | None:
    """The JSON object in ``path``, ``None`` if there is no file.

    Raises ``JournalFileError`` naming what is wrong for an empty, cut-short
    or otherwise unreadable file.
    """
    try:
        raw = read_regular_file(path, follow_symlinks=False)
    except MissingFileError:
        return None
    except FileReadError as error:
        raise JournalFileError(path, f"cannot be read: {error.reason}") from None
    return parse_json_object(path, raw)


def parse_json_object(path: Path, raw: bytes) -> dict[str, Any]:
    """``read_json_object`` for bytes already read."""
    if not raw.strip():
        raise JournalFileError(path, "the file is empty")
    try:
        data = json.loads(raw)
    except UnicodeDecodeError as error:
        raise JournalFileError(path, "the file is not text (it may be damaged)") from error
    except json.JSONDecodeError as error:
        raise JournalFileError(
            path, f"the file is cut short or damaged: not valid JSON at line {error.lineno}, column {error.colno}"
        ) from error
    except RecursionError:
        raise JournalFileError(path, f"the file is damaged: {NESTED_TOO_DEEP}") from None
    if not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values()):
        raise JournalFileError(path, "this is JSON, but not a backtrainer journal file")
    return data


class AtomicJSONStorage(Storage):
    """TinyDB storage: whole-file atomic replace, private files, clear errors."""

    def __init__(self, path: str | os.PathLike[str], write_file: WriteFile | None = None) -> None:
        self.path = Path(path)
        self.write_file = write_file
        """How the new bytes reach the disk; ``atomic_write`` unless the store was given another."""

    def read(self) -> dict[str, dict[str, Any]] | None:
        return read_json_object(self.path)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        (self.write_file or atomic_write)(self.path, payload)

    def close(self) -> None:
        """Nothing stays open between operations."""
