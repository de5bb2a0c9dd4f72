"""Where text goes in the deck: the box a line of text takes, which shape holds which lines,
and how lines group into paragraphs with the canvas's pitch. Measured with the canvas's own
font widths (layout/text.py), so PowerPoint's lines break where the canvas's do."""

from __future__ import annotations

from vscdesk.deck.paths import path_points
from vscdesk.layout.text import text_width
from vscdesk.render.primitives import Ellipse, Path, Primitive, Rect, Text

ASCENT, DESCENT = 0.93, 0.24  # DejaVu Sans, in em: where a line's ink starts and ends
SHADOW_OPACITY = 0.3  # fainter shapes are drop shadows; a deck leaves those to PowerPoint


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
        xs, ys = path_points(p)
        if len(xs) >= 3:
            return min(xs), min(ys), max(xs), max(ys)
    return None


def inside(inner, outer, slack: float = 1.5) -> bool:
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def hosted_texts(items: tuple[Primitive, ...]) -> dict[int, list[int]]:
    """Which texts each shape holds: a text goes to the topmost shape drawn before it that
    contains it; a shape keeps its texts only when they read top to bottom with one
    alignment (a row with text at both ends stays as separate text boxes)."""
    hosts = {i: box for i, p in enumerate(items) if (box := shape_box(p)) is not None}
    held: dict[int, list[int]] = {}
    texts_at = {i: p for i, p in enumerate(items) if isinstance(p, Text)}
    for i, p in texts_at.items():
        box = text_box(p)
        owner = next((h for h in sorted(hosts, reverse=True) if h < i and inside(box, hosts[h])),
                     None)
        if owner is not None:
            held.setdefault(owner, []).append(i)
    out = {}
    for host, texts in held.items():
        lines = sorted((texts_at[i] for i in texts), key=lambda t: t.y)
        same_anchor = len({t.anchor for t in lines}) == 1
        stacked = all(text_box(b)[1] >= text_box(a)[3] - 2 for a, b in zip(lines, lines[1:]))
        if same_anchor and stacked:
            out[host] = sorted(texts, key=lambda i: texts_at[i].y)
    return out


def line_pitch(lines: list[Text]) -> float:
    """The distance between baselines in a paragraph (one line: its natural height)."""
    if len(lines) > 1:
        return lines[1].y - lines[0].y
    return 1.2 * lines[0].size


def baseline_in_line(pitch: float, size: float) -> float:
    """Where the baseline sits in a line of exact height ``pitch``: the descent at the bottom."""
    return pitch - DESCENT * size


def paragraphs(lines: list[Text]) -> list[list[Text]]:
    """Consecutive lines of one style, one indent and a steady pitch make one paragraph."""
    out: list[list[Text]] = []
    for t in lines:
        cur = out[-1] if out else None
        if cur and same_style(cur[-1], t) and (len(cur) == 1 or abs(
                (t.y - cur[-1].y) - (cur[1].y - cur[0].y)) < 0.5) and t.y - cur[-1].y < 2 * t.size:
            cur.append(t)
        else:
            out.append([t])
    return out


def same_style(a: Text, b: Text) -> bool:
    return (a.size, a.color, a.bold, a.anchor, round(a.x, 1)) == (b.size, b.color, b.bold,
                                                                    b.anchor, round(b.x, 1))
