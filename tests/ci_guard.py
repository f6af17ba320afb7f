"""With ``CI=true``, a skipped test fails the run: CI must not pass on tests that did not run.

Locally a test may skip (no sshd installed, say); in CI, ``.ci/run`` installs
everything and exports ``CI=true``, so a skip means something is missing. The
run then ends with exit status 1 and lists each skipped test and why.

tests/conftest.py installs it; ``-p tests.ci_guard`` loads it on its own.
"""

from __future__ import annotations

import os

import pytest

CI_VALUES = {"true", "1", "yes"}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in CI_VALUES


def _reason(report: pytest.CollectReport | pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


class SkipGuard:
    def __init__(self) -> None:
        self.skipped: list[str] = []

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.skipped:
            self.skipped.append(f"{report.nodeid or report.fspath}: {_reason(report)}")

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.skipped and not hasattr(report, "wasxfail"):
            self.skipped.append(f"{report.nodeid}: {_reason(report)}")

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.skipped and session.exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED):
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if not self.skipped:
            return
        count = len(self.skipped)
        terminalreporter.write_sep(
            "=", f"CI=true: {count} skipped test{'s' if count != 1 else ''} fail the run", red=True, bold=True
        )
        for line in self.skipped:
            terminalreporter.write_line(f"SKIPPED {line}")


def install(config: pytest.Config) -> None:
    """Register the guard in CI, once, in the process that reports (the xdist controller, not its workers)."""
    if in_ci() and not hasattr(config, "workerinput") and not config.pluginmanager.has_plugin("ci-skip-guard"):
        config.pluginmanager.register(SkipGuard(), "ci-skip-guard")


def pytest_configure(config: pytest.Config) -> None:
    install(config)
