"""One workshop from a window's side, on a thread of its own with its own asyncio loop.

The window must never wait for the network, and pycrdt objects must stay on the thread
that made them, so the shared document, the host or the connection, the personal undo
manager and the presence states all live on this thread. The window talks to it with
``edit``, ``undo``, ``redo``, ``set_presence`` and ``stop`` (safe from any thread), and
hears back through a ``Listener`` whose methods are called on this thread (the Qt side
turns them into queued signals).
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import threading
from collections.abc import Callable
from typing import Any, Protocol

from pycrdt import Awareness, UndoManager
from websockets.exceptions import InvalidStatus, WebSocketException

from vscdesk.model import DocumentModel
from vscdesk.workshop.access import JoinLink, new_token
from vscdesk.workshop.host import WorkshopHost
from vscdesk.workshop.peer import connect
from vscdesk.workshop.replica import LOCAL, Replica, Snapshot
from vscdesk.workshop.serve import link_host

log = logging.getLogger("vscdesk.workshop")

#: edits closer together than this are one step of personal undo
UNDO_GROUPING_MS = 500
#: seconds between attempts to reach the host again after the connection dropped
RETRY_SECONDS = (0.5, 1.0, 2.0, 4.0)


class Listener(Protocol):
    """What a session tells its window (called on the session's thread)."""

    def model_arrived(self, model: DocumentModel) -> None: ...
    def peers_changed(self, peers: list[dict[str, Any]]) -> None: ...
    def status_changed(self, text: str, connected: bool) -> None: ...
    def undo_changed(self, can_undo: bool, can_redo: bool) -> None: ...


class WorkshopSession:
    """Host or join one workshop; ``link`` is known once hosting has started."""

    def __init__(self, listener: Listener) -> None:
        self.listener = listener
        self.link: JoinLink | None = None
        self.replica = Replica()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._undo: UndoManager | None = None
        self._awareness: Awareness | None = None
        self._presence: dict[str, Any] = {}
        self._projecting = False
        self.error: str | None = None

    # -- starting and stopping (window thread) ---------------------------------------------

    def host(self, model: DocumentModel, *, address: str, port: int,
             tls: ssl.SSLContext | None = None, timeout: float = 10.0) -> JoinLink:
        """Serve ``model``; returns the join link, or raises OSError (cannot listen)."""
        self._start(lambda: self._hosting(model, address, port, tls))
        if not self._ready.wait(timeout) or self.link is None:
            self.stop()
            raise OSError(self.error or f"could not listen on {address}:{port}")
        return self.link

    def join(self, link: JoinLink, cafile: str | None = None) -> None:
        """Connect to ``link`` (in the background; the listener hears how it goes)."""
        self.link = link
        self._start(lambda: self._joining(link, cafile))

    def _start(self, main: Callable[[], Any]) -> None:
        def run() -> None:
            async def body() -> None:
                self._loop = asyncio.get_running_loop()
                self._task = asyncio.current_task()
                try:
                    await main()
                except asyncio.CancelledError:
                    pass
                except OSError as error:
                    self.error = error.strerror or str(error)
                finally:
                    self._ready.set()

            asyncio.run(body())

        self._thread = threading.Thread(target=run, name="workshop", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """End the workshop: stop listening or disconnect; returns once the thread ended."""
        loop, task = self._loop, self._task
        if loop is not None and task is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(task.cancel)
            except RuntimeError:
                pass  # the loop ended on its own
        if self._thread is not None:
            self._thread.join(timeout)

    # -- requests from the window (any thread) ---------------------------------------------

    def _call(self, function: Callable[[], None]) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(function)
            except RuntimeError:
                pass  # ended meanwhile

    def edit(self, base: Snapshot, new: Snapshot) -> None:
        """Share a local edit: what changed from ``base`` to ``new``."""
        self._call(lambda: self._apply(base, new))

    def undo(self) -> None:
        self._call(lambda: self._step(undo=True))

    def redo(self) -> None:
        self._call(lambda: self._step(undo=False))

    def set_presence(self, state: dict[str, Any]) -> None:
        """This participant's name, colour and selection, as others see them."""
        self._presence = dict(state)
        self._call(self._share_presence)

    # -- on the session's thread -----------------------------------------------------------

    def _apply(self, base: Snapshot, new: Snapshot) -> None:
        self.replica.apply(base, new, LOCAL)

    def _step(self, undo: bool) -> None:
        if self._undo is not None:
            self._undo.undo() if undo else self._undo.redo()

    def _share_presence(self) -> None:
        if self._awareness is not None:
            self._awareness.set_local_state(self._presence)

    def _watch(self, awareness: Awareness) -> None:
        """Follow the shared document and the presence states once the map is in place."""
        self._undo = UndoManager(scopes=list(self.replica.roots.values()),
                                 capture_timeout_millis=UNDO_GROUPING_MS)
        self._undo.include_origin(LOCAL)
        self.replica.doc.observe(lambda _event: self._changed())
        self._awareness = awareness
        awareness.observe(lambda topic, _changes: self._peers() if topic == "change" else None)
        self._share_presence()
        self._peers()

    def _changed(self) -> None:
        """Project once per burst of transactions (several can arrive in one read)."""
        if not self._projecting and self._loop is not None:
            self._projecting = True
            self._loop.call_soon(self._project)

    def _project(self) -> None:
        self._projecting = False
        self.listener.model_arrived(self.replica.read())
        if self._undo is not None:
            self.listener.undo_changed(self._undo.can_undo(), self._undo.can_redo())

    def _peers(self) -> None:
        awareness = self._awareness
        if awareness is None:
            return
        peers = [{**state, "client": client, "me": client == awareness.client_id}
                 for client, state in sorted(awareness.states.items()) if state]
        self.listener.peers_changed(peers)

    async def _hosting(self, model: DocumentModel, address: str, port: int,
                       tls: ssl.SSLContext | None) -> None:
        self.replica.fill(model)
        self.replica.read()
        host = WorkshopHost(self.replica, token=new_token(), address=address, port=port, tls=tls)

        def started(bound: int) -> None:
            assert host.room is not None
            self.link = JoinLink(link_host(address), bound, host.token, host.room_name,
                                 tls is not None)
            self._watch(host.room.awareness)
            self.listener.status_changed("hosting", True)
            self._ready.set()

        await host.run(started)

    async def _joining(self, link: JoinLink, cafile: str | None) -> None:
        awareness = Awareness(self.replica.doc)
        timeouts = asyncio.create_task(awareness.start())  # drops peers that went silent
        watching = False
        attempt = 0
        try:
            while True:
                try:
                    async with connect(link, self.replica, awareness, cafile) as connection:
                        attempt = 0
                        if not watching:
                            self._watch(awareness)
                            watching = True
                        self._project()
                        self.listener.status_changed("connected", True)
                        await connection.wait_closed()
                    self.listener.status_changed("disconnected; reconnecting", False)
                except InvalidStatus as error:  # a wrong token stays wrong: no retry
                    self.error = f"the host refused to let you in ({error.response.status_code})"
                    self.listener.status_changed(self.error, False)
                    return
                except (TimeoutError, OSError, WebSocketException) as error:
                    self.listener.status_changed(f"cannot reach the host ({error}); retrying",
                                                 False)
                await asyncio.sleep(RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)])
                attempt += 1
        finally:
            timeouts.cancel()
