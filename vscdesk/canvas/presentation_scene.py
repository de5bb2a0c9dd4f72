"""The scene presentation mode shows: one slide's drawing, themed, dimmed and called out.

It is read-only and separate from the editor's scene, so presenting never disturbs the
editor's selection, zoom or items, and a dark theme never leaks into the editor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from vscdesk.canvas.glide import Glide, ghost_of, snapshot
from vscdesk.canvas.items import GroupItem
from vscdesk.canvas.slides import SlideSpec, framing, group_rect, opacities
from vscdesk.layout.geometry import Box
from vscdesk.model import DocumentModel
from vscdesk.render.callout import callout_group
from vscdesk.render.pages import without_hints
from vscdesk.render.primitives import Drawing
from vscdesk.render.theme import themed

MIN_HEADER_W = 900.0  # room for a stream's name, stats and end-to-end SLA
ROOM = 4000.0  # scene space around the drawing, so any framing can be centred


def base_drawing(doc: DocumentModel, slide: SlideSpec) -> Drawing:
    """The view a slide shows; a stream-view slide about one stream shows that stream alone.
    The editor's helper texts never show on a slide."""
    return without_hints(_view_of(doc, slide))


def _view_of(doc: DocumentModel, slide: SlideSpec) -> Drawing:
    if slide.view == "stream":
        stream = next((s for s in doc.streams if s.id == slide.stream), None)
        if stream is not None:
            return one_stream_drawing(doc, stream.id)
        from vscdesk.render.stream import stream_drawing

        return stream_drawing(doc)
    from vscdesk.render.chain import chain_drawing

    return chain_drawing(doc)


def one_stream_drawing(doc: DocumentModel, stream_id: str) -> Drawing:
    """One stream end to end, its header only as wide as its stages, without title and legend.

    The full stream view is as wide as its longest stream; framed alone, a short stream would
    be drawn small on the screen with an empty right half.
    """
    from vscdesk.layout.stream import layout_stream
    from vscdesk.render.stream import StreamPainter

    one = doc.model_copy(update={"streams": [s for s in doc.streams if s.id == stream_id]})
    layout = layout_stream(one)
    block = layout.blocks[0]
    right = max([block.value.right] + [k.text_x + 160 for k in layout.keys[-1:]])
    width = max(right - block.header.x, MIN_HEADER_W)
    header = Box(block.header.x, block.header.y, width, block.header.h)
    layout = replace(layout, blocks=(replace(block, header=header, rule_y=None),),
                     width=width + 2 * block.header.x)
    drawing = StreamPainter(one, layout).drawing()
    groups = tuple(g for g in drawing.groups if g.kind not in ("title", "legend"))
    bottom = max(g.y + g.bounds[1] + g.bounds[3] for g in groups)
    return Drawing(layout.width, bottom + block.header.x, groups, drawing.title)


@dataclass(frozen=True)
class SlidePicture:
    """Everything needed to show one slide: its drawing, how strong each group is, its frame."""

    drawing: Drawing
    opacity: dict[str, float]
    frame: tuple[float, float, float, float]
    centre: tuple[float, float]


def slide_picture(doc: DocumentModel, slide: SlideSpec, theme: str = "light") -> SlidePicture:
    """The themed drawing of a slide, with the stage callout added when it has a stage."""
    drawing = base_drawing(doc, slide)
    groups = {g.key: g for g in drawing.groups}
    stage_key = f"stage:{slide.stage}" if slide.stage else None
    if stage_key in groups:
        callout = callout_group(doc, slide.stage, group_rect(groups[stage_key]),
                                (drawing.width, drawing.height))
        drawing = Drawing(drawing.width, drawing.height, (*drawing.groups, callout), drawing.title)
    frame = framing(slide, drawing, doc)
    if stage_key in groups and slide.zoom > 1:  # zoomed past the frame: keep the stage in view
        x, y, w, h = group_rect(groups[stage_key])
        centre = (x + w / 2, frame[1] + frame[3] / 2)  # the stage over its callout
    else:
        centre = (frame[0] + frame[2] / 2, frame[1] + frame[3] / 2)
    return SlidePicture(themed(drawing, theme), opacities(slide, drawing, doc), frame, centre)


class PresentationScene(QGraphicsScene):
    """Holds the items of the slide on screen; nothing in it can be selected or moved."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items_by_key: dict[str, GroupItem] = {}
        self.picture: SlidePicture | None = None

    def show_picture(self, picture: SlidePicture, glide: Glide | None = None,
                     on_frame: Callable[[float], None] | None = None) -> None:
        """Bring the items to ``picture``: same keys are reused, so a glide can move them."""
        before = snapshot(self.items_by_key)
        wanted = {g.key: g for g in picture.drawing.groups}
        for key in [k for k in self.items_by_key if k not in wanted]:
            self.removeItem(self.items_by_key.pop(key))
        for key, group in wanted.items():
            item = self.items_by_key.get(key)
            if item is None:
                item = ghost_of(group)  # nothing on a slide is clicked, selected or moved
                self.items_by_key[key] = item
                self.addItem(item)
            else:
                item.sync(group)
        d = picture.drawing
        self.setSceneRect(QRectF(-ROOM, -ROOM, d.width + 2 * ROOM, d.height + 2 * ROOM))
        self.picture = picture
        if glide is not None:
            glide.start(self, before, self.items_by_key, picture.opacity, on_frame)
            return
        for key, item in self.items_by_key.items():
            item.setPos(item.group.x, item.group.y)
            item.setOpacity(picture.opacity.get(key, 1.0))
