"""What an export draws: the pages (drawings) for a choice of view and part of the document.

Shared by File ▸ Export and ``vscdesk export`` so both give the same pictures. Pure: a PDF
handout is one drawing per saved slide, or one per stream when no slides are saved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from vscdesk.layout.text import elide, text_width
from vscdesk.model import DocumentModel
from vscdesk.render.primitives import Drawing, Text
from vscdesk.render.subset import stages_subset, stream_subset

View = Literal["chain", "stream"]
Scope = Literal["document", "visible", "selection", "stream"]
SCOPES: dict[str, str] = {
    "document": "The whole document",
    "visible": "What the window shows now",
    "selection": "The selected stages",
    "stream": "One stream",
}


@dataclass(frozen=True)
class ExportRequest:
    """One export's choices; ``area`` (x, y, w, h) is the visible part for scope 'visible'."""

    view: View = "chain"
    scope: Scope = "document"
    stream: str | None = None
    stages: tuple[str, ...] = ()
    area: tuple[float, float, float, float] | None = None
    heat: str | None = None  # a heat-map measure (render/heat.py), or None


EDITOR_ONLY = frozenset({"hint"})  # what to do next in the editor: never on a slide or a page


def without_hints(drawing: Drawing) -> Drawing:
    """The drawing less the editor's helper texts, for exports and presentation mode."""
    if not any(g.kind in EDITOR_ONLY for g in drawing.groups):
        return drawing
    return replace(drawing, groups=tuple(g for g in drawing.groups if g.kind not in EDITOR_ONLY))


def view_drawing(doc: DocumentModel, view: str, heat: str | None = None) -> Drawing:
    """The display list of one whole view of ``doc``, coloured by ``heat`` when given."""
    if view == "stream":
        from vscdesk.render.stream import stream_drawing

        drawing = without_hints(stream_drawing(doc))
    else:
        from vscdesk.render.chain import chain_drawing

        drawing = without_hints(chain_drawing(doc))
    if heat:
        from vscdesk.render.heat import apply_heat

        drawing = apply_heat(drawing, doc, heat)
    return drawing


def stream_page(doc: DocumentModel, stream_id: str) -> DocumentModel:
    """One stream as a page of its own, titled with the stream's name alone, so its title reads
    "Stream name · value stream end to end" (render/legend.py)."""
    part = stream_subset(doc, stream_id)
    return part.model_copy(update={"title": part.streams[0].name})


def handout_pages(doc: DocumentModel, view: str = "chain", heat: str | None = None) -> list[Drawing]:
    """An overview page (the whole ``view``), then one page per stream; a document with saved
    slides has one page per slide instead (in its own view and stream, titled by the slide)."""
    if doc.slides:
        pages = []
        for slide in doc.slides:
            part = stream_page(doc, slide.stream) if slide.stream else doc
            pages.append(view_drawing(part.model_copy(update={"title": slide.name}), slide.view,
                                      heat))
        return pages
    return [view_drawing(doc, view, heat)] + [view_drawing(stream_page(doc, s.id), view, heat)
                                              for s in doc.streams]


def crop(drawing: Drawing, area: tuple[float, float, float, float]) -> Drawing:
    """The part of ``drawing`` inside ``area``, moved to the origin; groups that only touch
    it are kept whole and clipped by the page."""
    ax, ay, aw, ah = area
    x0, y0 = max(ax, 0.0), max(ay, 0.0)
    x1, y1 = min(ax + aw, drawing.width), min(ay + ah, drawing.height)
    if x1 <= x0 or y1 <= y0:
        return Drawing(1, 1, (), drawing.title)
    kept = []
    for g in drawing.groups:
        bx, by, bw, bh = g.bounds
        left, top = g.x + bx, g.y + by
        if left < x1 and left + bw > x0 and top < y1 and top + bh > y0:
            kept.append(replace(g, x=g.x - x0, y=g.y - y0))
    return Drawing(x1 - x0, y1 - y0, tuple(kept), drawing.title)


