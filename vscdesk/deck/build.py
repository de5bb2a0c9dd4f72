"""The presentation as a PowerPoint deck: a title slide, then one slide per presentation slide.

The slides are the presentation's own (render/slides.py, render/slide_picture.py): the same
sequence, splitting, framing, dimming and stage callouts as F5, laid on a 16:9, 4:3, A4 or
Letter slide and drawn as native shapes (deck/translate.py), with speaker notes
(deck/notes.py). No Qt: ``vscdesk export FILE -o deck.pptx`` needs no window.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from pptx import Presentation
from pptx.presentation import Presentation as Deck  # the type; pptx.Presentation() opens one
from pptx.util import Emu

from vscdesk.deck import pptx_shapes as S
from vscdesk.deck.notes import slide_notes, title_notes
from vscdesk.deck.translate import GroupShapes, Placement
from vscdesk.layout.text import text_width
from vscdesk.model import DocumentModel
from vscdesk.model.queries import stage_index
from vscdesk.render import palette as P
from vscdesk.render.slide_picture import SlidePicture, slide_picture
from vscdesk.render.slides import (SlideSpec, default_slides, group_rect, saved_slides,
                                   slide_sequence, union)

#: slide sizes in points (width, height)
ASPECTS: dict[str, tuple[float, float]] = {
    "16:9": (960.0, 540.0), "4:3": (720.0, 540.0), "a4": (841.89, 595.28), "letter": (792.0, 612.0)}
SLIDE_CHOICES = ("auto", "saved", "default")
MARGIN = 0.04  # of the slide's width, around the diagram (as presentation mode keeps)
TITLE_SIZE = 20.0
MIN_TITLE_SIZE = 12.0
FOOTER_SIZE = 9.0
MAX_SCALE = 1.5  # points per drawing pixel: never blow a small frame up beyond this
CLIPPED = {"lane", "row", "rule", "lane-key"}  # cut at the slide's edge rather than left out
LAYOUT_TITLE, LAYOUT_TITLE_ONLY = 0, 5  # in python-pptx's default template

#: Called after each slide is built; returning False cancels (progress dialogs).
Tick = Callable[[int, int], bool]


class DeckError(Exception):
    """A readable reason why a deck could not be made."""


def deck_slides(doc: DocumentModel, which: str = "auto") -> list[SlideSpec]:
    """The presentation's slides: its saved slides, its default walk, or (auto) what F5 shows."""
    if which == "saved":
        slides = saved_slides(doc)
        if not slides:
            raise DeckError("the document has no saved slides (Present ▸ Add current view as "
                            "slide); use --slides default")
        return slides
    if which == "default":
        return default_slides(doc)
    return slide_sequence(doc)


def build_deck(doc: DocumentModel, which: str = "auto", aspect: str = "16:9",
               today: datetime.date | None = None, tick: Tick | None = None) -> Deck:
    """A title slide, then one slide per presentation slide in F5's order."""
    slides = deck_slides(doc, which)
    prs = Presentation()
    width, height = ASPECTS[aspect]
    prs.slide_width, prs.slide_height = S.emu(width), S.emu(height)
    prs.core_properties.title = doc.title
    prs.core_properties.subject = doc.chain.name
    prs.core_properties.author = "vscdesk"
    _title_slide(prs, doc, today or datetime.date.today(), len(slides))
    for n, spec in enumerate(slides, 1):
        _content_slide(prs, doc, spec, n, len(slides))
        if tick is not None and not tick(n, len(slides)):
            raise DeckCancelled("the export was cancelled")
    return prs


class DeckCancelled(DeckError):
    """The user cancelled a long export; no file was written."""


def _size(prs) -> tuple[float, float]:
    return prs.slide_width / 12700, prs.slide_height / 12700


def _place_text(shape, x: float, y: float, w: float, h: float, text: str, size: float,
                color: str, bold: bool, align: str = "start", wrap: bool = True) -> None:
    shape.left, shape.top, shape.width, shape.height = (S.emu(v) for v in (x, y, w, h))
    tf = S.text_frame(shape, (0, 0, 0, 0), "top", wrap)
    tf.text = ""
    para = tf.paragraphs[0]
    para.alignment = S.ALIGN[align]
    S.add_run(para, text, size, color, bold)


