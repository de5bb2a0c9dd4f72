"""Guard against PySide6 builds that abort after a few thousand void calls (6.12.0 on
Python 3.11 leaks references to None; see the comment in pyproject.toml). The editing core
makes such calls on every keystroke, so a long session must survive them."""

from __future__ import annotations

from vscdesk.document import SetStageFields


def test_ten_thousand_void_calls_do_not_crash(doc):
    command = SetStageFields(doc, "approve", name="Approved")
    for i in range(10_000):
        command.setText(f"Rename stage {i}")  # QUndoCommand.setText returns void
    assert command.text() == "Rename stage 9999"
    for i in range(1_000):  # push, undo, redo: more void calls through the whole path
        doc.push(SetStageFields(doc, "approve", description=f"take {i}"))
        doc.push(SetStageFields(doc, "operate", name=f"Operate {i}"))
        doc.undo_stack.undo()
        doc.undo_stack.redo()
    assert doc.stage("operate").name == "Operate 999"
    assert doc.stage("approve").description == "take 999"
    assert doc.undo_stack.count() == 2000
    doc.undo_stack.setIndex(0)
    assert doc.stage("operate").name == "Operate"
