"""One display-list group as native PowerPoint shapes: the diagram a person can edit.

Rectangles become (rounded) rectangles, discs and badges ovals, a stage's chevron PowerPoint's
chevron, arrows straight connectors ending in an arrowhead (dashed in the loop-back colour
where the canvas dashes them), other outlines freeforms. A line of text that sits inside a
shape becomes that shape's own text, so a card's name is typed in the card, and the lines
are the canvas's own line breaks (layout/text.py) with the canvas's font and sizes.
A group of several shapes becomes a PowerPoint group: a card moves as one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import overload

from vscdesk.deck import pptx_shapes as S
from vscdesk.deck.paths import arrow_heads, chevron_box, corners, flatten, orthogonal, stroke_box
from vscdesk.deck.text_fit import (DESCENT, SHADOW_OPACITY, baseline_in_line, hosted_texts,
                                   inside, line_pitch, paragraphs, shape_box, text_box)
from vscdesk.render.primitives import Ellipse, Group, Path, Primitive, Rect, Stroke, Text



@dataclass(frozen=True)
class Placement:
    """Drawing pixels to slide points: ``pt = offset + px * scale``, dimmed by ``opacity``."""

    scale: float
    dx: float
    dy: float
    opacity: float = 1.0
    background: str = "#FFFFFF"

    def point(self, x: float, y: float) -> tuple[float, float]:
        return self.dx + x * self.scale, self.dy + y * self.scale

    @overload
    def colour(self, color: str, alpha: float = 1.0) -> str: ...
    @overload
    def colour(self, color: str | None, alpha: float = 1.0) -> str | None: ...

    def colour(self, color: str | None, alpha: float = 1.0) -> str | None:
        """``color`` as seen at the group's strength over the slide's background."""
        if color is None:
            return None
        a = self.opacity * alpha
        if a >= 0.999:
            return _hex6(color)
        fg, bg = _channels(color), _channels(self.background)
        return "#" + "".join(f"{round(b + (f - b) * a):02X}" for f, b in zip(fg, bg))


def _hex6(color: str) -> str:
    value = color.lstrip("#")
    return "#" + ("".join(c * 2 for c in value) if len(value) == 3 else value[:6]).upper()


def _channels(color: str) -> tuple[int, int, int]:
    value = _hex6(color)[1:]
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _dash(stroke) -> str | None:
    if stroke is None or not stroke.dash:
        return None
    return "sysDot" if max(stroke.dash) <= 2.5 else "dash"


# -- the translation -------------------------------------------------------------------------


class GroupShapes:
    """Adds one group's shapes to a slide (or a PowerPoint group) at a placement."""

    def __init__(self, shapes, group: Group, at: Placement) -> None:
        self.shapes = shapes
        self.group = group
        self.at = at
        self.s = at.scale
        self.ox, self.oy = group.x, group.y

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return self.at.point(self.ox + x, self.oy + y)

    def add_all(self, clip: tuple[float, float, float, float] | None = None) -> int:
        """Every primitive as a shape (clipped to ``clip`` in drawing pixels); the count."""
        items = self.group.items
        held = hosted_texts(items)
        taken = {i for texts in held.values() for i in texts}
        count = 0
        arrow_head = arrow_heads(items)
        for i, p in enumerate(items):
            if i in taken or i in arrow_head.values():
                continue
            if clip is not None and not self._clipped_in(p, clip):
                continue
            head = items[arrow_head[i]] if i in arrow_head else None
            tip = (head.ops[0][1], head.ops[0][2]) if isinstance(head, Path) else None
            shape = self.add(p, tip, clip)
            if shape is None:
                continue
            count += 1
            if i in held:
                self.fill_text(shape, p, [t for k in held[i] if isinstance(t := items[k], Text)])
        return count

    def _clipped_in(self, p: Primitive, clip) -> bool:
        """Whether ``p`` still shows when its group is cut at the slide's edge."""
        if isinstance(p, Rect):
            return True  # rectangles are cut to the edge instead
        box = text_box(p) if isinstance(p, Text) else shape_box(p) or stroke_box(p)
        if box is None:
            return False
        left, top, right, bottom = box
        return inside((left + self.ox, top + self.oy, right + self.ox, bottom + self.oy),
                       (clip[0], clip[1], clip[0] + clip[2], clip[1] + clip[3]), 2.0)

    def text_rect(self, p: Primitive) -> tuple[float, float]:
        """How far (across, down, in local pixels) PowerPoint's preset shape keeps its text
        from its box: a rounded corner's 29 %, an ellipse's inscribed rectangle, a chevron's
        point. Insets are set net of it, so text lands where the canvas draws it."""
        if isinstance(p, Rect):
            return 0.29289 * p.radius, 0.29289 * p.radius
        if isinstance(p, Ellipse):
            return 0.14645 * 2 * p.rx, 0.14645 * 2 * p.ry
        if isinstance(p, Path):
            chevron = chevron_box(flatten(p.ops))
            if chevron is not None:
                return chevron[4], 0.0
        return 0.0, 0.0

    def add(self, p: Primitive, tip: tuple[float, float] | None, clip) -> object | None:
        if isinstance(p, Rect):
            return self.rect(p, clip)
        if isinstance(p, Ellipse):
            return self.ellipse(p)
        if isinstance(p, Path):
            return self.path(p, tip)
        return self.text(p)

    def rect(self, p: Rect, clip) -> object | None:
        if p.opacity < SHADOW_OPACITY:
            return None
        x0, y0, x1, y1 = self.ox + p.x, self.oy + p.y, self.ox + p.x + p.w, self.oy + p.y + p.h
        if clip is not None:
            cx, cy, cw, ch = clip
            x0, y0, x1, y1 = max(x0, cx), max(y0, cy), min(x1, cx + cw), min(y1, cy + ch)
            if x1 - x0 < 0.5 or y1 - y0 < 0.5:
                return None
        (ax, ay), (bx, by) = self.at.point(x0, y0), self.at.point(x1, y1)
        shape = S.rounded(self.shapes, ax, ay, bx - ax, by - ay, p.radius * self.s)
        stroke = p.stroke
        S.paint(shape, self.at.colour(p.fill, p.opacity),
                self.at.colour(stroke.color) if stroke else None,
                stroke.width * self.s if stroke else 0, _dash(stroke))
        return shape

    def ellipse(self, p: Ellipse) -> object:
        x, y = self.pt(p.cx - p.rx, p.cy - p.ry)
        shape = S.autoshape(self.shapes, S.MSO_SHAPE.OVAL, x, y, 2 * p.rx * self.s,
                            2 * p.ry * self.s)
        stroke = p.stroke
        S.paint(shape, self.at.colour(p.fill, p.opacity),
                self.at.colour(stroke.color) if stroke else None,
                stroke.width * self.s if stroke else 0, _dash(stroke))
        return shape

    def path(self, p: Path, tip: tuple[float, float] | None) -> object | None:
        closed = bool(p.ops) and p.ops[-1][0] == "Z"
        if not closed and p.stroke is not None and p.fill is None:
            return self.connectors(p, p.stroke, tip)
        points = flatten(p.ops)
        if len(points) < 2:
            return None
        chevron = chevron_box(points) if closed else None
        if chevron is not None:
            x, y, w, h, depth = chevron
            sx, sy = self.pt(x, y)
            shape = S.chevron(self.shapes, sx, sy, w * self.s, h * self.s, depth * self.s)
        else:
            shape = S.polygon(self.shapes, [self.pt(x, y) for x, y in points], closed)
        stroke = p.stroke
        S.paint(shape, self.at.colour(p.fill, p.opacity),
                self.at.colour(stroke.color) if stroke else None,
                stroke.width * self.s if stroke else 0, _dash(stroke))
        return shape

    def connectors(self, p: Path, stroke: Stroke, tip: tuple[float, float] | None
                   ) -> object | None:
        """An open stroke (``stroke``: the path's) as straight connectors along its route; the
        last one carries the arrowhead, reaching the tip, when the canvas draws one at its end."""
        if stroke.color.upper() == "#FFFFFF" and p.opacity < 1:  # a halo keeping lines apart
            return None
        if not orthogonal(p.ops):  # a curve: one freeform line along it
            points = [self.pt(x, y) for x, y in flatten(p.ops)]
            if tip is not None:
                points[-1] = self.pt(*tip)
            return S.polyline(self.shapes, points, self.at.colour(stroke.color),
                              stroke.width * self.s, _dash(stroke), tip is not None)
        points = corners(p.ops)
        if tip is not None and points:
            points[-1] = tip  # the canvas stops the shaft inside its own head
        segments = [(a, b) for a, b in zip(points, points[1:]) if a != b]
        if not segments:
            return None
        last = None
        for k, (a, b) in enumerate(segments):
            head = tip is not None and k == len(segments) - 1
            last = S.connector(self.shapes, self.pt(*a), self.pt(*b),
                               self.at.colour(stroke.color), stroke.width * self.s, _dash(stroke),
                               head)
        return last

    def text(self, t: Text) -> object:
        left, top, right, bottom = text_box(t)
        pad = 2.0  # renderers differ by a hair in width; never let a line wrap
        x, y = self.pt(left - pad, top)
        box = S.autoshape(self.shapes, S.MSO_SHAPE.RECTANGLE, x, y, (right - left + 2 * pad) * self.s,
                          (bottom - top) * self.s)
        S.paint(box, None, None)
        tf = S.text_frame(box, (pad * self.s, 0, pad * self.s, 0), wrap=False)
        para = tf.paragraphs[0]
        para.alignment = S.ALIGN[t.anchor]
        para.line_spacing = 1.0
        S.add_run(para, t.text, t.size * self.s, self.at.colour(t.color), t.bold)
        return box

    def fill_text(self, shape, host: Primitive, lines: list[Text]) -> None:
        """Put ``lines`` into ``shape`` where the canvas draws them: the same breaks, indents
        and baselines; lines of one style at a steady pitch form one paragraph. Big shapes
        (cards, chevrons, headers) wrap what a person types into them; small ones (pills,
        tags, discs) keep their one line."""
        box = shape_box(host)
        assert box is not None  # texts are hosted by shapes that have a box (hosted_texts)
        hx0, hy0, hx1, hy1 = box
        hw = hx1 - hx0
        ix, iy = self.text_rect(host)
        anchor = lines[0].anchor
        s = self.s
        if anchor == "middle" and len(lines) == 1:
            tf = S.text_frame(shape, (0, 0, 0, 0), "middle", wrap=False)
            if not isinstance(host, Ellipse):  # a pill or tag: on the canvas's baseline
                top = lines[0].y - baseline_in_line(1.2 * lines[0].size, lines[0].size) - hy0
                tf = S.text_frame(shape, (0, max(top - iy, 0) * s, 0, 0), "top", wrap=False)
            para = tf.paragraphs[0]
            para.alignment = S.ALIGN["middle"]
            para.line_spacing = S.Pt(round(1.2 * lines[0].size * s, 2))
            S.add_run(para, lines[0].text, lines[0].size * s, self.at.colour(lines[0].color),
                      lines[0].bold)
            return
        boxes = [text_box(t) for t in lines]
        widest = max(b[2] - b[0] for b in boxes)
        if anchor == "end":
            right = hx1 - max(b[2] for b in boxes)
            left = max(hw - right - widest * 1.08 - 2, 0.0)
        else:
            left = min(b[0] for b in boxes) - hx0
            right = max(min(left, hw - left - widest * 1.06 - 2), 0.0)
        wrap = hw >= 90 and hy1 - hy0 >= 40
        paras = paragraphs(lines)
        first = paras[0][0]
        top = first.y - baseline_in_line(line_pitch(paras[0]), first.size) - hy0
        tf = S.text_frame(shape, (max(left - ix, 0) * s, max(top - iy, 0) * s,
                                  max(right - ix, 0) * s, 0), wrap=wrap)
        previous: Text | None = None
        for k, para_lines in enumerate(paras):
            para = tf.paragraphs[0] if k == 0 else tf.add_paragraph()
            para.alignment = S.ALIGN[anchor]
            pitch = line_pitch(para_lines)
            head = para_lines[0]
            if previous is not None:
                gap = head.y - previous.y - DESCENT * previous.size - pitch + DESCENT * head.size
                if gap < 0:
                    pitch += gap
                    gap = 0.0
                para.space_before = S.Pt(round(gap * s, 2))
            elif top - iy < 0:
                pitch += top - iy
            para.line_spacing = S.Pt(round(max(pitch, 1.0) * s, 2))
            if anchor == "start":
                S.paragraph_indent(para, (text_box(head)[0] - hx0 - left) * s)
            for n, line in enumerate(para_lines):
                if n:
                    para.add_line_break()
                S.add_run(para, line.text, line.size * s, self.at.colour(line.color), line.bold)
            previous = para_lines[-1]
