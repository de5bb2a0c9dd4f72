"""The selection ring follows the stage's own outline: chevrons in the stream view, cards in the
chain view; 2 px of selection blue, never the accent violet."""

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from vscdesk.canvas.items import SELECTION
from vscdesk.canvas.scene import DiagramScene

SCALE = 4  # render enlarged, so a 2 px ring is 8 pixels and easy to sample


def _render(scene, item) -> tuple[QImage, QRectF]:
    """The item's surroundings rendered SCALE times enlarged; and the scene rect shown."""
    source = item.sceneBoundingRect().adjusted(-10, -10, 10, 10)
    image = QImage(int(source.width() * SCALE), int(source.height() * SCALE),
                   QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), source)
    painter.end()
    return image, source


def _colour_at(image: QImage, source: QRectF, scene_point: QPointF) -> QColor:
    p = (scene_point - source.topLeft()) * SCALE
    return image.pixelColor(int(p.x()), int(p.y()))


def _is(colour: QColor, wanted: str | QColor) -> bool:
    w = QColor(wanted)
    return max(abs(colour.red() - w.red()), abs(colour.green() - w.green()),
               abs(colour.blue() - w.blue())) < 40


def test_a_selected_chevron_is_ringed_along_its_notch_and_point(document):
    scene = DiagramScene(document, view="stream")
    item = scene.items_by_key["stage:approve"]
    item.setSelected(True)
    image, source = _render(scene, item)
    x, y, w, h = item.group.x, item.group.y, item.group.bounds[2], item.group.bounds[3]
    # on the outline: the middle of the top edge, the tip of the point, the notch's inner corner
    for px, py in ((x + w / 2, y), (x + w - 0.5, y + h / 2), (x + 18.5, y + h / 2)):
        assert _is(_colour_at(image, source, QPointF(px, py)), SELECTION), (px - x, py - y)
    # inside the bounding box but outside the chevron: no ring (a rounded rectangle would be)
    for px, py in ((x, y + h / 2), (x + w, y + 2), (x + w, y + h - 2)):
        assert not _is(_colour_at(image, source, QPointF(px, py)), SELECTION), (px - x, py - y)


def test_a_selected_chevron_is_hit_only_inside_its_outline(document):
    scene = DiagramScene(document, view="stream")
    item = scene.items_by_key["stage:approve"]
    h = item.group.bounds[3]
    assert item.contains(QPointF(30, h / 2))
    assert not item.contains(QPointF(4, h / 2))  # in the notch: the gap before the chevron


def test_a_selected_card_is_ringed_just_outside_its_border_on_every_side(document):
    scene = DiagramScene(document, view="chain")
    item = scene.items_by_key["stage:approve"]
    item.setSelected(True)
    image, source = _render(scene, item)
    x, y, w, h = item.group.x, item.group.y, 140, 108
    for px, py in ((x - 1, y + h / 2), (x + w + 1, y + h / 2), (x + w / 2, y - 1),
                   (x + w / 2, y + h + 1)):
        assert _is(_colour_at(image, source, QPointF(px, py)), SELECTION), (px - x, py - y)
    for px, py in ((x - 4, y + h / 2), (x + w + 4, y + h / 2), (x + 3, y + h / 2)):
        assert not _is(_colour_at(image, source, QPointF(px, py)), SELECTION), (px - x, py - y)
