"""Where data lives, profile names and private folders."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import platformdirs
import pytest

from trainer.paths import (
    HOME_ENV,
    PathTooLongError,
    ProfileNameError,
    check_profile_name,
    ensure_private_dir,
    resolve_paths,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    """A typical umask, so permission tests do not depend on the runner's."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


# --- resolve_paths ----------------------------------------------------------------------


def test_home_variable_holds_data_and_config(tmp_path: Path) -> None:
    paths = resolve_paths(environ={HOME_ENV: str(tmp_path)})
    assert paths.data_dir == paths.config_dir == tmp_path
    assert paths.journal_dir == tmp_path / "journal"
    assert paths.content_packs_dir == tmp_path / "content"
    assert paths.profile is None


def test_home_variable_expands_the_user_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_paths(environ={HOME_ENV: "~/bt"}).data_dir == tmp_path / "bt"


def test_profile_gets_its_own_folder(tmp_path: Path) -> None:
    paths = resolve_paths("alice", environ={HOME_ENV: str(tmp_path)})
    assert paths.data_dir == paths.config_dir == tmp_path / "profiles" / "alice"
    assert paths.profile == "alice"


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "must-not-be-used"))
    return tmp_path


def test_platform_folders_without_the_home_variable(xdg: Path) -> None:
    paths = resolve_paths(environ={})
    assert paths.data_dir == Path(platformdirs.user_data_dir("backtrainer", appauthor=False))
    assert paths.config_dir == Path(platformdirs.user_config_dir("backtrainer", appauthor=False))
    if sys.platform.startswith("linux"):
        assert paths.data_dir == xdg / "data" / "backtrainer"
        assert paths.config_dir == xdg / "config" / "backtrainer"


def test_empty_home_variable_means_platform_folders(xdg: Path) -> None:
    assert resolve_paths(environ={HOME_ENV: ""}) == resolve_paths(environ={})


def test_profile_under_platform_folders(xdg: Path) -> None:
    plain = resolve_paths(environ={})
    paths = resolve_paths("bob_2", environ={})
    assert paths.data_dir == plain.data_dir / "profiles" / "bob_2"
    assert paths.config_dir == plain.config_dir / "profiles" / "bob_2"


@pytest.mark.parametrize("name", ["bad name", "..", "a/b", "../etc", "", "x" * 65, "a.b", "tab\there", "new\n"])
def test_bad_profile_names_are_rejected_with_the_rules(name: str, tmp_path: Path) -> None:
    with pytest.raises(ProfileNameError) as raised:
        resolve_paths(name, environ={HOME_ENV: str(tmp_path)})
    message = str(raised.value)
    assert repr(name) in message
    assert "1 to 64 letters, digits, '-' or '_'" in message
    assert "no spaces, dots or slashes" in message


@pytest.mark.parametrize("name", ["a", "Alice", "bob_2", "night-shift", "x" * 64])
def test_good_profile_names_are_accepted(name: str) -> None:
    assert check_profile_name(name) == name


# --- private folders -----------------------------------------------------------------


@posix_only
def test_ensure_private_dir_creates_0700(tmp_path: Path, umask_022) -> None:
    target = tmp_path / "data"
    assert ensure_private_dir(target) == target
    assert mode(target) == 0o700


@posix_only
def test_ensure_private_dir_tightens_an_existing_folder(tmp_path: Path) -> None:
    target = tmp_path / "data"
    target.mkdir()
    target.chmod(0o755)
    ensure_private_dir(target)
    assert mode(target) == 0o700


@posix_only
def test_ensure_private_dir_creates_missing_parents_private(tmp_path: Path, umask_022) -> None:
    ensure_private_dir(tmp_path / "home" / "profiles" / "alice")
    assert mode(tmp_path / "home" / "profiles") == 0o700
    assert mode(tmp_path / "home") == 0o700


# --- durability and names the system cannot take -----------------------------------------------


def test_each_folder_created_is_synced_in_its_parent(tmp_path: Path) -> None:
    synced: list[Path] = []
    ensure_private_dir(tmp_path / "a" / "b" / "journal", sync=synced.append)
    assert synced == [tmp_path, tmp_path / "a", tmp_path / "a" / "b"]  # each parent, after each mkdir
    synced.clear()
    ensure_private_dir(tmp_path / "a" / "b" / "journal", sync=synced.append)
    assert synced == []  # nothing created, nothing to sync


def test_the_real_sync_runs_on_a_folder(tmp_path: Path) -> None:
    ensure_private_dir(tmp_path / "new")  # fsync of tmp_path, for real
    assert (tmp_path / "new").is_dir()


def test_a_folder_name_longer_than_the_system_allows_is_refused_by_name(tmp_path: Path) -> None:
    long_name = "a" * 300
    with pytest.raises(PathTooLongError) as raised:
        resolve_paths(environ={HOME_ENV: str(tmp_path / long_name)})
    message = str(raised.value)
    assert "from $BACKTRAINER_HOME" in message and "is 300 bytes long, and this system allows at most 255" in message
    assert "the name '" + "a" * 20 + "..." in message  # the name itself, shortened


def test_a_path_longer_than_the_system_allows_is_refused(tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*["d" * 200] * 25)  # every name fine, the whole path over 4096 bytes
    with pytest.raises(PathTooLongError, match="its path is .* bytes long"):
        resolve_paths(environ={HOME_ENV: str(deep)})
