"""The title block and the legend that frame both large views."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from vscdesk.analysis.status import sla_status
from vscdesk.layout import metrics as M
from vscdesk.layout.text import elide, text_width
from vscdesk.model import DocumentModel
from vscdesk.model.queries import initials
from vscdesk.render import components as C
from vscdesk.render import palette as P
from vscdesk.render.labels import plural
from vscdesk.render.links import KIND_NAMES, link_head, link_stroke, link_tail
from vscdesk.render.primitives import Ellipse, Group, Path, Primitive, Rect, Stroke, Text

_SUBTITLE = {
    "chain": "Chain view — {streams} across {lanes}, {stages}. Each card sits where its stream "
             "crosses the activity that performs it.",
    "stream": "Stream view — every stream's stages in strict order from trigger to value. Each "
              "chevron takes the colour of the activity that performs it.",
}
_TITLE = {"chain": "{title} · {chain}", "stream": "{title} · value streams end to end"}
_STATUS_LABEL = (("met", "met"), ("at_risk", "at risk"), ("breached", "breached"))


def sla_counts(doc: DocumentModel) -> Counter[str]:
    """How many stage SLAs are met, at risk, breached or without data."""
    return Counter(sla_status(sla) for s in doc.streams for st in s.stages for sla in st.slas)


def title_group(doc: DocumentModel, view: str, width: float,
                counts: Mapping[str, int] | None = None, stages: int | None = None) -> Group:
    """Title, subtitle and, on the right, the count of stage SLAs by status (``counts`` and
    ``stages`` when the caller keeps them up to date itself, so an edit need not recount)."""
    if stages is None:
        stages = sum(len(s.stages) for s in doc.streams)
    title = _TITLE[view].format(title=doc.title, chain=doc.chain.name)
    if view == "chain" and doc.title.strip().casefold() == doc.chain.name.strip().casefold():
        title = doc.title  # a template named after its chain: "Porter value chain", once
    if len(doc.streams) == 1 and doc.title == doc.streams[0].name:  # a page about one stream
        title = f"{doc.title} · value stream end to end"
    subtitle = _SUBTITLE[view].format(
        streams=plural(len(doc.streams), "value stream"),
        lanes=plural(len(doc.chain.lanes), "activity").replace("activitys", "activities"),
        stages=plural(stages, "stage"))
    counts = sla_counts(doc) if counts is None else counts
    pills: list[Primitive] = []
    x = width - M.MARGIN
    shown = [(status, f"{counts.get(status, 0)} {word}") for status, word in _STATUS_LABEL
             if counts.get(status, 0)]
    waiting = counts.get("no_data", 0)
    if waiting:  # SLAs set on the cards but not measured yet: say so, not "no SLAs"
        total = sum(counts.values())
        shown.append(("no_data", f"{plural(total, 'SLA')} · no actuals yet" if waiting == total
                      else f"{waiting} without actuals"))
    for status, label in reversed(shown):
        w = C.pill_width(label)
        x -= w
        pills += C.sla_pill(x, M.MARGIN + 10, label, status)[0]
        x -= 8
    heading = "STAGE SLAs" if shown else "NO STAGE SLAs YET"
    x -= text_width(heading, 9.5, True) + 4
    pills.append(Text(x, C.centred_baseline(M.MARGIN + 10, 9.5), heading, 9.5, P.INK_500, True))
    room = x - M.MARGIN - 24
    items: list[Primitive] = [Text(0, 18, elide(title, 22, True, room), 22, P.INK_900, True),
                              Text(0, 42, elide(subtitle, 12.5, False, width - 2 * M.MARGIN),
                                   12.5, P.INK_500)]
    items += [_shift(p, -M.MARGIN, -M.MARGIN) for p in pills]
    return Group("title", "title", M.MARGIN, M.MARGIN, (0, -4, width - 2 * M.MARGIN, 56),
                 tuple(items))


def _shift(p: Primitive, dx: float, dy: float) -> Primitive:
    """The same primitive moved by (dx, dy)."""
    from dataclasses import replace

    if isinstance(p, Path):
        ops = tuple((op[0], *[v + (dx if i % 2 == 0 else dy) for i, v in enumerate(op[1:])])
                    for op in p.ops)
        return replace(p, ops=ops)
    if isinstance(p, Ellipse):
        return replace(p, cx=p.cx + dx, cy=p.cy + dy)
    return replace(p, x=p.x + dx, y=p.y + dy)


class _Row:
    """Lays legend samples left to right, wrapping to a new line when the width runs out."""

    def __init__(self, width: float, y: float) -> None:
        self.width, self.x, self.y = width, 0.0, y
        self.items: list[Primitive] = []

    def heading(self, text: str) -> None:
        self.items.append(Text(self.x, C.centred_baseline(self.y, 9.5), text, 9.5, P.INK_500, True))
        self.x += text_width(text, 9.5, True) + 10

    def label(self, text: str, color: str = P.INK_700, size: float = 11, bold: bool = False,
              gap: float = 18) -> None:
        self.items.append(Text(self.x, C.centred_baseline(self.y, size), text, size, color, bold))
        self.x += text_width(text, size, bold) + gap

    def need(self, w: float) -> None:
        if self.x + w > self.width and self.x > 0:
            self.x, self.y = 0.0, self.y + 24


def drawn_keys(doc: DocumentModel, view: str) -> set[str]:
    """What the drawing of ``doc`` shows, so the legend explains that and nothing else:
    SLA statuses of the pills, arrow kinds, stream kinds, badge styles, link kinds."""
    from vscdesk.render.labels import headline_sla

    keys: set[str] = set()
    order = {lane.id: i for i, lane in enumerate(doc.chain.lanes)}
    people = {p.id: p for p in doc.stakeholders}
    for stream in doc.streams:
        keys.add(f"kind:{stream.kind}")
        if view == "stream" and (headline := headline_sla(stream.slas)):
            keys.add(f"sla:{headline[1]}")
        for a, b in zip(stream.stages, stream.stages[1:]):
            back = a.lane in order and b.lane in order and order[b.lane] < order[a.lane]
            keys.add("arrow:loop" if back else "arrow:next")
        for stage in stream.stages:
            keys.add("order")
            shown = headline_sla(stage.slas)
            if shown:
                keys.add(f"sla:{shown[1]}")
            for ref in stage.stakeholders:
                if ref.stakeholder in people:
                    keys.add("badge:external" if people[ref.stakeholder].external
                             else "badge:team")
    keys.update(f"link:{link.kind}" for link in doc.links)
    support = {g.id for g in doc.chain.groups if g.support}
    if view == "chain" and any(lane.group in support for lane in doc.chain.lanes):
        keys.add("lane:support")
    return keys


def legend_group(doc: DocumentModel, view: str, y: float, width: float) -> Group:
    """SLA status, arrows, stream kinds, stakeholder styles, step numbers, ends and initials:
    each only when the drawing shows it."""
    inner = width - 2 * M.MARGIN
    row = _Row(inner, 24)
    items: list[Primitive] = [Rect(0, 0, inner, 1, fill=P.INK_100)]
    keys = drawn_keys(doc, view)
    statuses = [(s, w) for s, w in (("met", "Met"), ("at_risk", "At risk"),
                                     ("breached", "Breached"), ("no_data", "No actual yet"))
                if f"sla:{s}" in keys]
    if statuses:
        row.heading("SLA STATUS")
        for status, word in statuses:
            pill, w = C.sla_pill(row.x, row.y, word, status)
            row.items += pill
            row.x += w + 6
        row.x += 18
    _arrows(row, view, keys)
    kinds = [k for k in ("customer", "supporting") if f"kind:{k}" in keys]
    if kinds:
        row.heading("STREAMS")
        for kind in kinds:
            tag, w = C.kind_tag(row.x, row.y - 8, kind)
            row.items += tag
            row.x += w + 8
        row.x += 22
    badges = [(ext, word) for ext, word in ((False, "Team"), (True, "External"))
              if f"badge:{'external' if ext else 'team'}" in keys]
    if badges:
        row.need(120)
        row.heading("STAKEHOLDERS")
        for external, word in badges:
            row.items += C.badge(row.x + 10, row.y, "U" if external else "SD", external)
            row.x += 26
            row.label(word, gap=12 if not external and len(badges) > 1 else 30)
    if "lane:support" in keys:
        row.need(200)
        row.heading("ACTIVITIES")
        row.items.append(Rect(row.x, row.y - 7, 22, 14, fill=P.INK_50, radius=3))
        row.items.append(C.hatch(row.x + 1, row.y - 6, 20, 12, Stroke(P.INK_400, 1), 5.0))
        row.x += 30
        row.label("Support activity (serves the whole chain)", gap=30)
    if "order" in keys:
        row.need(120)
        row.heading("ORDER")
        row.items += C.step_disc(row.x + 8, row.y, 1)
        row.x += 22
        row.label("Stage step", gap=30)
    if doc.links:
        _links(row, keys)
    if doc.streams:
        row.x, row.y = 0.0, row.y + 28
        _ends_and_initials(doc, row)
    items += row.items
    return Group("legend", "legend", M.MARGIN, y, (0, 0, inner, row.y + 14), tuple(items))


def _arrows(row: _Row, view: str, keys: set[str]) -> None:
    """ARROWS (chain view) or ROUTE (stream view): the arrow kinds the drawing has."""
    if view == "chain":
        if not keys & {"arrow:next", "arrow:loop"}:
            return
        row.heading("ARROWS")
        if "arrow:next" in keys:
            row.items += C.arrow([(row.x, row.y), (row.x + 34, row.y)], 0, Stroke(P.INK_700, 1.5))
            row.x += 42
            row.label("Next stage", gap=24)
        if "arrow:loop" in keys:
            pts = [(row.x, row.y + 7), (row.x, row.y - 5), (row.x + 36, row.y - 5),
                   (row.x + 36, row.y + 7)]
            row.items += C.arrow(pts, 10, Stroke(P.ACCENT, 1.75, (6, 4)))
            row.x += 46
            row.label("Loop-back to an earlier activity", gap=30)
        return
    if "arrow:loop" in keys:
        row.heading("ROUTE")
        row.items += return_icon(row.x, row.y)
        row.x += 18
        row.label("Returns to an earlier activity", gap=30)


def _links(row: _Row, keys: set[str]) -> None:
    """LINKS: one sample line per kind drawn, with the real link strokes, dot and head."""
    samples = [(kind, KIND_NAMES[kind]) for kind in ("integration", "handoff", "rework")
               if f"link:{kind}" in keys]
    if not samples:
        return
    row.need(text_width("LINKS", 9.5, True) + 10
             + sum(58 + text_width(name, 11) for _, name in samples))  # one group, one line
    row.heading("LINKS")
    for kind, name in samples:
        y = row.y
        row.items.append(Path((("M", row.x, y), ("L", row.x + 33, y)), stroke=link_stroke(kind)))
        row.items.append(link_tail((row.x, y)))
        row.items.append(link_head((row.x + 34, y), (1, 0)))
        row.x += 42
        row.label(name, gap=16)


def _ends_and_initials(doc: DocumentModel, row: _Row) -> None:
    row.heading("ENDS")
    row.items.append(C.trigger_icon(row.x, row.y))
    row.x += 22
    row.label("Trigger", gap=12)
    row.items.append(C.value_icon(row.x, row.y))
    row.x += 22
    row.label("Value", gap=24)
    used = {r.stakeholder for s in doc.streams for st in s.stages for r in st.stakeholders}
    people = [p for p in doc.stakeholders if p.id in used]
    if not people:
        return
    row.heading("INITIALS")
    for person in people:
        letters = initials(person)
        w = text_width(letters, 10.5, True) + 4 + text_width(person.name, 10.5)
        row.need(w)
        row.label(letters, P.INK_700, 10.5, True, gap=4)
        row.label(person.name, P.INK_500, 10.5, gap=13)


def return_icon(x: float, cy: float, color: str = P.ACCENT) -> list[Primitive]:
    """The ↩ route icon: a small hook ending in an arrowhead, drawn as strokes."""
    s = Stroke(color, 1.6)
    ops = (("M", x + 10, cy + 5), ("L", x + 10, cy - 1),
           ("C", x + 10, cy - 6, x + 2, cy - 6, x + 2, cy - 1), ("L", x + 2, cy + 2))
    return [Path(ops, stroke=s), C.arrowhead((x + 2, cy + 6), (0, 1), color, 5, 5)]
