"""Zoomed out to an overview, cards and arrows are not painted at all; zoomed in, they are."""

import pytest
from PySide6.QtWidgets import QGraphicsItem

from bench.synthetic import synthetic_data
from vscdesk.canvas import items, overview
from vscdesk.canvas.scene import DiagramScene
from vscdesk.canvas.view import DiagramView
from vscdesk.document import AddStage, Document
from vscdesk.model import DocumentModel, Stage

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


@pytest.fixture
def view(qtbot):
    scene = DiagramScene(Document(DocumentModel.model_validate(synthetic_data(2000, seed=6))))
    view = DiagramView(scene)
    view.kept_scene = scene  # a view does not own its scene
    qtbot.addWidget(view)
    view.resize(240, 160)  # a big map in a small window: fitted, it is an overview
    view.show()
    qtbot.waitExposed(view)
    view.fit()
    return view


def _painted_kinds(view, monkeypatch) -> set[str]:
    kinds: set[str] = set()
    record = lambda painter, group, *a, **k: kinds.add(group.kind)  # noqa: E731
    monkeypatch.setattr(items, "paint_group", record)
    monkeypatch.setattr(items, "paint_silhouette", record)
    view.viewport().grab()
    return kinds


def test_fitted_large_map_paints_lanes_and_rows_but_no_cards(view, monkeypatch):
    assert overview.is_overview(view.zoom()) and view.scene().overview
    kinds = _painted_kinds(view, monkeypatch)
    assert {"lane", "row"} <= kinds
    assert not kinds & overview.DETAIL_KINDS


def test_zooming_in_paints_cards_again(view, monkeypatch):
    view.set_zoom(0.5)
    view.centerOn(view.scene().item_for(view.scene().document.model.streams[2].stages[0].id))
    assert not view.scene().overview
    assert "stage" in _painted_kinds(view, monkeypatch)


def test_a_selected_card_is_still_drawn_in_the_overview(view, monkeypatch):
    scene = view.scene()
    stage = scene.document.model.streams[4].stages[1]
    scene.selection.set([stage.id], scene.document.model.streams[4].id)
    assert not scene.item_for(stage.id).flags() & NO_CONTENTS
    other = scene.item_for(scene.document.model.streams[4].stages[2].id)
    assert other.flags() & NO_CONTENTS


def test_cards_added_in_the_overview_join_it(view):
    scene = view.scene()
    doc = scene.document
    stream = doc.model.streams[0]
    doc.push(AddStage(doc, stream.id, 0, Stage(id="added-here", name="Added",
                                               lane=doc.model.chain.lanes[0].id)))
    assert scene.overview and scene.item_for("added-here").flags() & NO_CONTENTS
    view.set_zoom(1.0)
    assert not scene.item_for("added-here").flags() & NO_CONTENTS


def test_a_deselected_card_leaves_the_overview_again(view):
    scene = view.scene()
    stream = scene.document.model.streams[4]
    scene.selection.set([stream.stages[1].id], stream.id)
    scene.selection.set([], stream.id)
    assert scene.item_for(stream.stages[1].id).flags() & NO_CONTENTS


def test_a_heat_map_keeps_its_cards_in_the_overview(view):
    scene = view.scene()
    scene.set_heat("wait_time")
    card = scene.item_for(scene.document.model.streams[3].stages[0].id)
    assert overview.is_overview(view.zoom()) and not scene.overview
    assert not card.flags() & NO_CONTENTS  # the colours are the point of a heat map
    scene.set_heat(None)
    assert scene.overview and scene.item_for(card.ref).flags() & NO_CONTENTS
