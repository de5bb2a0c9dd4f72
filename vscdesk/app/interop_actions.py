"""File menu entries for other formats: New from template, Import (ArchiMate exchange, Archi
model, CSV) with a report of what was left out, Export ArchiMate… and Export CSV….

The formats themselves are in vscdesk/interop (no Qt); this module only asks for files, shows
results and replaces the window's document. File questions are module functions so tests can
answer them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from vscdesk.app import dialogs
from vscdesk.app.folders import document_path, remember, start_in
from vscdesk.app.import_report import ImportReportDialog
from vscdesk.interop.errors import InteropError
from vscdesk.interop.templates import TEMPLATES, load_template

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

TEMPLATE_LABELS = {"itil4": "ITIL 4 service value chain", "porter": "Porter's value chain",
                   "it4it": "IT4IT value streams", "business-units": "Business units",
                   "blank": "Blank document"}


def template_name(name: str) -> str:
    """What a map started from a template is called until saved (blank: like File ▸ New)."""
    return "Untitled" if name == "blank" else TEMPLATE_LABELS.get(name, name)


#: import kind -> (menu text, file filter)
IMPORTS = {
    "exchange": ("ArchiMate &exchange file (.xml)…", "ArchiMate exchange files (*.xml);;All files (*)"),
    "archi": ("&Archi model (.archimate)…", "Archi models (*.archimate);;All files (*)"),
    "csv": ("&CSV stage list (.csv)…", "CSV files (*.csv);;All files (*)"),
}
XML_FILTER = "ArchiMate exchange files (*.xml)"
CSV_FILTER = "CSV files (*.csv)"


def ask_import_path(parent: QWidget, kind: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Import", start_in("", document_path(parent)),
                                          IMPORTS[kind][1])
    remember(path)
    return Path(path) if path else None


def ask_save_path(parent: QWidget, title: str, start: str, file_filter: str, suffix: str) -> Path | None:
    return dialogs.ask_output_path(
        parent, title, start, file_filter,
        lambda path, _: path if path.lower().endswith(suffix) else path + suffix)


def _stem(window: MainWindow) -> str:
    name = window.document.path.name if window.document.path else window.display_name
    return name.split(".")[0].replace(" (example)", "") or "document"


def _start(window: MainWindow, suffix: str) -> str:
    return start_in(_stem(window) + suffix, window.document.path)


class InteropActions:
    """The actions, wired to one window; kept on the window so tests can reach them."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.report: ImportReportDialog | None = None

    # -- templates ---------------------------------------------------------------------------

    def new_from_template(self, name: str) -> bool:
        """A new unsaved map from the template, named after it (the window's title and Save
        As's suggested file); File ▸ New from template and the welcome page both come here."""
        if not self.window.maybe_discard():
            return False
        try:
            doc = load_template(name)
        except InteropError as err:
            dialogs.show_error(self.window, "Cannot start from the template", str(err))
            return False
        self.window.show_model(doc, None, template_name(name))
        return True

    # -- import ------------------------------------------------------------------------------

    def import_file(self, kind: str) -> bool:
        """Ask for a file, read it into a new (unsaved) document and show the import report."""
        if not self.window.maybe_discard():
            return False
        path = ask_import_path(self.window, kind)
        if path is None:
            return False
        before = self.window.document.model
        try:
            if kind == "csv":
                from vscdesk.interop.stages_csv import read_stages_csv

                doc = read_stages_csv(path, before.chain, list(before.stakeholders))
                report = _csv_report(before, doc)
            else:
                from vscdesk.interop.archimate_import import import_archimate

                doc, report = import_archimate(path)
        except InteropError as err:
            dialogs.show_error(self.window, "Cannot import", str(err))
            return False
        self.window.show_model(doc, None, f"{path.stem} (imported)")
        self.window.document.mark_unsaved()  # not saved anywhere yet: ask before closing
        self.report = ImportReportDialog(self.window, path.name, doc, report)
        self.report.open()
        return True

    # -- export ------------------------------------------------------------------------------

    def export_archimate(self) -> bool:
        return self._write("Export ArchiMate exchange file", XML_FILTER, ".xml")

    def export_csv(self) -> bool:
        return self._write("Export stages as CSV", CSV_FILTER, ".csv")

    def _write(self, title: str, file_filter: str, suffix: str) -> bool:
        """Ask where, write atomically (the same bytes and limits as ``vscdesk convert``), and
        say in the status bar what the format had no place for."""
        from vscdesk.interop.outputs import encode
        from vscdesk.storage import SaveError, write_output

        path = ask_save_path(self.window, title, _start(self.window, suffix), file_filter, suffix)
        if path is None:
            return False
        try:
            encoded = encode(self.window.document.model, suffix)
            write_output(path, encoded.data)
        except InteropError as err:
            dialogs.show_error(self.window, "Cannot export", f"Could not write {path.name}: "
                               f"{err}")
            return False
        except SaveError as err:
            dialogs.show_error(self.window, "Cannot export", str(err))
            return False
        note = f" (left out: {', '.join(encoded.left_out)})" if encoded.left_out else ""
        self.window.statusBar().showMessage(f"Exported {path}{note}", 8000 if note else 4000)
        return True


def _csv_report(before, doc) -> list[str]:
    """CSV import reports which lanes it added beside the current value chain's."""
    known = {lane.id for lane in before.chain.lanes}
    added = [lane.name for lane in doc.chain.lanes if lane.id not in known]
    if not added:
        return []
    return [f"lane added (no lane of '{before.chain.name}' has its name): {name}" for name in added]


def _action(window: MainWindow, key: str, text: str, slot, tip: str = "") -> QAction:
    action = QAction(text, window)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.actions[key] = action
    return action


def install(window: MainWindow) -> InteropActions:
    """New from template after New; Import and the two exports after Export…."""
    actions = InteropActions(window)
    file_menu = window.menus["file"]
    templates = QMenu("New from &template", file_menu)
    for name, about in TEMPLATES.items():
        templates.addAction(_action(window, f"template_{name}", TEMPLATE_LABELS.get(name, name),
                                    lambda n=name: actions.new_from_template(n), about))
    window.menus["templates"] = templates
    file_menu.insertMenu(window.actions["open"], templates)
    imports = QMenu("&Import", file_menu)
    for kind, (text, _filter) in IMPORTS.items():
        imports.addAction(_action(window, f"import_{kind}", text, lambda k=kind: actions.import_file(k),
                                  "Open another format as a new document"))
    window.menus["import"] = imports
    after_export = _next_action(file_menu, window.actions["export"])
    file_menu.insertAction(after_export, _action(
        window, "export_archimate", "Export &ArchiMate…", actions.export_archimate,
        "Write an ArchiMate 3.1 exchange file for Archi and other tools"))
    file_menu.insertAction(after_export, _action(
        window, "export_csv", "Export &CSV…", actions.export_csv,
        "Write one row per stage for spreadsheets"))
    file_menu.insertMenu(window.actions["export"], imports)
    return actions


def _next_action(menu: QMenu, action: QAction) -> QAction | None:
    items = menu.actions()
    at = items.index(action)
    return items[at + 1] if at + 1 < len(items) else None
