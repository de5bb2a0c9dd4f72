"""Which vscdesk instance wrote a snapshot or holds a lock, and whether it still runs; no Qt.

A process id alone is not enough: after a crash the id can be reused by an unrelated program,
so the process start time travels with it and must match too. Both questions go through
``storage.platform`` (psutil), never ``os.kill``: on Windows that would end the other window.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass

from vscdesk.storage import platform


def process_token(pid: int) -> str | None:
    """The start time of a process as recorded text (seconds since the epoch), None if unknown."""
    start = platform.process_start(pid)
    return None if start is None else f"{start:.3f}"


_OWN_TOKEN: dict[int, str | None] = {}


def _same_process(recorded: str, now: str) -> bool:
    try:
        return platform.same_start(float(recorded), float(now))
    except ValueError:
        return False  # not a start time we wrote: another process's record


@dataclass(frozen=True)
class Instance:
    """One running (or once running) vscdesk process."""

    pid: int
    host: str
    token: str | None

    @classmethod
    def current(cls) -> Instance:
        pid = os.getpid()
        if pid not in _OWN_TOKEN:  # read once: a clock correction must not make us a stranger
            _OWN_TOKEN.clear()  # a forked child is another process
            _OWN_TOKEN[pid] = process_token(pid)
        return cls(pid, socket.gethostname(), _OWN_TOKEN[pid])

    def is_current(self) -> bool:
        me = Instance.current()
        if (self.pid, self.host) != (me.pid, me.host):
            return False
        return self.token == me.token or (self.token is not None and me.token is not None
                                          and _same_process(self.token, me.token))

    def is_running(self) -> bool:
        """True while the process lives; another host's processes are assumed alive."""
        if self.host != socket.gethostname():
            return True  # a shared home directory: we cannot tell, so never steal its files
        if self.pid <= 0:
            return False
        if not platform.process_alive(self.pid):
            return False
        token = process_token(self.pid)
        return self.token is None or token is None or _same_process(self.token, token)

    def to_json(self) -> dict[str, object]:
        return {"pid": self.pid, "host": self.host, "token": self.token}

    @classmethod
    def from_json(cls, data: object) -> Instance:
        """Raises ValueError for anything that is not an instance record."""
        if not isinstance(data, dict):
            raise ValueError("instance record is not an object")
        pid, host, token = data.get("pid"), data.get("host"), data.get("token")
        if not isinstance(pid, int) or isinstance(pid, bool) or not isinstance(host, str):
            raise ValueError("instance record needs an integer pid and a host")
        if token is not None and not isinstance(token, str):
            raise ValueError("instance token must be text")
        return cls(pid, host, token)
