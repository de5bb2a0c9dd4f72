"""The open file changed by another program WHILE it is open: reloaded, or a bar that asks.

Another "program" here rewrites the real file the way editors and git do (a temp file renamed
over it, a new inode) or in place; the window notices through the file-system watcher.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from session_helpers import finished_window, kill, start_child

from vscdesk.app import dialogs
from vscdesk.document import SetStageFields
from vscdesk.render.primitives import Text
from vscdesk.storage import dumps, load, save

NAME = "map.vsc.json"


@pytest.fixture
def path(tmp_path, example_file) -> Path:
    target = tmp_path / NAME
    save(load(example_file), target)
    return target


@pytest.fixture
def window(make_window, path):
    window = make_window(None, finished=True)
    assert window.open_path(path)
    return window


def their_version(path: Path, stage_name: str) -> str:
    """The file as another program would write it, with stage "approve" renamed."""
    model = load(path)
    for stream in model.streams:
        for stage in stream.stages:
            if stage.id == "approve":
                stage.name = stage_name
    return dumps(model)


def rewrite(path: Path, text: str, how: str = "replace") -> None:
    """Write like an editor (temp + rename: a new inode) or like a script (in place)."""
    if how == "replace":
        temp = path.with_name(".other-program.tmp")
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    else:
        with open(path, "r+", encoding="utf-8") as stream:
            stream.write(text)
            stream.truncate()


def card_text(window) -> str:
    item = window.scene.item_for("approve")
    return " ".join(p.text for p in item.group.items if isinstance(p, Text))


def bar(window):
    return window.features.disk_state.bar


def edit(window, name: str = "Mine") -> None:
    window.document.push(SetStageFields(window.document, "approve", name=name))


@pytest.mark.parametrize("how", ["replace", "in_place"])
def test_an_unmodified_document_is_reloaded_and_says_so(window, path, qtbot, how):
    rewrite(path, their_version(path, "Vetted"), how)
    qtbot.waitUntil(lambda: "Vetted" in card_text(window))
    assert window.document.stage("approve").name == "Vetted"
    assert not window.isWindowModified() and not bar(window).isVisible()
    assert window.statusBar().currentMessage() == f"Reloaded {NAME}: it changed on disk"
    # the watch survives the new inode: a second change is noticed too
    rewrite(path, their_version(path, "Vetted again"), how)
    qtbot.waitUntil(lambda: "Vetted again" in card_text(window))
    assert window.save()  # what is on disk is what we show: no question


def test_a_reload_keeps_zoom_and_selection(window, path, qtbot):
    window.view.set_zoom(2.0)
    window.selection.set(["approve"], window.document.stream_of("approve").id)
    rewrite(path, their_version(path, "Vetted"))
    qtbot.waitUntil(lambda: window.document.stage("approve").name == "Vetted")
    assert window.view.zoom() == pytest.approx(2.0)
    assert window.selection.stage_ids == ("approve",)
    assert window.scene.item_for("approve").isSelected()


def test_unsaved_edits_get_a_bar_and_are_never_touched(window, path, qtbot):
    edit(window)
    rewrite(path, their_version(path, "Vetted"))
    qtbot.waitUntil(lambda: bar(window).isVisible())
    assert bar(window).text() == f"{NAME} changed on disk."
    assert [b.text() for b in bar(window).buttons] == ["&Reload from disk", "&Keep my version"]
    assert window.document.stage("approve").name == "Mine" and "Mine" in card_text(window)
    assert window.isWindowModified()
    assert bar(window).y() < window.view.y()  # above the canvas, not over it


def test_the_bar_goes_when_they_put_our_version_back(window, path, qtbot):
    edit(window)
    ours = path.read_bytes()
    rewrite(path, their_version(path, "Vetted"))
    qtbot.waitUntil(lambda: bar(window).isVisible())
    path.write_bytes(ours)  # e.g. git checkout -- map.vsc.json in a terminal
    qtbot.waitUntil(lambda: not bar(window).isVisible())
    assert window.document.stage("approve").name == "Mine"


def test_reload_from_disk_button_shows_their_version(window, path, qtbot):
    edit(window)
    rewrite(path, their_version(path, "Vetted"))
    qtbot.waitUntil(lambda: bar(window).isVisible())
    qtbot.mouseClick(bar(window).buttons[0], Qt.MouseButton.LeftButton)
    assert window.document.stage("approve").name == "Vetted" and "Vetted" in card_text(window)
    assert not window.isWindowModified() and not bar(window).isVisible()
    assert window.save()  # nothing differs from the disk any more: no question


def test_keep_my_version_dismisses_and_save_still_asks(window, path, qtbot, monkeypatch):
    edit(window)
    rewrite(path, their_version(path, "Vetted"))
    qtbot.waitUntil(lambda: bar(window).isVisible())
    qtbot.mouseClick(bar(window).buttons[1], Qt.MouseButton.LeftButton)
    assert not bar(window).isVisible()
    assert window.document.stage("approve").name == "Mine"
    asked = []
    monkeypatch.setattr(dialogs, "ask_external_change",
                        lambda parent, name: asked.append(name) or None)
    assert not window.save()
    assert asked == [NAME] and load(path).streams[1].stages[1].name == "Vetted"


def test_escape_dismisses_the_bar_and_gives_the_canvas_the_keyboard(window, path, qtbot):
    edit(window)
    rewrite(path, their_version(path, "Vetted"))
    qtbot.waitUntil(lambda: bar(window).isVisible())
    window.activateWindow()
    button = bar(window).buttons[0]
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Escape)
    assert not bar(window).isVisible()
    assert window.document.stage("approve").name == "Mine"
    assert window.view.hasFocus()


def settled(window, qtbot, change) -> None:
    """Make ``change`` and wait until the window has looked at the file afterwards."""
    with qtbot.waitSignal(window.features.disk_state.watcher.changed, timeout=5000):
        change()


def test_our_own_save_changes_nothing(window, path, qtbot):
    edit(window)

    def save_and_touch() -> None:
        assert window.save()
        os.utime(path)  # events after the save's own: once this is seen, so were they

    settled(window, qtbot, save_and_touch)
    assert not bar(window).isVisible()
    assert window.statusBar().currentMessage().startswith("Saved")
    edit(window, "Again")
    assert window.save()  # an external-change question would fail the test


@pytest.mark.parametrize("how", ["replace", "in_place", "touch"])
def test_an_identical_rewrite_or_a_touch_changes_nothing(window, path, qtbot, how):
    edit(window)
    same = path.read_text(encoding="utf-8")
    if how == "touch":
        settled(window, qtbot, lambda: os.utime(path, (1, 1)))
    else:
        settled(window, qtbot, lambda: rewrite(path, same, how))
    assert not bar(window).isVisible()
    assert window.document.stage("approve").name == "Mine"
    assert window.save()  # and the next save asks nothing either


@pytest.mark.parametrize("how", ["delete", "move"])
def test_a_deleted_file_is_kept_and_marked_modified(window, path, qtbot, tmp_path, how):
    if how == "delete":
        path.unlink()
    else:
        os.replace(path, tmp_path / "elsewhere.vsc.json")
    qtbot.waitUntil(lambda: bar(window).isVisible())
    assert bar(window).text() == f"{NAME} was deleted or moved on disk; Save will write it again."
    assert window.isWindowModified() and window.document.stage("approve").name == "Approve"
    qtbot.mouseClick(bar(window).buttons[0], Qt.MouseButton.LeftButton)  # Save
    assert load(path).streams[1].stages[1].name == "Approve"
    assert not window.isWindowModified() and not bar(window).isVisible()


def test_a_file_deleted_and_put_back_unchanged_is_clean_again(window, path, qtbot):
    data = path.read_bytes()
    path.unlink()
    qtbot.waitUntil(lambda: bar(window).isVisible())
    path.write_bytes(data)  # like a checkout that removes and re-creates the file
    qtbot.waitUntil(lambda: not bar(window).isVisible())
    assert not window.isWindowModified()


def test_unreadable_new_content_is_not_loaded(window, path, qtbot):
    good = their_version(path, "Vetted")
    rewrite(path, good[: len(good) // 2], "in_place")  # half-written
    qtbot.waitUntil(lambda: bar(window).isVisible())
    assert bar(window).level == "error"
    text = bar(window).text()
    assert text.startswith(f"{NAME} changed on disk but cannot be read, so the version you see "
                           "stays open: ") and "line" in text
    assert window.document.stage("approve").name == "Approve" and not window.isWindowModified()
    rewrite(path, good, "in_place")  # the writer finishes: now it loads
    qtbot.waitUntil(lambda: "Vetted" in card_text(window))
    assert not bar(window).isVisible()


def test_a_read_only_document_reloads_too(path, qtbot, monkeypatch):
    child, line = start_child(path, "open")
    try:
        assert line == "ready"
        monkeypatch.setattr(dialogs, "ask_locked", lambda *a: True)
        window = finished_window(qtbot)
        assert window.open_path(path) and window.document.read_only
        rewrite(path, their_version(path, "Vetted"))
        qtbot.waitUntil(lambda: "Vetted" in card_text(window), timeout=10000)
        assert window.document.read_only and "(read-only)" in window.windowTitle()
    finally:
        kill(child)


def test_alt_k_keeps_my_version_from_anywhere_in_the_window(window, path, qtbot):
    edit(window)
    rewrite(path, their_version(path, "Vetted"))
    qtbot.waitUntil(lambda: bar(window).isVisible())
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    qtbot.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not bar(window).isVisible())  # a mnemonic animates the click
    assert window.document.stage("approve").name == "Mine"


def test_markup_in_the_file_name_stays_plain_text(tmp_path, example_file, qtbot):
    path = tmp_path / "<b>odd & co.vsc.json"
    save(load(example_file), path)
    window = finished_window(qtbot)
    window.show()
    assert window.open_path(path)
    path.unlink()
    qtbot.waitUntil(lambda: bar(window).isVisible())
    assert bar(window).message.text().startswith("<b>&lt;b&gt;odd &amp; co.vsc.json</b>")
    assert bar(window).text().startswith("<b>odd & co.vsc.json was deleted")
