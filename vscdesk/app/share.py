"""Share ▸ Host workshop… / Join workshop… / Copy join link / Stop workshop: several people
edit the open map live (docs/collaboration.md).

The network runs on the workshop's own thread (``workshop/session.py``); what it hears
arrives here through queued signals, so the window never waits. Edits keep their one road:
a local edit is a command pushed through the Document, and the difference it made is sent
to the shared document; others' edits come back as a whole model that the Document applies
with precise signals (``Document.apply_remote``). Undo and Redo in a workshop are personal:
they go to the shared document's undo manager, which reverts only this person's edits.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu

from vscdesk.app import dialogs, share_dialogs
from vscdesk.app.share_presence import PALETTE, ParticipantsDock, PresenceRings
from vscdesk.model import DocumentModel
from vscdesk.workshop.access import JoinLink

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow
    from vscdesk.workshop.replica import Snapshot
    from vscdesk.workshop.session import WorkshopSession


# pycrdt and the network libraries load with the first workshop, never at start-up
def snapshot(model: DocumentModel) -> Snapshot:
    from vscdesk.workshop.replica import snapshot as take

    return take(model)


def new_session(listener: _Relay) -> WorkshopSession:
    from vscdesk.workshop.session import WorkshopSession

    return WorkshopSession(listener)


class _Relay(QObject):
    """The session's listener: each call becomes a signal queued to the window's thread."""

    model = Signal(object)
    peers = Signal(object)
    status = Signal(str, bool)
    undo = Signal(bool, bool)

    def model_arrived(self, model: DocumentModel) -> None:
        self.model.emit(model)

    def peers_changed(self, peers: list[dict[str, Any]]) -> None:
        self.peers.emit(peers)

    def status_changed(self, text: str, connected: bool) -> None:
        self.status.emit(text, connected)

    def undo_changed(self, can_undo: bool, can_redo: bool) -> None:
        self.undo.emit(can_undo, can_redo)


class Workshop(QObject):
    """The window's side of at most one workshop at a time."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.session: WorkshopSession | None = None
        self.hosting = False
        self.name = share_dialogs.default_name()
        self.colour = secrets.choice(PALETTE)
        self.peers: list[dict[str, Any]] = []
        self.status = ""
        self._base: Snapshot | None = None
        self._applying = False
        self._first = False
        self.relay = _Relay(self)
        queued = Qt.ConnectionType.QueuedConnection
        self.relay.model.connect(self._on_model, queued)
        self.relay.peers.connect(self._on_peers, queued)
        self.relay.status.connect(self._on_status, queued)
        self.relay.undo.connect(self._on_undo, queued)
        self.rings = PresenceRings(window.scene)
        self.dock = ParticipantsDock(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.document.changed.connect(self._on_local_change)
        self.document.reset.connect(self._on_reset)
        window.selection.changed.connect(self._share_presence)
        window.closed.connect(self.stop)

    @property
    def active(self) -> bool:
        return self.session is not None

    # -- starting and stopping -------------------------------------------------------------

    def host(self, name: str, address: str, port: int) -> JoinLink | None:
        """Serve the open map; the join link, or None (the reason was shown)."""
        self.stop()
        self.name = name
        session = new_session(self.relay)
        try:
            link = session.host(self.document.model.model_copy(deep=True), address=address,
                                port=port)
        except OSError as error:
            dialogs.show_error(self.window, "Cannot host workshop",
                               f"Cannot listen on {address}:{port}: {error}")
            return None
        self.hosting = True
        self._begin(session, snapshot(self.document.model))
        return link

    def join(self, link: JoinLink, name: str) -> bool:
        """Take the workshop's map into this window once connected; False if declined."""
        if not self.window.maybe_discard():
            return False
        self.stop()
        self.name = name
        self.hosting = False
        self._first = True
        session = new_session(self.relay)
        self._begin(session, None)
        session.join(link)
        return True

    def _begin(self, session: WorkshopSession, base: Snapshot | None) -> None:
        self.session = session
        self._base = base
        self.document.collaborate(True)
        self._share_presence()
        self.dock.show()
        self.window.set_title_note(" (workshop)")
        self._sync_actions()

    def stop(self) -> None:
        """Stop hosting or leave; the map stays open here (a participant can Save As)."""
        session, self.session = self.session, None
        if session is None:
            return
        session.stop()
        self.document.collaborate(False)
        self.peers = []
        self.rings.show([])
        self.dock.show_peers([])
        self.dock.hide()
        self.window.set_title_note("")
        self._on_undo(False, False)
        self._sync_actions()

    # -- edits both ways -------------------------------------------------------------------

    def _on_local_change(self) -> None:
        if self.session is None or self._applying or self._base is None:
            return
        new = snapshot(self.document.model)
        self.session.edit(self._base, new)
        self._base = new

    def _on_reset(self) -> None:
        """Another map was opened in this window: it is not the workshop's."""
        if self.session is not None and not self._applying:
            self.stop()

    def _on_model(self, model: DocumentModel) -> None:
        if self.session is None:
            return
        new = snapshot(model)
        self._applying = True
        try:
            if self._first:
                self._first = False
                self.window.show_model(model, None, "Workshop map")
                self.document.collaborate(True)
                self.document.mark_unsaved()
            elif new != snapshot(self.document.model):
                self.document.apply_remote(model)
        finally:
            self._applying = False
        self._base = new

    # -- presence and status ---------------------------------------------------------------

    def _share_presence(self) -> None:
        if self.session is not None:
            self.session.set_presence({"name": self.name, "color": self.colour,
                                       "selection": list(self.window.selection.stage_ids)})

    def _on_peers(self, peers: list[dict[str, Any]]) -> None:
        self.peers = peers
        me = next((peer.get("client", 0) for peer in peers if peer.get("me")), None)
        others = [peer for peer in peers if not peer.get("me")]
        # two people with one colour: the later comer (larger id) takes a free one
        if me is not None and any(peer.get("color") == self.colour and peer.get("client", 0) < me
                                  for peer in others):
            used = {peer.get("color") for peer in others}
            self.colour = next((c for c in PALETTE if c not in used), self.colour)
            self._share_presence()
        self.rings.show(peers)
        self.dock.show_peers(peers)

    def _on_status(self, text: str, connected: bool) -> None:
        self.status = text
        self.window.statusBar().showMessage(f"Workshop: {text}", 0 if not connected else 5000)

    def _on_undo(self, can_undo: bool, can_redo: bool) -> None:
        actions = self.window.actions
        actions["workshop_undo"].setEnabled(self.active and can_undo)
        actions["workshop_redo"].setEnabled(self.active and can_redo)

    def _sync_actions(self) -> None:
        actions = self.window.actions
        for key in ("workshop_copy_link", "workshop_stop"):
            actions[key].setEnabled(self.active)
        for key in ("workshop_undo", "workshop_redo"):
            actions[key].setVisible(self.active)
        # the document's own undo has nothing to do in a workshop: its keys go to ours
        for key, mine in (("undo", "workshop_undo"), ("redo", "workshop_redo")):
            theirs = actions.get(key)
            if theirs is None:
                continue
            if self.active:
                if not actions[mine].shortcuts():
                    actions[mine].setShortcuts(theirs.shortcuts())
                    theirs.setShortcuts([])
            elif actions[mine].shortcuts():
                theirs.setShortcuts(actions[mine].shortcuts())
                actions[mine].setShortcuts([])
            theirs.setVisible(not self.active)

    def undo(self) -> None:
        """Undo this person's last edit of the workshop (never someone else's)."""
        if self.session is not None:
            self.session.undo()

    def redo(self) -> None:
        if self.session is not None:
            self.session.redo()

    def copy_link(self) -> None:
        if self.session is not None and self.session.link is not None:
            QGuiApplication.clipboard().setText(self.session.link.url())
            self.window.statusBar().showMessage("Workshop link copied", 4000)


def _action(window: MainWindow, key: str, text: str, slot: Any, tip: str) -> QAction:
    action = QAction(text, window)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.actions[key] = action
    return action


def host_workshop(window: MainWindow, workshop: Workshop) -> None:
    answer = share_dialogs.ask_host(window)
    if answer is None:
        return
    link = workshop.host(*answer)
    if link is not None:
        share_dialogs.show_link(window, link.url())


def join_workshop(window: MainWindow, workshop: Workshop) -> None:
    answer = share_dialogs.ask_join(window)
    if answer is None:
        return
    text, name = answer
    try:
        link = JoinLink.parse(text)
    except ValueError as error:
        dialogs.show_error(window, "Cannot join workshop", str(error))
        return
    workshop.join(link, name)


def install(window: MainWindow) -> Workshop:
    """The Share menu after View, the personal Undo/Redo in Edit, the participants dock."""
    workshop = Workshop(window)
    menu = QMenu("Share", window)  # every letter of it is taken: no Alt key
    window.menus["share"] = menu
    view_menu = window.menus["view"]
    following = _next_menu(window, view_menu)
    if following is None:
        window.menuBar().addMenu(menu)
    else:
        window.menuBar().insertMenu(following, menu)
    menu.addAction(_action(window, "workshop_host", "&Host workshop…",
                           lambda: host_workshop(window, workshop),
                           "Let others on this network edit this map live with you"))
    menu.addAction(_action(window, "workshop_join", "&Join workshop…",
                           lambda: join_workshop(window, workshop), "Edit a map someone hosts, live"))
    menu.addSeparator()
    menu.addAction(_action(window, "workshop_copy_link", "&Copy join link", workshop.copy_link,
                           "Copy the link others join this workshop with"))
    menu.addAction(_action(window, "workshop_stop", "&Stop workshop", workshop.stop,
                           "Stop hosting, or leave the workshop (the map stays open here)"))
    people = workshop.dock.toggleViewAction()
    people.setText("&Participants")
    window.actions["workshop_participants"] = people
    menu.addAction(people)
    edit_menu = window.menus["edit"]
    undo = _action(window, "workshop_undo", "&Undo my edit", workshop.undo,
                   "Undo your own last edit in the workshop (never someone else's)")
    redo = _action(window, "workshop_redo", "&Redo my edit", workshop.redo,
                   "Redo your own edit you undid")
    first = edit_menu.actions()[0] if edit_menu.actions() else None
    if first is None:
        edit_menu.addActions([undo, redo])
    else:
        edit_menu.insertActions(first, [undo, redo])
    workshop._on_undo(False, False)
    workshop._sync_actions()
    for action in (undo, redo):
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    return workshop


def _next_menu(window: MainWindow, menu: QMenu) -> QAction | None:
    items = window.menuBar().actions()
    at = items.index(menu.menuAction())
    return items[at + 1] if at + 1 < len(items) else None
