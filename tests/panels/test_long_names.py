"""Names that are one long run of characters (a pasted identifier or URL) never widen a panel,
and so never push the main window past the screen."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from vscdesk.document import SetLaneFields, SetStageFields, SetStakeholderFields, SetStreamFields

RUN = "W" * 200


def name_everything_long(window) -> None:
    doc = window.document
    doc.push(SetStageFields(doc, "report-problem", name=RUN))
    doc.push(SetStreamFields(doc, "restore-service", name="S" * 200))
    doc.push(SetLaneFields(doc, doc.model.chain.lanes[0].id, name="L" * 200))
    doc.push(SetStakeholderFields(doc, doc.model.stakeholders[0].id, name="K" * 120))


def show_every_panel(window) -> None:
    for dock in window.features.docks.values():
        dock.show()
        dock.raise_()
        QApplication.processEvents()


def test_selecting_a_stage_with_a_long_name_keeps_the_window_width(window, qtbot):
    width = window.width()
    name_everything_long(window)
    window.selection.set(["report-problem"], "restore-service")
    window.features.analysis_runner.run_now()  # the bottleneck figure names a stage too
    show_every_panel(window)
    assert window.width() == width
    assert window.view.width() > width / 2  # the canvas keeps most of the window
    window.selection.set(["diagnose-fix"], "restore-service")
    show_every_panel(window)
    assert window.width() == width


def test_the_stage_heading_elides_a_long_name_and_shows_it_whole_in_the_tooltip(window, qtbot):
    name_everything_long(window)
    window.features.docks["stage"].raise_()
    window.selection.set(["report-problem"], "restore-service")
    heading = window.features.docks["stage"].widget().heading
    qtbot.waitUntil(heading.isVisible)
    shown = QLabel.text(heading)  # what is painted, not the whole text
    assert shown.splitlines()[0].endswith("…")
    assert heading.fontMetrics().horizontalAdvance(shown.splitlines()[0]) <= heading.width()
    assert RUN in heading.toolTip()
    assert "S" * 200 in heading.toolTip()  # the stream's name, on the second line
    window.selection.set(["approve"], "fulfil-request")
    assert heading.toolTip() == ""  # short names fit: no tooltip
    assert QLabel.text(heading) == heading.text()
