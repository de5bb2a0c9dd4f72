"""Links reached and edited with the keyboard alone: / and \\ walk the links around the
selection, the arrows go to a link's ends, Enter opens its label in the Link panel, Del deletes
it (one undo step). Real key events on the canvas and in the panel."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox


CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(make_window):
    return make_window(name=None, focused=True)


def _select_stage(window, qtbot, stage_id):
    """Tab walks the stages in document order until it reaches the one wanted."""
    for _ in range(len(list(window.document.stages())) + 1):
        if window.selection.stage_ids == (stage_id,):
            return
        qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {stage_id}")


def _slash(window, qtbot, back=False):
    qtbot.keyClick(window.view, Qt.Key.Key_Backslash if back else Qt.Key.Key_Slash)
    return window.selection.link_ids


def test_slash_walks_the_links_of_the_selected_stage_and_wraps(window, qtbot):
    _select_stage(window, qtbot, "diagnose-fix")  # both links of the example end here
    assert _slash(window, qtbot) == ("ops-feeds-fix",)
    assert window.selection.stage_ids == ()  # the link alone: Del deletes just it
    item = window.scene.items_by_key["link:ops-feeds-fix"]
    assert item.isSelected()
    assert _slash(window, qtbot) == ("fix-rework",)
    assert _slash(window, qtbot) == ("ops-feeds-fix",)  # round again, the stage's links only
    assert _slash(window, qtbot, back=True) == ("fix-rework",)
    assert "2 of 2" in window.statusBar().currentMessage()


def test_the_arrows_go_from_a_link_to_its_ends(window, qtbot):
    _select_stage(window, qtbot, "confirm-user")
    assert _slash(window, qtbot) == ("fix-rework",)  # confirm-user → diagnose-fix
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert window.selection.stage_ids == ("diagnose-fix",)
    _slash(window, qtbot)
    _slash(window, qtbot)
    assert window.selection.link_ids == ("fix-rework",)
    qtbot.keyClick(window.view, Qt.Key.Key_Left)
    assert window.selection.stage_ids == ("confirm-user",)


def test_the_link_panel_follows_and_del_deletes_the_link_as_one_step(window, qtbot):
    doc = window.document
    before = doc.model.model_dump()
    _select_stage(window, qtbot, "diagnose-fix")
    _slash(window, qtbot, back=True)
    panel = window.features.docks["link"].widget()
    assert panel.link().id == "fix-rework" and panel.label.text() == "Not fixed"
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert "fix-rework" not in doc and "diagnose-fix" in doc
    assert doc.undo_stack.count() == 1
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert doc.model.model_dump() == before


def test_enter_opens_the_label_then_kind_and_esc_returns_to_the_canvas(window, qtbot):
    doc = window.document
    _select_stage(window, qtbot, "diagnose-fix")
    _slash(window, qtbot)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    panel = window.features.docks["link"].widget()
    assert window.features.docks["link"].isVisible()
    assert QApplication.focusWidget() is panel.label and panel.label.selectedText() == \
        "Monitoring alerts"
    qtbot.keyClicks(panel.label, "Alerts")
    qtbot.keyClick(panel.label, Qt.Key.Key_Return)
    assert doc.link("ops-feeds-fix").label == "Alerts" and doc.undo_stack.count() == 1
    qtbot.keyClick(panel.label, Qt.Key.Key_Backtab)  # back to the kind
    kind = QApplication.focusWidget()
    assert isinstance(kind, QComboBox) and kind is panel.kind
    qtbot.keyClick(kind, Qt.Key.Key_Down)
    assert doc.link("ops-feeds-fix").kind == "handoff" and doc.undo_stack.count() == 2
    qtbot.keyClick(kind, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.view
    assert window.selection.link_ids == ("ops-feeds-fix",)  # still selected: Del would go on
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert "ops-feeds-fix" not in doc and doc.undo_stack.count() == 3


def test_f2_on_a_link_edits_its_label_too(window, qtbot):
    _select_stage(window, qtbot, "confirm-user")
    _slash(window, qtbot)
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is window.features.docks["link"].widget().label


def test_without_a_stage_the_walk_goes_round_a_picked_stream_or_the_whole_map(window, qtbot):
    assert _slash(window, qtbot) == ("ops-feeds-fix",)  # nothing selected: every link
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    window.selection.pick("stream", "fulfil-request")  # no link touches its stages
    assert _slash(window, qtbot) == ()
    assert "No links in “Fulfil" in window.statusBar().currentMessage()
    window.selection.pick("stream", "new-service")
    assert _slash(window, qtbot) == ("ops-feeds-fix",)  # from its Operate stage
    assert _slash(window, qtbot) == ("ops-feeds-fix",)  # its only one


def test_a_stage_without_links_says_so_and_keeps_the_selection(window, qtbot):
    _select_stage(window, qtbot, "approve")
    assert _slash(window, qtbot) == ()
    assert window.selection.stage_ids == ("approve",)
    assert window.statusBar().currentMessage().startswith("No links to or from “")


def test_a_slash_typed_in_a_name_stays_in_the_name(window, qtbot):
    _select_stage(window, qtbot, "approve")
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    line = window.features.edit_actions.editing.editor.line
    assert QApplication.focusWidget() is line
    qtbot.keyClicks(line, "A/B")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert window.document.stage("approve").name == "A/B"
    assert window.selection.link_ids == ()


def test_the_walk_is_in_the_edit_menu_with_its_keys(window):
    links = window.menus["edit"].actions()
    links = next(a.menu() for a in links if a.text() == "Lin&ks")
    entries = {a.text(): a.shortcut().toString() for a in links.actions()}
    assert entries["Select &next link"] == "/" and entries["Select pre&vious link"] == "\\"


def _menu_key(window, qtbot):
    """What X11 sends for the Menu key: a context-menu event for the focused widget."""
    from PySide6.QtGui import QContextMenuEvent

    centre = window.view.rect().center()
    QApplication.sendEvent(window.view, QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, centre, window.view.mapToGlobal(centre)))


def _shift_f10(window, qtbot):
    qtbot.keyClick(window.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)


@pytest.mark.parametrize("press", [_menu_key, _shift_f10])
def test_the_menu_key_opens_the_selected_link_s_context_menu(window, qtbot, press):
    asked = []
    interaction = window.features.edit_actions.interaction
    interaction.context_requested.disconnect()
    interaction.context_requested.connect(lambda target, where: asked.append((target, where)))
    _select_stage(window, qtbot, "confirm-user")
    _slash(window, qtbot)
    press(window, qtbot)
    assert [(t.kind, t.ident) for t, _ in asked] == [("link", "fix-rework")]
    item = window.scene.items_by_key["link:fix-rework"]
    spot = window.view.viewport().mapFromGlobal(asked[0][1])
    centre = window.view.mapFromScene(item.sceneBoundingRect().center())
    assert (spot - centre).manhattanLength() <= 2  # opened over the link, not at the pointer
    menu = window.features.edit_actions.context_menu(asked[0][0])
    assert "Link &properties…" in [a.text() for a in menu.actions()]
