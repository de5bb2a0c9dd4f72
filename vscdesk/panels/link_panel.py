"""The Link panel: the link selected on the canvas, its kind, label and SLAs, and deleting it.
Every edit is one command on the document's stack."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from vscdesk.document import Document, RemoveLinks, Selection, SetLinkFields
from vscdesk.model import Link
from vscdesk.panels.object_panel import ObjectPanel, button_row, field_form, kind_combo, show_kind
from vscdesk.panels.sla_table import SlaTable
from vscdesk.panels.widgets import ElidedLabel, ErrorLabel, RefreshWhenShown, TextField, push

KINDS = {"integration": "Integration point", "handoff": "Hand-off", "rework": "Rework"}
KIND_TIPS = {"integration": "Systems or teams exchange data or work at this point",
             "handoff": "Work passes from one stage to another outside the stream's order",
             "rework": "Work goes back to an earlier stage to be done again"}
EMPTY = ("No link selected. Click a link's line on the canvas, or select a stage and press / "
         "to go through its links, to edit a link's kind, label and SLAs; Shift+drag from one "
         "card to another draws a new one.")


class LinkPanel(ObjectPanel, RefreshWhenShown, QWidget):
    """Shows the last link selected on the canvas."""

    set_fields = SetLinkFields

    def __init__(self, document: Document, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("link_panel")
        self.document = document
        self.selection = selection
        self._shown_id: str | None = None
        self.ends = ElidedLabel(self)
        self.kind = kind_combo(self, KINDS, KIND_TIPS)
        self.label = TextField(self, "Shown next to the line, e.g. “order data”")
        self.slas = SlaTable(self)
        self.slas.setMinimumHeight(170)
        self.delete_button = QPushButton("Delete link", self)
        self.errors = ErrorLabel(self)
        self.empty = QLabel(EMPTY, self)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #657284; padding: 4px;")
        self._build_layout()
        self._connect()
        self._follow_selection()  # built late (a dock shown later): start from the selection

    def _build_layout(self) -> None:
        self.body = QWidget(self)
        form = field_form()
        form.addRow("From → to:", self.ends)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Label:", self.label)
        form.addRow(self.errors)
        sla_label = QLabel("Link &SLAs", self.body)
        sla_label.setBuddy(self.slas.table)
        buttons = button_row((), self.delete_button)
        column = QVBoxLayout(self.body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(sla_label)
        column.addWidget(self.slas, 1)
        column.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)
        layout.addStretch(0)

    def _connect(self) -> None:
        self.kind.activated.connect(lambda _i: self.apply({"kind": self.kind.currentData()},
                                                          merge=False))
        self.label.committed.connect(lambda text: self.apply({"label": text}))
        self.slas.committed.connect(  # each committed cell is its own undo step
            lambda rows: self.apply({"slas": rows}, self.slas.errors, merge=False))
        self.delete_button.clicked.connect(self._delete)
        self.follow(self.selection, self._follow_selection)

    def _follow_selection(self) -> None:
        links = self.selection.link_ids
        if links:
            self._shown_id = links[-1]
        self.refresh()

    def link(self) -> Link | None:
        if self._shown_id is not None and self.document.kind_of(self._shown_id) == "link":
            return self.document.link(self._shown_id)
        return None

    current = link

    def _delete(self) -> None:
        link = self.link()
        if link is not None:
            push(self.document, lambda: RemoveLinks(self.document, [link.id]), self.errors)

    def update_view(self) -> None:
        link = self.link()
        self.empty.setVisible(link is None)
        self.body.setVisible(link is not None)
        if link is None:
            return
        source, target = self.document.stage(link.source), self.document.stage(link.target)
        self.ends.setText(f"{source.name} → {target.name}")
        show_kind(self.kind, link.kind, KIND_TIPS)
        self.label.show_value(link.label)
        self.slas.show_slas(link.slas)
        self.errors.clear_error()
