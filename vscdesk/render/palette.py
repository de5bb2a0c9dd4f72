"""The visual language's colours (shared/mockups/README.md, "Palette")."""

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
