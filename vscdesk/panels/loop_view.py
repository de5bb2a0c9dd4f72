"""The activity-loop picture in a widget: painted from the pure display list, clickable."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QToolTip, QWidget

from vscdesk.layout.activity_loop_labels import HALO, SELECTED
from vscdesk.layout.activity_loop_track import picture_size
from vscdesk.model import DocumentModel, Stream
from vscdesk.paint.painter import load_fonts, paint_group
from vscdesk.render import palette as P
from vscdesk.render.activity_loop import activity_loop_drawing
from vscdesk.render.primitives import Drawing, Ellipse, Group, Path, Rect

HIT = 13.0  # how far from a step disc a click still counts, in picture pixels
RING_PEN = 2.5
SCROLL_AFTER = 1.1  # a picture up to this much taller than the room is fitted, not scrolled


def _disc(group: Group) -> Ellipse | Rect | None:
    """A step's number disc: a filled circle or pill with the white halo."""
    for p in reversed(group.items):
        if (isinstance(p, (Ellipse, Rect)) and p.fill and p.stroke is not None
                and p.stroke.color == P.CANVAS):
            return p
    return None


def disc_centre(group: Group) -> tuple[float, float] | None:
    """The centre of a step's number disc; None for a step whose number is left off."""
    p = _disc(group)
    if isinstance(p, Ellipse):
        return group.x + p.cx, group.y + p.cy
    if isinstance(p, Rect):
        return group.x + p.x + p.w / 2, group.y + p.y + p.h / 2
    return None


def selection_ring(group: Group) -> QRectF | None:
    """Where the accent ring of a selected step goes: just outside the disc's halo, within
    the room the layout keeps free around every number."""
    p = _disc(group)
    if isinstance(p, Ellipse):
        rect = QRectF(p.cx - p.rx, p.cy - p.ry, 2 * p.rx, 2 * p.ry)
    elif isinstance(p, Rect):
        rect = QRectF(p.x, p.y, p.w, p.h)
    else:
        return None
    grow = HALO / 2 + SELECTED - RING_PEN / 2  # the pen's outer edge meets the room's edge
    return rect.translated(group.x, group.y).adjusted(-grow, -grow, grow, grow)


def _near_path(group: Group, x: float, y: float, reach: float) -> bool:
    for p in group.items:
        if not isinstance(p, Path):
            continue
        last = None
        for op in p.ops:
            if op[0] == "M":
                last = (op[1], op[2])
            elif op[0] == "C" and last is not None:
                pts = ((last[0], last[1]), (op[1], op[2]), (op[3], op[4]), (op[5], op[6]))
                for k in range(21):
                    t = k / 20
                    bx = sum(c * pt[0] for c, pt in zip(_bernstein(t), pts))
                    by = sum(c * pt[1] for c, pt in zip(_bernstein(t), pts))
                    if math.hypot(group.x + bx - x, group.y + by - y) <= reach:
                        return True
                last = (op[5], op[6])
    return False


def _bernstein(t: float) -> tuple[float, float, float, float]:
    u = 1 - t
    return u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t


def _lane_name(model: DocumentModel, lane_id: str | None) -> str:
    lane = next((lane for lane in model.chain.lanes if lane.id == lane_id), None)
    return html.escape(lane.name) if lane is not None else "No activity"


def node_tooltip(model: DocumentModel, stream: Stream, lane_id: str) -> str:
    """An activity's whole name and the steps that visit it (rich text; names escaped)."""
    steps = [k for k, stage in enumerate(stream.stages, 1) if (stage.lane or "") == lane_id]
    seen = f"steps {', '.join(map(str, steps))}" if steps else "not visited"
    return f"<p><b>{_lane_name(model, lane_id or None)}</b><br>{seen}</p>"


def step_tooltip(model: DocumentModel, stream: Stream, k: int) -> str:
    """Step ``k + 1``: its stage, the move into it, and "a loop-back" when it goes left."""
    stage = stream.stages[k]
    text = f"<b>Step {k + 1}</b> “{html.escape(stage.name)}”<br>"
    if k == 0:
        return f"<p>{text}starts in {_lane_name(model, stage.lane)}</p>"
    before = stream.stages[k - 1].lane
    text += f"{_lane_name(model, before)} → {_lane_name(model, stage.lane)}"
    order = {lane.id: i for i, lane in enumerate(model.chain.lanes)}
    if before in order and stage.lane in order and order[stage.lane] < order[before]:
        text += "<br>a loop-back: to an activity further left in the value chain"
    return f"<p>{text}</p>"


