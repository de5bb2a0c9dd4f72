"""One slide of the presentation as a picture: its drawing, dimming, callout and frame. No Qt.

Presentation mode shows these pictures on screen and the deck export turns the same pictures
into PowerPoint shapes, so the two always agree slide for slide.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from vscdesk.layout.geometry import Box
from vscdesk.model import DocumentModel
from vscdesk.render.callout import callout_group
from vscdesk.render.pages import without_hints
from vscdesk.render.primitives import Drawing
from vscdesk.render.slides import SlideSpec, framing, group_rect, opacities
from vscdesk.render.theme import themed

MIN_HEADER_W = 900.0  # room for a stream's name, stats and end-to-end SLA


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

    if slide.streams:  # one part of a large map: only these streams' rows
        wanted = set(slide.streams)
        doc = doc.model_copy(update={"streams": [s for s in doc.streams if s.id in wanted]})
    return chain_drawing(doc)


def one_stream_drawing(doc: DocumentModel, stream_id: str) -> Drawing:
    """One stream end to end, its header only as wide as its stages, without title and legend.

    The full stream view is as wide as its longest stream; framed alone, a short stream would
    be drawn small on the screen with an empty right half.
    """
    from vscdesk.layout.stream import layout_stream
    from vscdesk.render.stream import StreamRenderer

    one = doc.model_copy(update={"streams": [s for s in doc.streams if s.id == stream_id]})
    layout = layout_stream(one)
    block = layout.blocks[0]
    right = max([block.value.right] + [k.text_x + 160 for k in layout.keys[-1:]])
    width = max(right - block.header.x, MIN_HEADER_W)
    header = Box(block.header.x, block.header.y, width, block.header.h)
    layout = replace(layout, blocks=(replace(block, header=header, rule_y=None),),
                     width=width + 2 * block.header.x)
    drawing = StreamRenderer(one, layout).drawing()
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
    if slide.stage and stage_key in groups:
        callout = callout_group(doc, slide.stage, group_rect(groups[stage_key]),
                                (drawing.width, drawing.height))
        drawing = Drawing(drawing.width, drawing.height, (*drawing.groups, callout), drawing.title)
    frame = framing(slide, drawing, doc)
    if stage_key in groups and slide.zoom > 1:  # zoomed past the frame: keep the stage in view
        x, _y, w, _h = group_rect(groups[stage_key])
        centre = (x + w / 2, frame[1] + frame[3] / 2)  # the stage over its callout
    else:
        centre = (frame[0] + frame[2] / 2, frame[1] + frame[3] / 2)
    return SlidePicture(themed(drawing, theme), opacities(slide, drawing, doc), frame, centre)


