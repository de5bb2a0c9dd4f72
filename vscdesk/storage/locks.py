"""Lock files: a document open in one vscdesk instance is not edited by a second one; no Qt.

Locks live in the per-user state directory (``<state dir>/locks/<hash of the path>.lock``),
not beside the document, so they never show up in the folders users keep under git. A lock
whose instance is gone (a crash) is stale and taken over silently.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from vscdesk.storage import platform
from vscdesk.storage.errors import LoadError
from vscdesk.storage.instances import Instance
from vscdesk.storage.reader import read_limited


def lock_dir(state_dir: Path) -> Path:
    return Path(state_dir) / "locks"


def lock_path(directory: Path, document: Path) -> Path:
    """One lock file per document, found again from any spelling of its path (and, where the
    filesystem ignores case, of its letters)."""
    key = platform.path_key(document)
    return Path(directory) / (hashlib.sha256(key.encode("utf-8")).hexdigest()[:24] + ".lock")


@dataclass(frozen=True)
class LockOwner:
    """Who holds a document open."""

    instance: Instance
    document: Path
    since: float


def read_owner(lock: Path) -> LockOwner | None:
    """The owner recorded in a lock file; None when there is no readable lock."""
    try:
        record = json.loads(read_limited(lock, lock.name, 64 * 1024).decode("utf-8"))
        return LockOwner(Instance.from_json(record.get("instance")), Path(record["document"]),
                         float(record["since"]))
    except (LoadError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


class DocumentLock:
    """The lock of one document for this instance: ``acquire`` or learn who holds it."""

    def __init__(self, directory: Path, document: Path) -> None:
        self.directory = Path(directory)
        self.document = Path(document)
        self.path = lock_path(self.directory, self.document)
        self.held = False

    def owner(self) -> LockOwner | None:
        """The live instance other than this one holding the document, if any."""
        owner = read_owner(self.path)
        if owner is None or owner.instance.is_current() or not owner.instance.is_running():
            return None
        return owner

    def acquire(self) -> LockOwner | None:
        """Take the lock (None), or return the live owner that holds it; stale locks are taken."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        for _ in range(3):  # a stale lock is removed and creation retried
            if self._create():
                self.held = True
                return None
            owner = read_owner(self.path)
            if owner is not None and owner.instance.is_current():
                self.held = True
                return None
            if owner is not None and owner.instance.is_running():
                return owner
            if owner is None and self._fresh():
                time.sleep(0.05)  # being written by another instance right now; look again
                continue
            self.path.unlink(missing_ok=True)
        owner = self.owner()
        if owner is None:
            raise OSError(f"cannot create the lock file {self.path}")
        return owner

    def release(self) -> None:
        """Drop the lock if this instance holds it (never another's)."""
        if not self.held:
            return
        self.held = False
        owner = read_owner(self.path)
        if owner is None or owner.instance.is_current():
            self.path.unlink(missing_ok=True)

    def _create(self) -> bool:
        record = {"instance": Instance.current().to_json(), "document": str(self.document),
                  "since": time.time()}
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return False
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            json.dump(record, stream)
        return True

    def _fresh(self) -> bool:
        try:
            return time.time() - self.path.stat().st_mtime < 2.0
        except OSError:
            return False
