"""The SLA table (stage and stream panels): cell edits, statuses, inline refusals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.panels.conftest import choose_cell, edit_cell, type_into
from vscdesk.panels.sla_table import ACTUAL, COMPARATOR, METRIC, NAME, STATUS_COL, TARGET, UNIT


@pytest.fixture
def table(window):
    window.features.docks["stage"].raise_()
    window.selection.set(["report-problem"], "restore-service")
    panel = window.features.docks["stage"].widget()
    panel.tabs.setCurrentIndex(2)
    return panel.slas


def sla(window):
    return window.document.stage("report-problem").slas[0]


def test_rows_show_the_model_and_status(table):
    t = table.table
    assert [t.item(0, c).text() for c in (NAME, METRIC, COMPARATOR, TARGET, UNIT, ACTUAL)] == [
        "Response", "Lead time", "≤", "15", "min", "9"]
    assert t.item(0, STATUS_COL).text() == "Met" and table.status(0) == "met"


def test_actual_edit_updates_model_and_status(window, table, stack, qtbot):
    before = stack.count()
    edit_cell(qtbot, table.table, 0, ACTUAL, "14.5")
    assert sla(window).actual == 14.5
    assert stack.count() == before + 1
    assert table.table.item(0, STATUS_COL).text() == "At risk"
    edit_cell(qtbot, table.table, 0, ACTUAL, "20")
    assert table.table.item(0, STATUS_COL).text() == "Breached"
    edit_cell(qtbot, table.table, 0, ACTUAL, "")
    assert sla(window).actual is None and table.status(0) == "no_data"
    assert stack.count() == before + 3  # one undo step per committed cell
    stack.undo()
    assert table.table.item(0, ACTUAL).text() == "20"
    stack.undo()
    stack.undo()
    assert table.table.item(0, ACTUAL).text() == "9" and table.status(0) == "met"


@pytest.mark.parametrize("column, text, reason", [
    (TARGET, "abc", "“abc” is not a number"), (TARGET, "nan", "finite"),
    (ACTUAL, "inf", "finite"), (NAME, "  ", "blank"), (TARGET, "", "required"),
])
def test_invalid_cells_are_explained_and_never_reach_the_model(window, table, stack, qtbot,
                                                               column, text, reason):
    before = stack.count()
    edit_cell(qtbot, table.table, 0, column, text)
    assert sla(window).target == 15 and sla(window).name == "Response"
    assert stack.count() == before
    assert table.errors.isVisible() and reason in table.errors.text()
    assert "row 1" in table.errors.text()
    edit_cell(qtbot, table.table, 0, column, {TARGET: "30", ACTUAL: "10", NAME: "Reply"}[column])
    assert not table.errors.isVisible()
    assert stack.count() == before + 1


def test_metric_and_comparator_are_chosen_from_lists(window, table, stack, qtbot):
    before = stack.count()
    choose_cell(qtbot, table.table, 0, METRIC, "Availability")
    assert sla(window).metric == "availability"
    assert sla(window).unit == "%"  # minutes do not fit an availability: the unit follows
    choose_cell(qtbot, table.table, 0, COMPARATOR, "≥  (>=)")
    assert sla(window).comparator == ">="
    assert stack.count() == before + 2  # one undo step per committed cell
    assert table.table.item(0, STATUS_COL).text() == "Breached"  # 9 is not >= 15
    stack.undo()
    assert table.table.item(0, COMPARATOR).text() == "≤"
    assert table.table.item(0, METRIC).text() == "Availability"
    stack.undo()
    assert table.table.item(0, METRIC).text() == "Lead time"
    assert table.table.item(0, UNIT).text() == "min"


def test_add_and_remove_rows(window, table, stack, qtbot):
    before = stack.count()
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    slas = window.document.stage("report-problem").slas
    assert len(slas) == 2 and slas[1].name == "New SLA"
    assert stack.count() == before + 1
    table.table.selectRow(0)
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    assert [s.name for s in window.document.stage("report-problem").slas] == ["New SLA"]
    stack.undo()
    stack.undo()
    assert table.table.rowCount() == 1


def test_stream_sla_table_edits_the_stream(window, stack, qtbot):
    window.features.docks["stream"].raise_()
    window.selection.set([], "restore-service")
    panel = window.features.docks["stream"].widget()
    before = stack.count()
    edit_cell(qtbot, panel.slas.table, 0, TARGET, "abc")
    assert stack.count() == before and "not a number" in panel.slas.errors.text()
    edit_cell(qtbot, panel.slas.table, 0, TARGET, "6")
    assert window.document.stream("restore-service").slas[0].target == 6
    assert panel.slas.table.item(0, STATUS_COL).text() == "Breached"
    type_into(qtbot, panel.name, "Restore service")
    assert stack.count() == before + 2


def open_unit_editor(qtbot, t, row: int):
    """Double-click a unit cell: a field opens, with the units that fit the metric listed."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    rect = t.visualItemRect(t.item(row, UNIT))
    qtbot.mouseClick(t.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(t.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    return editor


def offered(editor) -> list[str]:
    completer = editor.completer()
    if completer is None:
        return []
    model = completer.model()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def type_unit(qtbot, t, row: int, text: str) -> None:
    editor = open_unit_editor(qtbot, t, row)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: t.state() != t.State.EditingState)
    # Offscreen, nothing hands the activation back from the closed list (a window manager
    # would): give it back, so that the next click reaches the table.
    t.window().activateWindow()
    qtbot.waitUntil(t.window().isActiveWindow)


def test_units_offered_fit_the_metric_and_a_pick_commits(window, table, stack, qtbot):
    editor = open_unit_editor(qtbot, table.table, 0)
    assert offered(editor) == ["s", "min", "h", "d", "wk"]
    popup = editor.completer().popup()
    qtbot.waitUntil(popup.isVisible)  # the choice is shown as the cell opens
    before = stack.count()
    rect = popup.visualRect(popup.model().index(2, 0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: table.table.state() != table.table.State.EditingState)
    assert sla(window).unit == "h" and stack.count() == before + 1
    choose_cell(qtbot, table.table, 0, METRIC, "Throughput")
    assert sla(window).unit == "/d"
    editor = open_unit_editor(qtbot, table.table, 0)
    assert offered(editor) == ["/h", "/d", "/wk"]
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


@pytest.mark.parametrize("column, text, reason", [
    (UNIT, "parsec", "needs a time unit"), (UNIT, "%", "needs a time unit"),
    (UNIT, "", "has no unit"), (TARGET, "-4", "cannot be negative"),
    (ACTUAL, "-1", "cannot be negative"),
])
def test_units_that_do_not_fit_and_negative_times_never_reach_the_model(
        window, table, stack, qtbot, column, text, reason):
    before, old = stack.count(), sla(window)
    if column == UNIT:
        type_unit(qtbot, table.table, 0, text)
    else:
        edit_cell(qtbot, table.table, 0, column, text)
    assert sla(window) == old and stack.count() == before
    assert table.errors.isVisible() and reason in table.errors.text()
    assert "row 1" in table.errors.text()
    assert reason in table.table.item(0, column).toolTip()  # the cell says why, too


def test_a_typed_unit_that_fits_is_stored_in_its_short_form(window, table, stack, qtbot):
    type_unit(qtbot, table.table, 0, "hours")
    assert sla(window).unit == "h"
    choose_cell(qtbot, table.table, 0, METRIC, "Custom")
    type_unit(qtbot, table.table, 0, "tickets")
    assert sla(window).unit == "tickets" and not table.errors.isVisible()


def test_a_percentage_outside_0_to_100_is_refused(window, table, stack, qtbot):
    choose_cell(qtbot, table.table, 0, METRIC, "Availability")
    before = stack.count()
    edit_cell(qtbot, table.table, 0, TARGET, "120")
    assert sla(window).target == 15 and stack.count() == before
    assert "between 0 and 100" in table.errors.text()


def test_a_misfit_already_in_the_file_does_not_block_other_edits(window, table, stack, qtbot):
    """Files may hold any unit (the analysis reports it): editing the name still works."""
    from vscdesk.document import SetStageFields

    doc = window.document
    doc.push(SetStageFields(doc, "report-problem", slas=[
        {"name": "Response", "target": 15, "unit": "parsec", "actual": 9}]))
    edit_cell(qtbot, table.table, 0, NAME, "Reply")
    assert sla(window).name == "Reply" and sla(window).unit == "parsec"


def test_a_decimal_comma_is_a_decimal_point(window, table, stack, qtbot):
    edit_cell(qtbot, table.table, 0, TARGET, "4,5")
    assert sla(window).target == 4.5 and not table.errors.isVisible()
    edit_cell(qtbot, table.table, 0, ACTUAL, "1,500")  # 1500 or 1.5? asked, not guessed
    assert sla(window).actual == 9 and "could mean 1500 or 1.500" in table.errors.text()


@pytest.mark.parametrize("dock", ["stage", "stream"])
def test_every_column_is_whole_and_the_name_column_takes_the_rest(window, qtbot, dock):
    window.selection.set(["report-problem"], "restore-service")
    window.features.docks[dock].raise_()
    panel = window.features.docks[dock].widget()
    if dock == "stage":
        panel.tabs.setCurrentIndex(2)
    t = panel.slas.table
    qtbot.waitUntil(t.isVisible)
    header = t.horizontalHeader()
    assert not t.horizontalScrollBar().isVisible()
    assert header.length() <= t.viewport().width()
    for column in range(t.columnCount()):
        text = t.item(0, column).text()
        needed = t.fontMetrics().horizontalAdvance(text) + 8
        assert header.sectionSize(column) >= needed, (column, text)
    for text in ("Breached", "No data", "At risk"):
        assert header.sectionSize(STATUS_COL) >= t.fontMetrics().horizontalAdvance(text) + 8
    assert header.sectionSize(NAME) >= 90


@pytest.mark.parametrize("label, comparator, target, unit", [
    ("Availability", ">=", 99.0, "%"), ("Quality", ">=", 95.0, "%"),
    ("Throughput", ">=", 10.0, "/d"), ("Process time", "<=", 1.0, "h"),
    ("Wait time", "<=", 1.0, "h"), ("Lead time", "<=", 1.0, "h"), ("Custom", "<=", 1.0, "")])
def test_a_new_sla_takes_sensible_terms_for_the_metric_chosen(window, table, qtbot, label,
                                                             comparator, target, unit):
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    choose_cell(qtbot, table.table, 1, METRIC, "Availability")  # first away from lead time
    choose_cell(qtbot, table.table, 1, METRIC, label)
    new = window.document.stage("report-problem").slas[1]
    assert (new.comparator, new.target, new.unit) == (comparator, target, unit)
    shown = {"<=": "≤", ">=": "≥"}[comparator]
    assert table.table.item(1, COMPARATOR).text() == shown
    assert table.table.item(1, TARGET).text() == f"{target:g}"


def test_edited_terms_stay_when_the_metric_changes(window, table, qtbot):
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, table.table, 1, TARGET, "4")
    choose_cell(qtbot, table.table, 1, METRIC, "Process time")
    new = window.document.stage("report-problem").slas[1]
    assert (new.metric, new.comparator, new.target, new.unit) == ("process_time", "<=", 4.0, "h")
