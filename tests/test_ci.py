"""CI runs everything: .ci/run installs what the tests need or fails, and with CI=true a skip fails the run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CI_RUN = ROOT / ".ci" / "run"

SAMPLE = """
import pytest

def test_runs():
    assert True

@pytest.mark.skip(reason="sshd is not installed")
def test_needs_sshd():
    pass
"""


def run_pytest(folder: Path, *options: str, ci: str | None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("CI", "PYTEST_ADDOPTS")}
    env["PYTHONPATH"] = str(ROOT)
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.ci_guard", "-p", "no:cacheprovider", *options, str(folder)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    (tmp_path / "test_sample.py").write_text(SAMPLE)
    return tmp_path


@pytest.mark.parametrize("options", [(), ("-n", "2")], ids=["serial", "xdist"])
def test_a_skip_fails_the_run_in_ci_and_says_which(sample: Path, options: tuple[str, ...]) -> None:
    result = run_pytest(sample, *options, ci="true")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "CI=true: 1 skipped test fail the run" in result.stdout
    assert "SKIPPED test_sample.py::test_needs_sshd: sshd is not installed" in result.stdout


def test_a_module_skipped_whole_counts_too(tmp_path: Path) -> None:
    (tmp_path / "test_module.py").write_text("import pytest\npytest.skip('no tmux', allow_module_level=True)\n")
    result = run_pytest(tmp_path, ci="true")
    assert result.returncode == 1 and "no tmux" in result.stdout, result.stdout


def test_outside_ci_a_skip_is_only_reported(sample: Path) -> None:
    result = run_pytest(sample, ci=None)
    assert result.returncode == 0, result.stdout
    assert "fail the run" not in result.stdout


def test_a_failing_run_keeps_its_own_status(tmp_path: Path) -> None:
    (tmp_path / "test_fail.py").write_text("def test_fails():\n    assert False\n")
    assert run_pytest(tmp_path, ci="true").returncode == 1


def test_ci_run_fails_when_it_cannot_install_ssh_and_exports_ci() -> None:
    script = CI_RUN.read_text()
    assert "warning: cannot install" not in script
    assert "exit 1" in script.split("# The test command")[0]  # an install it cannot do stops CI
    assert script.index("export CI=true") < script.index('bash -euo pipefail -c "$test_command"')
    assert subprocess.run(["bash", "-n", str(CI_RUN)]).returncode == 0


def test_ci_run_installs_chromium_and_its_driver_for_the_browser_tests() -> None:
    installs = CI_RUN.read_text().split("# The test command")[0]
    assert "need+=(chromium)" in installs and "need+=(chromium-driver)" in installs
    assert "have_chromium || ! have_chromedriver" in installs  # still missing after the install: CI fails
