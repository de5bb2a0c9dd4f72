"""The Edit menu, toolbar and canvas shortcuts of the main window, with real key events."""

import json

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from session_helpers import focused_window as _window

from vscdesk.app.clipboard import MIME_TYPE
from vscdesk.storage import load

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier




@pytest.fixture
def window(make_window):
    return make_window(name=None, focused=True)


def _select(window, *ids):
    window.selection.set(ids, window.document.stream_of(ids[-1]).id)


def _names(window, stream):
    return [s.name for s in window.document.stream(stream).stages]


def test_edit_menu_and_toolbar_carry_the_actions_with_shortcut_tooltips(window):
    edit = window.menus["edit"]
    texts = [a.text() for a in edit.actions()]
    assert {"&Copy", "&Paste", "&Delete", "Add sta&ge", "Dupl&icate"} <= set(texts)
    assert window.actions["add_stage"].toolTip() == "Add stage (Ins)"
    toolbar = window.features.edit_actions.toolbar
    assert window.actions["add_stage"] in toolbar.actions()


def test_delete_key_and_undo(window, qtbot):
    _select(window, "approve")
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert "approve" not in window.document
    assert window.document.undo_stack.count() == 1
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert window.document.position("approve") == 1
    assert "stage:approve" in window.scene.items_by_key


def test_insert_adds_after_the_selected_stage_in_its_lane_and_names_it(window, qtbot):
    _select(window, "approve")
    qtbot.keyClick(window.view, Qt.Key.Key_Insert)
    line = window.features.edit_actions.editing.editor.line
    assert line.isVisible()
    qtbot.keyClicks(line, "Check budget")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    stages = window.document.stream("fulfil-request").stages
    assert stages[2].name == "Check budget" and stages[2].lane == "plan"
    assert window.selection.stage_ids == (stages[2].id,)
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Add stage “Check budget”"
    stack.undo()
    assert _names(window, "fulfil-request")[2] == "Procure device"


def test_add_stream_and_lane_start_in_rename_mode(window, qtbot):
    window.actions["add_stream"].trigger()
    line = window.features.edit_actions.editing.editor.line
    assert line.isVisible() and line.text() == "New stream"
    qtbot.keyClick(line, Qt.Key.Key_Escape)  # keeps the default name
    assert window.document.model.streams[-1].name == "New stream"
    window.actions["add_lane"].trigger()
    qtbot.keyClicks(line, "Partners")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert window.document.model.chain.lanes[-1].name == "Partners"
    assert window.document.undo_stack.count() == 2


def test_duplicate_selects_the_copies(window, qtbot):
    _select(window, "approve")
    qtbot.keyClick(window.view, Qt.Key.Key_D, CTRL)
    assert _names(window, "fulfil-request")[1:3] == ["Approve", "Approve"]
    assert window.selection.stage_ids != ("approve",) and len(window.selection.stage_ids) == 1


def test_alt_arrows_move_the_selected_stage(window, qtbot):
    doc, view = window.document, window.view
    _select(window, "approve")
    qtbot.keyClick(view, Qt.Key.Key_Right, ALT)
    assert doc.stage("approve").lane == "improve"
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT)
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT)  # already in the first lane: a message, no command
    assert doc.stage("approve").lane == "plan"
    assert "first lane" in window.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_Down, ALT)
    assert doc.position("approve") == 2
    qtbot.keyClick(view, Qt.Key.Key_Up, ALT)
    qtbot.keyClick(view, Qt.Key.Key_Up, ALT)
    assert doc.position("approve") == 0
    qtbot.keyClick(view, Qt.Key.Key_PageDown, ALT)
    assert doc.stream_of("approve").id == "new-service" and doc.position("approve") == 0
    assert doc.undo_stack.count() == 6
    assert window.selection.stage_ids == ("approve",)
    for _ in range(6):
        doc.undo_stack.undo()
    assert (doc.stream_of("approve").id, doc.position("approve"), doc.stage("approve").lane) == (
        "fulfil-request", 1, "plan")


