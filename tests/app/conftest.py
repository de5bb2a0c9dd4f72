"""GUI tests never block on a modal dialog: unanswered questions fail loudly instead."""

import pytest
from PySide6.QtWidgets import QMessageBox

from vscdesk.app import dialogs


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch):
    def unexpected_error(parent, title, message):
        raise AssertionError(f"unexpected error dialog: {title}: {message}")

    monkeypatch.setattr(dialogs, "show_error", unexpected_error)
    # Windows left modified at teardown are closed by pytest-qt: discard rather than block.
    monkeypatch.setattr(dialogs, "ask_discard", lambda *a: QMessageBox.StandardButton.Discard)
