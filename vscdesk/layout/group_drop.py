"""Where several selected stages go when one of them is dragged: one rule for the whole group.

The card under the pointer decides, through its own drop target (``vscdesk.layout.hit``):

- **Lanes** (chain view): every stage moves by as many lanes as that card, in chain order,
  stopping at the first and last lane. In the stream view lanes never change.
- **Places**: if that card stays where it is in its stream (only its lane changes), every stage
  keeps its stream and place: the group shifts sideways. Otherwise the group is gathered as one
  run at the drop point, in document order (stream by stream, then stage order), and the
  stages between them close up.

The result is the list of single moves that, applied one after the other, give that outcome;
the canvas pushes them as one macro. Pure: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from vscdesk.layout.hit import StageDrop
from vscdesk.model import DocumentModel


@dataclass(frozen=True, slots=True)
class StageMove:
    """Arguments of one ``MoveStage``: ``index`` counted without the moving stage."""

    stage_id: str
    stream_id: str
    index: int
    lane_id: str | None


def _orders(doc: DocumentModel) -> dict[str, list[str]]:
    return {s.id: [st.id for st in s.stages] for s in doc.streams}


def _shifted_lanes(doc: DocumentModel, run: list[str], lane_of: dict[str, str | None],
                   primary: str, drop_lane: str | None) -> dict[str, str | None]:
    """Each stage's lane after moving as many lanes as the primary (clamped to the chain).

    Stages without a lane keep none; if the primary leaves or enters "no activity", there is
    no distance to copy, so only the primary changes lane."""
    lanes = [lane.id for lane in doc.chain.lanes]
    out = {sid: lane_of[sid] for sid in run}
    out[primary] = drop_lane
    own = lane_of[primary]
    if own not in lanes or drop_lane not in lanes:
        return out
    delta = lanes.index(drop_lane) - lanes.index(own)
    for sid in run:
        lane = lane_of[sid]
        if sid != primary and lane in lanes:
            out[sid] = lanes[min(max(lanes.index(lane) + delta, 0), len(lanes) - 1)]
    return out


def group_moves(doc: DocumentModel, stage_ids: list[str], primary: str, drop: StageDrop,
                chain: bool = True) -> list[StageMove]:
    """The moves that carry every stage of ``stage_ids`` as ``drop`` carries ``primary``."""
    orders = _orders(doc)
    where = {sid: (stream, i) for stream, ids in orders.items() for i, sid in enumerate(ids)}
    lane_of = {st.id: st.lane for s in doc.streams for st in s.stages}
    moving = [sid for sid in stage_ids if sid in where]
    if primary not in moving:
        moving.append(primary)
    stream_rank = {s.id: i for i, s in enumerate(doc.streams)}
    run = sorted(moving, key=lambda sid: (stream_rank[where[sid][0]], where[sid][1]))
    new_lane = (_shifted_lanes(doc, run, lane_of, primary, drop.lane_id) if chain
                else {sid: lane_of[sid] for sid in run})

    old_stream, old_pos = where[primary]
    if drop.stream_id == old_stream and drop.index == old_pos:  # sideways only
        return [StageMove(sid, where[sid][0], where[sid][1], new_lane[sid]) for sid in run
                if new_lane[sid] != lane_of[sid]]
    before = [s for s in orders[drop.stream_id] if s != primary][:drop.index]
    p = sum(1 for s in before if s not in moving)
    return _gather(orders, run, drop.stream_id, p, new_lane, lane_of)


def _gather(orders: dict[str, list[str]], run: list[str], target: str, p: int,
            new_lane: dict[str, str | None], lane_of: dict[str, str | None]
            ) -> list[StageMove]:
    """Moves that put ``run`` at position ``p`` of ``target`` (among the stages not moving)."""
    rest = [s for s in orders[target] if s not in run]
    final = rest[:p] + run + rest[p:]
    sim = {k: list(v) for k, v in orders.items()}
    moves = []
    for sid in run:
        next(ids for ids in sim.values() if sid in ids).remove(sid)
        at = final.index(sid)
        index = sim[target].index(final[at - 1]) + 1 if at > 0 else 0
        sim[target].insert(index, sid)
        moves.append(StageMove(sid, target, index, new_lane[sid]))
    if sim == orders and all(new_lane[s] == lane_of[s] for s in run):
        return []  # dropped where the group already is
    return moves
