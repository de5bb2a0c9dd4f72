"""What the activity loop counts, in the chain view's words: a **loop-back** is a step to a lane
further left in chain order (the violet dashed arrow, the "n loop-backs" of a chain row's
footer); an **activity revisited** is one the stream comes back to after leaving it (its "×2"
tag). The picture's caption and the panel's summary both say these, and only these, so the
two counts never pass for one another."""

from __future__ import annotations

from dataclasses import dataclass

from vscdesk.layout.text import text_width
from vscdesk.model import DocumentModel, Stream

LOOP_BACK_TIP = ("Loop-back: a step to an activity further left in the value chain, drawn as "
                 "a violet dashed arrow. The chain view's row footers count the same steps.")
REVISIT_TIP = ("Activity revisited: an activity the stream comes back to after leaving it "
               "for another one. Its tag in the picture shows the visits (×2, ×3…); "
               "stages in a row in one activity are one visit.")


@dataclass(frozen=True, slots=True)
class LoopFacts:
    """One stream's visits, loop-backs and revisited activities, by lane id."""

    visits: tuple[tuple[str, int], ...]  # (lane, visits) in order of first visit
    loop_backs: tuple[tuple[int, str, str], ...]  # (step, from lane, to lane), steps 1-based

    @property
    def revisited(self) -> tuple[str, ...]:
        return tuple(lane for lane, n in self.visits if n > 1)


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"


def loop_facts(doc: DocumentModel, stream: Stream) -> LoopFacts:
    """Visits (a run of stages in one lane is one visit) and loop-backs between consecutive
    stages that both have a lane, exactly as the chain view counts them."""
    order = {lane.id: i for i, lane in enumerate(doc.chain.lanes)}
    visits: dict[str, int] = {}
    backs = []
    previous: str | None = None
    for step, stage in enumerate(stream.stages, start=1):
        lane = stage.lane
        if lane is not None and lane != previous:
            visits[lane] = visits.get(lane, 0) + 1
        if previous in order and lane in order and order[lane] < order[previous]:
            backs.append((step, previous, lane))
        previous = lane
    return LoopFacts(tuple(visits.items()), tuple(backs))


def counts_text(facts: LoopFacts) -> str:
    """"3 loop-backs · 2 activities revisited"; "no loop-backs · no activity revisited"."""
    backs = plural(len(facts.loop_backs), "loop-back") if facts.loop_backs else "no loop-backs"
    n = len(facts.revisited)
    again = plural(n, "activity", "activities") + " revisited" if n else "no activity revisited"
    return f"{backs} · {again}"


def _steps(steps: list[int]) -> str:
    return f"(step {steps[0]})" if len(steps) == 1 else f"(steps {', '.join(map(str, steps))})"


def caption_text(facts: LoopFacts, names: dict[str, str], size: float, bold: bool,
                 width: float) -> str:
    """The caption's loop line: where the loop-backs are and which activities are revisited
    when that fits ``width``, else just the two counts."""
    if not facts.loop_backs and not facts.revisited:
        return "none: no loop-backs, no activity revisited"
    counts = counts_text(facts)
    backs, again = counts.split(" · ")
    if 0 < len(facts.loop_backs) <= 4:
        backs += " " + _steps([step for step, _, _ in facts.loop_backs])
    if 0 < len(facts.revisited) <= 2:
        again = " and ".join(names.get(lane, lane) for lane in facts.revisited) + " revisited"
    for text in (f"{backs} · {again}", f"{backs} · {counts.split(' · ')[1]}", counts):
        if text_width(text, size, bold) <= width:
            return text
    return counts
