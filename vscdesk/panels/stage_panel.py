"""The Stage panel: everything a stage promises and involves, for the selected stage(s).

With several stages selected, a field edited once applies to all of them in one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from vscdesk.document import Document, Selection, SetStageFields, SetStagesFields
from vscdesk.model import Stage, StakeholderRef
from vscdesk.panels.new_stakeholder import add_and_refer
from vscdesk.panels.sla_table import SlaTable
from vscdesk.panels.stage_details import StageDetails
from vscdesk.panels.stage_lists import StageLists
from vscdesk.panels.stage_people import StagePeople
from vscdesk.panels.widgets import (
    VARIES,
    ElidedLabel,
    ErrorLabel,
    RefreshWhenShown,
    common,
    push,
)


#: what the tabs show while no stage is selected (never validated, never stored)
BLANK = Stage.model_construct(id="", name="")


def scrolled(widget: QWidget) -> QScrollArea:
    """A tab page that scrolls rather than squeezes when the dock is short."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class StagePanel(RefreshWhenShown, QWidget):
    """Follows the shared selection; every edit is one command on the document's stack."""

    def __init__(self, document: Document, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.heading = ElidedLabel(self)  # a long name never widens the dock (or the window)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        self.details = StageDetails()
        self.lists = StageLists()
        self.slas = SlaTable()
        self.people = StagePeople()
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(scrolled(self.details), "De&tails")
        self.tabs.addTab(scrolled(self.lists), "&Lists")
        self.tabs.addTab(self.slas, "&SLAs")
        self.tabs.addTab(self.people, "Pe&ople")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        for tab in (self.details, self.lists, self.people):
            tab.edited.connect(lambda fields, t=tab: self.apply(fields, t.errors))
        self.people.create.connect(self.add_new_stakeholder)
        # Each committed cell is its own undo step (not merged like typing in one field).
        self.slas.committed.connect(
            lambda rows: self.apply({"slas": rows}, self.slas.errors, merge=False))
        selection.changed.connect(self.refresh)
        document.changed.connect(self.refresh)
        document.reset.connect(self.refresh)
        self.refresh()

    def stage_ids(self) -> list[str]:
        """The selected stages that still exist."""
        return [i for i in self.selection.stage_ids if self.document.kind_of(i) == "stage"]

    def apply(self, fields: dict[str, Any], errors: ErrorLabel, merge: bool = True) -> bool:
        """Set fields on the selected stage(s) as one undo step; a refusal is shown inline.
        ``merge``: the step may merge with the previous edit of the same fields (typing)."""
        ids = self.stage_ids()
        if not ids:
            return False

        def build() -> QUndoCommand:
            if len(ids) == 1:
                return SetStageFields(self.document, ids[0], merge=merge, **fields)
            return SetStagesFields(self.document, ids, merge=merge, **fields)

        return push(self.document, build, errors)

    def add_new_stakeholder(self, name: str) -> bool:
        """Add a stakeholder to the registry and involve it in the selected stages: one undo
        step (the People tab's "New stakeholder…")."""
        ids = self.stage_ids()
        if not ids:
            return False
        refs = [ref.model_dump() for ref in self.people.involved()]

        def involve(person: str) -> QUndoCommand:
            new = [*refs, StakeholderRef(stakeholder=person).model_dump()]
            if len(ids) == 1:
                return SetStageFields(self.document, ids[0], merge=False, stakeholders=new)
            return SetStagesFields(self.document, ids, merge=False, stakeholders=new)

        return add_and_refer(self.document, name, involve, self.people.errors, " to the stage")

    def update_view(self) -> None:
        ids = self.stage_ids()
        stages = [self.document.stage(i) for i in ids]
        self.tabs.setEnabled(bool(stages))
        if not stages:
            self.heading.setText("No stage selected — click a stage on the canvas.")
            stages = [BLANK]  # the tabs show empty fields, not the last selection's values
        elif len(stages) == 1:
            stream = self.document.stream_of(ids[0])
            step = self.document.position(ids[0]) + 1
            self.heading.setText(f"{stages[0].name}\nStep {step} of “{stream.name}”")
        else:
            self.heading.setText(f"{len(stages)} stages selected — "
                                 "an edit applies to all of them")
        self.details.show_stages(self.document, stages)
        self.lists.show_stages(stages)
        slas = common([s.slas for s in stages])
        self.slas.show_slas(None if slas is VARIES else list(slas))  # type: ignore[arg-type]
        self.people.show_stages(self.document, stages)
