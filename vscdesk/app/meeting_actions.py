"""For meetings: File ▸ Export ▸ Presentation (.pptx)…, File ▸ Print… and Edit ▸ Copy as image.

The exports gather under File ▸ Export: the diagram (PNG, SVG, PDF), the presentation as an
editable PowerPoint deck, ArchiMate and CSV. The deck is built without Qt (vscdesk/deck) with
a cancellable progress dialog; printing goes through Qt's print preview.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QMenu, QProgressDialog, QToolBar

from vscdesk.app import dialogs
from vscdesk.app.folders import start_in
from vscdesk.app.shortcuts import set_shortcuts

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

PRINT_MODES = {"fit": "Fit to page", "tile": "Tile over pages (full size)"}


def _action(window: MainWindow, key: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    set_shortcuts(action, shortcut)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.actions[key] = action
    return action


def install(window: MainWindow) -> None:
    """The Export submenu (with the deck), Print… after it, Copy as image after Copy."""
    file_menu = window.menus["file"]
    exports = QMenu("E&xport", file_menu)
    window.menus["export"] = exports
    first = window.actions["export"]
    file_menu.insertMenu(first, exports)
    window.actions["export"].setText("&Diagram (PNG, SVG, PDF)…")
    for key, text in (("export_archimate", "&ArchiMate exchange file…"),
                      ("export_csv", "&CSV, one row per stage…")):
        if key in window.actions:  # inside Export, the menu says what it is
            window.actions[key].setText(text)
    deck = _action(window, "export_deck", "&Presentation (.pptx)…", lambda: export_deck(window),
                   tip="Write the presentation as an editable PowerPoint deck with speaker notes")
    for key in ("export", None, "export_archimate", "export_csv"):
        if key is None:
            exports.addAction(deck)
            continue
        action = window.actions.get(key)
        if action is not None:
            file_menu.removeAction(action)
            exports.addAction(action)
    printing = _action(window, "print", "&Print…", lambda: print_document(window), "Ctrl+P",
                       "Print the current view: fit to a page, or tiled at full size")
    file_menu.insertAction(_after(file_menu, exports.menuAction()), printing)
    copy_image = _action(window, "copy_image", "Cop&y as image", lambda: copy_as_image(window),
                         "Ctrl+Shift+C", "Copy the current view (or the selected stream) as "
                                         "PNG and SVG")
    edit_menu = window.menus["edit"]
    copy = window.actions.get("copy")
    edit_menu.insertAction(_after(edit_menu, copy) if copy else None, copy_image)


def _after(menu: QMenu, action: QAction) -> QAction | None:
    items = menu.actions()
    at = items.index(action)
    return items[at + 1] if at + 1 < len(items) else None


def copy_as_image(window: MainWindow) -> None:
    from vscdesk.app.copy_image import copy_as_image as copy

    copy(window)


# -- the deck --------------------------------------------------------------------------------


def export_deck(window: MainWindow) -> bool:
    """Ask where, build the deck slide by slide (cancellable), write it; True when written."""
    model = window.document.model
    stem = window.display_name.removesuffix(".vsc.json").removesuffix(".json")
    stem = stem.replace(" (example)", "").replace(" (recovered)", "")
    answer = dialogs.ask_deck_path(window, start_in(stem + ".pptx", window.document.path))
    if answer is None:
        return False
    path, aspect = answer
    from vscdesk.deck.build import DeckCancelled, DeckError, build_deck, write_deck
    from vscdesk.storage.errors import SaveError

    progress = QProgressDialog("Building the deck…", "Cancel", 0, 1, window)
    progress.setWindowTitle("Export presentation")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)

    def tick(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        return not progress.wasCanceled()

    try:
        write_deck(build_deck(model, aspect=aspect, tick=tick), Path(path))
    except DeckCancelled:
        return False
    except SaveError as err:  # the atomic writer's line says what and why
        dialogs.show_error(window, "Cannot export the presentation", str(err))
        return False
    except (DeckError, OSError) as err:
        dialogs.show_error(window, "Cannot export the presentation", f"{path}: {err}")
        return False
    finally:
        progress.close()
        progress.deleteLater()
    window.statusBar().showMessage(f"Exported the presentation to {path}", 4000)
    return True


# -- printing --------------------------------------------------------------------------------


def print_document(window: MainWindow, mode: str = "fit") -> None:
    """Qt's print preview of the current view (or the selected stream), landscape, with a
    choice of fitting it on a page or tiling it at full size."""
    from vscdesk.app.copy_image import current_picture
    from vscdesk.paint.printing import landscape_printer, paint_print

    drawing = current_picture(window)
    title = drawing.title or window.document.model.title
    state = {"mode": mode}
    printer = landscape_printer()
    printer.setDocName(title)

    def paint(target) -> None:
        paint_print(target, drawing, title, state["mode"])

    dialogs.ask_print(window, printer, paint, lambda dialog: _mode_choice(dialog, state))


def _mode_choice(dialog, state: dict) -> None:
    """A Fit / Tile choice on the preview's own toolbar; changing it redraws the preview."""
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    toolbar = dialog.findChild(QToolBar)
    preview = dialog.findChild(QPrintPreviewWidget)
    if toolbar is None or preview is None:
        return
    box = QComboBox(toolbar)
    box.setObjectName("print_mode")
    for key, label in PRINT_MODES.items():
        box.addItem(label, key)
    box.setCurrentIndex(box.findData(state["mode"]))

    def changed() -> None:
        state["mode"] = box.currentData()
        preview.updatePreview()

    box.currentIndexChanged.connect(changed)
    toolbar.addSeparator()
    toolbar.addWidget(box)
