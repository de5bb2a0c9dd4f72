"""The main window: builds the document, scene, view and actions, and wires them in one place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from vscdesk.app import dialogs
from vscdesk.app.features import Features, compose
from vscdesk.app.folders import start_in
from vscdesk.app.loading import load_with_progress
from vscdesk.app.new_document import new_document
from vscdesk.app.shortcuts import set_shortcuts
from vscdesk.canvas.scene import DiagramScene
from vscdesk.canvas.view import DiagramView
from vscdesk.document import Document, Selection
from vscdesk.model import DocumentModel
from vscdesk.storage import LoadError, SaveError, save

Std = QKeySequence.StandardKey


class MainWindow(QMainWindow):
    #: after the document was written to this path (Save, Save As)
    file_saved = Signal(object)
    #: the window was closed for good (the user saved or discarded): clean-up time
    closed = Signal()

    def __init__(self, document: Document | None = None) -> None:
        super().__init__()
        #: asked before a file is opened; any False cancels (lock files)
        self.before_open: list[Callable[[Path], bool]] = []
        #: asked before saving to a path; each returns the path to use, or None to cancel
        self.before_save: list[Callable[[Path], Path | None]] = []
        #: shown after the name in the title, e.g. " (read-only)"
        self.title_note = ""
        self.document = document or Document(new_document())
        self.display_name = "Untitled"
        self.selection = Selection(self)
        self.scene = DiagramScene(self.document, parent=self, selection=self.selection)
        self.view = DiagramView(self.scene, self)
        self.setCentralWidget(self.view)
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self._build_menus()
        self.features: Features = compose(self)  # app/features.py: every feature, in order
        self.document.modified_changed.connect(self.setWindowModified)
        self.document.reset.connect(self._update_title)
        self.resize(1440, 900)
        self._update_title()

    # -- actions ---------------------------------------------------------------------------

    def _action(self, key: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        set_shortcuts(action, shortcut)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.actions[key] = action
        return action

    def _build_menus(self) -> None:
        file_menu = self.menus["file"] = self.menuBar().addMenu("&File")
        file_menu.addAction(self._action("new", "&New", self.new_file, Std.New, "Start a new document"))
        file_menu.addAction(self._action("open", "&Open…", self.open_file, Std.Open, "Open a document"))
        file_menu.addAction(self._action("save", "&Save", self.save, Std.Save, "Save the document"))
        file_menu.addAction(self._action("save_as", "Save &As…", self.save_as, Std.SaveAs,
                                         "Save the document under another name or in another folder"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("export", "&Export…", self.export, "Ctrl+E",
                                         "Export the diagram as PNG, SVG or PDF"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("quit", "&Quit", self.close, Std.Quit,
                                         "Close the window (asks first about unsaved changes)"))
        edit_menu = self.menus["edit"] = self.menuBar().addMenu("&Edit")
        undo = self.document.history.undo_action(self, "&Undo")
        set_shortcuts(undo, Std.Undo)
        undo.setStatusTip("Take back the last edit (Edit ▸ Undo history lists them all)")
        redo = self.document.history.redo_action(self, "&Redo")
        set_shortcuts(redo, Std.Redo)
        redo.setStatusTip("Make again the edit Undo took back")
        self.actions.update(undo=undo, redo=redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        view_menu = self.menus["view"] = self.menuBar().addMenu("&View")
        view_menu.addAction(self._action("zoom_in", "Zoom &in", lambda: self.view.zoom_by(1.25),
                                         Std.ZoomIn, "Magnify the diagram by a quarter"))
        view_menu.addAction(self._action("zoom_out", "Zoom &out", lambda: self.view.zoom_by(0.8),
                                         Std.ZoomOut, "Show more of the diagram, smaller"))
        view_menu.addAction(self._action("fit", "&Fit to window", self.view.fit, "Ctrl+0",
                                         "Zoom so the whole diagram is in view"))
        view_menu.addAction(self._action("fit_width", "Fit &width", self.view.fit_width,
                                         "Ctrl+9", "Fit the diagram's width; scroll down"))
        view_menu.addAction(self._action("actual", "&Actual size", lambda: self.view.set_zoom(1.0),
                                         "Ctrl+1", "Zoom to 100 %: the size the diagram exports at"))

    # -- title -----------------------------------------------------------------------------

    def _update_title(self) -> None:
        path = self.document.path
        if path is not None:
            self.display_name = path.name
        self.setWindowTitle(f"{self.display_name}{self.title_note}[*] — vscdesk")
        self.setWindowModified(self.document.is_modified())

    def set_title_note(self, note: str) -> None:
        """Shown after the name in the title, e.g. " (read-only)"."""
        self.title_note = note
        self._update_title()

    # -- files -----------------------------------------------------------------------------

    def show_model(self, model: DocumentModel, path: Path | None, name: str | None = None) -> None:
        self.display_name = name or (path.name if path else "Untitled")
        self.document.set_model(model, path)
        self._update_title()
        self.view.fit()

    def open_path(self, path: Path) -> bool:
        if not all(guard(Path(path)) for guard in self.before_open):
            return False
        try:
            model = load_with_progress(self, Path(path))
        except LoadError as err:
            dialogs.show_error(self, "Cannot open document", dialogs.open_failure(path, err))
            return False
        self.show_model(model, Path(path))
        return True

    def new_file(self) -> None:
        if self.maybe_discard():
            self.show_model(new_document(), None)

    def open_file(self) -> None:
        if not self.maybe_discard():
            return
        path = dialogs.ask_open_path(self, start_in("", self.document.path))
        if path is not None:
            self.open_path(path)

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        stem = self.display_name.replace(" (example)", "").replace(" (recovered)", "")
        stem = stem.removesuffix(".vsc.json").removesuffix(".json")  # a saved file's name
        path = dialogs.ask_save_path(self, start_in(stem + ".vsc.json", self.document.path))
        return path is not None and self.save_to(path)

    def save_to(self, path: Path) -> bool:
        for guard in self.before_save:
            if (path := guard(Path(path))) is None:
                return False
        try:
            save(self.document.model, path)
        except SaveError as err:
            dialogs.show_error(self, "Cannot save document", str(err))
            return False
        self.document.path = Path(path)
        self.document.mark_saved()
        self._update_title()
        self.file_saved.emit(Path(path))
        self.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def export(self) -> None:
        """File ▸ Export…: options, preview and progress live in app/export_dialog.py."""
        from vscdesk.app.export_dialog import open_export_dialog

        open_export_dialog(self)

    def maybe_discard(self) -> bool:
        """True when it is fine to drop the current document (saved, discarded, or clean)."""
        if not self.document.is_modified():
            return True
        answer = dialogs.ask_discard(self, self.display_name)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_discard():
            event.accept()
            self.closed.emit()
        else:
            event.ignore()