def _title_slide(prs, doc: DocumentModel, today: datetime.date, count: int) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE])
    width, height = _size(prs)
    m = width * MARGIN * 2
    title, subtitle = slide.placeholders[0], slide.placeholders[1]
    _place_text(title, m, height * 0.30, width - 2 * m, height * 0.2, doc.title, 36, P.INK_900,
                True)
    _place_text(subtitle, m, height * 0.52, width - 2 * m, height * 0.2, doc.chain.name, 18,
                P.INK_700, False)
    para = subtitle.text_frame.add_paragraph()
    para.alignment = S.ALIGN["start"]
    S.add_run(para, f"{today.day} {today.strftime('%B %Y')}", 14, P.INK_500, False)  # no %-d on Windows
    para.space_before = S.Pt(10)
    rule = S.autoshape(slide.shapes, S.MSO_SHAPE.RECTANGLE, m, height * 0.50 - 2, 72, 4, "Rule")
    S.paint(rule, P.ACCENT, None)
    slide.notes_slide.notes_text_frame.text = title_notes(doc, count)


def _content_slide(prs, doc: DocumentModel, spec: SlideSpec, n: int, total: int) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    slide.shapes.turbo_add_enabled = True  # shape ids by counter, not by scanning the slide
    width, height = _size(prs)
    m = width * MARGIN
    # a long title steps down in size to stay on one line (the diagram starts below it)
    room = width - 2 * m
    size = max(min(TITLE_SIZE, TITLE_SIZE * room / max(text_width(spec.title, TITLE_SIZE, True), 1)),
               MIN_TITLE_SIZE)
    _place_text(slide.shapes.title, m, m * 0.7, room, TITLE_SIZE * 1.6, spec.title, size * 0.97,
                P.INK_900, True, wrap=size <= MIN_TITLE_SIZE)
    top = m * 0.7 + TITLE_SIZE * 1.6 + m * 0.5
    bottom = FOOTER_SIZE * 2.2
    area = (m, top, width - 2 * m, height - top - bottom)
    picture = slide_picture(doc, spec)
    draw_picture(slide.shapes, picture, area, spec.zoom, _names(doc))
    counter = S.autoshape(slide.shapes, S.MSO_SHAPE.RECTANGLE, width - m - 80,
                          height - FOOTER_SIZE * 2, 80, FOOTER_SIZE * 1.4, "Slide counter")
    S.paint(counter, None, None)
    _place_text(counter, width - m - 80, height - FOOTER_SIZE * 2, 80, FOOTER_SIZE * 1.4,
                f"{n} / {total}", FOOTER_SIZE, P.INK_500, False, "end", wrap=False)
    slide.notes_slide.notes_text_frame.text = slide_notes(doc, spec)


def placement(picture: SlidePicture, area: tuple[float, float, float, float], zoom: float
              ) -> tuple[Placement, tuple[float, float, float, float]]:
    """Where the slide's frame goes in ``area`` (slide points), and the part of the drawing
    (x, y, w, h in pixels) the area shows: the frame fitted and centred as F5 does."""
    ax, ay, aw, ah = area
    d = picture.drawing
    frame, (cx, cy) = picture.frame, picture.centre
    if frame == (0.0, 0.0, d.width, d.height):  # the whole view, less the title the slide shows
        shown = [group_rect(g) for g in d.groups if g.kind != "title"]
        if shown:
            frame = union(shown)
            cx, cy = frame[0] + frame[2] / 2, frame[1] + frame[3] / 2
    _, _, fw, fh = frame
    scale = min(aw / max(fw, 1.0), ah / max(fh, 1.0), MAX_SCALE) * zoom
    dx, dy = ax + aw / 2 - cx * scale, ay + ah / 2 - cy * scale
    return Placement(scale, dx, dy), ((ax - dx) / scale, (ay - dy) / scale, aw / scale, ah / scale)


def _inside(rect, area, slack: float = 2.0) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return x >= ax - slack and y >= ay - slack and x + w <= ax + aw + slack and y + h <= ay + ah + slack


def _meets(rect, area) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return x < ax + aw and x + w > ax and y < ay + ah and y + h > ay


def draw_picture(shapes, picture: SlidePicture, area, zoom: float = 1.0,
                 names: dict[str, str] | None = None) -> int:
    """The slide's groups as shapes inside ``area``; groups cut by the edge are left out,
    except lanes and headers, whose rectangles are cut to it. Returns the shape count."""
    base, shown = placement(picture, area, zoom)
    count = 0
    for group in sorted(picture.drawing.groups, key=lambda g: g.z):
        if group.kind == "title":  # the slide's own title says it
            continue
        rect = group_rect(group)
        if _inside(rect, shown):
            clip = None
        elif group.kind in CLIPPED and _meets(rect, shown):
            clip = shown
        else:
            continue
        at = Placement(base.scale, base.dx, base.dy, picture.opacity.get(group.key, 1.0))
        count += _draw_group(shapes, group, at, clip, names or {})
    return count


