"""Autosave: a snapshot of unsaved edits appears after a quiet moment, never over the user's file."""

import pytest
from session_helpers import finished_window

from vscdesk.app.settings import state_dir
from vscdesk.document import SetStageFields
from vscdesk.storage import load, save
from vscdesk.storage.journal import file_sha256, list_snapshots, read_snapshot


@pytest.fixture
def opened(qtbot, tmp_path, example_file):
    """A window on a saved copy of the example, its autosave quick and still driven by the timer."""
    path = tmp_path / "it.vsc.json"
    save(load(example_file), path)
    window = finished_window(qtbot)
    assert window.open_path(path)
    window.features.autosave.timer.setInterval(10)
    return window, path


def edit(window, name):
    window.document.push(SetStageFields(window.document, "approve", name=name))


def test_a_snapshot_follows_the_last_edit_and_records_the_original(opened, qtbot):
    window, path = opened
    before = path.read_bytes()
    edit(window, "First")
    assert window.features.autosave.timer.isActive() and not window.features.autosave.path.exists()
    edit(window, "Second")  # restarts the wait: one snapshot after the last change
    with qtbot.waitSignal(window.features.autosave.written, timeout=5000) as written:
        pass
    snapshot = read_snapshot(written.args[0])
    assert snapshot.file.parent == state_dir() / "autosave"
    assert snapshot.original == path and snapshot.original_sha256 == file_sha256(path)
    assert snapshot.load().streams[1].stages[1].name == "Second"
    assert path.read_bytes() == before  # the user's file is never written by autosave


def test_saving_removes_the_snapshot(opened, qtbot):
    window, path = opened
    edit(window, "Saved")
    with qtbot.waitSignal(window.features.autosave.written, timeout=5000):
        pass
    assert window.features.autosave.path.exists()
    window.actions["save"].trigger()
    assert not window.features.autosave.path.exists() and list_snapshots(state_dir() / "autosave") == []
    assert load(path).streams[1].stages[1].name == "Saved"


def test_undo_back_to_the_saved_state_removes_the_snapshot(opened, qtbot):
    window, _ = opened
    edit(window, "Undone")
    with qtbot.waitSignal(window.features.autosave.written, timeout=5000):
        pass
    window.actions["undo"].trigger()
    assert not window.document.is_modified() and not window.features.autosave.path.exists()


def test_closing_and_discarding_leaves_no_snapshot(opened, qtbot):
    window, _ = opened
    window.show()
    edit(window, "Thrown away")
    window.features.autosave.write_now()
    assert window.features.autosave.path.exists()
    assert window.close()  # tests/app/conftest.py answers Discard
    assert not window.features.autosave.path.exists()


def test_a_clean_document_writes_nothing(opened):
    window, _ = opened
    assert window.features.autosave.write_now() is None and not window.features.autosave.path.exists()


def test_an_unwritable_state_dir_is_reported_once_not_raised(opened, monkeypatch, tmp_path):
    window, _ = opened
    blocker = tmp_path / "not a folder"
    blocker.write_text("")
    window.features.autosave.directory = blocker / "autosave"
    edit(window, "Nowhere to go")
    assert window.features.autosave.write_now() is None
    assert "Autosave failed" in window.statusBar().currentMessage()


def test_a_full_disk_keeps_the_last_snapshot_and_says_why_once(opened, monkeypatch):
    import errno
    import os

    window, _ = opened
    edit(window, "First")
    path = window.features.autosave.write_now()
    before = path.read_bytes()
    edit(window, "Second")
    real_write = os.write

    def half_then_full(fd, data):
        if len(data) > 64:
            return real_write(fd, bytes(memoryview(data)[:64]))
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", half_then_full)
        assert window.features.autosave.write_now() is None
    assert window.statusBar().currentMessage() == "Autosave failed: the disk is full"
    assert path.read_bytes() == before and os.listdir(path.parent) == [path.name]
    assert window.features.autosave.write_now() == path and "Second" in read_snapshot(path).document
