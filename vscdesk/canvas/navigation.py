"""Keyboard navigation between stages: which stage an arrow key or Tab goes to.

Left/Right step to the previous/next stage of the stream (stream order, even where a
loop-back draws the next card further left); Up/Down go to the neighbouring stream that has
stages, to the stage drawn nearest in x; Tab and Shift+Tab walk every stage in document
order and wrap around.
"""

from __future__ import annotations

from vscdesk.canvas.scene import DiagramScene

PREVIOUS, NEXT, UP, DOWN, TAB, BACKTAB = "previous", "next", "up", "down", "tab", "backtab"


def _centre_x(scene: DiagramScene, stage_id: str) -> float:
    item = scene.item_for(stage_id)
    return item.sceneBoundingRect().center().x() if item is not None else 0.0


def neighbour(scene: DiagramScene, stage_id: str | None, direction: str) -> str | None:
    """The stage to select next, or None to stay."""
    doc = scene.document
    everything = [s.id for s in doc.stages()]
    if not everything:
        return None
    if stage_id is None or stage_id not in doc:
        return everything[-1] if direction in (BACKTAB, UP) else everything[0]
    if direction in (TAB, BACKTAB):
        at = everything.index(stage_id) + (1 if direction == TAB else -1)
        return everything[at % len(everything)]
    stream = doc.stream_of(stage_id)
    pos = doc.position(stage_id)
    if direction in (PREVIOUS, NEXT):
        to = pos + (1 if direction == NEXT else -1)
        return stream.stages[to].id if 0 <= to < len(stream.stages) else None
    streams = doc.model.streams
    step = -1 if direction == UP else 1
    at = doc.position(stream.id) + step
    while 0 <= at < len(streams) and not streams[at].stages:
        at += step
    if not 0 <= at < len(streams):
        return None
    x = _centre_x(scene, stage_id)
    return min((s.id for s in streams[at].stages), key=lambda s: abs(_centre_x(scene, s) - x))