def test_copy_paste_into_a_second_document(window, qtbot, example_file):
    _select(window, "approve", "procure-device")
    qtbot.keyClick(window.view, Qt.Key.Key_C, CTRL)
    data = QApplication.clipboard().mimeData()
    assert data.hasFormat(MIME_TYPE)
    assert [s["name"] for s in json.loads(data.text())["stages"]] == ["Approve", "Procure device"]
    other = _window(qtbot, load(example_file))
    other.selection.set(["report-problem"], "restore-service")
    qtbot.keyClick(other.view, Qt.Key.Key_V, CTRL)
    names = _names(other, "restore-service")
    assert names[1:3] == ["Approve", "Procure device"]
    pasted = other.document.stream("restore-service").stages[1:3]
    assert all(s.id not in ("approve", "procure-device") for s in pasted)
    assert set(other.selection.stage_ids) == {s.id for s in pasted}
    assert other.document.undo_stack.count() == 1 and window.document.undo_stack.count() == 0


def test_cut_is_one_step_and_paste_puts_it_back(window, qtbot):
    _select(window, "approve")
    qtbot.keyClick(window.view, Qt.Key.Key_X, CTRL)
    assert "approve" not in window.document
    _select(window, "request-portal")
    qtbot.keyClick(window.view, Qt.Key.Key_V, CTRL)
    assert _names(window, "fulfil-request")[:2] == ["Request via portal", "Approve"]
    assert window.document.undo_stack.count() == 2


@pytest.mark.parametrize("text", ["not json", "[1, 2]", '{"format": "other"}', "[]", "[" * 5000])
def test_invalid_clipboard_gives_a_status_message(window, qtbot, text):
    QApplication.clipboard().setText(text)
    _select(window, "approve")
    qtbot.keyClick(window.view, Qt.Key.Key_V, CTRL)
    assert "clipboard" in window.statusBar().currentMessage().lower()
    assert window.document.undo_stack.count() == 0


def test_clipboard_stages_that_do_not_validate_give_a_message(window, qtbot):
    data = QMimeData()
    data.setData(MIME_TYPE, b'{"format": "vscdesk-stages", "stages": [{"id": "x"}]}')
    QApplication.clipboard().setMimeData(data)
    _select(window, "approve")
    qtbot.keyClick(window.view, Qt.Key.Key_V, CTRL)
    assert window.statusBar().currentMessage()
    assert window.document.undo_stack.count() == 0


def test_shortcuts_do_not_fire_while_renaming(window, qtbot):
    _select(window, "approve")
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    line = window.features.edit_actions.editing.editor.line
    qtbot.keyClick(line, Qt.Key.Key_End)
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClick(line, Qt.Key.Key_Delete)  # deletes text, not the stage
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert window.document.stage("approve").name == "Approv"


def test_context_menu_for_a_link_offers_its_kinds(window):
    from vscdesk.canvas.interaction import Target

    menu = window.features.edit_actions.context_menu(Target("link", "fix-rework"))
    checked = [a.text() for a in menu.actions() if a.isChecked()]
    assert checked == ["Rework"]
    next(a for a in menu.actions() if a.text() == "Hand-off").trigger()
    assert window.document.link("fix-rework").kind == "handoff"


def test_context_menus_offer_what_fits_the_target(window):
    from vscdesk.canvas.interaction import Target

    def texts(target):
        return [a.text() for a in window.features.edit_actions.context_menu(target).actions() if a.text()]

    assert {"Re&name…", "Add sta&ge", "&Delete", "&Copy"} <= set(texts(Target("stage", "approve")))
    assert "Rename lane" in texts(Target("lane", "plan"))
    assert "Rename stream" in texts(Target("row", "new-service"))
    assert {"Add sta&ge", "Add &stream", "Add &lane", "&Paste"} <= set(texts(Target("")))


def test_adding_a_stage_to_an_empty_document_asks_for_a_stream_first(qtbot):
    window = _window(qtbot)
    window.document.set_model(type(window.document.model)(title="Empty"))
    window.actions["add_stage"].trigger()
    assert "stream" in window.statusBar().currentMessage()
    assert window.document.undo_stack.count() == 0
    window.actions["add_stream"].trigger()
    window.features.edit_actions.editing.editor.commit()
    window.actions["add_stage"].trigger()
    assert [s.name for s in window.document.stages()] == ["New stage"]


def test_paste_accepts_a_bare_json_list_from_a_text_editor(window, qtbot):
    QApplication.clipboard().setText('[{"id": "call", "name": "Call back", "lane": "nowhere"}]')
    _select(window, "approve")
    qtbot.keyClick(window.view, Qt.Key.Key_V, CTRL)
    pasted = window.document.stream("fulfil-request").stages[2]
    assert (pasted.name, pasted.lane) == ("Call back", None)  # unknown lane dropped
