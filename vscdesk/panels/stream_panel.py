"""The Stream panel: what a stream is for, who triggers and owns it, and its end-to-end SLAs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vscdesk.document import Document, MoveStream, RemoveStream, Selection, SetStreamFields
from vscdesk.model import Stream
from vscdesk.panels import questions
from vscdesk.panels.new_stakeholder import NEW, NewStakeholderField, add_and_refer, add_new_entry
from vscdesk.panels.object_panel import ObjectPanel, button_row, field_form, kind_combo, show_kind
from vscdesk.panels.sla_table import SlaTable
from vscdesk.panels.stage_panel import scrolled
from vscdesk.panels.stream_picker import StreamPicker
from vscdesk.panels.widgets import (
    ErrorLabel,
    RefreshWhenShown,
    TextArea,
    TextField,
    blocked,
    narrow_combo,
    push,
)

KINDS = {"customer": "Customer", "supporting": "Supporting"}
KIND_TIPS = {"customer": "Starts with an external customer and ends with their value",
             "supporting": "Serves internal customers and enables customer streams"}
NOBODY = "(nobody)"


class ColorField(QWidget):
    """A swatch, a button that asks for a colour, and a reset to the automatic colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.swatch = QLabel(self)
        self.swatch.setFixedSize(28, 20)
        self.code = QLabel(self)
        self.choose = QPushButton("Choose…", self)
        self.automatic = QPushButton("Automatic", self)
        self.automatic.setToolTip("Use the colour the diagram picks for this stream")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.swatch)
        row.addWidget(self.code, 1)
        row.addWidget(self.choose)
        row.addWidget(self.automatic)

    def show_value(self, color: str | None) -> None:
        border = "1px solid #8B96A3"
        self.swatch.setStyleSheet(f"background: {color}; border: {border};" if color
                                  else "background: transparent; border: 1px dashed #8B96A3;")
        self.code.setText(color or "automatic")
        self.automatic.setEnabled(color is not None)


class StreamPanel(ObjectPanel, RefreshWhenShown, QWidget):
    """Shows the selection's stream; every field edit is one SetStreamFields command."""

    set_fields = SetStreamFields
    move_command = MoveStream

    def __init__(self, document: Document, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.picker = StreamPicker(document, selection, self)
        self.name = TextField(self, "Stream name")
        self.kind = kind_combo(self, KINDS, KIND_TIPS)
        self.trigger = TextField(self, "The demand or opportunity that starts it")
        self.value = TextField(self, "The value outcome, for whom")
        self.triggering = narrow_combo(QComboBox(self))
        self.owner = narrow_combo(QComboBox(self))
        self.new_person = NewStakeholderField(self)  # "New stakeholder…" in either list
        self._new_for = "owner"
        self.description = TextArea(self, "What this stream is about")
        self.color = ColorField(self)
        self.slas = SlaTable(self)
        self.slas.setMinimumHeight(170)
        self.errors = ErrorLabel(self)
        self.up_button = QPushButton("Move &up", self)
        self.down_button = QPushButton("Move do&wn", self)
        self.delete_button = QPushButton("Delete stream", self)
        self.delete_button.setToolTip("Delete the stream with its stages and the links to them "
                                      "(Undo brings all of it back)")
        self._build_layout()
        self._connect()
        self.refresh()

    def _build_layout(self) -> None:
        body = QWidget()
        form = field_form()
        form.addRow("&Name:", self.name)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Trigger:", self.trigger)
        form.addRow("V&alue:", self.value)
        form.addRow("Tri&ggered by:", self.triggering)
        form.addRow("&Owner:", self.owner)
        form.addRow("", self.new_person)
        form.addRow("&Description:", self.description)
        form.addRow("&Colour:", self.color)
        form.addRow(self.errors)
        sla_label = QLabel("End-to-end &SLAs")
        sla_label.setBuddy(self.slas.table)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)  # the panel has margins: the SLA table gets the width
        column.addLayout(form)
        column.addWidget(sla_label)
        column.addWidget(self.slas, 1)
        # acts on the stream as a whole: next to its picker
        buttons = button_row((self.up_button, self.down_button), self.delete_button)
        top = QFormLayout()
        top.addRow("Strea&m:", self.picker)
        top.addRow("", buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(scrolled(body), 1)
        self.body = body

    def _connect(self) -> None:
        for field, widget in (("name", self.name), ("trigger", self.trigger),
                              ("value", self.value), ("description", self.description)):
            widget.committed.connect(lambda text, f=field: self.apply({f: text}))
        self.kind.activated.connect(lambda _i: self.apply({"kind": self.kind.currentData()}))
        for field, combo in (("triggering_stakeholder", self.triggering), ("owner", self.owner)):
            combo.activated.connect(lambda _i, f=field, c=combo: self._person_picked(f, c))
        self.new_person.named.connect(self._add_person)
        self.color.choose.clicked.connect(self._choose_color)
        self.color.automatic.clicked.connect(lambda: self.apply({"color": None}))
        self.slas.committed.connect(  # each committed cell is its own undo step
            lambda rows: self.apply({"slas": rows}, self.slas.errors, merge=False))
        self.up_button.clicked.connect(lambda: self.move_by(-1))
        self.down_button.clicked.connect(lambda: self.move_by(1))
        self.delete_button.clicked.connect(self.delete)
        self.follow(self.selection, self.refresh)

    def stream(self) -> Stream | None:
        ident = self.picker.currentData()
        return self.document.stream(ident) if ident else None

    current = stream

    def siblings(self) -> int:
        return len(self.document.model.streams)

    def _person_picked(self, field: str, combo: QComboBox) -> None:
        if combo.currentData() == NEW:
            self.refresh()  # the list shows the stream's person again meanwhile
            self._new_for = field
            self.new_person.open(combo)
        else:
            self.apply({field: combo.currentData() or None})

    def _add_person(self, name: str) -> None:
        """A new stakeholder as the stream's owner or trigger, in one undo step."""
        stream, field = self.stream(), self._new_for
        if stream is not None:
            add_and_refer(self.document, name, lambda person: SetStreamFields(
                self.document, stream.id, merge=False, **{field: person}), self.errors)

    def delete(self) -> None:
        stream = self.stream()
        if stream is not None:
            push(self.document, lambda: RemoveStream(self.document, stream.id), self.errors)

    def _choose_color(self) -> None:
        stream = self.stream()
        if stream is not None:
            color = questions.ask_color(self, stream.color)
            if color is not None:
                self.apply({"color": color})

    def update_view(self) -> None:
        self.picker.refresh()
        stream = self.stream()
        self.body.setEnabled(stream is not None)
        for button in (self.up_button, self.down_button, self.delete_button):
            button.setEnabled(stream is not None)
        if stream is None:
            return
        self.name.show_value(stream.name)
        self.trigger.show_value(stream.trigger)
        self.value.show_value(stream.value)
        self.description.show_value(stream.description)
        show_kind(self.kind, stream.kind, KIND_TIPS)
        for combo, current in ((self.triggering, stream.triggering_stakeholder),
                               (self.owner, stream.owner)):
            with blocked(combo):
                combo.clear()
                combo.addItem(NOBODY, "")
                for person in self.document.model.stakeholders:
                    combo.addItem(person.name, person.id)
                add_new_entry(combo)
                combo.setCurrentIndex(combo.findData(current or ""))
        self.color.show_value(stream.color)
        self.slas.show_slas(stream.slas)
        at = self.document.position(stream.id)
        self.up_button.setEnabled(at > 0)
        self.down_button.setEnabled(at < len(self.document.model.streams) - 1)
        self.errors.clear_error()
