"""Save As, Export and the other save dialogs refuse names Windows forbids, on every system.

The real dialog functions run; only QFileDialog's answer is scripted. A refused name shows
one line and the dialog opens again, starting from that name.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from vscdesk.app import dialogs
from vscdesk.app.export_dialog import ExportDialog

#: the real dialog (tests/app/conftest.py makes unexpected calls of it fail)
ASK_DECK_PATH = dialogs.ask_deck_path


@pytest.fixture
def answers(monkeypatch):
    """Script the save dialog: each call pops the next answer and records where it started."""
    queue: list[str] = []
    starts: list[str] = []

    def get_save_file_name(parent, title, start, file_filter, *rest, **kw):
        starts.append(start)
        return (queue.pop(0) if queue else ""), file_filter.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return queue, starts


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(text))
    return shown


def test_save_as_refuses_a_device_name_and_asks_again(window, answers, errors, tmp_path):
    queue, starts = answers
    queue += [str(tmp_path / "CON.vsc.json"), str(tmp_path / "services.vsc.json")]
    assert window.save_as()
    assert errors == ["CON.vsc.json: CON is a device name on Windows and cannot name a file"]
    assert starts[1].endswith("CON.vsc.json")  # the refused name, to correct it
    assert window.document.path == tmp_path / "services.vsc.json"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["services.vsc.json"]


def test_save_as_cancelled_after_a_refusal_writes_nothing(window, answers, errors, tmp_path):
    queue, _ = answers
    queue += [str(tmp_path / "Q1: plan")]
    assert not window.save_as()
    assert len(errors) == 1 and ":" in errors[0] and "Windows" in errors[0]
    assert list(tmp_path.iterdir()) == []


def test_export_refuses_forbidden_characters(window, qtbot, answers, errors, tmp_path):
    queue, _ = answers
    queue += [str(tmp_path / "map|v2.png"), str(tmp_path / "map v2.png")]
    window.export()
    dialog = window.findChild(ExportDialog)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "map v2.png").exists())
    assert len(errors) == 1 and "|" in errors[0]
    assert not (tmp_path / "map|v2.png").exists()


def test_csv_export_refuses_a_wildcard(window, answers, errors, tmp_path):
    queue, _ = answers
    queue += [str(tmp_path / "stages*"), str(tmp_path / "stages.csv")]
    window.actions["export_csv"].trigger()
    assert errors == ["stages*.csv: the file name contains “*”, which Windows does not allow in "
                      "names"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stages.csv"]


def test_chart_png_refuses_a_device_name(window, answers, errors, tmp_path):
    queue, _ = answers
    queue += [str(tmp_path / "lpt1"), str(tmp_path / "lead-time.png")]
    assert dialogs.ask_chart_path(window, "lead-time.png") == tmp_path / "lead-time.png"
    assert errors == ["lpt1.png: LPT1 is a device name on Windows and cannot name a file"]


def test_every_save_dialog_checks_the_name():
    """A new save dialog must go through dialogs.ask_output_path."""
    import ast
    from pathlib import Path

    root = Path(__file__).parents[2] / "vscdesk"
    allowed = {("app/dialogs.py", "ask_output_choice")}
    found = set()
    for file in root.rglob("*.py"):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(func):
                    if isinstance(node, ast.Attribute) and node.attr == "getSaveFileName":
                        found.add((file.relative_to(root).as_posix(), func.name))
    assert found == allowed


def test_the_presentation_deck_dialog_refuses_a_device_name(window, answers, errors, tmp_path):
    queue, _ = answers
    queue += [str(tmp_path / "prn"), str(tmp_path / "board")]
    assert ASK_DECK_PATH(window, "deck.pptx") == (tmp_path / "board.pptx", "16:9")
    assert errors == ["prn.pptx: PRN is a device name on Windows and cannot name a file"]
