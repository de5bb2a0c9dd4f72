"""Where the chain view puts its lane groups' names: one span per run of neighbouring lanes in
one group, each name wrapped whole to its span, and the band they need between the subtitle
and the lane headers (the headers move down to make room, so the names never crowd the
subtitle)."""

from __future__ import annotations

from collections.abc import Mapping

from vscdesk.layout import metrics as M
from vscdesk.layout.geometry import Box
from vscdesk.layout.text import wrap_whole
from vscdesk.model import DocumentModel

LABEL_SIZE = 9.5  # caps, bold, ink-500: a heading over the lanes, quieter than their names
LABEL_LEADING = 11
LABEL_ABOVE_HEADERS = 11  # last label baseline to the top of the lane headers
RULE_ABOVE_HEADERS = 6
BAND = 16  # how far the headers move down when the chain has groups: air under the subtitle


def group_runs(doc: DocumentModel, keys: list[str], lane_x: Mapping[str, float],
               lane_w: Mapping[str, float]) -> list[tuple[str, float, float]]:
    """(group id, left, right) for each run of neighbouring lanes in one group, left to right."""
    group_of = {lane.id: lane.group for lane in doc.chain.lanes}
    known = {g.id for g in doc.chain.groups}
    runs: list[tuple[str, float, float]] = []
    previous: str | None = None
    for key in keys:
        group = group_of.get(key)
        if group is None or group not in known:
            previous = None
            continue
        left, right = lane_x[key], lane_x[key] + lane_w[key]
        if runs and previous == group:
            runs[-1] = (group, runs[-1][1], right)
        else:
            runs.append((group, left, right))
        previous = group
    return runs


def label_lines(name: str, width: float) -> list[str]:
    """A group's name in caps, wrapped whole to its span."""
    return wrap_whole(name.upper(), LABEL_SIZE, True, width - 2 * M.LANE_INSET)


def band_height(doc: DocumentModel, runs: list[tuple[str, float, float]]) -> float:
    """How far the lane headers sit below the usual place: nothing without groups, else room
    for the longest wrapped group name."""
    if not runs:
        return 0.0
    names = {g.id: g.name for g in doc.chain.groups}
    lines = max(len(label_lines(names[g], right - left)) for g, left, right in runs)
    return BAND + LABEL_LEADING * (lines - 1)


def run_boxes(runs: list[tuple[str, float, float]], header_y: float,
              header_h: float) -> tuple[tuple[str, Box], ...]:
    """The runs as boxes over the lane headers they name."""
    return tuple((g, Box(left, header_y, right - left, header_h)) for g, left, right in runs)
