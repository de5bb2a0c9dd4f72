"""The edits a user makes on the canvas, each one command (or one macro) on the undo stack.

Menu actions, keys and mouse gestures all end up here; a refused edit (a name too long, a
stage already in the first lane) becomes a status message, never an exception.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtWidgets import QGraphicsView

from vscdesk.canvas.header_edits import HeaderEdits
from vscdesk.canvas.inline_editor import InlineEditor
from vscdesk.canvas.items import GroupItem
from vscdesk.canvas.link_walk import LinkWalk
from vscdesk.canvas.stage_moves import StageMoves
from vscdesk.canvas.scene import DiagramScene
from vscdesk.document import (
    AddLane,
    AddLink,
    AddStage,
    AddStream,
    DuplicateStages,
    RemoveLinks,
    RemoveStages,
    SetLaneFields,
    SetLinkFields,
    SetStageFields,
    SetStreamFields,
)
from vscdesk.document.base import EditCommand
from vscdesk.model import Lane, Link, Stage, Stream
from vscdesk.render.palette import new_lane_color

C = TypeVar("C", bound=EditCommand)

LINK_KINDS = {"integration": "Integration point", "handoff": "Hand-off", "rework": "Rework"}

# Where the name sits inside each kind of group (local x, y, w-inset, h), font px, bold.
_NAME_BOXES = {
    ("stage", "chain"): ((4, 30, 8, 30), 12.5),
    ("stage", "stream"): ((22, 31, 44, 30), 13),
    ("lane", "chain"): ((6, 8, 12, 28), 13),
    ("row", "chain"): ((12, 40, 24, 30), 14.5),
    ("row", "stream"): ((-4, -6, 0, 26), 13),
}


class CanvasEditing(QObject):
    """Turns canvas gestures and edit actions into commands on one document."""

    message = Signal(str)  # something the status bar should say
    #: Enter or F2 on a selected link: the app opens the link's label for editing
    link_edit_requested = Signal(str)

    def __init__(self, scene: DiagramScene, view: QGraphicsView) -> None:
        super().__init__(view)  # dies with the view, whose events it handles
        self.scene = scene
        self.view = view
        self.doc = scene.document
        self.selection = scene.selection
        self.editor = InlineEditor(view)
        self.new_link_kind = "handoff"
        self._order: list[str] = []  # selected stages in the order the user picked them
        self.selection.changed.connect(self._note_order)
        self.moves = StageMoves(self)
        self.headers = HeaderEdits(self)
        self.links = LinkWalk(self)

    # -- pushing ------------------------------------------------------------------------------

    def build(self, factory: Callable[[], C | None]) -> C | None:
        """Build a command, turning a refusal into a status message."""
        try:
            return factory()
        except (KeyError, ValueError) as err:
            self.message.emit(str(err).splitlines()[0])
            return None

    def push(self, factory: Callable[[], C]) -> C | None:
        """Build and push a command; None if refused (by a check, or a read-only document)."""
        command = self.build(factory)
        if command is not None and not command.isObsolete() and self.doc.push(command):
            return command
        return None

    def push_all(self, text: str, factories: Iterable[Callable[[], EditCommand]]) -> None:
        """Several commands as one undo step (each is built after the previous one ran)."""
        with self.doc.macro(text):
            for factory in factories:
                self.push(factory)

    # -- what is selected ---------------------------------------------------------------------

    def _note_order(self) -> None:
        now = self.selection.stage_ids
        kept = [s for s in self._order if s in now]
        self._order = kept + [s for s in now if s not in kept]

    def selected_stages(self) -> list[str]:
        """Selected stages in the order they were picked (Ctrl+click adds at the end)."""
        return [s for s in self._order if s in self.doc]

    def selected_links(self) -> list[str]:
        return [i.ref for i in self.scene.selectedItems()
                if isinstance(i, GroupItem) and i.group.kind == "link" and i.ref]

    def current_stream(self) -> str | None:
        stages = self.selected_stages()
        if stages:
            return self.doc.stream_of(stages[-1]).id
        stream = self.selection.stream_id
        if stream is not None and self.doc.kind_of(stream) == "stream":
            return stream
        return self.doc.model.streams[0].id if self.doc.model.streams else None

    def select(self, stage_ids: list[str]) -> None:
        stream = self.doc.stream_of(stage_ids[-1]).id if stage_ids else self.selection.stream_id
        self.selection.set(stage_ids, stream)
        if stage_ids and (item := self.scene.item_for(stage_ids[-1])) is not None:
            self.view.ensureVisible(item, 24, 24)

    def select_link(self, link_id: str) -> None:
        """Select one link alone (the keyboard's way to a link) and scroll it into view."""
        self.selection.set((), self.selection.stream_id, [link_id])
        if (item := self.scene.items_by_key.get(f"link:{link_id}")) is not None:
            self.view.ensureVisible(item, 24, 24)

    # -- add ------------------------------------------------------------------------------------

    def add_stage(self) -> None:
        """A new stage after the selected one, in its lane (else at the end of the stream)."""
        stream_id = self.current_stream()
        if stream_id is None:
            self.message.emit("Add a stream first: a stage belongs to a stream")
            return
        stages = self.selected_stages()
        stream = self.doc.stream(stream_id)
        if stages:
            after = self.doc.stage(stages[-1])
            index, lane = self.doc.position(after.id) + 1, after.lane
        else:
            index = len(stream.stages)
            lane = stream.stages[-1].lane if stream.stages else self._first_lane()
        stage = Stage(id=self.doc.new_id("New stage", "stage"), name="New stage", lane=lane)
        command = self.push(lambda: AddStage(self.doc, stream_id, index, stage))
        if command is not None:
            self.select([stage.id])
            self.rename("stage", stage.id, fresh=lambda name: AddStage(
                self.doc, stream_id, index, self._named(stage, name, "stage")))

    def _named(self, item, name: str, fallback: str):
        """The just-added object under its typed name, with an id that follows the name
        (built after the default-named addition was undone, so its id is free again)."""
        return item.model_copy(update={"name": name, "id": self.doc.new_id(name, fallback)})

    def _first_lane(self) -> str | None:
        lanes = self.doc.model.chain.lanes
        return lanes[0].id if lanes else None

    def add_stream(self) -> None:
        """A new customer stream after the selected one (else last), straight into rename."""
        stages = self.selected_stages()
        current = self.doc.stream_of(stages[-1]).id if stages else self.selection.stream_id
        index = (self.doc.position(current) + 1) if current in self.doc else None
        stream = Stream(id=self.doc.new_id("New stream", "stream"), name="New stream")
        if self.push(lambda: AddStream(self.doc, stream, index)) is not None:
            self.selection.set((), stream.id)
            self.rename("row", stream.id, fresh=lambda name: AddStream(
                self.doc, self._named(stream, name, "stream"), index))

    def add_lane(self) -> None:
        """A new lane after the selected stage's lane (else last), straight into rename."""
        stages = self.selected_stages()
        lane_of = self.doc.stage(stages[-1]).lane if stages else None
        index = self.doc.position(lane_of) + 1 if lane_of else None
        color = new_lane_color([lane.color for lane in self.doc.model.chain.lanes])
        lane = Lane(id=self.doc.new_id("New lane", "lane"), name="New lane", color=color)
        if self.push(lambda: AddLane(self.doc, lane, index)) is not None:
            self.rename("lane", lane.id, fresh=lambda name: AddLane(
                self.doc, self._named(lane, name, "lane"), index))

    # -- rename -------------------------------------------------------------------------------

    def rename_selected(self) -> None:
        stages = self.selected_stages()
        header = self.headers.picked()
        if stages:
            self.rename("stage", stages[-1])
        elif header is not None:
            kind, ident = header
            self.rename({"stream": "row"}.get(kind, kind), ident)
        elif links := [k for k in self.selection.link_ids if self.doc.kind_of(k) == "link"]:
            self.link_edit_requested.emit(links[-1])
        else:
            self.message.emit("Select a stage, stream, lane or the title to rename")

    def rename(self, kind: str, ident: str,
               fresh: Callable[[str], EditCommand] | None = None) -> None:
        """Open the inline editor over a stage card, lane header ("lane") or stream label ("row").

        ``fresh`` rebuilds the command that just created the object with the typed name, so
        adding and naming stay one undo step. "title" and "chain" edit the diagram's heading."""
        if kind in ("title", "chain"):
            self.headers.rename_title(kind)
            return
        item = self.scene.items_by_key.get(f"{kind}:{ident}")
        spec = _NAME_BOXES.get((kind, "stream" if self.scene.view == "stream" else "chain"))
        if item is None or spec is None:
            return
        (x, y, inset, h), size = spec
        key, view = f"{kind}:{ident}", self.scene.view

        def locate() -> QRectF | None:
            """Where the name is now (the item may have moved or been replaced since)."""
            current = self.scene.items_by_key.get(key)
            if current is None:
                return None
            width = 360 if kind == "row" and view == "stream" else current.group.bounds[2] - inset
            return current.mapRectToScene(QRectF(x, y, width, h))

        name = self._name_of(kind, ident)
        mark = self.doc.history.mark()

        def commit(text: str) -> None:
            rename = self.build(lambda: self._rename_command(kind, ident, text))
            if rename is None:
                return
            # the addition just made is replaced by the same addition under the typed name
            added = None if fresh is None else self.build(
                lambda: self.doc.amend_last(mark, lambda: fresh(text)))
            if isinstance(added, AddStage):
                self.select([added.stage_id])
            elif isinstance(added, AddStream):
                self.selection.set((), added.stream_id)
            elif added is None and not rename.isObsolete():
                self.doc.push(rename)

        self.editor.open(locate, name, size, True, commit)

    def _name_of(self, kind: str, ident: str) -> str:
        if kind == "stage":
            return self.doc.stage(ident).name
        return self.doc.lane(ident).name if kind == "lane" else self.doc.stream(ident).name

    def _rename_command(self, kind: str, ident: str, name: str) -> EditCommand:
        if kind == "stage":
            return SetStageFields(self.doc, ident, name=name)
        if kind == "lane":
            return SetLaneFields(self.doc, ident, name=name)
        return SetStreamFields(self.doc, ident, name=name)

    # -- delete, duplicate ------------------------------------------------------------------

    def delete(self) -> None:
        """Delete the selected stages and links as one step (links of deleted stages go too),
        or the picked stream or lane."""
        header = self.headers.picked()
        if header is not None:
            self._delete_header(*header)
            return
        stages, links = self.selected_stages(), self.selected_links()
        if stages:
            touching = {lk.id for lk in self.doc.model.links
                        if lk.source in stages or lk.target in stages}
            links = [lk for lk in links if lk not in touching]
        if stages and links:
            self.push_all("Delete selection", [lambda: RemoveStages(self.doc, stages),
                                               lambda: RemoveLinks(self.doc, links)])
        elif stages:
            self.push(lambda: RemoveStages(self.doc, stages))
        elif links:
            self.push(lambda: RemoveLinks(self.doc, links))
        else:
            self.message.emit("Nothing selected to delete")

    def _delete_header(self, kind: str, ident: str) -> None:
        if kind == "stream":
            self.headers.delete_stream(ident)
        elif kind == "lane":
            self.headers.delete_lane(ident)
        else:
            self.message.emit("The title cannot be deleted; F2 renames it")

    def duplicate(self) -> None:
        stages = self.selected_stages()
        if not stages:
            self.message.emit("Select stages to duplicate")
            return
        command = self.push(lambda: DuplicateStages(self.doc, stages))
        if command is not None:
            self.select(command.new_ids)

    # -- links ----------------------------------------------------------------------------------

    def add_link(self, source: str, target: str, kind: str | None = None) -> EditCommand | None:
        """A link from one stage to another, of the current default kind."""
        link = Link(id=self.doc.new_id(f"{source}-{target}", "link"), source=source,
                    target=target, kind=kind or self.new_link_kind)
        command = self.push(lambda: AddLink(self.doc, link))
        if command is not None:
            self.message.emit(f"{LINK_KINDS[link.kind]} link added; right-click it to change")
        return command

    def link_selected(self) -> None:
        """Link the first selected stage to the second (the keyboard way to draw a link)."""
        stages = self.selected_stages()
        if len(stages) != 2:
            self.message.emit("Select two stages (source first, Ctrl+click the target) to link")
            return
        self.add_link(stages[0], stages[1])

    def set_link_kind(self, link_id: str, kind: str) -> None:
        self.push(lambda: SetLinkFields(self.doc, link_id, kind=kind))
