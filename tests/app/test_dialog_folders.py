"""File dialogs start in the document's folder, else the last folder used, never the working
directory (with `make run` that was the source checkout)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from vscdesk.app import dialogs, flow_import, interop_actions
from vscdesk.app.export_dialog import ExportDialog
from vscdesk.storage import load, save


class FileDialogs:
    """Stands in for QFileDialog's questions: records where each started, answers a path."""

    def __init__(self, monkeypatch):
        self.started: list[Path] = []
        self.answer = ""
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._ask)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._ask)

    def _ask(self, parent, title, start, file_filter):
        self.started.append(Path(start))
        return self.answer, file_filter.split(";;")[0]

    def folder(self) -> Path:
        """The folder the last dialog started in (its start may name a file)."""
        start = self.started[-1]
        return start if start.is_dir() else start.parent


@pytest.fixture
def files(monkeypatch, tmp_path):
    cwd = tmp_path / "checkout"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return FileDialogs(monkeypatch)


def _save_a_chart(window, qtbot):
    """Metrics ▸ Save chart as PNG, clicked; the dialog (scripted) answers nothing."""
    from PySide6.QtCore import Qt

    window.show()
    qtbot.waitExposed(window)
    window.features.analysis_runner.run_now()
    window.features.docks["metrics"].show()
    window.features.docks["metrics"].raise_()
    panel = window.features.docks["metrics"].widget()
    qtbot.waitUntil(lambda: panel.charts is not None)
    qtbot.mouseClick(panel.charts.save_button, Qt.MouseButton.LeftButton)


@pytest.fixture
def window(make_window):
    return make_window(finished=True, shown=False)


def test_without_a_document_folder_nothing_starts_in_the_working_directory(window, files):
    window.save_as()
    assert files.started[-1].is_absolute() and files.folder() != Path.cwd()
    assert files.started[-1].name == "IT services.vsc.json"
    assert files.folder() in (Path.home() / "Documents", Path.home())


def test_the_last_folder_used_is_where_the_next_dialog_starts(window, files, tmp_path, qtbot,
                                                              example_file):
    maps = tmp_path / "maps"
    maps.mkdir()
    files.answer = str(maps / "first.vsc.json")
    assert window.save_as()
    window.new_file()  # unsaved again: no document folder
    export = ExportDialog(window)
    qtbot.addWidget(export)
    files.answer = ""
    export.export()
    assert files.folder() == maps and files.started[-1].name.endswith(".png")
    interop_actions.ask_import_path(window, "csv")
    assert files.folder() == maps
    dialogs.ask_open_path(window)
    assert files.folder() == maps
    window.show_model(load(example_file), None, "IT services (example)")  # charts, no path
    asked = len(files.started)
    _save_a_chart(window, qtbot)
    assert len(files.started) == asked + 1
    assert files.folder() == maps and files.started[-1].name.endswith(".png")


def test_a_saved_document_s_folder_comes_first(window, files, tmp_path, example_file, qtbot,
                                               monkeypatch):
    elsewhere, home = tmp_path / "elsewhere", tmp_path / "home-of-the-map"
    elsewhere.mkdir()
    home.mkdir()
    path = home / "it.vsc.json"
    save(load(example_file), path)
    files.answer = str(elsewhere / "x.vsc.json")
    dialogs.ask_open_path(window)  # the last folder is now "elsewhere"
    assert window.open_path(path)
    files.answer = ""
    interop = window.features.interop
    for ask in (window.save_as, window.open_file, interop.export_csv,
                interop.export_archimate, lambda: interop.import_file("exchange"),
                lambda: flow_import.import_flow_items(window)):
        ask()
        assert files.folder() == home, ask
    export = ExportDialog(window)
    qtbot.addWidget(export)
    export.export()
    assert files.started[-1] == home / "it.png"
    asked = len(files.started)
    _save_a_chart(window, qtbot)
    assert len(files.started) == asked + 1
    assert files.folder() == home and files.started[-1].suffix == ".png"
    decks = []
    monkeypatch.setattr(dialogs, "ask_deck_path", lambda parent, start: decks.append(start))
    from vscdesk.app.meeting_actions import export_deck

    export_deck(window)
    assert decks == [str(home / "it.pptx")]


def test_every_file_dialog_starts_where_start_in_says():
    """Each QFileDialog question in the app takes its starting path from folders.start_in
    (directly, or through a name assigned from it in the same function): none can start in
    the working directory."""
    import ast

    root = Path(__file__).parents[2] / "vscdesk"
    asks = ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory",
            "getOpenFileUrl", "getSaveFileUrl", "getExistingDirectoryUrl")

    def from_start_in(node, func):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "start_in":
            return True
        if isinstance(node, ast.Name):
            return any(isinstance(a, ast.Assign) and any(getattr(t, "id", "") == node.id
                                                         for t in a.targets)
                       and from_start_in(a.value, func) for a in ast.walk(func))
        return False

    found, wrong = [], []
    for file in root.rglob("*.py"):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef):
                continue
            for call in ast.walk(func):
                if isinstance(call, ast.Call) and getattr(call.func, "attr", "") in asks:
                    where = f"{file.relative_to(root).as_posix()}::{func.name}"
                    found.append(where)
                    start = call.args[2] if len(call.args) > 2 else next(
                        (k.value for k in call.keywords if k.arg == "dir"), None)
                    if start is None or not from_start_in(start, func):
                        wrong.append(where)
    assert wrong == []
    assert len(found) >= 4 and not any(where.startswith("panels/") for where in found)