def _draw_group(shapes, group, at: Placement, clip, names: dict[str, str]) -> int:
    """One display-list group; several shapes become one PowerPoint group named after it."""
    label = _label(group, names)
    if len(group.items) == 1:
        made = GroupShapes(shapes, group, at).add_all(clip)
        if made and label:
            shapes[len(shapes) - 1].name = label
        return made
    holder = _new_group(shapes, label or group.key)
    inner = holder.shapes
    # python-pptx finds a new id by searching the whole slide and refits the group after every
    # shape: fine for a few shapes, minutes for a deck. Ids come from the slide's counter
    # and the group is fitted once, when full.
    inner._cached_max_shape_id = shapes._cached_max_shape_id
    inner._recalculate_extents = lambda: None
    made = GroupShapes(inner, group, at).add_all(clip)
    if shapes._cached_max_shape_id is not None:
        shapes._cached_max_shape_id = inner._cached_max_shape_id
    if made:
        holder._element.recalculate_extents()
    else:
        holder._element.getparent().remove(holder._element)
    return made


def _new_group(shapes, name: str):
    """An empty PowerPoint group with the next id from the slide's counter (python-pptx's own
    add_group_shape searches the whole slide for the highest id each time)."""
    if shapes._cached_max_shape_id is None:
        holder = shapes.add_group_shape()
        holder.name = name
        return holder
    from pptx.oxml.shapes.groupshape import CT_GroupShape
    from pptx.shapes.group import GroupShape

    shapes._cached_max_shape_id += 1
    element = CT_GroupShape.new_grpSp(shapes._cached_max_shape_id, "Group")  # raw XML: no user text
    shapes._spTree.insert_element_before(element, "p:extLst")
    holder = GroupShape(element, shapes)
    holder.name = name  # set as an attribute, escaped
    return holder


def _label(group, names: dict[str, str]) -> str:
    """A shape name a person recognises in PowerPoint's selection pane."""
    kind = {"stage": "Stage", "lane": "Lane", "row": "Stream", "arrow": "Arrow", "link": "Link",
            "callout": "Callout", "legend": "Legend", "trigger": "Trigger", "value": "Value"}
    name = names.get(group.ref or "", "")
    if group.kind == "arrow":  # arrow:{source}>{target}
        source, _, target = group.key.partition(":")[2].partition(">")
        name = f"{names.get(source, source)} → {names.get(target, target)}"
    title = kind.get(group.kind, group.kind.capitalize())
    return f"{title}: {name}" if name else title


def _names(doc: DocumentModel) -> dict[str, str]:
    out = {lane.id: lane.name for lane in doc.chain.lanes}
    out.update({s.id: s.name for s in doc.streams})
    out.update({sid: stage.name for sid, (_, _, stage) in stage_index(doc).items()})
    return out


def deck_bytes(prs) -> bytes:
    """The .pptx in memory, checked complete: a zip whose central directory closes it."""
    import io

    buffer = io.BytesIO()
    prs.save(buffer)
    data = buffer.getvalue()
    end = data.rfind(b"PK\x05\x06")  # the end-of-central-directory record, within its reach
    if not data.startswith(b"PK") or end < 0 or end < len(data) - 22 - 0xFFFF:
        raise DeckError("the deck came out incomplete")
    return data


def write_deck(prs, out: Path) -> None:
    """Through the one atomic writer: the old file is untouched unless the whole deck was
    written (storage/atomic.py refuses read-only and special targets; OutputError)."""
    from vscdesk.storage.atomic import write_output

    write_output(out, deck_bytes(prs))


def export_deck(doc: DocumentModel, out: Path, which: str = "auto", aspect: str = "16:9",
                tick: Tick | None = None) -> int:
    """Write the deck; the number of slides written (the title slide included)."""
    prs = build_deck(doc, which, aspect, tick=tick)
    write_deck(prs, out)
    return len(prs.slides)


__all__ = ["ASPECTS", "DeckCancelled", "DeckError", "Emu", "build_deck", "deck_slides",
           "draw_picture", "export_deck", "write_deck"]
