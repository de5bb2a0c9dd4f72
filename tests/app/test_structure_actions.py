"""Streams, lanes and the document title edited from the window: real keys on the canvas,
the Edit and File menus, context menus and the lane question (answered through dialogs)."""

import pytest
from PySide6.QtCore import QPointF, Qt

from session_helpers import focused_window as _window

from vscdesk.app import dialogs
from vscdesk.app.new_document import new_document
from vscdesk.canvas.interaction import Target
from vscdesk.layout.metrics import HEADER_H
from vscdesk.render.svg import to_svg

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(make_window):
    return make_window(name=None, focused=True)


def _click(window, qtbot, key, local=None):
    item = window.scene.items_by_key[key]
    point = item.mapToScene(local) if local is not None else item.sceneBoundingRect().center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.view.mapFromScene(point))


def _click_lane(window, qtbot, lane):
    _click(window, qtbot, f"lane:{lane}", QPointF(30, HEADER_H / 2))


def _click_row(window, qtbot, stream):
    rect = window.scene.items_by_key[f"row:{stream}"].sceneBoundingRect()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.view.mapFromScene(QPointF(rect.center().x(), rect.top() + 20)))


def test_del_on_a_picked_stream_label_and_ctrl_z_restores_it_with_links(window, qtbot):
    doc = window.document
    before = doc.model.model_dump()
    _click_row(window, qtbot, "restore-service")
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert "restore-service" not in doc and doc.undo_stack.count() == 1
    assert "fix-rework" not in doc  # a link to one of its stages
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.model.model_dump() == before


def test_del_on_a_lane_with_stages_asks_and_can_move_them(window, qtbot, monkeypatch):
    doc = window.document
    engage = [s.id for s in doc.stages() if s.lane == "engage"]
    name = doc.lane("engage").name
    asked = []

    def answer(parent, name, count, lanes):
        asked.append((name, count, [ident for ident, _ in lanes]))
        return True, "improve"

    monkeypatch.setattr(dialogs, "ask_lane_stages", answer)
    _click_lane(window, qtbot, "engage")
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert asked == [(name, len(engage),
                      ["plan", "improve", "design-transition", "obtain-build", "deliver-support"])]
    assert "engage" not in doc and all(doc.stage(s).lane == "improve" for s in engage)
    doc.undo_stack.undo()
    assert all(doc.stage(s).lane == "engage" for s in engage)


def test_a_cancelled_lane_question_deletes_nothing(window, qtbot, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_lane_stages", lambda *a: (False, None))
    _click_lane(window, qtbot, "engage")
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert "engage" in window.document and window.document.undo_stack.count() == 0


def test_an_empty_lane_is_deleted_without_a_question(window, qtbot):
    window.actions["add_lane"].trigger()
    window.features.edit_actions.editing.editor.commit()
    new = window.document.model.chain.lanes[-1].id
    _click_lane(window, qtbot, new)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)  # dialogs.ask_* would fail the test
    assert new not in window.document


def test_alt_arrows_move_a_picked_stream_and_a_picked_lane(window, qtbot):
    doc = window.document
    _click_row(window, qtbot, "restore-service")
    qtbot.keyClick(window.view, Qt.Key.Key_Down, ALT)
    assert [s.id for s in doc.model.streams][:2] == ["fulfil-request", "restore-service"]
    qtbot.keyClick(window.view, Qt.Key.Key_Up, ALT)
    assert doc.model.streams[0].id == "restore-service"
    qtbot.keyClick(window.view, Qt.Key.Key_Up, ALT)  # already first: a message, no step
    assert "first" in window.statusBar().currentMessage()
    assert doc.undo_stack.count() == 2
    _click_lane(window, qtbot, "plan")
    qtbot.keyClick(window.view, Qt.Key.Key_Right, ALT)
    assert [lane.id for lane in doc.model.chain.lanes][:2] == ["improve", "plan"]
    assert window.selection.header == ("lane", "plan")  # still picked: press again to go on


