"""Autosave snapshots: the unsaved state of open documents, kept apart from the user's files; no Qt.

Each open, modified document has one snapshot file in ``<state dir>/autosave/``, replaced
atomically on every autosave and removed when the document is saved, discarded or closed.
A snapshot is one JSON object (the *journal format*)::

    {"format": "vscdesk-autosave", "version": 1,
     "instance": {"pid": 4242, "host": "laptop", "token": "817263"},
     "name": "IT services", "saved_at": 1767225600.0,
     "original": "/home/ann/maps/it.vsc.json" | null,
     "original_sha256": "<hex of the file as it was opened or last saved>" | null,
     "document": "<the document, as the text storage.dumps writes>"}

Snapshots whose instance no longer runs were left by a crash: ``stale_snapshots`` lists them
for recovery. The embedded document is loaded with the same distrust as any file.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vscdesk.model import DocumentModel
from vscdesk.storage.atomic import replace_file
from vscdesk.storage.codec import loads
from vscdesk.storage.errors import LoadError
from vscdesk.storage.instances import Instance
from vscdesk.storage.reader import open_regular, read_limited

FORMAT = "vscdesk-autosave"
VERSION = 1
SUFFIX = ".autosave.json"
#: snapshots larger than this are not ours (a document is capped well below it)
MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024


class JournalError(Exception):
    """A snapshot file that cannot be read back (damaged, foreign or from a newer version)."""


def file_sha256(path: Path | None) -> str | None:
    """The hash of a file's bytes; None when there is no such readable file."""
    if path is None:
        return None
    digest = hashlib.sha256()
    try:
        # Regular files only: the document replaced by a FIFO or a device must not hang.
        with open_regular(path, path.name, max_bytes=sys.maxsize) as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
    except LoadError:
        return None
    return digest.hexdigest()


def autosave_dir(state_dir: Path) -> Path:
    return Path(state_dir) / "autosave"


@dataclass(frozen=True)
class Snapshot:
    """One snapshot file and what it records."""

    file: Path
    instance: Instance
    name: str
    saved_at: float
    original: Path | None
    original_sha256: str | None
    document: str

    def load(self) -> DocumentModel:
        """The recorded document; raises storage.LoadError if it does not validate."""
        return loads(self.document, source=str(self.file))

    def original_changed(self) -> bool:
        """Whether the original file now differs from the one the edits started from."""
        if self.original is None:
            return False
        return file_sha256(self.original) != self.original_sha256

    def remove(self) -> None:
        self.file.unlink(missing_ok=True)


def snapshot_path(directory: Path, key: str, instance: Instance | None = None) -> Path:
    """Where one document of one instance keeps its snapshot (only the pid is needed: asking
    for the whole current instance would load psutil before the window's first paint)."""
    pid = instance.pid if instance is not None else os.getpid()
    return Path(directory) / f"{pid}-{key}{SUFFIX}"


def write_snapshot(directory: Path, key: str, document_text: str, *, name: str,
                   original: Path | None, original_sha256: str | None) -> Path:
    """Replace this instance's snapshot ``key`` atomically (the one writer every output uses,
    private to the user); raises OSError for the folder, or ``OutputError``."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    instance = Instance.current()
    target = snapshot_path(directory, key, instance)
    record = {
        "format": FORMAT, "version": VERSION, "instance": instance.to_json(), "name": name,
        "saved_at": time.time(), "original": str(original) if original is not None else None,
        "original_sha256": original_sha256, "document": document_text,
    }
    data = json.dumps(record, ensure_ascii=False).encode("utf-8")
    replace_file(target, data, new_mode=0o600)
    return target


def read_snapshot(file: Path) -> Snapshot:
    """The snapshot recorded in ``file``; raises JournalError when it is not one."""
    try:
        data = read_limited(file, file.name, MAX_SNAPSHOT_BYTES, lambda _size: "too large to be "
                            "a snapshot", "snapshot")
    except LoadError as exc:
        raise JournalError(str(exc)) from None
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise JournalError(f"{file.name}: unreadable ({exc})") from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise JournalError(f"{file.name}: not a vscdesk autosave snapshot")
    if record.get("version") != VERSION:
        raise JournalError(f"{file.name}: snapshot version {record.get('version')!r} is unknown")
    try:
        return _snapshot(file, record)
    except (TypeError, ValueError) as exc:
        raise JournalError(f"{file.name}: {exc}") from None


def _snapshot(file: Path, record: dict[str, Any]) -> Snapshot:
    name, saved_at = record.get("name"), record.get("saved_at")
    original, digest, document = (record.get("original"), record.get("original_sha256"),
                                  record.get("document"))
    if not isinstance(name, str) or not isinstance(document, str):
        raise ValueError("name and document must be text")
    if not isinstance(saved_at, (int, float)) or isinstance(saved_at, bool):
        raise ValueError("saved_at must be a number")
    if original is not None and not isinstance(original, str):
        raise ValueError("original must be a path or null")
    if digest is not None and not isinstance(digest, str):
        raise ValueError("original_sha256 must be text or null")
    return Snapshot(file, Instance.from_json(record.get("instance")), name, float(saved_at),
                    Path(original) if original else None, digest, document)


def list_snapshots(directory: Path) -> list[Snapshot]:
    """Every readable snapshot in ``directory``, newest first; damaged files are skipped."""
    snapshots = []
    for file in sorted(Path(directory).glob(f"*{SUFFIX}")):
        try:
            snapshots.append(read_snapshot(file))
        except JournalError:
            continue
    return sorted(snapshots, key=lambda snap: snap.saved_at, reverse=True)


def stale_snapshots(directory: Path) -> list[Snapshot]:
    """Snapshots of instances that are no longer running: work a crash left behind."""
    _sweep_temps(Path(directory))
    return [snap for snap in list_snapshots(directory) if not snap.instance.is_running()]


def _sweep_temps(directory: Path) -> None:
    """Remove half-written snapshots of processes that are gone (killed mid-write): named
    ``.PID-KEY.autosave.json.<random>.tmp`` (or, by older versions, without the random part)."""
    for temp in [*directory.glob(f".*{SUFFIX}.tmp"), *directory.glob(f".*{SUFFIX}.*.tmp")]:
        pid = temp.name[1:].split("-", 1)[0]
        if pid.isdigit() and not Instance(int(pid), Instance.current().host, None).is_running():
            temp.unlink(missing_ok=True)
