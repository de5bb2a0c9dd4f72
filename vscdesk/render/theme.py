"""Presentation themes as a pass over the display list: one drawing, a light and a dark look.

The dark theme keeps every hue and flips lightness, so lane colours, SLA status colours and
the loop-back accent still mean the same on a dark projector screen; contrast between a
shape and the text on it is kept because both flip together.
"""

from __future__ import annotations

import colorsys
from dataclasses import replace
from functools import lru_cache

from vscdesk.render import palette as P
from vscdesk.render.primitives import Drawing, Group, Primitive, Stroke, Text

THEMES = ("light", "dark")
DARK_FLOOR = 0.09  # lightness of the dark canvas (white maps here)
DARK_SPAN = 0.88  # white..black maps to DARK_FLOOR..DARK_FLOOR + DARK_SPAN
VIVID_MIN_L = 0.62  # saturated marks (status, accent) stay bright enough on the dark canvas
DARK_BACKGROUND = "#0F141A"  # behind the drawing: a slate reads calmer than grey on a projector
DARK_SURFACE = "#1B222B"  # white cards, pills and callouts: a little raised above the background


def _rgb(color: str) -> tuple[float, float, float]:
    value = color.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    red, green, blue = (int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


@lru_cache(maxsize=1024)
def dark_color(color: str) -> str:
    """The dark-theme counterpart of a ``#RRGGBB`` colour: same hue, lightness flipped."""
    if not color.startswith("#") or len(color) not in (4, 7):
        return color  # named or unknown colours are left alone
    if color.upper() in ("#FFFFFF", "#FFF"):
        return DARK_SURFACE
    h, lightness, s = colorsys.rgb_to_hls(*_rgb(color))
    new_l = DARK_FLOOR + (1.0 - lightness) * DARK_SPAN
    if s > 0.4 and 0.25 < lightness < 0.75:
        new_l = max(new_l, VIVID_MIN_L)
    if lightness > 0.85:
        s *= 0.35  # large light tints become quiet dark surfaces, not glowing ones
    r, g, b = colorsys.hls_to_rgb(h, new_l, s)
    return "#{:02X}{:02X}{:02X}".format(*(round(c * 255) for c in (r, g, b)))


def background(theme: str) -> str:
    """The canvas colour behind a drawing in ``theme``."""
    return DARK_BACKGROUND if theme == "dark" else P.CANVAS


def _stroke(stroke: Stroke | None) -> Stroke | None:
    return None if stroke is None else replace(stroke, color=dark_color(stroke.color))


def dark_primitive(p: Primitive) -> Primitive:
    if isinstance(p, Text):
        return replace(p, color=dark_color(p.color))
    return replace(p, fill=dark_color(p.fill) if p.fill else None, stroke=_stroke(p.stroke))


def dark_group(group: Group) -> Group:
    return replace(group, items=tuple(dark_primitive(p) for p in group.items))


def themed(drawing: Drawing, theme: str) -> Drawing:
    """``drawing`` in ``theme`` ("light" returns it unchanged)."""
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; use one of {', '.join(THEMES)}")
    if theme == "light":
        return drawing
    return replace(drawing, groups=tuple(dark_group(g) for g in drawing.groups))
