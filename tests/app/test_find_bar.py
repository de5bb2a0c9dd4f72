"""Edit ▸ Find and View ▸ Fit width on a 300-stage map."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.render.big_doc import big_document
from vscdesk.canvas.find import READABLE_ZOOM, find_matches
from vscdesk.storage import load, save

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="module")
def big_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big300.vsc.json"
    save(big_document(streams=30, stages=10, links=20), path)
    return path


@pytest.fixture
def window(make_window, big_path):
    window = make_window(None, focused=True)
    assert window.open_path(big_path)
    window.view.setFocus()
    return window


def _on_screen(window, stage_id) -> bool:
    view = window.view
    centre = view.mapFromScene(window.scene.item_for(stage_id).sceneBoundingRect().center())
    return view.viewport().rect().contains(centre)


def test_matches_are_lanes_then_each_stream_with_its_stages(big_path):
    model = load(big_path)
    found = find_matches(model, "  STREAM NUMBER 2 ")
    assert [m.key for m in found][:2] == ["row:st1", "row:st19"]  # 2, then 20..29
    everything = find_matches(model, "e")
    assert everything[0].kind == "lane"
    assert find_matches(model, "") == [] and find_matches(model, "zzz") == []


def test_find_selects_and_centres_each_match_at_a_readable_zoom(window, qtbot):
    window.view.fit()
    assert window.view.zoom() < 0.1  # the unreadable thumbnail fit width replaces
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.features.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.field
    wanted = [m.ident for m in find_matches(window.document.model, "release")]
    assert len(wanted) > 3
    qtbot.keyClicks(bar.field, "release")
    assert window.selection.stage_ids == (wanted[0],)
    assert bar.count.text() == f"1 of {len(wanted)}"
    assert window.view.zoom() >= READABLE_ZOOM
    assert _on_screen(window, wanted[0])
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.selection.stage_ids == (wanted[1],) and _on_screen(window, wanted[1])
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert window.selection.stage_ids == (wanted[2],)
    qtbot.keyClick(bar.field, Qt.Key.Key_F3, SHIFT)
    assert window.selection.stage_ids == (wanted[1],)
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and QApplication.focusWidget() is window.view
    window.actions["find_previous"].trigger()  # the bar opens again on its last text
    assert bar.isVisible() and bar.field.text() == "release"


def test_no_match_says_so_and_keeps_the_selection(window, qtbot):
    window.selection.set(["s0-0"], "st0")
    window.actions["find"].trigger()
    qtbot.keyClicks(window.features.find_bar.field, "zz no such stage")  # no letter z anywhere
    assert window.features.find_bar.count.text() == "No match"
    assert window.selection.stage_ids == ("s0-0",)


def test_fit_width_fills_the_width_and_scrolls_down(window, qtbot):
    view = window.view
    view.fit()
    fit = view.zoom()
    window.actions["fit_width"].trigger()
    QApplication.processEvents()
    assert view.zoom() > 3 * fit
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    scene = view.sceneRect()
    assert seen.left() <= scene.left() + 1 and seen.right() >= scene.right() - 1
    assert view.verticalScrollBar().maximum() > 0
    assert view.verticalScrollBar().value() == view.verticalScrollBar().minimum()
    window.resize(1200, 900)
    qtbot.waitUntil(lambda: view.viewport().width() < 1100)
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert seen.right() >= scene.right() - 1  # still the whole width after a resize
