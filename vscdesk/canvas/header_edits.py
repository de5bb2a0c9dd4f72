"""Edits of what a header stands for: a stream (its label), a lane (its header) and the
document (the diagram's title). Each is one command on the undo stack.

  click a stream label, lane header or the title ... picks it (Selection.header)
  Del ............................................. deletes the picked stream or lane
  F2, Enter, double-click ......................... renames it in place
  Alt+Up / Alt+Down ............................... moves a picked stream up or down
  Alt+Left / Alt+Right ............................ moves a picked lane left or right

A lane that still holds stages is deleted by the app, which first asks where they go.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from vscdesk.document import MoveLane, MoveStream, RemoveLane, RemoveStream, SetDocumentFields
from vscdesk.layout.text import text_width

if TYPE_CHECKING:
    from vscdesk.canvas.editing import CanvasEditing

TITLE_PX = 22  # the title's font size (render/legend.py)
_SEPARATOR = " · "


class HeaderEdits:
    """Delete, move and rename streams, lanes and the document title from the canvas."""

    def __init__(self, editing: CanvasEditing) -> None:
        self.editing = editing
        self.doc = editing.doc
        self.selection = editing.selection
        #: asked before a lane that holds stages is deleted: (go ahead, lane to move them to);
        #: the app asks the user, the default leaves them in no activity (undo brings all back)
        self.where_lane_stages_go: Callable[[str], tuple[bool, str | None]] = \
            lambda _lane: (True, None)

    def picked(self) -> tuple[str, str] | None:
        """The picked header, if what it names still exists."""
        header = self.selection.header
        if header is None:
            return None
        kind, ident = header
        if kind == "title" or self.doc.kind_of(ident) == kind:
            return header
        return None

    # -- delete -------------------------------------------------------------------------------

    def delete_stream(self, stream_id: str) -> None:
        """The stream with its stages and the links to them: one step, undo restores all."""
        if self.editing.push(lambda: RemoveStream(self.doc, stream_id)) is not None:
            self.editing.message.emit("Stream deleted; Undo (Ctrl+Z) restores it with its stages")

    def delete_lane(self, lane_id: str) -> None:
        """The lane; one that holds stages asks first whether they move to another lane or
        are left in no activity."""
        move_to = None
        if self.stages_in(lane_id):
            go, move_to = self.where_lane_stages_go(lane_id)
            if not go:
                return
        self.editing.push(lambda: RemoveLane(self.doc, lane_id, move_to))

    def stages_in(self, lane_id: str) -> int:
        return sum(1 for stage in self.doc.stages() if stage.lane == lane_id)

    # -- move ---------------------------------------------------------------------------------

    def move_stream(self, stream_id: str, step: int) -> None:
        self._move("stream", stream_id, step, MoveStream)

    def move_lane(self, lane_id: str, step: int) -> None:
        self._move("lane", lane_id, step, MoveLane)

    def _move(self, kind: str, ident: str, step: int, command) -> None:
        items = (self.doc.model.streams if kind == "stream" else self.doc.model.chain.lanes)
        to = self.doc.position(ident) + step
        if not 0 <= to < len(items):
            where = {("stream", -1): "first", ("stream", 1): "last",
                     ("lane", -1): "leftmost", ("lane", 1): "rightmost"}[(kind, step)]
            self.editing.message.emit(f"Already the {where} {kind}")
            return
        self.editing.push(lambda: command(self.doc, ident, to))

    def move_picked(self, kind: str, step: int) -> bool:
        """Alt+arrow on a picked header of ``kind``; False when no such header is picked."""
        header = self.picked()
        if header is None or header[0] != kind:
            return False
        self._move(kind, header[1], step, MoveStream if kind == "stream" else MoveLane)
        return True

    # -- the title ----------------------------------------------------------------------------

    def rename_title(self, part: str = "title") -> None:
        """Edit the document title ("title") or the value chain's name ("chain") in place,
        over that part of the diagram's heading."""
        scene, model = self.editing.scene, self.doc.model
        shows_chain = (scene.view == "chain"
                       and model.title.strip().casefold() != model.chain.name.strip().casefold())
        if part == "chain" and not shows_chain:
            part = "title"  # the heading shows the title alone
        name = model.chain.name if part == "chain" else model.title
        offset = text_width(model.title + _SEPARATOR, TITLE_PX, True) if part == "chain" else 0.0

        def locate() -> QRectF | None:
            item = scene.items_by_key.get("title")
            if item is None:
                return None
            width = max(240.0, text_width(name, TITLE_PX, True) + 48)
            return item.mapRectToScene(QRectF(offset - 6, -4, width, 30))

        def commit(text: str) -> None:
            fields = {"chain_name": text} if part == "chain" else {"title": text}
            self.editing.push(lambda: SetDocumentFields(self.doc, **fields))

        self.editing.editor.open(locate, name, TITLE_PX, True, commit)

    def title_part_at(self, local_x: float) -> str:
        """Which part of the heading a point (x in the title group) is over."""
        model = self.doc.model
        split = text_width(model.title + _SEPARATOR, TITLE_PX, True)
        return "chain" if local_x >= split - 4 else "title"
