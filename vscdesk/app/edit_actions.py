"""The Edit menu, the main toolbar and the canvas context menu: actions over CanvasEditing.

Canvas-only shortcuts (Del, F2, Insert, Ctrl+C/X/V/D, Alt+arrows) are bound to the view with
``WidgetWithChildrenShortcut``, so typing in a panel never deletes or moves stages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from vscdesk.app import main_toolbar
from vscdesk.app.clipboard import ClipboardError, put_stages, read_stages
from vscdesk.app.shortcuts import set_shortcuts
from vscdesk.canvas.editing import LINK_KINDS, CanvasEditing
from vscdesk.canvas.interaction import CanvasInteraction, Target
from vscdesk.canvas.pinned import PinnedHeaders
from vscdesk.canvas.transition import ViewTransition
from vscdesk.document import PasteStages, RemoveStages

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

Std = QKeySequence.StandardKey
Key = object  # a QKeySequence.StandardKey or a key string

#: the link kinds as Edit ▸ Links lists them, each with its own letter in that menu
_KIND_MNEMONICS = {"integration": "&Integration point", "handoff": "&Hand-off",
                   "rework": "Re&work"}


class EditActions:
    """Builds the edit actions of one window and the commands behind copy, cut and paste."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.editing = CanvasEditing(window.scene, window.view)
        self.interaction = CanvasInteraction(self.editing)
        self.interaction.busy = self._animating
        self.pinned = PinnedHeaders(window.scene, window.view)
        self.editing.message.connect(self.say)
        self.interaction.context_requested.connect(self._show_context_menu)
        self.actions: dict[str, QAction] = {}
        self._build()

    def _animating(self) -> bool:
        """A view switch is gliding (the transition lives in view_actions, installed later)."""
        return any(t.is_running() for t in self.window.findChildren(ViewTransition))

    def say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)

    # -- actions ------------------------------------------------------------------------------

    def _action(self, key: str, text: str, slot: Callable[[], object], shortcut: Key | None = None,
                tip: str = "", canvas: bool = True) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            set_shortcuts(action, shortcut)
        if canvas:  # only while the canvas (or its inline editor) has the focus
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.window.view.addAction(action)
        plain = text.replace("&", "").rstrip("…")
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{plain} ({keys})" if keys else plain)
        action.setStatusTip(tip or plain)
        action.triggered.connect(slot)
        self.actions[key] = action
        self.window.actions[key] = action
        return action

    def _build(self) -> None:
        e = self.editing
        a = self._action
        a("cut", "Cu&t", self.cut, Std.Cut, "Cut the selected stages to the clipboard")
        a("copy", "&Copy", self.copy, Std.Copy, "Copy the selected stages as JSON")
        a("paste", "&Paste", self.paste, Std.Paste, "Paste stages after the selected stage")
        a("duplicate", "Dupl&icate", e.duplicate, "Ctrl+D", "Duplicate the selected stages")
        a("delete", "&Delete", e.delete, Std.Delete,
          "Delete the selected stages and links, or the picked stream or lane")
        a("select_all", "Select &all", self.select_all, Std.SelectAll, "Select every stage")
        a("rename", "Re&name…", e.rename_selected, "F2",
          "Rename the selected stage, picked stream, lane or title in place (a link: its label)")
        a("add_stage", "Add sta&ge", e.add_stage, "Ins", "Add a stage after the selected one")
        a("add_stream", "Add &stream", e.add_stream, "Ctrl+Shift+R", "Add a value stream",
          canvas=False)
        a("add_lane", "Add &lane", e.add_lane, "Ctrl+Shift+L", "Add a lane to the value chain",
          canvas=False)
        a("link", "&Link selected stages", e.link_selected, "Ctrl+L",
          "Link the first selected stage to the second")
        mode = a("link_mode", "Draw lin&ks", lambda: None, None,
                 "Drag from one card to another to link them (or Shift+drag)", canvas=False)
        a("next_link", "Select &next link", lambda: e.links.step(1), "/",
          "Select the next link of the selected stage (again: the one after)")
        a("previous_link", "Select pre&vious link", lambda: e.links.step(-1), "\\",
          "Select the previous link of the selected stage")
        mode.setCheckable(True)
        mode.toggled.connect(lambda on: setattr(self.interaction, "link_mode", on))
        # Alt+arrows move a picked lane header or stream label too (canvas/header_edits.py)
        h = e.headers

        def header_or(kind: str, step: int, move: Callable[[int], None]) -> Callable[[], None]:
            """The picked header of ``kind`` moves if there is one, else the selected stages."""
            return lambda: None if h.move_picked(kind, step) else move(step)

        a("move_lane_left", "Move to lane on the &left",
          header_or("lane", -1, e.moves.to_lane), "Alt+Left",
          "Move the selected stages one lane to the left (a picked lane header: the lane)")
        a("move_lane_right", "Move to lane on the &right",
          header_or("lane", 1, e.moves.to_lane), "Alt+Right",
          "Move the selected stages one lane to the right (a picked lane header: the lane)")
        a("move_earlier", "Move &earlier in stream",
          header_or("stream", -1, e.moves.in_stream), "Alt+Up",
          "Move the selected stage one step earlier (a picked stream label: the stream up)")
        a("move_later", "Move la&ter in stream",
          header_or("stream", 1, e.moves.in_stream), "Alt+Down",
          "Move the selected stage one step later (a picked stream label: the stream down)")
        a("move_stream_up", "Move to &previous stream", lambda: e.moves.to_stream(-1),
          "Alt+PgUp", "Move the selected stage to the stream above, at the same step and lane")
        a("move_stream_down", "Move to &next stream", lambda: e.moves.to_stream(1), "Alt+PgDown",
          "Move the selected stage to the stream below, at the same step and lane")
        self.kind_group = QActionGroup(self.window)
        for kind, label in LINK_KINDS.items():
            action = a(f"link_kind_{kind}", _KIND_MNEMONICS[kind],
                       lambda k=kind: setattr(e, "new_link_kind", k),
                       None, f"New links are {label.lower()}s", canvas=False)
            action.setCheckable(True)
            action.setChecked(kind == e.new_link_kind)
            self.kind_group.addAction(action)
        self._fill_menu()
        self._fill_toolbar()

    def _fill_menu(self) -> None:
        menu = self.window.menus["edit"]
        menu.addSeparator()
        for key in ("cut", "copy", "paste", "duplicate", "delete", "select_all"):
            menu.addAction(self.actions[key])
        menu.addSeparator()
        for key in ("add_stage", "add_stream", "add_lane", "rename"):
            menu.addAction(self.actions[key])
        menu.addSeparator()
        links = menu.addMenu("Lin&ks")
        links.addAction(self.actions["link_mode"])
        links.addAction(self.actions["link"])
        links.addSeparator()
        links.addAction(self.actions["next_link"])
        links.addAction(self.actions["previous_link"])
        links.addSeparator()
        for kind in LINK_KINDS:
            links.addAction(self.actions[f"link_kind_{kind}"])
        move = self.window.menus["move"] = menu.addMenu("M&ove stage")
        for key in ("move_lane_left", "move_lane_right", "move_earlier", "move_later",
                    "move_stream_up", "move_stream_down"):
            move.addAction(self.actions[key])

    def _fill_toolbar(self) -> None:
        """The main toolbar (app/main_toolbar.py) with the actions there are so far; the
        workspace fills it again once every feature has added its actions."""
        self.toolbar = main_toolbar.make_toolbar(self.window)
        main_toolbar.fill(self.toolbar, self.window)

    # -- clipboard ----------------------------------------------------------------------------

    def copy(self) -> bool:
        stages = self.editing.selected_stages()
        if not stages:
            self.say("Select stages to copy")
            return False
        put_stages(QApplication.clipboard(), self.window.document, stages)
        self.say(f"Copied {len(stages)} stage{'s' if len(stages) != 1 else ''}")
        return True

    def cut(self) -> None:
        stages = self.editing.selected_stages()
        if self.copy():
            doc = self.window.document
            self.editing.push_all(f"Cut {len(stages)} stage{'s' if len(stages) != 1 else ''}",
                                  [lambda: RemoveStages(doc, stages)])

    def paste(self) -> None:
        """Paste after the selected stage, or at the end of the current stream."""
        try:
            stages = read_stages(QApplication.clipboard())
        except ClipboardError as err:
            self.say(str(err))
            return
        doc, e = self.window.document, self.editing
        stream = e.current_stream()
        if stream is None:
            self.say("Add a stream first: pasted stages go into a stream")
            return
        selected = e.selected_stages()
        index = doc.position(selected[-1]) + 1 if selected else None
        command = e.push(lambda: PasteStages(doc, stream, index, stages))
        if command is not None:
            e.select(command.new_ids)

    def select_all(self) -> None:
        ids = [s.id for s in self.window.document.stages()]
        self.window.selection.set(ids, self.window.selection.stream_id)

    # -- context menu -------------------------------------------------------------------------

    def context_menu(self, target: Target) -> QMenu:
        """The menu for what was right-clicked (built separately so it can be tested)."""
        menu = QMenu(self.window)
        act, e = self.actions, self.editing
        if target.kind == "stage":
            keys = ["rename", "add_stage", "duplicate", None, "cut", "copy", "paste", None,
                    "link", "delete"]
        elif target.kind == "link":
            for kind, label in LINK_KINDS.items():
                item = menu.addAction(label, lambda k=kind: e.set_link_kind(target.ident, k))
                item.setCheckable(True)
                item.setChecked(self.window.document.link(target.ident).kind == kind)
            keys = [None, "link_properties", "delete"]
        elif target.kind == "lane":
            menu.addAction("Rename lane", lambda: e.rename("lane", target.ident))
            if target.ident:  # the "No activity" column is no lane of the chain
                from vscdesk.app.lane_group_menu import add_lane_group_menu

                add_lane_group_menu(menu, self.window, self.editing, target.ident)
            keys = ["lane_properties", "lane_left", "lane_right", None, "add_lane", None,
                    "delete_lane"]
        elif target.kind == "row":
            menu.addAction("Rename stream", lambda: e.rename("row", target.ident))
            keys = ["stream_up", "stream_down", None, "add_stage", "add_stream", "paste", None,
                    "delete_stream"]
        elif target.kind == "title":
            menu.addAction("Rename title", lambda: e.rename("title", ""))
            menu.addAction("Rename value chain", lambda: e.rename("chain", ""))
            keys = ["document_properties"]
        else:
            keys = ["add_stage", "add_stream", "add_lane", None, "paste"]
        for key in keys:
            if key is None:
                menu.addSeparator()
            elif key in act:  # some come from features installed later (structure_actions)
                menu.addAction(act[key])
        return menu

    def _show_context_menu(self, target: Target, where: QPoint) -> None:
        menu = self.context_menu(target)
        menu.exec(where)
        menu.deleteLater()


def install(window: MainWindow) -> EditActions:
    """Add editing to a main window: Edit menu entries, the edit toolbar, canvas gestures."""
    edit = EditActions(window)
    return edit
