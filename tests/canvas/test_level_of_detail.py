"""At 50 % every label is still drawn: tags and badge initials do not turn into blank blobs."""

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from vscdesk.canvas.scene import DiagramScene
from vscdesk.document import Document
from vscdesk.layout import metrics as M
from vscdesk.storage import load


def test_the_customer_tag_keeps_its_text_at_half_size(qapp, example_file):
    scene = DiagramScene(Document(load(example_file)))
    row = scene.items_by_key["row:restore-service"]
    tag = QRectF(row.pos().x() + M.ROW_PAD, row.pos().y() + M.ROW_PAD, 64, 16)
    image = QImage(int(tag.width() / 2), int(tag.height() / 2), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), tag)
    painter.end()
    inside = [image.pixelColor(x, y) for x in range(2, image.width() - 2)
              for y in range(2, image.height() - 2)]
    light = [c for c in inside if c.lightness() > 110]
    dark = [c for c in inside if c.lightness() < 90]
    assert dark, "the tag is drawn"
    assert len(light) >= 3, "the white CUSTOMER text is drawn on the dark tag"
