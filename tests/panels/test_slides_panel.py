"""The Slides dock lists saved slides; rename, reorder and delete are one command each."""

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit

from vscdesk.document import AddSlide, Document
from vscdesk.panels.slides_panel import SlidesPanel
from vscdesk.storage import load


@pytest.fixture
def document(document):
    """The shared example document with three saved slides."""
    doc = document
    for i, (view, stream) in enumerate((("chain", None), ("stream", "restore-service"),
                                        ("stream", "new-service"))):
        doc.push(AddSlide(doc, {"id": f"s{i}", "name": f"Slide {i}", "view": view,
                                "stream": stream}))
    doc.undo_stack.clear()
    return doc


@pytest.fixture
def panel(qtbot, document):
    widget = SlidesPanel(document)
    qtbot.addWidget(widget)
    widget.resize(420, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _names(panel):
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def _model_names(document):
    return [s.name for s in document.model.slides]


def test_lists_the_slides_with_a_summary(panel):
    assert _names(panel) == ["Slide 0", "Slide 1", "Slide 2"]
    assert panel.list.item(1).toolTip() == "Stream view · Restore service for a user"
    assert not panel.hint.isVisible()


def test_down_button_moves_the_slide_one_step(panel, document, qtbot):
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.down_button, Qt.MouseButton.LeftButton)
    assert _model_names(document) == ["Slide 1", "Slide 0", "Slide 2"]
    assert _names(panel) == ["Slide 1", "Slide 0", "Slide 2"]
    assert panel.list.currentRow() == 1  # the moved slide stays selected
    assert document.undo_stack.count() == 1
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert _model_names(document) == ["Slide 0", "Slide 1", "Slide 2"]
    document.undo_stack.undo()
    assert _names(panel) == ["Slide 1", "Slide 0", "Slide 2"]
    assert not panel.up_button.isEnabled() or panel.list.currentRow() > 0


def test_dragging_a_row_is_one_move(panel, document):
    # What the list's internal drag-and-drop does on drop: move the row in its model.
    panel.list.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)
    assert _model_names(document) == ["Slide 1", "Slide 2", "Slide 0"]
    assert document.undo_stack.count() == 1
    assert _names(panel) == _model_names(document)


def test_rename_in_place(panel, document, qtbot):
    item = panel.list.item(2)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(panel.list, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: panel.list.findChild(QLineEdit) is not None, timeout=2000)
    editor = panel.list.findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "New service walk")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: document.slide("s2").name == "New service walk", timeout=2000)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert panel.list.item(2).text() == "Slide 2"
    assert document.undo_stack.count() == 1  # refreshing pushed nothing


def test_an_empty_name_is_refused_and_the_old_one_shown(panel, document):
    panel.list.item(0).setText("   ")
    assert document.slide("s0").name == "Slide 0"
    assert panel.list.item(0).text() == "Slide 0"
    assert document.undo_stack.count() == 0


def test_delete_and_undo(panel, document, qtbot):
    panel.list.setCurrentRow(1)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert _model_names(document) == ["Slide 0", "Slide 2"]
    assert _names(panel) == ["Slide 0", "Slide 2"]
    document.undo_stack.undo()
    assert _names(panel) == ["Slide 0", "Slide 1", "Slide 2"]


def test_without_slides_it_explains_the_default_walk(qtbot, example_file):
    widget = SlidesPanel(Document(load(example_file)))
    qtbot.addWidget(widget)
    widget.show()
    assert widget.list.count() == 0
    assert widget.hint.isVisible() and "F5" in widget.hint.text()
    assert not widget.remove_button.isEnabled()


def test_add_and_present_are_requests_for_the_app(panel, qtbot):
    with qtbot.waitSignal(panel.add_requested, timeout=1000):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    panel.list.setCurrentRow(2)
    with qtbot.waitSignal(panel.present_requested, timeout=1000) as blocker:
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert blocker.args == [2]


def test_keyboard_deletes_moves_and_renames(panel, document, qtbot):
    panel.list.setFocus()
    panel.list.setCurrentRow(0)
    qtbot.keyClick(panel.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _model_names(document) == ["Slide 1", "Slide 0", "Slide 2"]
    assert panel.list.currentRow() == 1
    qtbot.keyClick(panel.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _model_names(document) == ["Slide 0", "Slide 1", "Slide 2"]
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert _model_names(document) == ["Slide 1", "Slide 2"]
    assert panel.list.currentRow() == 0  # the next slide is current: Del again goes on
    assert document.undo_stack.count() == 3  # F2: test_rename_in_place


def test_context_menu_offers_rename_move_and_delete(panel, document):
    panel.list.setCurrentRow(2)
    menu = panel.context_menu()
    state = {a.text(): a.isEnabled() for a in menu.actions()}
    assert state == {"Rename": True, "Move up": True, "Move down": False, "Delete": True}
    next(a for a in menu.actions() if a.text() == "Move up").trigger()
    assert _model_names(document) == ["Slide 0", "Slide 2", "Slide 1"]
