"""With no document open (the welcome page over the canvas) the status bar counts no problems."""

from __future__ import annotations

from PySide6.QtCore import Qt
from session_helpers import finished_window

from vscdesk.app.application import start_window
from vscdesk.app.welcome import Choice


def test_the_first_start_shows_no_problem_counts_until_a_map_is_open(qtbot):
    window = start_window(None)  # the very first start: the welcome page
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.features.welcome.isVisible()
    qtbot.waitUntil(lambda: window.features.analysis_runner.analysis is not None)
    assert not window.features.problems_status.isVisible()
    choices = {c.accessibleName(): c for c in window.features.welcome.findChildren(Choice)}
    qtbot.mouseClick(choices["Explore the example"], Qt.MouseButton.LeftButton)
    assert window.features.problems_status.isVisible()
    qtbot.waitUntil(lambda: "warning" in window.features.problems_status.text())


def test_help_welcome_hides_the_counts_again(qtbot, example_file):
    window = finished_window(qtbot)
    window.show()
    assert window.open_path(example_file)
    assert window.features.problems_status.isVisible()
    window.actions["welcome"].trigger()
    assert not window.features.problems_status.isVisible()
