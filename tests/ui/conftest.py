"""UI tests see the end of a session at once (the app pauses a moment on the finished screen)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def no_pause_before_the_after_session_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("trainer.screens.session.AFTER_DIALOG_DELAY", 0.0)
