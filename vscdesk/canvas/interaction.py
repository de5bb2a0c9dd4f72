"""Mouse and keyboard on the canvas: which gesture a press starts and what it ends in.

One event filter on the view (keys) and its viewport (mouse) dispatches to the drags, the
link tool, the panner, navigation and the edits; plain clicks, Ctrl+click and the rubber band
are left to Qt's own selection handling.

  press on a card, drag ........ move the stage (one MoveStage on release)
  Shift+drag from a card ....... draw a link (also any drag from a card in link mode)
  drag a lane header ........... reorder lanes;  drag a stream label ... reorder streams
  click a header or the title .. pick it (Del, F2 and Alt+arrows act on it; header_edits.py)
  double-click ................. rename the card, lane header, stream label or title in place
  middle drag, Space+drag ...... pan
  arrows, Tab, Shift+Tab ....... move the selection between stages (see navigation.py);
                                 on a selected link, Left/Up and Right/Down go to its ends
  / and \\ .................... select the links around the selection (link_walk.py)
  Menu key, Shift+F10 .......... the context menu of what is selected
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

from vscdesk.canvas import navigation as nav
from vscdesk.canvas.drag import Drag, LaneDrag, StageDrag, StreamDrag
from vscdesk.canvas.editing import CanvasEditing
from vscdesk.canvas.items import GroupItem
from vscdesk.canvas.link_tool import LinkDrag
from vscdesk.canvas.pan import Panner
from vscdesk.canvas.scene import DiagramScene
from vscdesk.document import MoveStage
from vscdesk.layout.group_drop import StageMove
from vscdesk.render.chain import lane_header_height

E = QEvent.Type
PINNED_DRAG = 3  # a pinned header needs this many start-drag distances along its axis
_KEYS = {Qt.Key.Key_Left: nav.PREVIOUS, Qt.Key.Key_Right: nav.NEXT, Qt.Key.Key_Up: nav.UP,
         Qt.Key.Key_Down: nav.DOWN, Qt.Key.Key_Tab: nav.TAB, Qt.Key.Key_Backtab: nav.BACKTAB}


@dataclass(frozen=True, slots=True)
class Target:
    """What is under the pointer: "stage", "link", "lane" (its header), "row" (a stream label),
    "title" (the diagram's heading) or "" (empty canvas, a cell, an arrow)."""

    kind: str
    ident: str | None = None
    #: a pinned copy of a header (canvas/pinned.py), laid over whatever scrolled under it
    pinned: bool = False


def target_at(scene: DiagramScene, pos: QPointF) -> Target:
    for item in scene.items(pos):  # topmost first
        if isinstance(item, GroupItem) and item.group.kind == "title":
            return Target("title", "")
        if not isinstance(item, GroupItem) or item.group.kind not in ("stage", "link", "lane",
                                                                       "row"):
            continue
        if not item.isEnabled():
            continue  # a glide's fading copy of a card: it stands for nothing that can be edited
        group = item.group
        pinned = group.key.startswith("pin-")
        if group.kind == "lane":
            header_h = lane_header_height(group)
            if group.ref and item.mapFromScene(pos).y() <= header_h:
                return Target("lane", group.ref, pinned)
            return Target("")
        return Target(group.kind, group.ref, pinned)
    return Target("")


def _drag_started(target: Target, moved: QPoint) -> bool:
    """A press became a drag. A pinned stream label covers cards scrolled under it, so it
    reorders streams only when pulled clearly up or down, never on a slanting card-like drag
    (and a pinned lane header only when pulled clearly sideways)."""
    distance = QApplication.startDragDistance()
    if target.pinned and target.kind == "row":
        return abs(moved.y()) >= PINNED_DRAG * distance and abs(moved.y()) >= 2 * abs(moved.x())
    if target.pinned and target.kind == "lane":
        return abs(moved.x()) >= PINNED_DRAG * distance and abs(moved.x()) >= 2 * abs(moved.y())
    return moved.manhattanLength() >= distance


class CanvasInteraction(QObject):
    """Turns mouse and key events on one view into selection changes, drags and edits."""

    context_requested = Signal(object, QPoint)  # (Target, global position)

    def __init__(self, editing: CanvasEditing) -> None:
        super().__init__(editing)
        self.editing = editing
        self.scene: DiagramScene = editing.scene
        self.view: QGraphicsView = editing.view
        self.link_mode = False
        #: True while the canvas is animating (a view switch): presses are ignored meanwhile,
        #: since items are in flight and fading copies of cards sit among them
        self.busy: Callable[[], bool] = lambda: False
        self._pan = Panner(self.view)
        self._space = False
        self._press: tuple[Target, QPointF, QPoint] | None = None
        self._drag: Drag | None = None
        self._link: LinkDrag | None = None
        self._keyboard_menu_open = False
        self._viewport = self.view.viewport()  # kept: no C++ call per event, even in teardown
        self._viewport.installEventFilter(self)
        self.view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._viewport:
            if kind in (E.MouseButtonPress, E.MouseButtonDblClick) and self.busy():
                self._press = None
                return True
            if isinstance(event, QMouseEvent):
                if kind == E.MouseButtonPress:
                    return self._pressed(event)
                if kind == E.MouseMove:
                    return self._moved(event)
                if kind == E.MouseButtonRelease:
                    return self._released(event)
                if kind == E.MouseButtonDblClick:
                    return self._double_clicked(event)
            if kind == E.ContextMenu:
                return self._context(event)
        elif watched is self.view:
            if kind == E.KeyPress and isinstance(event, QKeyEvent):
                return self._key_pressed(event)
            if (kind == E.ContextMenu and isinstance(event, QContextMenuEvent)
                    and event.reason() == QContextMenuEvent.Reason.Keyboard):
                return self._keyboard_context()
            if (kind == E.KeyRelease and isinstance(event, QKeyEvent)
                    and event.key() == Qt.Key.Key_Space):
                if not event.isAutoRepeat():
                    self._space = False
                    if not self._pan.active:
                        self.view.viewport().unsetCursor()
                return True
            if kind == E.FocusOut:
                self._space = False
        return False

    # -- mouse --------------------------------------------------------------------------------

    def _scene_pos(self, event: QMouseEvent) -> QPointF:
        return self.view.mapToScene(event.position().toPoint())

    def _pressed(self, event: QMouseEvent) -> bool:
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (
                button == Qt.MouseButton.LeftButton and self._space):
            self._pan.start(event.position().toPoint())
            return True
        if button != Qt.MouseButton.LeftButton:
            return False
        if self.editing.editor.active:
            self.editing.editor.commit()
        pos = self._scene_pos(event)
        target = target_at(self.scene, pos)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if target.kind == "stage" and (shift or self.link_mode):
            self._link = LinkDrag(self.scene, target.ident)
            return True
        if target.kind in ("stage", "lane", "row", "title"):
            self._press = (target, pos, event.position().toPoint())
        if target.kind not in ("lane", "row", "title") and self.scene.selection.header:
            selection = self.scene.selection  # a click elsewhere drops the picked header
            selection.set((), selection.stream_id)
        # a card press goes on to Qt (click and Ctrl+click select); headers are ours alone
        return target.kind in ("lane", "row", "title")

    def _moved(self, event: QMouseEvent) -> bool:
        if self._pan.active:
            self._pan.move(event.position().toPoint())
            return True
        pos = self._scene_pos(event)
        if self._link is not None:
            self._link.move(pos)
            return True
        if self._drag is None and self._press is not None:
            target, start, at = self._press
            if not _drag_started(target, event.position().toPoint() - at):
                return target.kind != "stage"
            if target.kind == "title":
                return True  # the title does not move
            self._drag = self._start_drag(target, start)
        if self._drag is not None:
            self._drag.move(pos)
            return True
        return False

    def _start_drag(self, target: Target, start: QPointF) -> Drag:
        kinds = {"stage": StageDrag, "lane": LaneDrag, "row": StreamDrag}
        return kinds[target.kind](self.scene, target.ident, start)

    def _released(self, event: QMouseEvent) -> bool:
        if self._pan.active and event.button() in (Qt.MouseButton.MiddleButton,
                                                   Qt.MouseButton.LeftButton):
            self._pan.end(self._space)
            return True
        press, self._press = self._press, None
        if self._link is not None:
            link, self._link = self._link, None
            target = target_at(self.scene, self._scene_pos(event))
            end = link.finish(target.ident if target.kind == "stage" else None)
            if end is not None:
                self.editing.add_link(link.source, end)
            return True
        if self._drag is not None:
            drag, self._drag = self._drag, None
            if isinstance(drag, StageDrag) and drag.group:
                self._push_moves(drag.finish_group())
                return False  # the card's press went to Qt: so does this
            command = drag.finish()
            if command is not None:
                self.scene.document.push(command)
            return not isinstance(drag, StageDrag)  # the card's press went to Qt: so does this
        if press is not None and press[0].kind in ("row", "lane", "title"):
            kind = {"row": "stream"}.get(press[0].kind, press[0].kind)
            self.scene.selection.pick(kind, press[0].ident or "")  # a click picks a header
        return press is not None and press[0].kind != "stage"

    def _push_moves(self, moves: list[StageMove]) -> None:
        """A group drag: every single move in one undo step, each built after the last ran."""
        if not moves:
            return
        doc = self.scene.document
        count = len({m.stage_id for m in moves})
        self.editing.push_all(f"Move {count} stages" if count > 1 else "Move stage", [
            lambda m=m: MoveStage(doc, m.stage_id, m.stream_id, m.index, lane_id=m.lane_id)
            for m in moves])

    def _double_clicked(self, event: QMouseEvent) -> bool:
        pos = self._scene_pos(event)
        target = target_at(self.scene, pos)
        if target.kind == "title":
            self._press = None
            local = self.scene.items_by_key["title"].mapFromScene(pos)
            self.editing.rename(self.editing.headers.title_part_at(local.x()), "")
            return True
        if target.kind in ("stage", "lane", "row") and target.ident:
            self._press = None
            self.editing.rename(target.kind, target.ident)
            return True
        return False

    def _context(self, event) -> bool:
        target = target_at(self.scene, self.view.mapToScene(event.pos()))
        if target.kind == "stage" and target.ident not in self.editing.selected_stages():
            self.editing.select([target.ident])
        elif target.kind == "link":
            self.scene.clearSelection()
            item = self.scene.items_by_key.get(f"link:{target.ident}")
            if item is not None:
                item.setSelected(True)
        elif target.kind in ("row", "lane", "title"):
            self.scene.selection.pick({"row": "stream"}.get(target.kind, target.kind),
                                      target.ident or "")
        self.context_requested.emit(target, event.globalPos())
        return True

    def _keyboard_context(self) -> bool:
        """The Menu key or Shift+F10: the menu of what is selected, opened over it. X11 sends
        a context-menu event for the Menu key only, so Shift+F10 comes as a key press; a system
        that sends both gets one menu (the second request arrives while the first is open)."""
        if self._keyboard_menu_open:
            return True
        self._keyboard_menu_open = True
        try:
            self._emit_keyboard_context()
        finally:
            self._keyboard_menu_open = False
        return True

    def _emit_keyboard_context(self) -> None:
        stages = self.editing.selected_stages()
        links = [k for k in self.scene.selection.link_ids if self.scene.document.kind_of(k)]
        header = self.editing.headers.picked()
        if stages:
            target, key = Target("stage", stages[-1]), f"stage:{stages[-1]}"
        elif links:
            target, key = Target("link", links[-1]), f"link:{links[-1]}"
        elif header is not None:
            kind = {"stream": "row"}.get(header[0], header[0])
            target = Target(kind, header[1])
            key = "title" if kind == "title" else f"{kind}:{header[1]}"
        else:
            target, key = Target(""), ""
        item = self.scene.items_by_key.get(key)
        where = self.view.viewport().rect().center()
        if item is not None:
            spot = self.view.mapFromScene(item.sceneBoundingRect().center())
            if self.view.viewport().rect().contains(spot):
                where = spot
        self.context_requested.emit(target, self.view.viewport().mapToGlobal(where))

    # -- keys ---------------------------------------------------------------------------------

    def _key_pressed(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Space:
            if not event.isAutoRepeat():
                self._space = True
                self.view.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return True
        if key == Qt.Key.Key_Escape:
            self._cancel_gestures()
            return True
        if key == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier:
            return self._keyboard_context()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        if key in _KEYS and plain:
            self._navigate(_KEYS[key])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.NoModifier:
            self.editing.rename_selected()
            return True
        return False

    def _navigate(self, direction: str) -> None:
        stages = self.editing.selected_stages()
        links = [k for k in self.scene.selection.link_ids if self.scene.document.kind_of(k)]
        if not stages and links:  # from a link to its source (Left/Up) or target (Right/Down)
            end = self.editing.links.end(links[-1], direction in (nav.NEXT, nav.DOWN))
            walk = direction in (nav.TAB, nav.BACKTAB)  # Tab goes on from the source
            to = nav.neighbour(self.scene, end, direction) if walk else end
            if to is not None:
                self.editing.select([to])
            return
        to = nav.neighbour(self.scene, stages[-1] if stages else None, direction)
        if to is not None:
            self.editing.select([to])

    def _cancel_gestures(self) -> None:
        """Esc: drop a drag or link in progress, else clear the selection."""
        if self._drag is not None:
            self._drag.cancel()
            self._drag = None
        elif self._link is not None:
            self._link.finish(None)
            self._link = None
        else:
            self.scene.clearSelection()
            if self.scene.selection.header is not None:
                self.scene.selection.set((), self.scene.selection.stream_id)
        self._press = None
