"""The inline rename editor sits over the name at the view's zoom."""

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.canvas.editing_helpers import make_canvas
from vscdesk.app import dialogs
from vscdesk.app.main_window import MainWindow
from vscdesk.storage import load


def _name_box(view, scene, stage_id):
    item = scene.item_for(stage_id)
    box = item.mapRectToScene(QRectF(4, 30, item.group.bounds[2] - 8, 30))
    return view.mapFromScene(box).boundingRect()


@pytest.mark.parametrize("zoom", [0.8, 1.0, 1.6])
def test_the_editor_font_and_box_follow_the_zoom(qtbot, example_file, zoom):
    canvas = make_canvas(qtbot, example_file)
    canvas.view.set_zoom(zoom)
    canvas.editing.select(["report-problem"])
    canvas.editing.rename_selected()
    line = canvas.editing.editor.line
    assert line.isVisible()
    assert line.font().pixelSize() == round(12.5 * zoom)
    card = canvas.view.mapFromScene(
        canvas.scene.item_for("report-problem").sceneBoundingRect()).boundingRect()
    name = _name_box(canvas.view, canvas.scene, "report-problem")
    assert card.adjusted(-3, -3, 3, 3).contains(line.geometry())  # never wider than the card
    assert abs(line.geometry().center().y() - name.center().y()) <= 2
    assert line.geometry().height() < name.height() + 10


def test_after_insert_the_editor_covers_the_new_card_once_the_view_refits(qtbot, example_file,
                                                                          monkeypatch):
    monkeypatch.setattr(dialogs, "ask_discard", lambda *a: QMessageBox.StandardButton.Discard)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_model(load(example_file), None)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    window.view.fit()
    window.selection.set(["approve"], "fulfil-request")
    window.features.edit_actions.editing.add_stage()
    for _ in range(5):
        QApplication.processEvents()  # the view re-fits to the wider diagram
    line = window.features.edit_actions.editing.editor.line
    new = window.selection.stage_ids[-1]
    name = _name_box(window.view, window.scene, new)
    assert line.isVisible() and line.text() == "New stage"
    assert abs(line.geometry().center().x() - name.center().x()) <= 3
    assert abs(line.geometry().center().y() - name.center().y()) <= 3
    qtbot.keyClick(line, Qt.Key.Key_Escape)