class LoopView(QWidget):
    """Paints one stream's activity loop scaled to fit; a click on a step emits its stage id,
    a click on an activity emits its lane id."""

    step_clicked = Signal(str)
    activity_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_fonts()
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Activity loop picture")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._model: DocumentModel | None = None
        self._stream: str | None = None
        self.drawing: Drawing | None = None
        self.selected: set[str] = set()

    def sizeHint(self) -> QSize:
        return QSize(420, 420)

    def show_stream(self, model: DocumentModel, stream_id: str | None,
                    selected: set[str]) -> None:
        self._model, self._stream = model, stream_id
        self.selected = selected
        self._redraw()

    def _room(self) -> QSize:
        """The room the panel gives the picture: the scroll area's window onto it, when the
        view sits in one (its own height follows the picture), else its own size. The width
        is the same whether the scroll bar shows or not, so showing it changes nothing else."""
        area = self.parentWidget()
        scroll = area.parentWidget() if area is not None else None
        if area is not None and isinstance(scroll, QScrollArea):  # width with or without its bar
            return QSize(scroll.width(), area.height())
        return self.size()

    def _redraw(self) -> None:
        room = self._room()
        if self._model is None or self._stream is None:
            self.drawing = None
        else:
            lanes = len(self._model.chain.lanes)
            width, height = picture_size(lanes, room.width(), room.height())
            self.drawing = activity_loop_drawing(self._model, self._stream, width, height)
        tall = 240
        if self.drawing is not None:
            # a long route's caption makes the picture taller than the room: a little is
            # scaled down with the rest, more scrolls rather than shrinking text out of reach
            scale = min(room.width() / self.drawing.width, 1.0)
            if self.drawing.height * scale > SCROLL_AFTER * room.height():
                tall = max(tall, math.ceil(self.drawing.height * scale))
        if self.minimumHeight() != tall:
            self.setMinimumHeight(tall)
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._redraw()

    def transform(self) -> tuple[float, float, float]:
        """(scale, dx, dy) from picture to widget coordinates: fitted and centred."""
        if self.drawing is None:
            return 1.0, 0.0, 0.0
        d = self.drawing
        scale = min(self.width() / d.width, self.height() / d.height, 1.0)
        return scale, (self.width() - d.width * scale) / 2, (self.height() - d.height * scale) / 2

    def to_picture(self, point: QPointF) -> tuple[float, float]:
        scale, dx, dy = self.transform()
        return (point.x() - dx) / scale, (point.y() - dy) / scale

    def to_widget(self, x: float, y: float) -> QPointF:
        scale, dx, dy = self.transform()
        return QPointF(dx + x * scale, dy + y * scale)

    def step_groups(self) -> list[Group]:
        return [g for g in (self.drawing.groups if self.drawing else ()) if g.kind == "loop-step"]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(P.CANVAS))
        if self.drawing is None:
            painter.setPen(QColor(P.INK_500))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No stream to show")
            return
        scale, dx, dy = self.transform()
        painter.translate(dx, dy)
        painter.scale(scale, scale)
        for group in sorted(self.drawing.groups, key=lambda g: g.z):
            paint_group(painter, group, translate=True)
        pen = QPen(QColor(P.ACCENT), RING_PEN)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for group in self.step_groups():
            ring = selection_ring(group) if group.ref in self.selected else None
            if ring is not None:
                painter.drawRoundedRect(ring, ring.height() / 2, ring.height() / 2)

    def hit(self, point: QPointF) -> Group | None:
        """The step (by its disc, then by its arrow) or activity under a widget point."""
        x, y = self.to_picture(point)
        steps = self.step_groups()
        near = [(math.dist(c, (x, y)), g) for g in steps if (c := disc_centre(g)) is not None]
        near = [(d, g) for d, g in near if d <= HIT]
        if near:
            return min(near, key=lambda item: item[0])[1]
        for group in reversed(self.drawing.groups if self.drawing else ()):
            bx, by, bw, bh = group.bounds
            left, top = group.x + bx, group.y + by
            inside = left <= x <= left + bw and top <= y <= top + bh
            if group.kind == "loop-node" and inside:
                return group
        for group in steps:
            if _near_path(group, x, y, 6):
                return group
        return None

    def tooltip(self, group: Group) -> str:
        """The full story of what is under the mouse: a node's whole name (the picture may
        shorten it) and its steps, or a step's stage, its move and whether it is a loop-back."""
        stream = next((s for s in self._model.streams if s.id == self._stream), None
                      ) if self._model is not None else None
        if stream is None:
            return ""
        if group.kind == "loop-node":
            return node_tooltip(self._model, stream, group.key.split(":", 1)[1])
        ids = [stage.id for stage in stream.stages]
        return step_tooltip(self._model, stream, ids.index(group.ref)) if group.ref in ids else ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            group = self.hit(QPointF(event.pos()))
            text = self.tooltip(group) if group is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        group = self.hit(event.position())
        if group is not None and group.ref:
            if group.kind == "loop-step":
                self.step_clicked.emit(group.ref)
            else:
                self.activity_clicked.emit(group.ref)
        super().mousePressEvent(event)


class LoopScroll(QScrollArea):
    """The picture in a scroll area that scrolls only when a long route's caption makes the
    picture taller than the dock; otherwise the picture fills it as before."""

    def __init__(self, view: LoopView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(True)
        self.setWidget(view)
        self.setMinimumSize(240, 240)

    def sizeHint(self) -> QSize:
        return QSize(420, 420)
