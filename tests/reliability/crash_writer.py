"""A child process for test_kill9 that kills itself at a chosen point of a journal write.

    python crash_writer.py JOURNAL_DIR SPEC_JSON

SPEC_JSON: {"op": ..., "write": N, "stage": ..., ...}. The N-th file write
of the operation is interrupted with SIGKILL:

- ``half-written``: half of the new content is in the temporary file;
- ``before-rename``: the temporary file is complete and synced, not yet renamed;
- ``after-rename``: the new file is in place, the folder not yet synced.

Only ``trainer.journal.storage``'s view of ``os`` is changed, so the store
runs its real code up to the kill.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from trainer.journal import storage
from trainer.journal.models import Entry
from trainer.journal.store import JournalStore

ENTRY: TypeAdapter[Any] = TypeAdapter(Entry)


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class HalfWriter:
    """A file that writes half of what it is given, then dies."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def __enter__(self) -> HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()

    def write(self, payload: bytes) -> int:
        self.stream.write(payload[: len(payload) // 2])
        self.stream.flush()
        die()
        return 0


class CrashingOs:
    """``os`` as the storage module sees it, with a kill at the chosen point."""

    def __init__(self, write: int, stage: str) -> None:
        self.write, self.stage = write, stage
        self.opened = self.replaced = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def fdopen(self, descriptor: int, mode: str) -> Any:
        self.opened += 1
        stream = os.fdopen(descriptor, mode)
        if self.stage == "half-written" and self.opened == self.write:
            return HalfWriter(stream)
        return stream

    def replace(self, source: str, target: str) -> None:
        self.replaced += 1
        if self.replaced == self.write and self.stage == "before-rename":
            die()
        os.replace(source, target)
        if self.replaced == self.write and self.stage == "after-rename":
            die()


def main() -> None:
    store = JournalStore(Path(sys.argv[1]))
    spec = json.loads(sys.argv[2])
    setattr(storage, "os", CrashingOs(spec["write"], spec["stage"]))  # noqa: B010 (the storage module only)
    op = spec["op"]
    if op == "add":
        store.add(ENTRY.validate_python(spec["entry"]))
    elif op in ("update", "move"):
        old = store.get(spec["id"])
        assert old is not None
        store.update(old, ENTRY.validate_python({**old.model_dump(mode="json"), **spec["changes"]}))
    elif op == "delete":
        old = store.get(spec["id"])
        assert old is not None
        store.delete(old)
    elif op == "import":
        store.import_entries([ENTRY.validate_python(document) for document in spec["entries"]])
    elif op == "settings":
        store.update_settings(**spec["changes"])
    else:
        raise SystemExit(f"unknown op {op!r}")
    print("finished without a kill", flush=True)


if __name__ == "__main__":
    main()
