"""The one door for edits: push, macro and amend_last, each refused while read-only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import vscdesk
from vscdesk.document import AddStage, SetStageFields
from vscdesk.model import Stage


def _add(doc, name="New stage"):
    stage = Stage(id=doc.new_id(name, "stage"), name=name, lane="plan")
    return AddStage(doc, "fulfil-request", 1, stage)


def test_a_macro_is_one_step_named_by_its_text(doc):
    with doc.macro("Rename 2 stages"):
        doc.push(SetStageFields(doc, "approve", name="Sign off"))
        doc.push(SetStageFields(doc, "operate", name="Run"))
    stack = doc.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Rename 2 stages"
    stack.undo()
    assert doc.stage("approve").name == "Approve" and doc.stage("operate").name == "Operate"


def test_nested_macros_are_one_step(doc):
    with doc.macro("Outer"):
        doc.push(SetStageFields(doc, "approve", name="Sign off"))
        with doc.macro("Inner"):
            doc.push(SetStageFields(doc, "operate", name="Run"))
    assert doc.undo_stack.count() == 1 and doc.undo_stack.text(0) == "Outer"


def test_a_macro_with_nothing_pushed_leaves_no_step(doc):
    with doc.macro("Move 3 stages"):
        pass
    assert doc.undo_stack.count() == 0 and not doc.is_modified()


def test_a_macro_ends_even_when_an_edit_raises(doc):
    with pytest.raises(RuntimeError), doc.macro("Half"):
        doc.push(SetStageFields(doc, "approve", name="Sign off"))
        raise RuntimeError("gesture failed")
    doc.push(SetStageFields(doc, "operate", name="Run"))
    assert doc.undo_stack.count() == 2  # the next edit is its own step, not inside "Half"


def test_read_only_refuses_push_macro_and_amend(doc):
    doc.read_only = True
    assert doc.push(SetStageFields(doc, "approve", name="Sign off")) is False
    with doc.macro("Move 2 stages"):
        doc.push(SetStageFields(doc, "approve", name="Sign off"))
    assert doc.amend_last(doc.history.mark(), lambda: _add(doc)) is None
    assert doc.undo_stack.count() == 0 and not doc.is_modified()
    assert doc.stage("approve").name == "Approve"


def test_amend_last_replaces_the_step_just_done(doc):
    doc.push(_add(doc))
    mark = doc.history.mark()
    added = doc.amend_last(mark, lambda: _add(doc, "Check budget"))
    assert added is not None and added.stage_id == "check-budget"
    assert doc.undo_stack.count() == 1 and "new-stage" not in doc
    doc.undo_stack.undo()
    assert "check-budget" not in doc and doc.position("approve") == 1


def test_amend_last_does_nothing_once_the_history_moved_on(doc):
    doc.push(_add(doc))
    mark = doc.history.mark()
    doc.undo_stack.undo()
    assert doc.amend_last(mark, lambda: _add(doc, "Check budget")) is None
    doc.undo_stack.redo()
    doc.push(SetStageFields(doc, "approve", name="Sign off"))
    assert doc.amend_last(mark, lambda: _add(doc, "Check budget")) is None
    assert "check-budget" not in doc and doc.undo_stack.count() == 2


def test_amend_last_puts_the_step_back_when_building_fails(doc):
    doc.push(_add(doc))

    def refused():
        raise ValueError("no")

    with pytest.raises(ValueError):
        doc.amend_last(doc.history.mark(), refused)
    assert "new-stage" in doc and doc.undo_stack.index() == doc.undo_stack.count() == 1


def test_nothing_outside_document_touches_the_undo_stack():
    """The door stays the only one: app, canvas and panels go through the Document."""
    package = Path(vscdesk.__file__).parent
    pattern = re.compile(r"undo_stack|QUndoStack|beginMacro|endMacro|\.undoStack\b")
    offenders = [f"{path.relative_to(package)}:{n}"
                 for path in sorted(package.rglob("*.py")) if path.parent.name != "document"
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if pattern.search(line)]
    assert offenders == []
