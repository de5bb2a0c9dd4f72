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

from vscdesk.deck import pptx_shapes as S
from vscdesk.layout.text import text_width
from vscdesk.render.primitives import Ellipse, Group, Path, Primitive, Rect, Text

ASCENT, DESCENT = 0.93, 0.24  # DejaVu Sans, in em: where a line's ink starts and ends
SHADOW_OPACITY = 0.3  # fainter shapes are drop shadows; a deck leaves those to PowerPoint
CURVE_STEPS = 6


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


# -- where text goes -----------------------------------------------------------------------


def text_box(t: Text) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of one line of text in local pixels."""
    w = text_width(t.text, t.size, t.bold)
    left = t.x - (w / 2 if t.anchor == "middle" else w if t.anchor == "end" else 0)
    return left, t.y - ASCENT * t.size, left + w, t.y + DESCENT * t.size


def shape_box(p: Primitive) -> tuple[float, float, float, float] | None:
    """(left, top, right, bottom) of a shape that can hold text, else None."""
    if isinstance(p, Rect) and p.fill is not None and p.opacity >= SHADOW_OPACITY:
        return p.x, p.y, p.x + p.w, p.y + p.h
    if isinstance(p, Ellipse) and p.fill is not None:
        return p.cx - p.rx, p.cy - p.ry, p.cx + p.rx, p.cy + p.ry
    if isinstance(p, Path) and p.fill is not None and p.ops and p.ops[-1][0] == "Z":
        xs, ys = _path_points(p)
        if len(xs) >= 3:
            return min(xs), min(ys), max(xs), max(ys)
    return None


def _inside(inner, outer, slack: float = 1.5) -> bool:
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def hosted_texts(items: tuple[Primitive, ...]) -> dict[int, list[int]]:
    """Which texts each shape holds: a text goes to the topmost shape drawn before it that
    contains it; a shape keeps its texts only when they read top to bottom with one
    alignment (a row with text at both ends stays as separate text boxes)."""
    hosts = {i: box for i, p in enumerate(items) if (box := shape_box(p)) is not None}
    held: dict[int, list[int]] = {}
    for i, p in enumerate(items):
        if not isinstance(p, Text):
            continue
        box = text_box(p)
        owner = next((h for h in sorted(hosts, reverse=True) if h < i and _inside(box, hosts[h])),
                     None)
        if owner is not None:
            held.setdefault(owner, []).append(i)
    out = {}
    for host, texts in held.items():
        lines = sorted((items[i] for i in texts), key=lambda t: t.y)
        same_anchor = len({t.anchor for t in lines}) == 1
        stacked = all(text_box(b)[1] >= text_box(a)[3] - 2 for a, b in zip(lines, lines[1:]))
        if same_anchor and stacked:
            out[host] = sorted(texts, key=lambda i: items[i].y)
    return out


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
        arrow_head = _arrow_heads(items)
        for i, p in enumerate(items):
            if i in taken or i in arrow_head.values():
                continue
            if clip is not None and not self._clipped_in(p, clip):
                continue
            head = items[arrow_head[i]] if i in arrow_head else None
            tip = (head.ops[0][1], head.ops[0][2]) if head is not None else None
            shape = self.add(p, tip, clip)
            if shape is None:
                continue
            count += 1
            if i in held:
                self.fill_text(shape, p, [items[k] for k in held[i]])
        return count

    def _clipped_in(self, p: Primitive, clip) -> bool:
        """Whether ``p`` still shows when its group is cut at the slide's edge."""
        if isinstance(p, Rect):
            return True  # rectangles are cut to the edge instead
        box = text_box(p) if isinstance(p, Text) else shape_box(p) or _stroke_box(p)
        if box is None:
            return False
        left, top, right, bottom = box
        return _inside((left + self.ox, top + self.oy, right + self.ox, bottom + self.oy),
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
            chevron = _chevron(_flatten(p.ops))
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
            return self.connectors(p, tip)
        points = _flatten(p.ops)
        if len(points) < 2:
            return None
        chevron = _chevron(points) if closed else None
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

    def connectors(self, p: Path, tip: tuple[float, float] | None) -> object | None:
        """An open stroke as straight connectors along its route; the last one carries the
        arrowhead, reaching the tip, when the canvas draws one at its end."""
        stroke = p.stroke
        if stroke.color.upper() == "#FFFFFF" and p.opacity < 1:  # a halo keeping lines apart
            return None
        if not _orthogonal(p.ops):  # a curve: one freeform line along it
            points = [self.pt(x, y) for x, y in _flatten(p.ops)]
            if tip is not None:
                points[-1] = self.pt(*tip)
            return S.polyline(self.shapes, points, self.at.colour(stroke.color),
                              stroke.width * self.s, _dash(stroke), tip is not None)
        points = _corners(p.ops)
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
        hx0, hy0, hx1, hy1 = shape_box(host)  # type: ignore[misc]
        hw = hx1 - hx0
        ix, iy = self.text_rect(host)
        anchor = lines[0].anchor
        s = self.s
        if anchor == "middle" and len(lines) == 1:
            tf = S.text_frame(shape, (0, 0, 0, 0), "middle", wrap=False)
            if not isinstance(host, Ellipse):  # a pill or tag: on the canvas's baseline
                top = lines[0].y - _baseline_in_line(1.2 * lines[0].size, lines[0].size) - hy0
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
        paras = _paragraphs(lines)
        first = paras[0][0]
        top = first.y - _baseline_in_line(_pitch(paras[0]), first.size) - hy0
        tf = S.text_frame(shape, (max(left - ix, 0) * s, max(top - iy, 0) * s,
                                  max(right - ix, 0) * s, 0), wrap=wrap)
        previous: Text | None = None
        for k, para_lines in enumerate(paras):
            para = tf.paragraphs[0] if k == 0 else tf.add_paragraph()
            para.alignment = S.ALIGN[anchor]
            pitch = _pitch(para_lines)
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


def _pitch(lines: list[Text]) -> float:
    """The distance between baselines in a paragraph (one line: its natural height)."""
    if len(lines) > 1:
        return lines[1].y - lines[0].y
    return 1.2 * lines[0].size


def _baseline_in_line(pitch: float, size: float) -> float:
    """Where the baseline sits in a line of exact height ``pitch``: the descent at the bottom."""
    return pitch - DESCENT * size


def _paragraphs(lines: list[Text]) -> list[list[Text]]:
    """Consecutive lines of one style, one indent and a steady pitch make one paragraph."""
    out: list[list[Text]] = []
    for t in lines:
        cur = out[-1] if out else None
        if cur and _same_style(cur[-1], t) and (len(cur) == 1 or abs(
                (t.y - cur[-1].y) - (cur[1].y - cur[0].y)) < 0.5) and t.y - cur[-1].y < 2 * t.size:
            cur.append(t)
        else:
            out.append([t])
    return out


def _same_style(a: Text, b: Text) -> bool:
    return (a.size, a.color, a.bold, a.anchor, round(a.x, 1)) == (b.size, b.color, b.bold,
                                                                    b.anchor, round(b.x, 1))


# -- path geometry ---------------------------------------------------------------------------


def _path_points(p: Path) -> tuple[list[float], list[float]]:
    pts = _flatten(p.ops)
    return [x for x, _ in pts], [y for _, y in pts]


def _flatten(ops) -> list[tuple[float, float]]:
    """The path's outline as points; curves sampled, a closing point not repeated."""
    pts: list[tuple[float, float]] = []
    for op in ops:
        if op[0] in ("M", "L"):
            pts.append((op[1], op[2]))
        elif op[0] == "C" and pts:
            (x0, y0), (x1, y1, x2, y2, x3, y3) = pts[-1], op[1:]
            for k in range(1, CURVE_STEPS + 1):
                t = k / CURVE_STEPS
                u = 1 - t
                pts.append((u ** 3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t ** 3 * x3,
                            u ** 3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t ** 3 * y3))
    return pts


def _orthogonal(ops) -> bool:
    """Whether a path is straight lines with quarter-circle corners (components.
    rounded_polyline), which connectors can follow; a free curve cannot."""
    previous, here = None, (0.0, 0.0)
    for op in ops:
        if op[0] == "C":
            (x0, y0), (x1, y1), (x3, y3) = here, op[1:3], op[5:7]
            turns = abs(x3 - x0) > 0.01 and abs(y3 - y0) > 0.01
            along = abs(x1 - x0) < 0.01 or abs(y1 - y0) < 0.01
            if previous != "L" or not turns or not along:
                return False
        if op[0] != "Z":
            here = op[-2:]
        previous = op[0]
    return True


def _corners(ops) -> list[tuple[float, float]]:
    """An orthogonal route's corner points: a rounded corner (line, quarter curve) is put
    back to the corner it rounds, since a connector bends sharply."""
    pts: list[tuple[float, float]] = []
    for op in ops:
        if op[0] in ("M", "L"):
            pts.append((op[1], op[2]))
        elif op[0] == "C" and pts:
            (x0, y0), (x1, y1) = pts[-1], op[1:3]
            x3, y3 = op[5], op[6]
            across = abs(x1 - x0) >= abs(y1 - y0)  # the curve leaves horizontally
            pts[-1] = (x3, y0) if across else (x0, y3)
    out = [pts[0]] if pts else []
    for p in pts[1:]:
        if abs(p[0] - out[-1][0]) > 0.01 or abs(p[1] - out[-1][1]) > 0.01:
            out.append(p)
    return out


def _stroke_box(p: Primitive) -> tuple[float, float, float, float] | None:
    if isinstance(p, Path):
        xs, ys = _path_points(p)
        if xs:
            return min(xs), min(ys), max(xs), max(ys)
    return None


def _chevron(points: list[tuple[float, float]]) -> tuple[float, float, float, float, float] | None:
    """(x, y, w, h, depth) when the outline is layout/stream.py's six-cornered chevron."""
    if len(points) != 6:
        return None
    (ax, ay), (bx, by), (cx, cy), (dx, dy), (ex, ey), (fx, fy) = points
    h = ey - ay
    depth = cx - bx
    if h <= 0 or depth <= 0:
        return None
    ok = (abs(ay - by) < 0.01 and abs(dy - ey) < 0.01 and abs(ax - ex) < 0.01
          and abs(bx - dx) < 0.01 and abs(cy - (ay + h / 2)) < 0.01
          and abs(fy - cy) < 0.01 and abs(fx - ax - depth) < 0.01)
    return (ax, ay, cx - ax, h, depth) if ok else None


def _arrow_heads(items: tuple[Primitive, ...]) -> dict[int, int]:
    """Shafts followed by their arrowhead (components.arrow): shaft index -> head index."""
    out: dict[int, int] = {}
    for i in range(len(items) - 1):
        shaft, head = items[i], items[i + 1]
        if (isinstance(shaft, Path) and shaft.fill is None and shaft.stroke is not None
                and isinstance(head, Path) and head.fill is not None and len(head.ops) == 5
                and head.ops[-1][0] == "Z" and head.fill == shaft.stroke.color):
            out[i] = i + 1
    return out
