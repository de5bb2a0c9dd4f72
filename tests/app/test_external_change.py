"""A file changed by another program since it was opened is never silently overwritten."""

import pytest
from session_helpers import finished_window

from vscdesk.app import dialogs
from vscdesk.document import SetStageFields
from vscdesk.storage import load, save


@pytest.fixture
def setup(tmp_path, example_file, qtbot):
    path = tmp_path / "map.vsc.json"
    save(load(example_file), path)
    window = finished_window(qtbot)
    window.open_path(path)
    window.document.push(SetStageFields(window.document, "approve", name="Mine"))
    return window, path


def change_on_disk(path, title):
    path.write_text(path.read_text(encoding="utf-8").replace('"IT services"', f'"{title}"', 1),
                    encoding="utf-8")


def answer(monkeypatch, choice):
    asked = []
    monkeypatch.setattr(dialogs, "ask_external_change",
                        lambda parent, name: asked.append(name) or choice)
    return asked


def test_an_unchanged_file_saves_without_asking(setup):
    window, path = setup
    assert window.save()
    assert load(path).streams[1].stages[1].name == "Mine"


def test_overwrite(setup, monkeypatch):
    window, path = setup
    change_on_disk(path, "Theirs")
    asked = answer(monkeypatch, "overwrite")
    assert window.save()
    assert asked == ["map.vsc.json"]
    assert load(path).streams[1].stages[1].name == "Mine" and load(path).title == "IT services"


def test_cancel_keeps_both(setup, monkeypatch):
    window, path = setup
    change_on_disk(path, "Theirs")
    answer(monkeypatch, None)
    assert not window.save()
    assert load(path).title == "Theirs" and window.isWindowModified()


def test_save_as_keeps_their_file_and_writes_ours_elsewhere(setup, monkeypatch, tmp_path):
    window, path = setup
    change_on_disk(path, "Theirs")
    answer(monkeypatch, "save_as")
    other = tmp_path / "mine.vsc.json"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: other)
    assert window.save()
    assert load(path).title == "Theirs"
    assert load(other).streams[1].stages[1].name == "Mine" and window.document.path == other


def test_reload_shows_their_version(setup, monkeypatch):
    window, path = setup
    change_on_disk(path, "Theirs")
    answer(monkeypatch, "reload")
    assert not window.save()
    assert window.document.model.title == "Theirs" and not window.isWindowModified()
    assert window.document.stage("approve").name == "Approve"


def test_after_saving_our_own_write_is_not_a_change(setup, monkeypatch):
    window, _path = setup
    assert window.save()
    window.document.push(SetStageFields(window.document, "approve", name="Again"))
    assert window.save()  # ask_external_change would fail the test


def test_save_as_suggests_the_name_once(setup, monkeypatch):
    window, path = setup
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, start: asked.append(start))
    window.save_as()
    assert asked == [str(path.parent / "map.vsc.json")]  # in the document's folder


def test_reload_of_an_unreadable_file_keeps_ours(setup, monkeypatch):
    window, path = setup
    path.write_text('{"format": "vscdesk", "schema_', encoding="utf-8")
    answer(monkeypatch, "reload")
    assert not window.save()
    assert window.document.stage("approve").name == "Mine" and window.isWindowModified()
    bar = window.features.disk_state.bar
    assert not bar.isHidden() and bar.level == "error" and "cannot be read" in bar.text()
