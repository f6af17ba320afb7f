"""``backtrainer serve``: loopback unless told otherwise, a warning when told, the command each tab runs."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.cli.serve import DEFAULT_HOST, app_command, asks_for_browser, is_loopback
from trainer.paths import HOME_ENV


def run(tmp_path: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), env={HOME_ENV: str(tmp_path / "home")})


@pytest.mark.parametrize("host", ["127.0.0.1", "127.3.2.1", "localhost", "LOCALHOST", "::1", "[::1]"])
def test_loopback_hosts(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.org", "", "127.0.0.1.nip.io"])
def test_hosts_other_machines_reach(host: str) -> None:
    assert not is_loopback(host)


def test_it_listens_on_loopback_unless_told() -> None:
    assert DEFAULT_HOST == "127.0.0.1"
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "--allow-remote" in result.output and "backtrainer[web]" in result.output


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.org"])
def test_a_host_other_machines_reach_is_refused_without_the_flag(tmp_path: Path, host: str) -> None:
    result = run(tmp_path, "serve", "--host", host)
    assert result.exit_code == 2
    assert "not a loopback address" in result.output and "--allow-remote" in result.output
    assert "backtrainer is at" not in result.output


def test_with_the_flag_it_warns_that_there_is_no_log_in(tmp_path: Path) -> None:
    # 192.0.2.1 is a documentation address no machine has: the warning comes, then the bind fails (no traffic).
    result = run(tmp_path, "serve", "--host", "192.0.2.1", "--port", "8765", "--allow-remote")
    assert "warning: serving on 192.0.2.1" in result.output
    assert "no log-in of its own" in result.output and "Caddy" in result.output
    assert result.exit_code == 1 and "cannot listen on 192.0.2.1:8765" in result.output


def test_a_bad_profile_or_port_is_refused(tmp_path: Path) -> None:
    assert run(tmp_path, "serve", "--profile", "../bob").exit_code == 2
    assert run(tmp_path, "serve", "--port", "0").exit_code == 2
    assert run(tmp_path, "serve", "--port", "70000").exit_code == 2


def test_each_tab_runs_this_python_on_the_profile_asked_for() -> None:
    assert shlex.split(app_command(None, python="/opt/py 3/python")) == ["/opt/py 3/python", "-m", "trainer"]
    assert shlex.split(app_command("alice", python="/usr/bin/python3")) == [
        "/usr/bin/python3",
        "-m",
        "trainer",
        "--profile",
        "alice",
    ]


def test_the_app_starts_without_a_terminal_only_for_textual_serves_web_driver() -> None:
    assert asks_for_browser({"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"})
    assert not asks_for_browser({})
    assert not asks_for_browser({"TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver"})


def test_without_a_terminal_or_a_browser_the_app_still_refuses(tmp_path: Path) -> None:
    result = run(tmp_path)
    assert result.exit_code == 1 and "needs a terminal" in result.output
