"""Find on the canvas: which lanes, streams and stages a search text matches, and how to show
one of them (selected, centred, at a zoom where its text can be read).

On a 300-stage map the fit zoom is a thumbnail with every label hidden; Find is the way to a
stage by name without scrolling around at 100 %.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsView

from vscdesk.canvas.scene import DiagramScene
from vscdesk.model import DocumentModel

READABLE_ZOOM = 0.8  # a card's 12.5 px name reads as 10 px: never zoom out further to show one


@dataclass(frozen=True, slots=True)
class Match:
    """One found object: its kind ("lane", "stream", "stage"), id and name."""

    kind: str
    ident: str
    name: str

    @property
    def key(self) -> str:
        """The key of the canvas group that shows it."""
        return {"lane": "lane", "stream": "row", "stage": "stage"}[self.kind] + f":{self.ident}"


def find_matches(model: DocumentModel, text: str) -> list[Match]:
    """Lanes in chain order, then each stream followed by its stages, whose name contains
    ``text`` (case and accents as typed are ignored only for case)."""
    needle = text.strip().casefold()
    if not needle:
        return []
    found = [Match("lane", lane.id, lane.name) for lane in model.chain.lanes
             if needle in lane.name.casefold()]
    for stream in model.streams:
        if needle in stream.name.casefold():
            found.append(Match("stream", stream.id, stream.name))
        found.extend(Match("stage", stage.id, stage.name) for stage in stream.stages
                     if needle in stage.name.casefold())
    return found


def _focus_rect(scene: DiagramScene, match: Match) -> QRectF | None:
    """The part of the match's group worth centring: a lane's header, not its whole column."""
    item = scene.items_by_key.get(match.key)
    if item is None:
        return None
    rect = item.sceneBoundingRect()
    if match.kind == "lane":
        rect.setHeight(min(rect.height(), 60.0))
    return rect


def show_match(scene: DiagramScene, view: QGraphicsView, match: Match) -> None:
    """Select the match and centre it at a readable zoom (zooming in, never out)."""
    selection = scene.selection
    if match.kind == "stage":
        stream = scene.document.stream_of(match.ident).id
        selection.set([match.ident], stream)
    elif match.kind == "stream":
        selection.set((), match.ident)
    else:
        selection.set((), selection.stream_id)
    rect = _focus_rect(scene, match)
    if rect is None:
        return
    zoom = view.transform().m11()
    if zoom < READABLE_ZOOM and hasattr(view, "set_zoom"):
        view.set_zoom(READABLE_ZOOM)
    view.centerOn(rect.center())
