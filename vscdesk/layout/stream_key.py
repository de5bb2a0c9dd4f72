"""The stream view's ACTIVITIES key: a mini chevron and the name of every lane in chain order,
wrapped onto more lines when they do not fit; with lane groups each group starts a line with
its name, as the chain view names its groups over the lanes."""

from __future__ import annotations

from dataclasses import dataclass

from vscdesk.layout import metrics as M
from vscdesk.layout.geometry import Box
from vscdesk.layout.text import text_width
from vscdesk.model import DocumentModel

UNASSIGNED = ""  # the lane key of stages that belong to no lane (as in the chain view)
NO_ACTIVITY = "No activity"

KEY_CY = 108  # the ACTIVITIES key row under the subtitle
KEY_LINE = 24
KEY_CHEVRON = (24, 14)
KEY_SIZE = 11.5


@dataclass(frozen=True, slots=True)
class KeyGeom:
    """One lane in the ACTIVITIES key: a mini chevron and the lane name."""

    lane_id: str
    name: str
    chevron: Box
    text_x: float
    cy: float


GROUP_LABEL_SIZE = 9.5  # a lane group's name in the key, caps, as over the chain view's lanes


def key_row(doc: DocumentModel, keys: list[str], width: float
            ) -> tuple[list[KeyGeom], list[tuple[str, float, float]], float]:
    """The ACTIVITIES key, wrapped onto more lines when the lanes do not fit; with lane groups
    each group starts a line with its name in caps (as the chain view names them over the
    lanes). Returns the keys, the group labels (text, x, cy) and the last cy."""
    names = {lane.id: lane.name for lane in doc.chain.lanes} | {UNASSIGNED: NO_ACTIVITY}
    groups = {g.id: g.name for g in doc.chain.groups}
    group_of = {lane.id: lane.group for lane in doc.chain.lanes if lane.group in groups}
    start = M.MARGIN + text_width("ACTIVITIES", 9.5, True) + 14
    x, cy, out = start, float(KEY_CY), []
    labels: list[tuple[str, float, float]] = []
    line_start, current = start, ""
    label_w = max([text_width(groups[g].upper(), GROUP_LABEL_SIZE, True)
                   for g in set(group_of.values())] + [0.0])  # group lines line up
    cw, ch = KEY_CHEVRON
    for key in keys:
        group = group_of.get(key)
        if group_of and (group or None) != (current or None):
            if x > start:
                x, cy = start, cy + KEY_LINE
            line_start, current = start, group or ""
            if group is not None:
                label = groups[group].upper()
                labels.append((label, x, cy))
                x = line_start = x + label_w + 14
        name = names[key]
        need = cw + 7 + text_width(name, KEY_SIZE, True)
        if x > line_start and x + need > width - M.MARGIN:
            x, cy = line_start, cy + KEY_LINE
        out.append(KeyGeom(key, name, Box(x, cy - ch / 2, cw, ch), x + cw + 7, cy))
        x += need + 22
    return out, labels, cy
