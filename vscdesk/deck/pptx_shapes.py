"""Native PowerPoint shapes from the display list's pieces: python-pptx calls in one place.

Every shape gets its fill, outline and text set explicitly and loses the template's theme
style, so the deck shows the diagram's palette whatever theme it is opened with.
"""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

FONT = "DejaVu Sans"  # the diagram's font (bundled with vscdesk); line breaks are measured in it
ALIGN = {"start": PP_ALIGN.LEFT, "middle": PP_ALIGN.CENTER, "end": PP_ALIGN.RIGHT}
DASHES = {"dash": "dash", "sysDash": "sysDash", "sysDot": "sysDot"}


def rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#")[:6].upper())


def emu(pt: float) -> Emu:
    return Emu(round(pt * 12700))


def _drop_style(shape) -> None:
    """Remove the theme style reference python-pptx adds, so the shape has no theme shadow,
    outline or text colour of its own making."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)


def paint(shape, fill: str | None, line: str | None, width_pt: float = 0.75,
          dash: str | None = None) -> None:
    """Solid fill (or none) and outline (or none) in the given colours."""
    _drop_style(shape)
    if fill is None:
        shape.fill.background()
    else:
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(fill)
    if line is None:
        shape.line.fill.background()
    else:
        shape.line.color.rgb = rgb(line)
        shape.line.width = emu(width_pt)
        if dash is not None:
            ln = shape.line._get_or_add_ln()
            for old in ln.findall(qn("a:prstDash")):
                ln.remove(old)
            dash_el = ln.makeelement(qn("a:prstDash"), {"val": dash})
            # a:prstDash comes after the fill in a:ln's sequence
            fill_el = ln.find(qn("a:solidFill"))
            (fill_el.addnext(dash_el) if fill_el is not None else ln.insert(0, dash_el))


def autoshape(shapes, kind: MSO_SHAPE, x: float, y: float, w: float, h: float, name: str = ""):
    shape = shapes.add_shape(kind, emu(x), emu(y), emu(max(w, 0.1)), emu(max(h, 0.1)))
    if name:
        shape.name = name
    return shape


def rounded(shapes, x: float, y: float, w: float, h: float, radius: float, name: str = ""):
    """A rectangle, rounded when ``radius`` asks for it (PowerPoint's corner is a fraction
    of the shorter side)."""
    if radius <= 0.01:
        return autoshape(shapes, MSO_SHAPE.RECTANGLE, x, y, w, h, name)
    shape = autoshape(shapes, MSO_SHAPE.ROUNDED_RECTANGLE, x, y, w, h, name)
    shape.adjustments[0] = min(radius / max(min(w, h), 0.1), 0.5)
    return shape


def chevron(shapes, x: float, y: float, w: float, h: float, point: float, name: str = ""):
    """PowerPoint's own chevron, its point as deep as the diagram's."""
    shape = autoshape(shapes, MSO_SHAPE.CHEVRON, x, y, w, h, name)
    shape.adjustments[0] = min(point / max(min(w, h), 0.1), 1.0)
    return shape


def polygon(shapes, points: list[tuple[float, float]], closed: bool, name: str = ""):
    """A freeform through ``points`` (slide points): outlines the diagram draws as paths."""
    builder = shapes.build_freeform(emu(points[0][0]), emu(points[0][1]), scale=1.0)
    builder.add_line_segments([(emu(x), emu(y)) for x, y in points[1:]], close=closed)
    shape = builder.convert_to_shape()
    if name:
        shape.name = name
    return shape


def connector(shapes, a: tuple[float, float], b: tuple[float, float], color: str,
              width_pt: float, dash: str | None, head: bool, name: str = ""):
    """A straight connector from ``a`` to ``b``; ``head`` ends it in PowerPoint's arrowhead."""
    line = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, emu(a[0]), emu(a[1]), emu(b[0]),
                                emu(b[1]))
    if name:
        line.name = name
    _drop_style(line)
    line.line.color.rgb = rgb(color)
    line.line.width = emu(width_pt)
    _line_end(line.line, dash, head)
    return line


def _line_end(line, dash: str | None, head: bool) -> None:
    ln = line._get_or_add_ln()
    if dash is not None:
        ln.append(ln.makeelement(qn("a:prstDash"), {"val": dash}))
    if head:
        ln.append(ln.makeelement(qn("a:tailEnd"), {"type": "triangle", "w": "med", "len": "med"}))


def polyline(shapes, points: list[tuple[float, float]], color: str, width_pt: float,
             dash: str | None, head: bool, name: str = ""):
    """An open freeform line (a curved link), ending in an arrowhead when ``head``."""
    shape = polygon(shapes, points, False, name)
    paint(shape, None, None)
    shape.line.color.rgb = rgb(color)
    shape.line.width = emu(width_pt)
    _line_end(shape.line, dash, head)
    return shape


def text_frame(shape, insets: tuple[float, float, float, float], anchor: str = "top",
               wrap: bool = True):
    """The shape's text frame with fixed insets (left, top, right, bottom) in points."""
    tf = shape.text_frame
    tf.margin_left, tf.margin_top, tf.margin_right, tf.margin_bottom = (emu(v) for v in insets)
    tf.word_wrap = wrap
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE}[anchor]
    return tf


def add_run(paragraph, text: str, size_pt: float, color: str, bold: bool) -> None:
    run = paragraph.add_run()
    run.text = text
    font = run.font
    font.name = FONT
    font.size = Pt(max(round(size_pt, 2), 1.0))  # PowerPoint keeps hundredths of a point
    font.bold = bold
    font.color.rgb = rgb(color)


def paragraph_indent(paragraph, left_pt: float) -> None:
    """Move one paragraph right inside its frame (a caption beside a step disc)."""
    if left_pt > 0.05:
        paragraph._pPr.set("marL", str(int(emu(left_pt))))
