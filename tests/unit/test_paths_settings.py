"""Where data lives, profile names, private folders and the settings file."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import platformdirs
import pytest

from trainer import settings as settings_module
from trainer.paths import HOME_ENV, ProfileNameError, check_profile_name, ensure_private_dir, resolve_paths
from trainer.settings import Settings, load_settings, save_settings, settings_path

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


# --- settings ------------------------------------------------------------------------


@pytest.fixture
def settings_paths(tmp_path: Path):
    return resolve_paths(environ={HOME_ENV: str(tmp_path / "home")})


def test_settings_default_when_file_missing(settings_paths) -> None:
    assert load_settings(settings_paths) == Settings(disclaimer_seen=False)


@pytest.mark.parametrize(
    "content",
    [b"garbage{", b"", b"[]", b'{"disclaimer_seen": "perhaps"}', b"\xff\xfe\x00"],
    ids=["not-json", "empty", "list", "wrong-type", "binary"],
)
def test_settings_default_when_file_is_garbage(settings_paths, content: bytes) -> None:
    settings_paths.data_dir.mkdir(parents=True)
    settings_path(settings_paths).write_bytes(content)
    assert load_settings(settings_paths) == Settings()


def test_settings_ignore_unknown_keys(settings_paths) -> None:
    settings_paths.data_dir.mkdir(parents=True)
    settings_path(settings_paths).write_text('{"disclaimer_seen": true, "from_the_future": 1}', encoding="utf-8")
    assert load_settings(settings_paths).disclaimer_seen is True


def test_settings_round_trip(settings_paths) -> None:
    save_settings(settings_paths, Settings(disclaimer_seen=True))
    assert load_settings(settings_paths).disclaimer_seen is True
    assert json.loads(settings_path(settings_paths).read_text(encoding="utf-8")) == {"disclaimer_seen": True}


@posix_only
def test_saved_settings_are_private(settings_paths, umask_022) -> None:
    save_settings(settings_paths, Settings(disclaimer_seen=True))
    assert mode(settings_paths.data_dir) == 0o700
    assert mode(settings_path(settings_paths)) & 0o077 == 0


@posix_only
def test_saving_replaces_a_readable_file_with_a_private_one(settings_paths, umask_022) -> None:
    settings_paths.data_dir.mkdir(parents=True)
    settings_path(settings_paths).write_text("{}", encoding="utf-8")
    settings_path(settings_paths).chmod(0o644)
    save_settings(settings_paths, Settings(disclaimer_seen=True))
    assert mode(settings_path(settings_paths)) & 0o077 == 0


def test_save_leaves_no_temporary_files(settings_paths) -> None:
    save_settings(settings_paths, Settings(disclaimer_seen=True))
    save_settings(settings_paths, Settings(disclaimer_seen=False))
    assert sorted(path.name for path in settings_paths.data_dir.iterdir()) == ["settings.json"]


def test_failed_save_keeps_the_old_file(settings_paths, monkeypatch) -> None:
    save_settings(settings_paths, Settings(disclaimer_seen=True))

    def broken_dump(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(settings_module.json, "dump", broken_dump)
    with pytest.raises(OSError, match="disk full"):
        save_settings(settings_paths, Settings(disclaimer_seen=False))
    monkeypatch.undo()
    assert load_settings(settings_paths).disclaimer_seen is True
    assert sorted(path.name for path in settings_paths.data_dir.iterdir()) == ["settings.json"]