def test_edit_menu_has_stream_and_lane_submenus(window):
    stream = [a.text() for a in window.menus["stream"].actions() if a.text()]
    lane = [a.text() for a in window.menus["lane"].actions() if a.text()]
    assert stream == ["Re&name stream", "Move stream &up", "Move stream do&wn", "&Delete stream"]
    assert lane == ["Re&name lane", "Lane &properties…", "Move lane le&ft", "Move lane &right",
                    "&Delete lane…"]
    window.selection.set(["approve"], "fulfil-request")
    window.actions["stream_up"].trigger()
    assert window.document.model.streams[0].id == "fulfil-request"
    window.actions["delete_stream"].trigger()
    assert "fulfil-request" not in window.document


def test_edit_links_menu_raises_the_link_panel(window):
    links = next(a.menu() for a in window.menus["edit"].actions() if a.text() == "Lin&ks")
    assert window.actions["link_properties"] in links.actions()
    window.scene.items_by_key["link:fix-rework"].setSelected(True)
    window.actions["link_properties"].trigger()
    panel = window.features.docks["link"].widget()
    assert window.features.docks["link"].isVisible() and panel.label.text() == "Not fixed"


def test_context_menus_of_headers_and_title_offer_their_edits(window, monkeypatch):
    def texts(target):
        return [a.text() for a in window.features.edit_actions.context_menu(target).actions() if a.text()]

    assert {"&Delete lane…", "Move lane le&ft", "Lane &properties…"} <= set(
        texts(Target("lane", "plan")))
    assert {"&Delete stream", "Move stream &up"} <= set(texts(Target("row", "new-service")))
    assert {"Rename title", "Rename value chain", "Prop&erties…"} <= set(
        texts(Target("title", "")))
    assert "Link &properties…" in texts(Target("link", "fix-rework"))


def test_file_properties_sets_title_and_chain_in_one_step(window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_document_properties",
                        lambda parent, title, chain: ("Payments", "Payments chain"))
    file_menu = window.menus["file"]
    assert window.actions["document_properties"] in file_menu.actions()
    window.actions["document_properties"].trigger()
    doc = window.document
    assert (doc.model.title, doc.model.chain.name) == ("Payments", "Payments chain")
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.model.title == "IT services"


def test_a_new_map_titled_with_f2_no_longer_exports_as_untitled(qtbot):
    window = _window(qtbot, new_document())
    assert "Untitled · " in to_svg(window.scene.current_drawing())
    _click(window, qtbot, "title", QPointF(20, 12))
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    editor = window.features.edit_actions.editing.editor.line
    assert editor.isVisible() and editor.text() == "Untitled"
    qtbot.keyClicks(editor, "Claims handling")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    svg = to_svg(window.scene.current_drawing())
    assert "Untitled" not in svg and "Claims handling · " in svg
    assert window.scene.current_drawing().title == "Claims handling"


def test_lane_question_dialog_by_keyboard(qtbot):
    from vscdesk.app.structure_dialogs import LaneStagesDialog

    dialog = LaneStagesDialog("Engage", 3, [("plan", "Plan"), ("improve", "Improve")])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.move_stages.isChecked() and dialog.target.currentData() == "plan"
    dialog.target.setFocus()
    qtbot.keyClick(dialog.target, Qt.Key.Key_Down)  # the next lane
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Delete lane is the default button
    assert dialog.choice() == (True, "improve")

    dialog = LaneStagesDialog("Engage", 1, [("plan", "Plan")])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.leave.setFocus()
    qtbot.keyClick(dialog.leave, Qt.Key.Key_Space)
    assert dialog.leave.isChecked()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.choice() == (True, None)

    dialog = LaneStagesDialog("Engage", 1, [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.leave.isChecked() and not dialog.move_stages.isEnabled()  # the only lane
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice() == (False, None)


def test_properties_dialog_by_keyboard_refuses_a_blank_title(qtbot):
    from vscdesk.app.structure_dialogs import DocumentPropertiesDialog

    dialog = DocumentPropertiesDialog("Untitled", "Value chain")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.title.setFocus()
    dialog.title.selectAll()
    qtbot.keyClick(dialog.title, Qt.Key.Key_Backspace)
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.isVisible() and not dialog.errors.isHidden()  # blank: stays open
    qtbot.keyClicks(dialog.title, "Claims")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.chain, " of claims")
    qtbot.keyClick(dialog.chain, Qt.Key.Key_Return)
    assert dialog.values() == ("Claims", "Value chain of claims")