#: export framings: width / height of the picture (A4 and Letter landscape, like their sheets)
ASPECTS: dict[str, float] = {"16:9": 16 / 9, "4:3": 4 / 3, "a4": 297 / 210, "letter": 11 / 8.5}


def framed(drawing: Drawing, aspect: str | None) -> Drawing:
    """``drawing`` widened or heightened to ``aspect``, the diagram centred: it keeps its own
    32 px margins (the mockups' outer margin) on the sides it fills, and gains white on the
    others, so a slide or page shows it whole and centred."""
    if not aspect:
        return drawing
    ratio = ASPECTS[aspect]
    w, h = drawing.width, drawing.height
    if w / max(h, 1.0) < ratio:
        width, height = h * ratio, h
    else:
        width, height = w, w / ratio
    dx, dy = (width - w) / 2, (height - h) / 2
    groups = tuple(replace(g, x=g.x + dx, y=g.y + dy) for g in drawing.groups)
    return Drawing(width, height, groups, drawing.title)


def part_of(doc: DocumentModel, request: ExportRequest) -> DocumentModel:
    """The document cut to the request's part; KeyError for an unknown stream."""
    if request.scope == "stream":
        return stream_subset(doc, request.stream or "")
    if request.scope == "selection":
        return stages_subset(doc, request.stages)
    return doc


def export_pages(doc: DocumentModel, request: ExportRequest, handout: bool = False) -> list[Drawing]:
    """The drawings to write: one, or the handout pages for a PDF of the whole document."""
    if handout and request.scope == "document":
        return handout_pages(doc, request.view, request.heat)
    drawing = view_drawing(part_of(doc, request), request.view, request.heat)
    if request.scope == "visible" and request.area is not None:
        drawing = crop(drawing, request.area)
    return [drawing]


# -- paper: PDF pages that print (A4 or Letter landscape, the drawing scaled to fit) ----------

#: landscape page sizes in points
PAPERS: dict[str, tuple[float, float]] = {"a4": (841.89, 595.28), "letter": (792.0, 612.0)}
PAGE_MARGIN = 28.0  # 10 mm on every side
FOOTER_GAP = 8.0  # between the drawing and the footer line
FOOTER_SIZE = 8.0
FOOTER_COLOR = "#6B7785"


@dataclass(frozen=True)
class PaperPage:
    """Where one drawing goes on a sheet: page size, the drawing's scale and top-left corner,
    and the footer texts (document title on the left, "page n / N" on the right)."""

    width: float
    height: float
    scale: float
    x: float
    y: float
    footer: tuple[Text, Text]


def paper_page(drawing: Drawing, paper: str, title: str, number: int, total: int) -> PaperPage:
    """Fit ``drawing`` inside the margins above the footer (never enlarged), centred across
    and at the top, like a figure on a printed page."""
    width, height = PAPERS[paper]
    area_w = width - 2 * PAGE_MARGIN
    area_h = height - 2 * PAGE_MARGIN - FOOTER_SIZE - FOOTER_GAP
    scale = min(1.0, area_w / max(drawing.width, 1.0), area_h / max(drawing.height, 1.0))
    x = PAGE_MARGIN + (area_w - drawing.width * scale) / 2
    y = PAGE_MARGIN
    baseline = height - PAGE_MARGIN
    number_text = f"page {number} / {total}"
    room = area_w - text_width(number_text, FOOTER_SIZE) - 24
    left = Text(PAGE_MARGIN, baseline, elide(title, FOOTER_SIZE, False, room), FOOTER_SIZE,
                FOOTER_COLOR)
    right = Text(width - PAGE_MARGIN, baseline, number_text, FOOTER_SIZE, FOOTER_COLOR,
                 anchor="end")
    return PaperPage(width, height, scale, x, y, (left, right))
