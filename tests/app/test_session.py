"""Start where you left off: recent files, layout, last document, welcome page, dropped files."""

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDockWidget
from session_helpers import finished_window

from vscdesk.app import dialogs, session
from vscdesk.app.application import start_window
from vscdesk.app.settings import settings
from vscdesk.app.welcome import Choice
from vscdesk.storage import load, save


@pytest.fixture
def files(tmp_path, example_file):
    model = load(example_file)
    paths = []
    for name in ("alpha", "beta", "gamma"):
        path = tmp_path / f"{name}.vsc.json"
        save(model.model_copy(update={"title": name.title()}), path)
        paths.append(path)
    return paths


def recent_menu_texts(window):
    window.features.session.fill_menu()
    return [a.text() for a in window.features.session.menu.actions() if not a.isSeparator()]


def test_settings_live_in_this_tests_own_config_folder(tmp_path_factory):
    import os

    assert settings().fileName().startswith(os.environ["XDG_CONFIG_HOME"])
    assert session.recent_files() == []  # nothing leaks in from other tests or the user


def test_recent_files_newest_first_and_only_existing(files, qtbot):
    window = finished_window(qtbot)
    for path in files:
        window.open_path(path)
    assert session.recent_files() == [files[2], files[1], files[0]]
    files[1].unlink()
    assert recent_menu_texts(window) == ["&1 gamma.vsc.json", "&2 alpha.vsc.json", "&Clear list"]
    window.features.session.menu.actions()[1].trigger()
    assert window.document.path == files[0]
    assert session.recent_files()[0] == files[0]


def test_saving_as_adds_to_recent_files(files, qtbot, monkeypatch, tmp_path):
    window = finished_window(qtbot)
    target = tmp_path / "new.vsc.json"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: target)
    window.save_as()
    assert session.recent_files() == [target]


def test_window_geometry_and_docks_come_back(qtbot):
    first = finished_window(qtbot)
    first.show()
    first.resize(700, 520)  # within the offscreen screen (restore clamps to it)
    first.features.undo_dock.show()
    qtbot.waitUntil(lambda: first.features.undo_dock.isVisible())
    size = first.size()
    assert first.close()
    second = finished_window(qtbot)  # finish() restores the saved layout
    second.show()
    assert second.size() == size
    assert second.findChild(QDockWidget, "undo_history").isVisible()


def test_the_last_document_reopens(files, qtbot):
    window = finished_window(qtbot)
    window.show()
    window.open_path(files[1])
    assert window.close()
    again = start_window(None)
    qtbot.addWidget(again)
    assert again.document.path == files[1] and not again.features.welcome.isVisible()


def test_first_start_shows_the_welcome_page_then_the_example(qtbot):
    first = start_window(None)
    qtbot.addWidget(first)
    first.show()
    assert first.features.welcome.isVisible()
    example = next(b for b in first.features.welcome.findChildren(Choice)
                   if b.accessibleName() == "Explore the example")
    qtbot.mouseClick(example, Qt.MouseButton.LeftButton)
    assert not first.features.welcome.isVisible()
    assert first.windowTitle().startswith("IT services (example)")
    second = start_window(None)
    qtbot.addWidget(second)
    assert not second.features.welcome.isVisible() and second.document.model.title == "IT services"


def test_welcome_page_new_from_template_and_recent(files, qtbot):
    session.add_recent(files[0])
    window = finished_window(qtbot)
    window.show()
    window.actions["welcome"].trigger()
    buttons = {b.accessibleName(): b for b in window.features.welcome.findChildren(Choice)}
    assert "alpha.vsc.json" in buttons and "Porter's value chain" in buttons
    qtbot.mouseClick(buttons["Porter's value chain"], Qt.MouseButton.LeftButton)
    assert not window.features.welcome.isVisible()
    assert "Porter" in window.document.model.chain.name and window.document.path is None


def drop_on(widget, path: Path) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def test_dropping_a_document_on_the_canvas_opens_it(files, qtbot):
    window = finished_window(qtbot)
    window.show()
    assert drop_on(window.view.viewport(), files[2])
    assert window.document.path == files[2]


def test_dropping_something_else_is_refused(tmp_path, qtbot):
    window = finished_window(qtbot)
    window.show()
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG")
    assert not drop_on(window, picture)
    assert window.document.path is None


def test_a_file_that_cannot_open_shows_why_then_the_welcome_page(qtbot, tmp_path, monkeypatch):
    from vscdesk.app import dialogs

    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, msg: shown.append(msg))
    window = start_window(tmp_path / "gone.vsc.json")
    qtbot.addWidget(window)
    window.show()
    assert window is not None and window.features.welcome.isVisible()
    assert len(shown) == 1 and "gone.vsc.json" in shown[0]
