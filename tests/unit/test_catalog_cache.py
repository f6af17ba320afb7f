"""The content kept between launches (trainer.catalog.cache): used only while nothing it came from changed,
never trusted beyond its key and its digest, never a reason for the app not to start."""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from trainer.catalog.cache import FORMAT, cache_file, load_catalog_cached, read_cache
from trainer.catalog.loader import load_catalog
from trainer.catalog.problems import ContentError
from trainer.catalog.validated import Catalog


class CountingLoader:
    """``load_catalog``, counting the fresh loads."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Catalog:
        self.calls += 1
        return load_catalog(*args, **kwargs)


@pytest.fixture
def loads() -> CountingLoader:
    return CountingLoader()


@pytest.fixture
def cached(tmp_path: Path, content_copy: Path, loads: CountingLoader) -> Callable[..., Catalog]:
    """The catalog of ``content_copy`` and ``tmp_path/packs`` through the cache in ``tmp_path/cache``."""

    def load(version: str = "1.0", cache_dir: Path | None = None) -> Catalog:
        return load_catalog_cached(
            cache_dir or tmp_path / "cache",
            version,
            content_dir=content_copy,
            packs_dir=tmp_path / "packs",
            load=loads,
        )

    return load


def the_cache_file(tmp_path: Path) -> Path:
    return cache_file(tmp_path / "cache", tmp_path / "packs")


def test_the_second_load_comes_from_the_cache_and_equals_a_fresh_load(cached, loads, tmp_path, content_copy) -> None:
    first = cached()
    second = cached()
    assert loads.calls == 1
    fresh = load_catalog(content_copy, packs_dir=tmp_path / "packs")
    assert second == fresh == first
    assert second.exercises["bird-dog"].name == fresh.exercises["bird-dog"].name
    assert second.origin == fresh.origin and second.safety == fresh.safety
    path = the_cache_file(tmp_path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700


LOAD_AND_LIST_MODULES = """
import sys
from pathlib import Path
from trainer.catalog.cache import load_catalog_cached
catalog = load_catalog_cached(Path(sys.argv[1]), "1.0", content_dir=Path(sys.argv[2]), packs_dir=Path(sys.argv[3]))
assert catalog.can_start("bird-dog")
print(" ".join(sorted(name for name in sys.modules if name.startswith("trainer.catalog."))))
"""


def test_a_launch_from_the_cache_never_imports_the_loader_or_the_rules(tmp_path, content_copy) -> None:
    def catalog_modules() -> set[str]:
        args = [str(tmp_path / "cache"), str(content_copy), str(tmp_path / "packs")]
        run = subprocess.run(
            [sys.executable, "-c", LOAD_AND_LIST_MODULES, *args], capture_output=True, text=True, check=True
        )
        return set(run.stdout.split())

    checking = {"trainer.catalog.loader", "trainer.catalog.rules", "trainer.catalog.programme_rules"}
    assert checking <= catalog_modules()  # (a miss: the files are read and checked)
    from_the_cache = catalog_modules()
    assert "trainer.catalog.models" in from_the_cache and not checking & from_the_cache


def test_a_changed_file_misses(cached, loads, edit_content) -> None:
    cached()
    edit_content("exercises.json", lambda data: data["exercises"][0].update(name="A new name"))
    catalog = cached()
    assert loads.calls == 2
    assert "A new name" in {exercise.name for exercise in catalog.exercises.values()}
    cached()
    assert loads.calls == 2  # (kept again, under the new key)


def test_a_broken_file_is_still_caught_after_a_cached_load(cached, edit_content) -> None:
    cached()
    edit_content("exercises.json", lambda data: data["exercises"][0].pop("name"))
    with pytest.raises(ContentError):
        cached()
    with pytest.raises(ContentError):  # (and at every launch after)
        cached()


def test_an_added_or_changed_pack_misses(cached, loads, write_pack, rep_exercise_data) -> None:
    cached()
    write_pack("mine.json", exercises=[rep_exercise_data(id="pack-lift", name="Pack lift")])
    assert cached().exercises["pack-lift"].name == "Pack lift"
    write_pack("mine.json", exercises=[rep_exercise_data(id="pack-lift", name="Pack lift, slower")])
    assert cached().exercises["pack-lift"].name == "Pack lift, slower"
    assert loads.calls == 3


def test_a_broken_pack_is_never_kept(cached, loads, write_pack, tmp_path) -> None:
    write_pack("broken.json", exercises=[{"id": "no"}])
    assert cached().pack_problems
    assert cached().pack_problems  # reported at every launch
    assert loads.calls == 2
    assert not the_cache_file(tmp_path).exists()


def test_another_version_misses(cached, loads) -> None:
    cached("1.0")
    cached("1.1")
    assert loads.calls == 2


def signed(key_line: bytes, payload: bytes) -> bytes:
    """A cache file with the right key and a digest that matches ``payload``."""
    return key_line + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


class Hostile:
    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, ("touch hostile-was-run",))


def corrupt(path: Path) -> list[bytes]:
    """Damaged and hostile versions of a good cache file."""
    good = path.read_bytes()
    key_line = good[: len(FORMAT) + 65]
    return [
        b"",
        good[: len(good) // 2],  # cut short
        good[:-10] + b"x" * 10,  # changed bytes
        b"not a cache at all",
        good[: len(FORMAT) + 65 + 65] + pickle.dumps({"not": "a catalog"}),  # the digest does not match
        signed(key_line, pickle.dumps(Hostile())),  # a pickle that would run a command
        signed(key_line, pickle.dumps({"not": "a catalog"})),  # a pickle of something else
        signed(key_line, pickle.dumps(Path("x"))),
    ]


def test_a_corrupt_or_tampered_cache_is_ignored_and_rebuilt(cached, loads, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    cached()
    path = the_cache_file(tmp_path)
    for number, damaged in enumerate(corrupt(path), start=2):
        path.write_bytes(damaged)
        assert cached() == load_catalog(tmp_path / "content", packs_dir=tmp_path / "packs")
        assert loads.calls == number
        cached()
        assert loads.calls == number  # rebuilt: the next load is a hit
    assert not (tmp_path / "hostile-was-run").exists()


def test_a_cache_file_that_is_not_a_file_is_ignored(cached, loads, tmp_path) -> None:
    path = the_cache_file(tmp_path)
    path.mkdir(parents=True)
    cached()
    cached()
    assert loads.calls == 2


@pytest.mark.parametrize("kind", ["a file in its place", "under a file"])
def test_a_cache_folder_that_cannot_be_written_is_ignored(cached, loads, tmp_path, kind) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    folder = blocker if kind == "a file in its place" else blocker / "cache"
    assert cached(cache_dir=folder) == cached(cache_dir=folder)
    assert loads.calls == 2
    assert not any(name.startswith(".catalog-") for name in os.listdir(tmp_path))


def test_read_cache_needs_the_right_key(cached, tmp_path) -> None:
    cached()
    path = the_cache_file(tmp_path)
    key = path.read_bytes()[len(FORMAT) : len(FORMAT) + 64].decode()
    assert read_cache(path, key) is not None
    assert read_cache(path, "0" * 64) is None
