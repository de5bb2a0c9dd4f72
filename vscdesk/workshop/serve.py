"""The headless host behind ``vscdesk serve FILE``: the file's map shared until Ctrl+C,
saved atomically a few seconds after the last change and once more at the end."""

from __future__ import annotations

import asyncio
import logging
import signal
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vscdesk.storage import SaveError, save
from vscdesk.workshop.access import JoinLink
from vscdesk.workshop.host import WorkshopHost
from vscdesk.workshop.replica import Replica

#: seconds without changes before the file is saved
SAVE_DELAY = 3.0

log = logging.getLogger("vscdesk.workshop")


def link_host(address: str) -> str:
    """The name to put in the join link: a wildcard address says nothing to others."""
    if address in ("0.0.0.0", "::", ""):
        return socket.gethostname()
    return address


class FileSaver:
    """Saves the shared map to ``path`` once changes have rested ``delay`` seconds."""

    def __init__(self, replica: Replica, path: Path, delay: float = SAVE_DELAY) -> None:
        self.replica = replica
        self.path = path
        self.delay = delay
        self.saves = 0
        self._timer: asyncio.TimerHandle | None = None
        self._dirty = False
        self._subscription = replica.doc.observe(self._changed)

    def _changed(self, _event: Any) -> None:
        self._dirty = True
        if self._timer is not None:
            self._timer.cancel()
        self._timer = asyncio.get_running_loop().call_later(self.delay, self.save)

    def save(self) -> None:
        """Write the map now if it changed since the last save (atomic; a failure is logged
        and retried on the next change or at exit, never the end of the workshop)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if not self._dirty:
            return
        self._dirty = False
        try:
            save(self.replica.read(), self.path)
        except SaveError as error:
            self._dirty = True
            log.error("could not save %s: %s", self.path, error)
            return
        self.saves += 1
        log.info("saved %s", self.path)

    def close(self) -> None:
        self.save()
        self.replica.doc.unobserve(self._subscription)


async def serve_file(path: Path, host: WorkshopHost, started: Callable[[JoinLink], None],
                     delay: float = SAVE_DELAY) -> None:
    """Host until cancelled or SIGINT/SIGTERM; the last save happens on the way out."""
    saver = FileSaver(host.replica, path, delay)
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    handled = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(signum, task.cancel)  # type: ignore[union-attr]
            handled.append(signum)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # Windows' loop has no signal handlers: Ctrl+C raises KeyboardInterrupt

    def ready(port: int) -> None:
        started(JoinLink(link_host(host.address), port, host.token, host.room_name,
                         host.tls is not None))

    try:
        await host.run(ready)
    except asyncio.CancelledError:
        pass
    finally:
        for signum in handled:
            loop.remove_signal_handler(signum)
        saver.close()
