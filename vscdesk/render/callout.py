"""The stage callout of presentation mode: a card beside a stage with its timings, SLAs,
people and entrance/exit criteria.

Sizes are a little larger than the diagram's own text, because a callout is read from the
back of a meeting room. It is a display-list group, so it themes and exports like the rest.
"""

from __future__ import annotations

from typing import Literal

from vscdesk.analysis.status import sla_status
from vscdesk.layout import metrics as M
from vscdesk.layout.text import elide, text_width, wrap, wrap_whole
from vscdesk.model import DocumentModel, Stage
from vscdesk.model.queries import initials, stage_index
from vscdesk.render import components as C
from vscdesk.render import palette as P
from vscdesk.render.labels import number, sla_label
from vscdesk.render.primitives import Group, Path, Primitive, Rect, Stroke, Text
from vscdesk.render.stage_facts import RACI, ROLE, STATUS_WORD, timings

WIDTH = 360.0
PAD = 18.0
GAP = 14.0  # between the stage and the callout's pointer tip
POINTER = 10.0
ROW = 26.0
MAX_CRITERIA = 3  # per list; the rest is counted ("+ 2 more"), the notes list them all


class _Column:
    """Primitives stacked top to bottom inside the card."""

    def __init__(self) -> None:
        self.items: list[Primitive] = []
        self.y = PAD

    def text(self, text: str, size: float, color: str, bold: bool = False, x: float = PAD,
             anchor: Literal["start", "middle", "end"] = "start",
             advance: float | None = None) -> None:
        self.items.append(Text(x, self.y + size, text, size, color, bold, anchor))
        if advance is not None:
            self.y += advance

    def heading(self, text: str) -> None:
        self.y += 10
        self.text(text, 10, P.INK_500, True, advance=20)


def _lane_line(doc: DocumentModel, stage: Stage) -> tuple[str, str]:
    index = stage_index(doc)
    stream, i, _ = index[stage.id]
    lane = next((lane for lane in doc.chain.lanes if lane.id == stage.lane), None)
    ink = P.lane_colors(lane.color).ink if lane else P.INK_500
    lane_name = lane.name if lane else "No activity"
    return f"STEP {i + 1} OF {len(stream.stages)} · {lane_name.upper()}", ink


def _slas(col: _Column, stage: Stage) -> None:
    col.heading("SLAs")
    if not stage.slas:
        col.text("No SLAs yet", 12.5, P.INK_400, advance=ROW)
        return
    for sla in stage.slas:
        status = sla_status(sla)
        cy = col.y + 9
        label = sla_label(sla)
        _pill, pw = C.sla_pill(0, cy, label, status)
        actual = (f"actual {number(sla.actual)}{' ' + sla.unit if sla.unit else ''}"
                  if sla.actual is not None else STATUS_WORD[status])
        right = WIDTH - PAD
        col.text(actual, 11.5, P.INK_500, x=right, anchor="end")
        pill_x = right - text_width(actual, 11.5) - 10 - pw
        col.items += C.sla_pill(pill_x, cy, label, status)[0]
        name = elide(sla.name, 13, True, pill_x - PAD - 10)
        col.items.append(Text(PAD, C.centred_baseline(cy, 13), name, 13, P.INK_900, True))
        col.y += ROW


def _people(col: _Column, doc: DocumentModel, stage: Stage) -> None:
    col.heading("STAKEHOLDERS")
    people = {p.id: p for p in doc.stakeholders}
    refs = [r for r in stage.stakeholders if r.stakeholder in people]
    if not refs:
        col.text("No stakeholders yet", 12.5, P.INK_400, advance=ROW)
        return
    for ref in refs:
        person = people[ref.stakeholder]
        cy = col.y + 9
        col.items += C.badge(PAD + 10, cy, initials(person), person.external)
        role = ROLE[ref.role] + (f" · {RACI[ref.raci]}" if ref.raci else "")
        right = WIDTH - PAD
        col.items.append(Text(right, C.centred_baseline(cy, 11.5), role, 11.5, P.INK_500,
                              anchor="end"))
        room = right - text_width(role, 11.5) - 12 - (PAD + 28)
        col.items.append(Text(PAD + 28, C.centred_baseline(cy, 13), elide(person.name, 13, False,
                                                                          room), 13, P.INK_900))
        col.y += ROW


