"""The words around the activity loop: the title block above the ring and the caption under
it, the route spelled out on as many lines as it needs (never cut) and the loop line.

A long route (sixty steps) takes many lines; the picture grows by them, so the ring keeps
the size its labels were fitted to (the panel scales a little growth down and scrolls more).
"""

from __future__ import annotations

from dataclasses import dataclass

from vscdesk.layout.activity_loop_labels import Placed, text_box
from vscdesk.layout.activity_loop_words import caption_text, loop_facts, plural
from vscdesk.layout.geometry import Box
from vscdesk.layout.text import elide, text_width, wrap_whole
from vscdesk.model import DocumentModel, Stream

PAD = 20
TEXT_X = 46  # caption text starts right of the "ROUTE" and "LOOP" heads
LOOP_X = 20  # the loop line starts after the return icon when it counts loop-backs
FIRST = 20  # baseline of the first caption line below the rule
ROW = 20  # from the last route line to the loop line
LINE = 15  # leading of wrapped caption lines
BOTTOM = 14  # room under the last line
CAPTION_H = FIRST + ROW + BOTTOM  # one route line and one loop line
SIZE, HEAD = 11.0, 8.5
NO_ACTIVITY = "No activity"


@dataclass(frozen=True, slots=True)
class Caption:
    route: str  # the whole route on one line (what the lines spell out)
    route_lines: tuple[str, ...]
    loop_lines: tuple[str, ...]
    loud: bool  # the loop line counts loop-backs or revisits: accent, after the return icon
    loops: tuple[tuple[int, str], ...]  # (step, lane name) of each return to a visited lane
    loop_backs: tuple[tuple[int, str], ...]  # (step, lane name) of each loop-back

    @property
    def height(self) -> float:
        return CAPTION_H + LINE * (len(self.route_lines) - 1 + len(self.loop_lines) - 1)

    @property
    def loop_x(self) -> float:
        return TEXT_X + (LOOP_X if self.loud else 0)

    @property
    def loop_y(self) -> float:
        """The loop line's baseline below the rule."""
        return FIRST + LINE * (len(self.route_lines) - 1) + ROW


def route_lines(names: list[str], size: float, width: float) -> tuple[str, ...]:
    """The route on as many lines as it needs, each line ending on an arrow it continues
    from; a name wider than a whole line is itself wrapped."""
    if not names:
        return ("no stages yet",)
    chunks = [f"{name} →" for name in names[:-1]] + [names[-1]]
    lines: list[str] = []
    for chunk in chunks:
        joined = f"{lines[-1]} {chunk}" if lines else chunk
        if lines and text_width(joined, size) <= width:
            lines[-1] = joined
        else:
            lines += wrap_whole(chunk, size, False, width) or [chunk]
    return tuple(lines)


def caption(doc: DocumentModel, stream: Stream, lanes: list[str], size: float) -> Caption:
    """The route, the returns, the loop line and the loop-backs of the caption."""
    names = {lane.id: lane.name for lane in doc.chain.lanes} | {"": NO_ACTIVITY}
    route = [names[lane] for lane in lanes]
    loops, visited = [], set()
    for i, lane in enumerate(lanes):
        if i and lane != lanes[i - 1] and lane in visited:
            loops.append((i + 1, names[lane]))
        visited.add(lane)
    facts = loop_facts(doc, stream)
    backs = tuple((step, names[lane]) for step, _, lane in facts.loop_backs)
    loud = bool(facts.loop_backs or facts.revisited)  # set in bold after an icon
    width = size - 2 * PAD - TEXT_X
    text = caption_text(facts, names, SIZE, loud, width - (LOOP_X if loud else 0))
    return Caption(" → ".join(route) or "no stages yet", route_lines(route, SIZE, width),
                   tuple(wrap_whole(text, SIZE, loud, width - (LOOP_X if loud else 0))),
                   loud, tuple(loops), backs)


def picture_height(requested: float, cap: Caption) -> float:
    """The picture grows by the caption's extra lines, so the ring keeps the room its labels
    were sized for (the panel fits a little growth and scrolls for more)."""
    return requested + cap.height - CAPTION_H


def caption_rects(cap: Caption, rule_y: float) -> list[Placed]:
    """Where the caption's heads and lines put their ink."""
    out = [Placed("head", "", text_box(PAD, rule_y + FIRST, "ROUTE", HEAD, True)),
           Placed("head", "", text_box(PAD, rule_y + cap.loop_y, "LOOP", HEAD, True))]
    out += [Placed("route", "", text_box(PAD + TEXT_X, rule_y + FIRST + LINE * k, line, SIZE))
            for k, line in enumerate(cap.route_lines)]
    out += [Placed("loop", "", text_box(PAD + cap.loop_x, rule_y + cap.loop_y + LINE * k, line,
                                        SIZE, cap.loud))
            for k, line in enumerate(cap.loop_lines)]
    if cap.loud:  # the return icon
        out.append(Placed("icon", "loop", Box(PAD + TEXT_X, rule_y + cap.loop_y - 10, 14, 12)))
    return out


@dataclass(frozen=True, slots=True)
class Title:
    stats: str  # "37 steps · 4 of 4 activities", right of the title
    subtitle: str  # the stream's name
    note: str  # "12 numbers left off", right of the name, when a crowded loop leaves some off


def title(stream: Stream, steps: int, visited: int, lanes: int, hidden: int, size: float
          ) -> Title:
    word = "activity" if lanes == 1 else "activities"
    stats = f"{plural(steps, 'step')} · {visited} of {lanes} {word}"
    stats = elide(stats, SIZE, False, size - 2 * PAD - text_width("Activity loop", 14, True) - 16)
    note = f"{plural(hidden, 'number')} left off · hover an arrow" if hidden else ""
    if note and text_width(note, 10, False) > (size - 2 * PAD) / 2:
        note = f"{plural(hidden, 'number')} left off"
    room = size - 2 * PAD - (text_width(note, 10) + 12 if note else 0)
    return Title(stats, elide(stream.name, 11.5, False, room), note)


def title_rects(t: Title, size: float) -> list[Placed]:
    out = [Placed("title", "", text_box(PAD, 27, "Activity loop", 14, True)),
           Placed("stats", "", text_box(size - PAD, 27, t.stats, SIZE, anchor="end")),
           Placed("subtitle", "", text_box(PAD, 45, t.subtitle, 11.5))]
    if t.note:
        out.append(Placed("note", "", text_box(size - PAD, 45, t.note, 10, anchor="end")))
    return out
