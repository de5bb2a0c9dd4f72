"""A file open in another running vscdesk opens read-only here; a crashed holder does not block."""

import pytest
from session_helpers import finished_window, kill, start_child

from vscdesk.app import dialogs
from vscdesk.document import SetStageFields
from vscdesk.storage import load, save


@pytest.fixture
def document(tmp_path, example_file):
    path = tmp_path / "shared.vsc.json"
    save(load(example_file), path)
    return path


@pytest.fixture
def other_instance(document):
    child, line = start_child(document, "open")
    assert line == "ready"
    yield child
    kill(child)


def test_second_instance_can_open_read_only(document, other_instance, monkeypatch, qtbot):
    asked = []
    monkeypatch.setattr(dialogs, "ask_locked",
                        lambda parent, name, owner: asked.append((name, owner)) or True)
    window = finished_window(qtbot)
    assert window.open_path(document)
    assert asked and asked[0][0] == "shared.vsc.json" and str(other_instance.pid) in asked[0][1]
    assert window.windowTitle().startswith("shared.vsc.json (read-only)")
    assert window.features.locking.badge.isVisibleTo(window)
    window.document.push(SetStageFields(window.document, "approve", name="Not allowed"))
    assert window.document.stage("approve").name == "Approve"  # the edit was refused
    assert not window.isWindowModified()
    assert not window.actions["save"].isEnabled()
    assert not window.actions["delete"].isEnabled()  # an Edit menu action
    assert window.actions["save_as"].isEnabled()


def test_declining_keeps_the_current_document(document, other_instance, monkeypatch, qtbot):
    monkeypatch.setattr(dialogs, "ask_locked", lambda *a: False)
    window = finished_window(qtbot)
    title = window.windowTitle()
    assert not window.open_path(document)
    assert window.document.path is None and window.windowTitle() == title


def test_save_as_from_read_only_gives_an_editable_copy(document, other_instance, monkeypatch,
                                                       qtbot, tmp_path):
    monkeypatch.setattr(dialogs, "ask_locked", lambda *a: True)
    window = finished_window(qtbot)
    window.open_path(document)
    copy = tmp_path / "mine.vsc.json"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: copy)
    window.actions["save_as"].trigger()
    assert not window.document.read_only and window.actions["save"].isEnabled()
    assert "(read-only)" not in window.windowTitle()
    window.document.push(SetStageFields(window.document, "approve", name="Mine now"))
    assert window.document.stage("approve").name == "Mine now"


def test_a_killed_holder_does_not_lock_the_file(document, qtbot):
    child, _line = start_child(document, "open")
    kill(child)
    window = finished_window(qtbot)
    assert window.open_path(document)  # ask_locked would fail the test
    assert not window.document.read_only


def test_opening_locks_and_closing_releases(document, qtbot):
    from vscdesk.app.settings import state_dir
    from vscdesk.storage.locks import DocumentLock, lock_dir

    window = finished_window(qtbot)
    window.show()
    window.open_path(document)
    assert window.features.locking.lock is not None and window.features.locking.lock.path.exists()
    window.close()
    assert not DocumentLock(lock_dir(state_dir()), document).path.exists()