def _timings(col: _Column, stage: Stage) -> None:
    """Process and wait time and % complete & accurate side by side, value over label."""
    facts = timings(stage)
    if not facts:
        return
    col.heading("TIMINGS")
    step = 96.0  # the last column, "Complete & accurate", takes what is left
    for i, (label, value) in enumerate(facts):
        x = PAD + i * step
        room = WIDTH - PAD - x if i == len(facts) - 1 else step - 8
        col.items.append(Text(x, col.y + 15, elide(value, 15, True, room), 15, P.INK_900, True))
        col.items.append(Text(x, col.y + 31, elide(label, 10.5, False, room), 10.5, P.INK_500))
    col.y += 38


def _criteria(col: _Column, heading: str, items: list[str]) -> None:
    """A bulleted list, each item on at most two lines; more than three are counted."""
    if not items:
        return
    col.heading(heading)
    room = WIDTH - 2 * PAD - 14
    for item in items[:MAX_CRITERIA]:
        col.items.append(Text(PAD, col.y + 12.5, "•", 12.5, P.INK_500))
        for line in wrap(item, 12.5, False, room):
            col.text(line, 12.5, P.INK_900, x=PAD + 14, advance=18)
        col.y += 2
    if len(items) > MAX_CRITERIA:
        col.text(f"+ {len(items) - MAX_CRITERIA} more", 11.5, P.INK_500, x=PAD + 14, advance=18)


def _card(col: _Column, doc: DocumentModel, stage: Stage) -> None:
    caption, ink = _lane_line(doc, stage)
    col.text(elide(caption, 10, True, WIDTH - 2 * PAD), 10, ink, True, advance=18)
    for line in wrap_whole(stage.name, 17, True, WIDTH - 2 * PAD):
        col.text(line, 17, P.INK_900, True, advance=22)
    for line in wrap(stage.description, 12, False, WIDTH - 2 * PAD) if stage.description else ():
        col.text(line, 12, P.INK_700, advance=17)
    _timings(col, stage)
    _slas(col, stage)
    _people(col, doc, stage)
    _criteria(col, "ENTRANCE CRITERIA", stage.entrance_criteria)
    _criteria(col, "EXIT CRITERIA", stage.exit_criteria)


def callout_group(doc: DocumentModel, stage_id: str, anchor: tuple[float, float, float, float],
                  drawing_size: tuple[float, float]) -> Group:
    """A callout for ``stage_id`` below ``anchor`` (x, y, w, h), kept within the drawing's width."""
    stage = stage_index(doc)[stage_id][2]
    col = _Column()
    _card(col, doc, stage)
    h = col.y + PAD - 6
    ax, ay, aw, ah = anchor
    width = drawing_size[0]
    x = min(max(ax + aw / 2 - WIDTH / 2, M.MARGIN), max(width - M.MARGIN - WIDTH, M.MARGIN))
    y = ay + ah + GAP + POINTER  # always below: the eye moves down from the stage to its details
    tip_x = min(max(ax + aw / 2 - x, 24.0), WIDTH - 24.0)
    pointer = (("M", tip_x - POINTER, 0.5), ("L", tip_x, -POINTER), ("L", tip_x + POINTER, 0.5),
               ("Z",))
    frame: list[Primitive] = [
        Rect(0, 4, WIDTH, h, fill=P.INK_900, radius=10, opacity=0.10),
        Path(pointer, fill=P.CANVAS, stroke=Stroke(P.INK_300, 1)),
        Rect(0, 0, WIDTH, h, fill=P.CANVAS, stroke=Stroke(P.INK_300, 1), radius=10),
        Path(pointer, fill=P.CANVAS),  # covers the card's border where the pointer joins it
    ]
    return Group("callout", "callout", x, y, (-2, -POINTER - 2, WIDTH + 4, h + POINTER + 8),
                 tuple(frame + col.items), z=20, ref=stage_id)
