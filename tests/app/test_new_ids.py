"""Ids of new and copied stages read like their names."""

from PySide6.QtCore import Qt
from tests.windows import new_window


CTRL = Qt.KeyboardModifier.ControlModifier


def _window(qtbot, example_file):
    return new_window(qtbot, name=None, focused=True)


def _type_name(window, qtbot, text):
    line = window.features.edit_actions.editing.editor.line
    assert line.isVisible()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_a_stage_named_as_it_is_added_takes_its_id_from_the_name(qtbot, example_file):
    window = _window(qtbot, example_file)
    doc = window.document
    window.selection.set(["approve"], "fulfil-request")
    qtbot.keyClick(window.view, Qt.Key.Key_Insert)
    _type_name(window, qtbot, "Check stock")
    stage = doc.stream("fulfil-request").stages[2]
    assert (stage.id, stage.name) == ("check-stock", "Check stock")
    assert window.selection.stage_ids == ("check-stock",)
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert "check-stock" not in doc
    doc.undo_stack.redo()
    assert doc.stage("check-stock").name == "Check stock"


def test_escape_keeps_the_default_name_and_id(qtbot, example_file):
    window = _window(qtbot, example_file)
    window.selection.set(["approve"], "fulfil-request")
    qtbot.keyClick(window.view, Qt.Key.Key_Insert)
    qtbot.keyClick(window.features.edit_actions.editing.editor.line, Qt.Key.Key_Escape)
    assert window.document.stream("fulfil-request").stages[2].id == "new-stage"


def test_a_named_new_stream_and_lane_take_their_ids_from_the_names(qtbot, example_file):
    window = _window(qtbot, example_file)
    window.actions["add_stream"].trigger()
    _type_name(window, qtbot, "Onboard supplier")
    assert window.document.model.streams[-1].id == "onboard-supplier"
    assert window.selection.stream_id == "onboard-supplier"
    window.actions["add_lane"].trigger()
    _type_name(window, qtbot, "Partners")
    assert window.document.model.chain.lanes[-1].id == "partners"


def test_a_copy_of_a_copy_is_numbered_from_the_original(qtbot, example_file):
    window = _window(qtbot, example_file)
    doc = window.document
    window.selection.set(["approve"], "fulfil-request")
    qtbot.keyClick(window.view, Qt.Key.Key_D, CTRL)
    assert window.selection.stage_ids == ("approve-2",)
    qtbot.keyClick(window.view, Qt.Key.Key_C, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_V, CTRL)
    assert window.selection.stage_ids == ("approve-3",)
    qtbot.keyClick(window.view, Qt.Key.Key_D, CTRL)
    assert window.selection.stage_ids == ("approve-4",)
    assert not any(s.id.endswith("-2-2") for s in doc.stages())
