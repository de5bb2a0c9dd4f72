"""Crash recovery: work autosaved by an instance that is gone is offered at the next start."""

from __future__ import annotations

import html
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vscdesk.app import dialogs
from vscdesk.app.icons import icon
from vscdesk.storage import LoadError
from vscdesk.storage.journal import Snapshot, autosave_dir, stale_snapshots

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow


def recovered_name(snapshot: Snapshot) -> str:
    """'NAME (recovered)', NAME as the user knew the document, without file suffixes."""
    name = snapshot.name.replace(" (example)", "").replace(" (recovered)", "")
    for suffix in (".vsc.json", ".json"):
        name = name.removesuffix(suffix)
    return f"{name or 'Untitled'} (recovered)"


def ago(seconds: float) -> str:
    minutes = int(max(seconds, 0) // 60)
    if minutes < 1:
        return "less than a minute ago"
    if minutes < 120:
        return f"{minutes} minute{'s' if minutes != 1 else ''} ago"
    hours = minutes // 60
    return f"{hours} hours ago" if hours < 48 else f"{hours // 24} days ago"


def describe(snapshot: Snapshot) -> tuple[str, str, str]:
    """Where the document lives, when it was autosaved, and what to know before recovering."""
    where = str(snapshot.original) if snapshot.original else "Never saved"
    when = f"Autosaved {ago(time.time() - snapshot.saved_at)}"
    warning = ""
    if snapshot.original is not None and not snapshot.original.exists():
        warning = "The file no longer exists."
    elif snapshot.original_changed():
        warning = "The file has changed since these edits began."
    return where, when, warning


class SnapshotRow(QWidget):
    """One snapshot in the list: icon, name, where it lives, when, and any warning."""

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        where, when, warning = describe(snapshot)
        glyph = QLabel()
        glyph.setPixmap(icon("new").pixmap(QSize(28, 28), self.devicePixelRatioF()))
        lines = [f"<b>{html.escape(snapshot.name)}</b>",
                 f"<span style='color: gray'>{html.escape(where)}</span>",
                 f"<span style='color: gray'>{html.escape(when)}</span>"]
        if warning:
            lines.append(f"<span style='color: #c26a00'>⚠ {html.escape(warning)}</span>")
        text = QLabel("<br>".join(lines))
        text.setTextFormat(Qt.TextFormat.RichText)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.setSpacing(12)
        row.addWidget(glyph, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(text, 1)
        self.setAccessibleName(f"{snapshot.name}, {where}, {when}. {warning}")


class RecoveryDialog(QDialog):
    """Recover, Discard or Decide later for the snapshots a crash left behind."""

    def __init__(self, snapshots: list[Snapshot], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved work")
        self.choice: str | None = "later"
        layout = QVBoxLayout(self)
        heading = QLabel("<b>vscdesk did not close properly last time.</b>")
        text = QLabel("These documents have changes that were never saved. Recover one to "
                      "open it as a new, unsaved document, or discard it.")
        text.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("snapshots")
        for snapshot in snapshots:
            row = SnapshotRow(snapshot)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, snapshot)
            item.setSizeHint(row.sizeHint())
            self.list.addItem(item)
            self.list.setItemWidget(item, row)
        self.list.setCurrentRow(0)
        self.list.setMinimumWidth(520)
        self.list.setSpacing(2)
        # A light selection keeps the grey detail lines readable on the chosen entry.
        self.list.setStyleSheet(
            "QListWidget::item { border: 1px solid transparent; border-radius: 6px; }"
            "QListWidget::item:selected { background: rgba(47, 126, 216, 0.14);"
            " border-color: #2f7ed8; }")
        buttons = QDialogButtonBox()
        self.buttons = {
            "recover": buttons.addButton("Recover", QDialogButtonBox.ButtonRole.AcceptRole),
            "discard": buttons.addButton("Discard", QDialogButtonBox.ButtonRole.DestructiveRole),
            "later": buttons.addButton("Decide later", QDialogButtonBox.ButtonRole.RejectRole),
        }
        for choice, button in self.buttons.items():
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        self.buttons["recover"].setDefault(True)
        for widget in (heading, text, self.list, buttons):
            layout.addWidget(widget)

    def selected(self) -> Snapshot | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice != "later" else self.reject()


def recover(window: MainWindow, snapshot: Snapshot) -> bool:
    """Open the snapshot as a new unsaved document; its snapshot moves to this instance."""
    try:
        model = snapshot.load()
    except LoadError as err:
        dialogs.show_error(window, "Cannot recover document", str(err))
        return False
    window.show_model(model, None, recovered_name(snapshot))
    window.document.mark_unsaved()  # unsaved: Save asks where, closing asks first
    if window.features.autosave.write_now() is not None:
        snapshot.remove()  # only once the work is safe in this instance's own snapshot
    return True


def offer_recovery(window: MainWindow, state_dir: Path) -> bool:
    """Ask about each stale snapshot until one is recovered or the user decides later."""
    while snapshots := stale_snapshots(autosave_dir(state_dir)):
        choice, snapshot = dialogs.ask_recovery(window, snapshots)
        if snapshot is None or choice not in ("recover", "discard"):
            return False
        if choice == "discard":
            snapshot.remove()
        elif recover(window, snapshot):
            return True
    return False
