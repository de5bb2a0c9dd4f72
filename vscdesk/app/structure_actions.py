"""Editing the document's structure from the window: streams, lanes, links and the document's
own title, in the Edit menu (Stream and Lane submenus), the canvas context menus, File ▸
Properties…, and the Lane and Link panels.

The canvas picks what a header stands for (canvas/header_edits.py); this module adds the menu
entries, asks the questions (app/dialogs.py, so tests can answer) and installs the panels.
Moves of a picked header share the Alt+arrow keys of the stage moves (edit_actions.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QWidget

from vscdesk.app import dialogs
from vscdesk.app.docks import Docks, make_dock
from vscdesk.app.panel_keys import focus_panel
from vscdesk.document import SetDocumentFields

if TYPE_CHECKING:
    from vscdesk.app.edit_actions import EditActions
    from vscdesk.app.main_window import MainWindow


class StructureActions:
    """The actions of one window (``window.features.structure``)."""

    def __init__(self, window: MainWindow, edit: EditActions,
                 panels: Docks) -> None:
        self.window = window
        self.edit = edit
        self.panels = panels  # the window's docks by key: the Lane and Link docks join them
        self.editing = self.edit.editing
        self.doc = window.document
        self.selection = window.selection
        self.editing.headers.where_lane_stages_go = self.ask_lane_stages
        self.editing.link_edit_requested.connect(self.edit_link_label)
        self.docks: Docks = {}
        self._build_actions()
        self._fill_menus()
        self._add_docks()

    # -- what the actions act on ----------------------------------------------------------------

    def current_stream(self) -> str | None:
        """The picked stream, else the stream of the selection."""
        return self.editing.current_stream() if self.doc.model.streams else None

    def current_lane(self) -> str | None:
        """The picked lane, else the lane of the last selected stage."""
        header = self.editing.headers.picked()
        if header is not None and header[0] == "lane":
            return header[1]
        stages = self.editing.selected_stages()
        return self.doc.stage(stages[-1]).lane if stages else None

    def _with_stream(self, act) -> None:
        stream = self.current_stream()
        if stream is None:
            self.edit.say("No stream to act on: add one (Ctrl+Shift+R)")
        else:
            act(stream)

    def _with_lane(self, act) -> None:
        lane = self.current_lane()
        if lane is None:
            self.edit.say("Click a lane's header (or select a stage in it) first")
        else:
            act(lane)

    # -- actions --------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        h, a = self.editing.headers, self.edit._action
        a("rename_stream", "Re&name stream",
          lambda: self._with_stream(lambda s: self.editing.rename("row", s)), None,
          "Rename the selected stream in place", canvas=False)
        a("stream_up", "Move stream &up", lambda: self._with_stream(lambda s: h.move_stream(s, -1)),
          None, "Move the stream one place up (Alt+Up while its label is picked)", canvas=False)
        a("stream_down", "Move stream do&wn",
          lambda: self._with_stream(lambda s: h.move_stream(s, 1)), None,
          "Move the stream one place down (Alt+Down while its label is picked)", canvas=False)
        a("delete_stream", "&Delete stream", lambda: self._with_stream(h.delete_stream), None,
          "Delete the stream with its stages and the links to them", canvas=False)
        a("rename_lane", "Re&name lane",
          lambda: self._with_lane(lambda lane: self.editing.rename("lane", lane)), None,
          "Rename the selected lane in place", canvas=False)
        a("lane_left", "Move lane le&ft", lambda: self._with_lane(lambda lane: h.move_lane(lane, -1)),
          None, "Move the lane one place left (Alt+Left while its header is picked)",
          canvas=False)
        a("lane_right", "Move lane &right",
          lambda: self._with_lane(lambda lane: h.move_lane(lane, 1)), None,
          "Move the lane one place right (Alt+Right while its header is picked)", canvas=False)
        a("delete_lane", "&Delete lane…", lambda: self._with_lane(h.delete_lane), None,
          "Delete the lane; asks where its stages go", canvas=False)
        a("lane_properties", "Lane &properties…", self.show_lane_panel, None,
          "Name, colour and description of the lane", canvas=False)
        a("link_properties", "Link &properties…", self.show_link_panel, None,
          "Kind, label and SLAs of the selected link", canvas=False)
        a("rename_title", "Rename t&he title", lambda: self.editing.rename("title", ""), None,
          "Edit the diagram's title in place (or double-click it)", canvas=False)
        a("document_properties", "Prop&erties…", self.edit_properties, None,
          "The document's title and the value chain's name", canvas=False)

    def _fill_menus(self) -> None:
        acts = self.window.actions
        edit = self.window.menus["edit"]
        # after Links and Move stage, before Find (installed earlier) when it is there
        entries = edit.actions()
        find = acts.get("find")
        at = entries.index(find) if find in entries else len(entries)
        before = entries[at - 1] if 0 < at <= len(entries) and entries[at - 1].isSeparator() \
            else find if find in entries else None
        stream = self.window.menus["stream"] = QMenu("Strea&m", edit)
        for key in ("rename_stream", "stream_up", "stream_down", None, "delete_stream"):
            stream.addSeparator() if key is None else stream.addAction(acts[key])
        lane = self.window.menus["lane"] = QMenu("Lan&e", edit)
        for key in ("rename_lane", "lane_properties", "lane_left", "lane_right", None,
                    "delete_lane"):
            lane.addSeparator() if key is None else lane.addAction(acts[key])
        for entry in (stream.menuAction(), lane.menuAction(), acts["rename_title"]):
            edit.insertAction(before, entry) if before is not None else edit.addAction(entry)
        links = next((menu for a in entries if isinstance(menu := a.menu(), QMenu)
                      and a.text().replace("&", "") == "Links"), None)
        if links is not None:  # Edit ▸ Links ▸ Link properties…, for the link selected
            links.addSeparator()
            links.addAction(acts["link_properties"])
        file_menu = self.window.menus["file"]
        quit_action = acts.get("quit")
        if quit_action is not None and quit_action in file_menu.actions():
            file_menu.insertAction(quit_action, acts["document_properties"])
            file_menu.insertSeparator(quit_action)
        else:
            file_menu.addAction(acts["document_properties"])

    # -- questions ------------------------------------------------------------------------------

    def ask_lane_stages(self, lane_id: str) -> tuple[bool, str | None]:
        lane = self.doc.lane(lane_id)
        count = self.editing.headers.stages_in(lane_id)
        others = [(other.id, other.name) for other in self.doc.model.chain.lanes
                  if other.id != lane_id]
        return dialogs.ask_lane_stages(self.window, lane.name, count, others)

    def edit_properties(self) -> None:
        """File ▸ Properties…: title and value chain name, one undo step."""
        model = self.doc.model
        answer = dialogs.ask_document_properties(self.window, model.title, model.chain.name)
        if answer is not None:
            title, chain = answer
            self.editing.push(lambda: SetDocumentFields(self.doc, title=title, chain_name=chain))

    # -- panels ---------------------------------------------------------------------------------

    def _add_docks(self) -> None:
        doc, sel = self.doc, self.selection

        def lane() -> QWidget:
            from vscdesk.panels.lane_panel import LanePanel
            panel = LanePanel(doc, sel)
            panel.delete_requested.connect(self.editing.headers.delete_lane)
            return panel

        def link() -> QWidget:
            from vscdesk.panels.link_panel import LinkPanel
            return LinkPanel(doc, sel)

        self.docks = {"lane": make_dock(self.window, "lane", "Lane", lane, ""),
                      "link": make_dock(self.window, "link", "Link", link, "")}
        docks = self.panels
        anchor = docks.get("activity_loop") or docks.get("stream")
        for dock in self.docks.values():
            if anchor is not None:
                self.window.tabifyDockWidget(anchor, dock)
            else:
                self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            anchor = dock
        if "stage" in docks:
            docks["stage"].raise_()
        panels = self.window.menus.get("panels")
        for key, dock in self.docks.items():
            if panels is not None:
                panels.addAction(dock.toggleViewAction())
            self.window.actions[f"panel_{key}"] = dock.toggleViewAction()
        docks.update(self.docks)

    def _show(self, key: str) -> QWidget:
        """Bring the panel forward with the focus in its first field, so the keyboard can go
        on from the menu entry (Esc returns to the canvas)."""
        dock = self.docks[key]
        focus_panel(dock)
        return dock.widget()

    def show_lane_panel(self) -> None:
        lane = self.current_lane()
        if lane is not None and self.selection.header != ("lane", lane):
            self.selection.pick("lane", lane)
        self._show("lane")

    def show_link_panel(self) -> None:
        if not self.selection.link_ids:
            self.edit.say("Click a link's line on the canvas (or press / on a stage) first")
        self._show("link")

    def edit_link_label(self, link_id: str) -> None:
        """Enter or F2 on a selected link: its label, in the Link panel, ready for typing."""
        from vscdesk.panels.link_panel import LinkPanel  # built by _show: already imported

        panel = self._show("link")
        if isinstance(panel, LinkPanel) and (link := panel.link()) is not None \
                and link.id == link_id:
            panel.label.setFocus(Qt.FocusReason.ShortcutFocusReason)
            panel.label.selectAll()


def install(window: MainWindow, edit: EditActions,
            panels: Docks) -> StructureActions:
    return StructureActions(window, edit, panels)

