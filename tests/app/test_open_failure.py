"""A file that cannot be opened, from the command line or any other way, is named in the
dialog's headline; why comes under it in the error's own one line, then where the file is."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from vscdesk.app import dialogs
from vscdesk.app.application import start_window


def test_a_bad_file_given_at_start_gets_a_headline_naming_it(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "plan.vsc.json"
    bad.write_text('{"title": 3', encoding="utf-8")
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, msg: shown.append(msg))
    window = start_window(bad)
    qtbot.addWidget(window)
    assert window.features.welcome is not None and len(shown) == 1
    headline, why, where = shown[0].split("\n\n")
    assert headline == "Could not open “plan.vsc.json”"
    assert why.startswith("plan.vsc.json: line 1, column 12: is not valid JSON")
    assert where == f"In the folder {tmp_path}"


def test_the_box_shows_the_headline_above_the_reason(qtbot, tmp_path):
    from vscdesk.storage import LoadError

    err = LoadError("gone.vsc.json", "file not found", kind="not_found")
    box = dialogs.error_box(None, "Cannot open document",
                            dialogs.open_failure(tmp_path / "gone.vsc.json", err))
    qtbot.addWidget(box)
    assert box.text() == "Could not open “gone.vsc.json”"
    assert box.informativeText() == f"gone.vsc.json: file not found\n\nIn the folder {tmp_path}"
    assert box.icon() == QMessageBox.Icon.Critical


def test_a_one_line_error_stays_one_line(qtbot):
    box = dialogs.error_box(None, "Cannot export", "x.png: the disk is full")
    qtbot.addWidget(box)
    assert box.text() == "x.png: the disk is full" and box.informativeText() == ""
