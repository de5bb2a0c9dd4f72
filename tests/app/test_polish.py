"""Icons, themes, tooltips with shortcuts, the shortcut sheet, undo history, About, responsive open."""

import html
import threading

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from session_helpers import finished_window

from vscdesk import __version__
from vscdesk.app import workspace
from vscdesk.app.help_pages import about_html, sheet_html, shortcut_sheet
from vscdesk.app.icons import icon, icon_name_for, icon_names
from vscdesk.app.polish import plain
from vscdesk.app.loading import load_with_progress, run_in_background
from vscdesk.app.theme import apply_theme
from vscdesk.document import SetStageFields
from vscdesk.storage import load

WINDOW_ACTIONS = ["new", "open", "open_recent", "save", "save_as", "export", "quit", "undo",
                  "redo", "zoom_in", "zoom_out", "fit", "actual", "undo_history", "shortcuts",
                  "about", "welcome", "theme"]


def test_every_icon_renders_sharp_at_high_dpi(qapp):
    assert len(icon_names()) >= 40
    for name in icon_names():
        for scale in (1.0, 2.0, 3.0):
            pixmap = icon(name).pixmap(QSize(24, 24), scale)
            assert pixmap.width() == round(24 * scale), (name, scale)
            assert not pixmap.toImage().isNull()


def test_window_actions_get_icons(qtbot):
    window = finished_window(qtbot)
    missing = [name for name in WINDOW_ACTIONS if window.actions[name].icon().isNull()]
    assert missing == []
    assert not window.windowIcon().isNull()


def test_icon_names_for_actions_added_elsewhere():
    assert icon_name_for("add_stage") == "stage"
    assert icon_name_for("delete_links") == "delete"
    assert icon_name_for("move_lane_left") == "lane"
    assert icon_name_for("something_unrelated") is None


def test_tooltips_carry_the_shortcut_and_every_action_has_a_status_hint(qtbot):
    window = finished_window(qtbot)
    save = window.actions["save"]
    keys = save.shortcut().toString(save.shortcut().SequenceFormat.NativeText)
    assert save.toolTip() == f"Save ({keys})"
    workspace.finish(window)  # applying twice does not repeat the shortcut
    assert save.toolTip() == f"Save ({keys})"
    assert all(a.statusTip() for a in window.actions.values())


def test_shortcut_sheet_lists_every_action_with_a_shortcut_by_menu(qtbot):
    window = finished_window(qtbot)
    sections = dict(shortcut_sheet(window))
    file_rows = {text: keys for text, keys, _hint in sections["File"]}
    assert file_rows["Save"] == window.actions["save"].shortcut().toString(
        window.actions["save"].shortcut().SequenceFormat.NativeText)
    sheet = sheet_html(window)
    for action in window.actions.values():
        if not action.shortcut().isEmpty():
            assert html.escape(plain(action.text())) in sheet, action.text()


def test_every_shortcut_in_the_sheet_says_more_than_its_name(qtbot):
    window = finished_window(qtbot)
    for action in window.actions.values():
        if not action.shortcut().isEmpty():
            hint = plain(action.statusTip()).casefold()
            assert hint and hint != plain(action.text()).casefold(), action.text()
    rows = [row for _title, section in shortcut_sheet(window) for row in section]
    assert len(rows) > 40 and all(hint for _text, _keys, hint in rows)


def test_the_sheet_leaves_out_a_hint_that_repeats_the_name(qtbot):
    window = finished_window(qtbot)
    window.actions["fit"].setStatusTip("Fit to window")
    rows = {text: hint for _title, section in shortcut_sheet(window) for text, _k, hint in section}
    assert rows["Fit to window"] == ""


def test_help_menu_is_last(qtbot):
    window = finished_window(qtbot)
    assert window.menuBar().actions()[-1].text() == "&Help"


def test_about_names_the_version():
    assert __version__ in about_html()


def test_dark_theme_colours_the_chrome_but_not_the_diagram(qtbot):
    app = QApplication.instance()
    window = finished_window(qtbot)
    try:
        assert apply_theme(app, "dark") == "dark"
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 60
        assert window.view.backgroundBrush().color() == QColor("#FFFFFF")
        dark_icon = icon("save").pixmap(24, 24).toImage()
        assert apply_theme(app, "light") == "light"
        assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200
        light_icon = icon("save").pixmap(24, 24).toImage()
        assert dark_icon != light_icon  # icons follow the text colour
    finally:
        apply_theme(app, "light")


def test_system_choice_follows_the_colour_scheme(qapp):
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    expected = "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"
    assert apply_theme(qapp, "system") == expected
    apply_theme(qapp, "light")


def test_undo_history_lists_each_step(qtbot, example_file):
    window = finished_window(qtbot)
    window.show_model(load(example_file), None)
    view = window.features.undo_dock.widget()
    rows = view.model().rowCount()
    window.document.push(SetStageFields(window.document, "approve", name="Approve budget"))
    assert view.model().rowCount() == rows + 1
    assert view.model().index(rows, 0).data() == window.document.undo_stack.text(0)
    assert window.actions["undo_history"].isCheckable()


def test_opening_keeps_the_event_loop_running(monkeypatch, example_file, qtbot):
    release = threading.Event()
    ticks = []

    def slow_load(path):
        assert release.wait(10), "the GUI thread never got to run its timer"
        return load(path)

    # The timer can only fire if the event loop runs while the file is being read.
    QTimer.singleShot(0, lambda: (ticks.append(1), release.set()))
    model = run_in_background(None, "Opening…", slow_load, example_file)
    assert ticks == [1] and model.title == "IT services"
    assert load_with_progress(None, example_file).title == "IT services"
