"""The window's imports report hostile files as the command line does: one line in an error
dialog, the open document untouched, never an exception escaping into Qt."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.hostile.corpus import archi, junction_chain, stage_csv, value_stream_with_stage
from vscdesk.app import dialogs, flow_import, interop_actions


@pytest.fixture
def errors_shown(monkeypatch) -> list[tuple[str, str]]:
    """The error dialogs the window showed, as (title, text)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append((title, text)))
    # An imported document is unsaved: closing the window at teardown must not ask.
    monkeypatch.setattr(dialogs, "ask_discard", lambda *a: QMessageBox.StandardButton.Discard)
    return shown


def _hostile(tmp_path, name: str) -> str:
    path = tmp_path / name
    if name == "fifo.csv":
        os.mkfifo(path)
    elif name == "zero.xml":
        os.symlink("/dev/zero", path)
    elif name == "latin.xml":
        path.write_bytes(archi(value_stream_with_stage({}), encoding="bogus-8"))
    elif name == "utf32.archimate":
        path.write_bytes(archi(value_stream_with_stage({})).decode().encode("utf-32"))
    elif name == "chain.archimate":
        path.write_bytes(junction_chain(5000))
    elif name == "order.csv":
        path.write_text(stage_csv("order", "9" * 5000), encoding="utf-8")
    elif name == "sup.csv":
        path.write_text(stage_csv("order", "²"), encoding="utf-8")
    return path


@pytest.mark.parametrize("name, kind, words", [
    ("fifo.csv", "csv", "is not a regular file"),
    ("zero.xml", "exchange", "is not a regular file"),
    ("latin.xml", "exchange", "declares the encoding 'bogus-8'"),
    ("utf32.archimate", "archi", "is UTF-32 text"),
    ("order.csv", "csv", "row 2, column order: '9999"),
    ("sup.csv", "csv", "row 2, column order: '²' is not a whole number from 1 up"),
])
def test_hostile_imports_show_one_line_and_change_nothing(window, errors_shown, monkeypatch, tmp_path, name,
                                                           kind, words):
    path = _hostile(tmp_path, name)
    monkeypatch.setattr(interop_actions, "ask_import_path", lambda parent, k: path)
    before = window.document.model
    window.actions[f"import_{kind}"].trigger()
    (title, text), = errors_shown
    assert title == "Cannot import" and text.startswith(f"{name}: ") and words in text, text
    assert "\n" not in text and "sys." not in text and "int()" not in text
    assert window.document.model is before and window.document.path is None


def test_a_deep_junction_chain_imports_in_the_window(window, errors_shown, monkeypatch, tmp_path):
    path = _hostile(tmp_path, "chain.archimate")
    monkeypatch.setattr(interop_actions, "ask_import_path", lambda parent, k: path)
    window.actions["import_archi"].trigger()
    assert errors_shown == []
    stream, = window.document.model.streams
    assert [s.name for s in stream.stages] == ["Start", "End"]


def test_hostile_flow_csv_in_the_window(window, errors_shown, monkeypatch, tmp_path):
    items = tmp_path / "items.csv"
    items.write_text("id,type,stream,started\nF-1," + "x" * 200_000 + ",s,2024-01-01\n")
    monkeypatch.setattr(flow_import, "ask_flow_csv", lambda parent: items)
    depth = window.document.undo_stack.count()
    window.actions["import_flow_items"].trigger()
    (_title, text), = errors_shown
    assert text == "items.csv: row 2: a cell is longer than 131,072 characters (line 2)"
    assert window.document.undo_stack.count() == depth
