"""The merge rule of a journal shared between devices (versions.py), and which device this is (device.py)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from trainer.journal.device import DEVICE_ENV, DeviceIdError, device_id, marker_path
from trainer.journal.versions import Merge, deletion_key, version_key

T0 = datetime(2026, 11, 3, 9, tzinfo=UTC)
LATER = T0 + timedelta(minutes=5)


def merged(*offers: tuple[str, datetime, str, str | None]) -> dict[str, str]:
    """(id, recorded, device, value or None for a deletion) offered in this order; the winners."""
    merge: Merge[str] = Merge(str)
    for entry_id, when, device, value in offers:
        key = deletion_key(when, device) if value is None else version_key(when, device)
        merge.offer(entry_id, key, value)
    return dict(merge.winners())


@pytest.mark.parametrize("reverse", [False, True])
def test_the_last_change_wins_in_any_order(reverse: bool) -> None:
    offers = [("e", T0, "bbbb", "old"), ("e", LATER, "aaaa", "new")]
    assert merged(*(reversed(offers) if reverse else offers)) == {"e": "new"}


@pytest.mark.parametrize("reverse", [False, True])
def test_at_the_same_time_the_greater_device_id_wins(reverse: bool) -> None:
    offers = [("e", T0, "aaaa", "from a"), ("e", T0, "bbbb", "from b")]
    assert merged(*(reversed(offers) if reverse else offers)) == {"e": "from b"}


def test_the_older_layouts_files_lose_every_tie() -> None:
    assert merged(("e", T0, "", "legacy"), ("e", T0, "0000", "device")) == {"e": "device"}


def test_a_delete_beats_every_older_edit() -> None:
    assert merged(("e", T0, "aaaa", "made"), ("e", LATER, "aaaa", None), ("e", T0, "zzzz", "edited")) == {}


def test_an_edit_recorded_after_a_delete_brings_the_entry_back() -> None:
    assert merged(("e", T0, "aaaa", None), ("e", LATER, "bbbb", "edited later")) == {"e": "edited later"}


def test_a_version_beats_a_deletion_of_the_same_moment_and_device() -> None:
    """A move writes the new version in its month and a deletion of the same moment in the old one."""
    offers = [("e", T0, "aaaa", None), ("e", T0, "aaaa", "moved")]
    assert merged(*offers) == merged(*reversed(offers)) == {"e": "moved"}


def test_equal_keys_pick_the_same_version_whichever_comes_first() -> None:
    offers = [("e", T0, "aaaa", "one copy"), ("e", T0, "aaaa", "another copy")]
    assert merged(*offers) == merged(*reversed(offers))


def test_the_device_id_is_made_once_and_kept(tmp_path: Path) -> None:
    journal, state = tmp_path / "journal", tmp_path / "state"
    made = iter(["aaaa00000001", "bbbb00000002"])
    first = device_id(journal, environ={}, folder=state, host="laptop", make=lambda: next(made))
    assert first == "aaaa00000001"
    assert device_id(journal, environ={}, folder=state, host="laptop", make=lambda: next(made)) == first
    marker = json.loads(marker_path(journal, state).read_text())
    assert marker == {"device": first, "journal": str(journal), "host": "laptop"}
    assert not list(journal.parent.glob("journal/*")), "nothing is written into the synced journal folder"


def test_a_marker_copied_to_another_machine_or_damaged_gives_a_new_device(tmp_path: Path) -> None:
    journal, state = tmp_path / "journal", tmp_path / "state"
    first = device_id(journal, environ={}, folder=state, host="laptop", make=lambda: "aaaa00000001")
    assert device_id(journal, environ={}, folder=state, host="home-box", make=lambda: "bbbb00000002") != first
    marker_path(journal, state).write_text("{not json")
    assert device_id(journal, environ={}, folder=state, host="home-box", make=lambda: "cccc00000003") == "cccc00000003"


def test_each_journal_folder_has_its_own_device_id(tmp_path: Path) -> None:
    made = iter(["aaaa00000001", "bbbb00000002"])
    state = tmp_path / "state"
    one = device_id(tmp_path / "one", environ={}, folder=state, host="h", make=lambda: next(made))
    two = device_id(tmp_path / "two", environ={}, folder=state, host="h", make=lambda: next(made))
    assert one != two


def test_the_environment_names_the_device_and_a_bad_name_is_refused(tmp_path: Path) -> None:
    assert device_id(tmp_path, environ={DEVICE_ENV: "phone01"}, folder=tmp_path / "state") == "phone01"
    assert not (tmp_path / "state").exists()
    with pytest.raises(DeviceIdError):
        device_id(tmp_path, environ={DEVICE_ENV: "../etc"}, folder=tmp_path / "state")
