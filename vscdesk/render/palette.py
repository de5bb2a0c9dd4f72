"""The visual language's colours (docs/visual-language.md, "Palette")."""

from __future__ import annotations

import colorsys
from dataclasses import dataclass
from functools import lru_cache

INK_900 = "#1D2733"
INK_700 = "#3A4655"
INK_500 = "#657284"
INK_400 = "#8B96A3"
INK_300 = "#C3CBD4"
INK_200 = "#DDE2E8"
INK_100 = "#EEF1F4"
INK_50 = "#F6F8FA"
BADGE = "#4B5768"
CANVAS = "#FFFFFF"
ACCENT = "#6A3FD0"


@dataclass(frozen=True, slots=True)
class StatusColors:
    fg: str
    bg: str
    text: str


STATUS = {
    "met": StatusColors("#2F7D4F", "#E5F2EA", "#1F5A38"),
    "at_risk": StatusColors("#C48306", "#FBF0D8", "#74500A"),
    "breached": StatusColors("#C23B32", "#F8E3E0", "#8C231C"),
    "no_data": StatusColors(INK_400, INK_50, INK_500),
}


@dataclass(frozen=True, slots=True)
class LaneColors:
    ink: str  # lane name and captions
    tint: str  # chain-view cells
    head: str  # lane headers, chevrons, visited ring nodes


# The mockup's hand-tuned ITIL 4 lanes, keyed by their ink colour.
_KNOWN = {
    "#44618F": LaneColors("#44618F", "#F2F5FA", "#E2E9F3"),
    "#357568": LaneColors("#357568", "#F0F7F5", "#DCEDE8"),
    "#8E5C22": LaneColors("#8E5C22", "#FCF6EF", "#F4E6D4"),
    "#5F6B33": LaneColors("#5F6B33", "#F6F7EF", "#E7EAD6"),
    "#94503F": LaneColors("#94503F", "#FBF3F1", "#F2E0DB"),
    "#366A83": LaneColors("#366A83", "#EFF6F9", "#DAE9F0"),
}
UNASSIGNED_LANE = LaneColors(INK_500, INK_50, INK_100)
#: the palette's lane colours, offered first when a lane's colour is chosen
LANE_INKS = tuple(_KNOWN)


def _hex(r: float, g: float, b: float) -> str:
    return "#{:02X}{:02X}{:02X}".format(*(round(c * 255) for c in (r, g, b)))


@lru_cache(maxsize=256)
def lane_colors(color: str) -> LaneColors:
    """Ink, tint and head colours of a lane, derived from one hue with muted saturation."""
    color = color.upper()
    if color in _KNOWN:
        return _KNOWN[color]
    r, g, b = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    h, _lightness, s = colorsys.rgb_to_hls(r, g, b)
    s = min(max(s, 0.35), 0.6)
    ink = _hex(*colorsys.hls_to_rgb(h, 0.37, s))
    head = _hex(*colorsys.hls_to_rgb(h, 0.90, s * 0.75))
    tint = _hex(*colorsys.hls_to_rgb(h, 0.965, s * 0.75))
    return LaneColors(ink, tint, head)


# Hues a new lane must keep away from: the accent's violets, and the status red, amber, green.
_RESERVED_HUES = ((230.0, 320.0), (352.0, 376.0), (33.0, 45.0), (90.0, 160.0))
_NEW_LANE_S, _NEW_LANE_L = 0.38, 0.38  # like the mockup's inks (S 35-45 %, L 37-41 %)


def _hue(color: str) -> float | None:
    """Hue in degrees of a "#RRGGBB" colour, or None for a grey (no hue to speak of)."""
    r, g, b = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    h, _l, s = colorsys.rgb_to_hls(r, g, b)
    return None if s < 0.12 else h * 360.0


def _reserved(hue: float) -> bool:
    return any(lo <= hue <= hi or lo <= hue - 360 <= hi or lo <= hue + 360 <= hi
               for lo, hi in _RESERVED_HUES)


def _apart(a: float, b: float) -> float:
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


def new_lane_color(used: list[str]) -> str:
    """A lane ink for a new lane: the mockup's six first, then the muted hue farthest from every
    hue already in the chain, never violet (the accent) nor a status red, amber or green."""
    taken = {c.upper() for c in used}
    for ink in _KNOWN:
        if ink not in taken:
            return ink
    hues = [h for h in map(_hue, taken) if h is not None]
    candidates = [float(h) for h in range(0, 360, 3) if not _reserved(h)]
    best = max(candidates, key=lambda h: (min((_apart(h, u) for u in hues), default=360.0), -h))
    return _hex(*colorsys.hls_to_rgb(best / 360.0, _NEW_LANE_L, _NEW_LANE_S))
