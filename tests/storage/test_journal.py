"""Autosave snapshots: written beside nothing the user owns, read back, stale ones found by pid."""

import json
import os
import subprocess
import sys

import pytest

from vscdesk.storage import LoadError, dumps, load, save
from vscdesk.storage.instances import Instance
from vscdesk.storage.journal import (
    JournalError,
    file_sha256,
    list_snapshots,
    read_snapshot,
    snapshot_path,
    stale_snapshots,
    write_snapshot,
)


def dead_pid() -> int:
    """The id of a process that has just exited (not reused within a test)."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    return int(child.stdout)


def as_dead_instance(file, pid):
    record = json.loads(file.read_text())
    record["instance"]["pid"] = pid
    moved = file.with_name(f"{pid}-{file.name.split('-', 1)[1]}")
    moved.write_text(json.dumps(record))
    file.unlink()
    return moved


def test_snapshot_records_original_path_hash_and_document(tmp_path, doc):
    original = tmp_path / "maps" / "it.vsc.json"
    original.parent.mkdir()
    save(doc, original)
    edited = doc.model_copy(update={"title": "Edited title"})
    state = tmp_path / "state"
    file = write_snapshot(state, "w1", dumps(edited), name="it.vsc.json", original=original,
                          original_sha256=file_sha256(original))
    assert file.parent == state
    snap = read_snapshot(file)
    assert snap.original == original and snap.name == "it.vsc.json"
    assert snap.original_sha256 == file_sha256(original)
    assert snap.load().title == "Edited title"
    assert snap.instance.is_current()
    assert load(original).title == doc.title  # the user's file is never written
    assert not snap.original_changed()
    original.write_text(original.read_text().replace(doc.title, "Changed elsewhere"))
    assert snap.original_changed()


def test_rewriting_replaces_the_one_snapshot_and_leaves_no_temp(tmp_path, doc):
    for title in ("one", "two", "three"):
        write_snapshot(tmp_path, "w1", dumps(doc.model_copy(update={"title": title})),
                       name="x", original=None, original_sha256=None)
    assert sorted(p.name for p in tmp_path.iterdir()) == [snapshot_path(tmp_path, "w1").name]
    assert read_snapshot(snapshot_path(tmp_path, "w1")).load().title == "three"
    assert oct(snapshot_path(tmp_path, "w1").stat().st_mode & 0o777) == "0o600"


def test_only_snapshots_of_instances_no_longer_running_are_stale(tmp_path, doc):
    mine = write_snapshot(tmp_path, "w1", dumps(doc), name="mine", original=None,
                          original_sha256=None)
    crashed = as_dead_instance(write_snapshot(tmp_path, "w2", dumps(doc), name="crashed",
                                              original=None, original_sha256=None), dead_pid())
    assert {s.name for s in list_snapshots(tmp_path)} == {"mine", "crashed"}
    assert [s.file for s in stale_snapshots(tmp_path)] == [crashed]
    assert mine.exists()


def test_a_reused_pid_does_not_make_a_dead_instance_alive(tmp_path, doc):
    file = write_snapshot(tmp_path, "w1", dumps(doc), name="x", original=None,
                          original_sha256=None)
    record = json.loads(file.read_text())
    if record["instance"]["token"] is None:
        pytest.skip("process start times are only known on Linux")
    record["instance"]["token"] = "1"  # same pid, different start time: another process
    file.write_text(json.dumps(record))
    assert [s.file for s in stale_snapshots(tmp_path)] == [file]


def test_another_hosts_snapshots_are_never_taken(tmp_path, doc):
    file = write_snapshot(tmp_path, "w1", dumps(doc), name="x", original=None,
                          original_sha256=None)
    record = json.loads(file.read_text())
    record["instance"].update(host="some-other-host", pid=dead_pid())
    file.write_text(json.dumps(record))
    assert stale_snapshots(tmp_path) == []


@pytest.mark.parametrize("content", [
    "", "{", "[]", '{"format": "vscdesk"}', '{"format": "vscdesk-autosave", "version": 99}',
    '{"format": "vscdesk-autosave", "version": 1, "instance": {"pid": "x"}}',
    '{"format": "vscdesk-autosave", "version": 1, "instance": {"pid": 1, "host": "h"},'
    ' "name": 3, "saved_at": 1, "document": ""}',
])
def test_damaged_snapshots_are_refused_and_skipped(tmp_path, content):
    bad = tmp_path / f"{dead_pid()}-w1.autosave.json"
    bad.write_text(content)
    with pytest.raises(JournalError):
        read_snapshot(bad)
    assert stale_snapshots(tmp_path) == []


def test_a_snapshot_holding_an_invalid_document_fails_to_load_with_a_load_error(tmp_path):
    file = write_snapshot(tmp_path, "w1", '{"format": "vscdesk", "schema_version": 1, "streams": 5}',
                          name="x", original=None, original_sha256=None)
    with pytest.raises(LoadError):
        read_snapshot(file).load()


def test_half_written_snapshots_of_dead_instances_are_swept(tmp_path):
    left = tmp_path / f".{dead_pid()}-w1.autosave.json.tmp"
    left.write_text('{"format": "vscdes')
    own = tmp_path / f".{os.getpid()}-w1.autosave.json.tmp"
    own.write_text("being written")
    stale_snapshots(tmp_path)
    assert not left.exists() and own.exists()


def test_file_hash_is_none_for_a_missing_file(tmp_path):
    assert file_sha256(tmp_path / "missing") is None
    (tmp_path / "a").write_bytes(b"abc")
    assert file_sha256(tmp_path / "a") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")


def test_current_instance_is_running():
    assert Instance.current().is_running()
    assert not Instance(dead_pid(), Instance.current().host, None).is_running()


def test_journal_and_locks_import_no_qt():
    code = ("import sys, vscdesk.storage.journal, vscdesk.storage.locks; "
            "print([m for m in sys.modules if m.startswith('PySide6')])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
