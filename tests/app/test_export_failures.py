"""Exports from the window go through the same atomic writer as the command line: a disk that
fills up part-way or a read-only file is one message in a dialog, and the old file is intact."""

import errno
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from vscdesk.app import dialogs, interop_actions
from vscdesk.app.export_dialog import ExportDialog
from vscdesk.model import Slide

OLD = b"the old file\n"


@pytest.fixture
def errors(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append(message))
    return shown


def _disk_full_after(monkeypatch, budget: int) -> None:
    real_write = os.write
    left = [budget]

    def write(fd, data):
        if left[0] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        done = real_write(fd, bytes(memoryview(data)[:left[0]]))
        left[0] -= done
        return done

    monkeypatch.setattr(os, "write", write)


def _export(qtbot, window, monkeypatch, out: Path) -> ExportDialog:
    window.actions["export"].trigger()
    dialog = window.findChild(ExportDialog)
    dialog.format.setCurrentIndex(dialog.format.findData(out.suffix))
    monkeypatch.setattr(dialogs, "ask_export_path", lambda *a: out)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return dialog


@pytest.mark.parametrize("name", ["d.pdf", "d.png", "d.svg"])
def test_export_onto_a_disk_that_fills_up_shows_one_message(window, qtbot, monkeypatch, tmp_path,
                                                           errors, name):
    out = tmp_path / name
    out.write_bytes(OLD)
    with monkeypatch.context() as patch:
        _disk_full_after(patch, 200)
        dialog = _export(qtbot, window, patch, out)
    assert errors == [f"Could not write {name}: the disk is full. The file on disk was not "
                      "changed."]
    assert out.read_bytes() == OLD and os.listdir(tmp_path) == [name]
    assert dialog.isVisible()  # the user can pick another place
    assert "Exported" not in window.statusBar().currentMessage()


def test_export_to_a_read_only_file_is_refused(window, qtbot, monkeypatch, tmp_path, errors):
    out = tmp_path / "d.pdf"
    out.write_bytes(OLD)
    out.chmod(0o444)
    _export(qtbot, window, monkeypatch, out)
    assert errors == ["Could not write d.pdf: the file is read-only. The file on disk was not "
                      "changed."]
    assert out.read_bytes() == OLD


@pytest.mark.parametrize("action, suffix", [("export_csv", ".csv"), ("export_archimate", ".xml")])
def test_export_csv_and_archimate_on_a_full_disk(window, monkeypatch, tmp_path, errors, action,
                                                suffix):
    out = tmp_path / f"it{suffix}"
    out.write_bytes(OLD)
    monkeypatch.setattr(interop_actions, "ask_save_path", lambda *a: out)
    with monkeypatch.context() as patch:
        _disk_full_after(patch, 300)
        assert not window.features.interop._write("Export", "*", suffix)
    assert errors == [f"Could not write it{suffix}: the disk is full. The file on disk was not "
                      "changed."]
    assert out.read_bytes() == OLD and os.listdir(tmp_path) == [out.name]


def test_export_archimate_says_what_it_left_out(window, monkeypatch, tmp_path):
    doc = window.document.model.model_copy(update={"slides": [Slide(id="s1", name="One")]})
    window.show_model(doc, None, "IT services")
    out = tmp_path / "it.xml"
    monkeypatch.setattr(interop_actions, "ask_save_path", lambda *a: out)
    window.actions["export_archimate"].trigger()
    assert out.read_bytes().startswith(b"<?xml")
    assert window.statusBar().currentMessage() == f"Exported {out} (left out: 1 slide)"


def test_a_chart_saved_over_a_read_only_file_says_so(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    from vscdesk.panels.metrics_export import save_png

    chart = QLabel("chart")
    qtbot.addWidget(chart)
    chart.resize(120, 80)
    out = tmp_path / "chart.png"
    out.write_bytes(OLD)
    out.chmod(0o444)
    assert save_png(chart, out) == ("Could not write chart.png: the file is read-only. The file "
                                    "on disk was not changed.")
    assert out.read_bytes() == OLD
    out.chmod(0o644)
    assert save_png(chart, out) is None and out.read_bytes().startswith(b"\x89PNG")
