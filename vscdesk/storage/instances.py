"""Which vscdesk instance wrote a snapshot or holds a lock, and whether it still runs; no Qt.

A process id alone is not enough: after a crash the id can be reused by an unrelated program,
so on Linux the process start time (from ``/proc``) travels with it and must match too.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass


def process_token(pid: int) -> str | None:
    """The start time of a process in clock ticks since boot (Linux), None where unknown."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stream:
            stat = stream.read().decode("ascii", "replace")
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: split after the last ')'.
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else None


@dataclass(frozen=True)
class Instance:
    """One running (or once running) vscdesk process."""

    pid: int
    host: str
    token: str | None

    @classmethod
    def current(cls) -> Instance:
        pid = os.getpid()
        return cls(pid, socket.gethostname(), process_token(pid))

    def is_current(self) -> bool:
        return self == Instance.current()

    def is_running(self) -> bool:
        """True while the process lives; another host's processes are assumed alive."""
        if self.host != socket.gethostname():
            return True  # a shared home directory: we cannot tell, so never steal its files
        if self.pid <= 0:
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            pass  # exists, owned by someone else
        token = process_token(self.pid)
        return self.token is None or token is None or token == self.token

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
