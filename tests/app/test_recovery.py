"""Crash recovery: a real vscdesk process killed with unsaved edits; the next start gets them back."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from session_helpers import finished_window, kill, start_child

from vscdesk.app import dialogs
from vscdesk.app.application import start_window
from vscdesk.app.recovery import RecoveryDialog, recovered_name
from vscdesk.app.settings import state_dir
from vscdesk.storage import load, save
from vscdesk.storage.journal import autosave_dir, list_snapshots, stale_snapshots


@pytest.fixture
def document(tmp_path, example_file):
    path = tmp_path / "it services.vsc.json"
    save(load(example_file), path)
    return path


@pytest.fixture
def crashed(document):
    """A child vscdesk edits the document, autosaves, and is killed before saving."""
    child, line = start_child(document, "edit")
    kill(child)
    assert line.startswith("snapshot"), line
    return document


def answer(monkeypatch, *choices):
    """Answer the recovery question with each choice in turn; returns what was offered."""
    offered, queue = [], list(choices)

    def ask(parent, snapshots):
        offered.append(list(snapshots))
        return queue.pop(0), snapshots[0]

    monkeypatch.setattr(dialogs, "ask_recovery", ask)
    return offered


def test_a_start_after_a_crash_offers_and_restores_the_edits(crashed, monkeypatch, qtbot):
    offered = answer(monkeypatch, "recover")
    window = start_window(None)
    qtbot.addWidget(window)
    assert len(offered) == 1 and offered[0][0].original == crashed
    assert window.document.stage("approve").name == "Approve in child"
    assert window.windowTitle() == "it services (recovered)[*] — vscdesk"
    assert window.isWindowModified() and window.document.path is None
    assert load(crashed).streams[1].stages[1].name == "Approve"  # the file was never touched
    # the work is now in this instance's snapshot, not the dead one's
    assert stale_snapshots(autosave_dir(state_dir())) == []
    assert window.features.autosave.path.exists()
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, start: asked.append(start))
    window.actions["save"].trigger()  # Save asks where (a folder, never the working one)
    assert [Path(start).name for start in asked] == ["it services.vsc.json"]
    assert Path(asked[0]).is_absolute()


def test_decide_later_keeps_the_snapshot_for_the_next_start(crashed, monkeypatch, qtbot):
    offered = answer(monkeypatch, "later", "discard")
    first = start_window(None)
    qtbot.addWidget(first)
    assert first.document.path is None and "recovered" not in first.windowTitle()
    second = start_window(None)
    qtbot.addWidget(second)
    assert len(offered) == 2  # offered again, then discarded
    assert list_snapshots(autosave_dir(state_dir())) == []
    third = start_window(None)  # nothing left to offer: ask_recovery would fail the test
    qtbot.addWidget(third)


def test_snapshots_of_a_running_instance_are_not_offered(document, qtbot):
    child, line = start_child(document, "edit")
    try:
        assert line.startswith("snapshot")
        window = start_window(None)  # ask_recovery raises if called
        qtbot.addWidget(window)
        assert len(list_snapshots(autosave_dir(state_dir()))) == 1
    finally:
        kill(child)


def test_the_recovery_dialog_lists_each_snapshot_and_says_what_changed(crashed, qtbot):
    crashed.write_text(crashed.read_text().replace("IT services", "Changed meanwhile"))
    dialog = RecoveryDialog(stale_snapshots(autosave_dir(state_dir())))
    qtbot.addWidget(dialog)
    row = dialog.list.itemWidget(dialog.list.item(0))
    assert str(crashed) in row.accessibleName() and "changed since" in row.accessibleName()
    qtbot.mouseClick(dialog.buttons["discard"], Qt.MouseButton.LeftButton)
    assert dialog.choice == "discard" and dialog.selected().original == crashed


def test_recovered_names():
    class Snap:
        def __init__(self, name):
            self.name = name

    assert recovered_name(Snap("map.vsc.json")) == "map (recovered)"
    assert recovered_name(Snap("IT services (example)")) == "IT services (recovered)"
    assert recovered_name(Snap("")) == "Untitled (recovered)"


def test_a_never_saved_document_records_no_original(qtbot):
    window = finished_window(qtbot)
    window.document.undo_stack.resetClean()
    assert window.features.autosave.write_now() is not None
    snapshot = list_snapshots(autosave_dir(state_dir()))[0]
    assert snapshot.original is None and snapshot.name == "Untitled"
