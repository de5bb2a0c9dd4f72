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


@pytest.fixture(autouse=True)
def _no_session_questions(monkeypatch):
    """Lock, external-change and recovery questions must be answered by the test that expects them."""
    def unexpected(name):
        def ask(*args):
            raise AssertionError(f"unexpected question: {name}")
        return ask

    for name in ("ask_locked", "ask_external_change", "ask_recovery", "ask_lane_stages",
                 "ask_document_properties", "ask_print", "ask_deck_path"):
        monkeypatch.setattr(dialogs, name, unexpected(name))
