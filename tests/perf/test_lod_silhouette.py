"""Zoomed far out, a card paints as one rectangle; at a readable zoom, with all its detail."""

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from vscdesk.canvas import items
from vscdesk.canvas.items import GroupItem
from vscdesk.render.chain import chain_drawing
from vscdesk.storage import load


@pytest.fixture
def card(qapp, example_file):
    group = next(g for g in chain_drawing(load(example_file)).groups if g.kind == "stage")
    return GroupItem(group)


def _paint(item, scale, monkeypatch):
    calls = {"detail": 0, "silhouette": 0}
    monkeypatch.setattr(items, "paint_group", lambda *a, **k: calls.__setitem__(
        "detail", calls["detail"] + 1))
    monkeypatch.setattr(items, "paint_silhouette", lambda *a, **k: calls.__setitem__(
        "silhouette", calls["silhouette"] + 1))
    image = QImage(400, 400, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    painter.setTransform(QTransform.fromScale(scale, scale))
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    return calls


def test_a_card_a_few_pixels_wide_is_one_rectangle(card, monkeypatch):
    assert _paint(card, 0.02, monkeypatch) == {"detail": 0, "silhouette": 1}


def test_a_readable_card_is_drawn_in_full(card, monkeypatch):
    assert _paint(card, 1.0, monkeypatch) == {"detail": 1, "silhouette": 0}


def test_the_silhouette_is_the_card_face(card):
    image = QImage(100, 100, QImage.Format.Format_ARGB32)
    image.fill(0xFF000000)
    painter = QPainter(image)
    painter.setTransform(QTransform.fromScale(0.02, 0.02))
    card.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    assert QRectF(*card.group.bounds).width() * 0.02 < items.MIN_DETAIL_PX
    assert image.pixelColor(1, 1).name() == "#ffffff"  # the white card face, not black
