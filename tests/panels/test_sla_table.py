"""The SLA table (stage and stream panels): cell edits, statuses, inline refusals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.panels.conftest import choose_cell, edit_cell, type_into
from vscdesk.panels.sla_table import ACTUAL, COMPARATOR, METRIC, NAME, STATUS_COL, TARGET, UNIT


@pytest.fixture
def table(window):
    window.docks["stage"].raise_()
    window.selection.set(["report-problem"], "restore-service")
    panel = window.docks["stage"].widget()
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
    choose_cell(qtbot, table.table, 0, COMPARATOR, "≥  (>=)")
    assert sla(window).comparator == ">="
    assert stack.count() == before + 1  # consecutive SLA edits of one stage merge
    assert table.table.item(0, STATUS_COL).text() == "Breached"  # 9 is not >= 15
    stack.undo()
    assert table.table.item(0, METRIC).text() == "Lead time"


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
    window.docks["stream"].raise_()
    window.selection.set([], "restore-service")
    panel = window.docks["stream"].widget()
    before = stack.count()
    edit_cell(qtbot, panel.slas.table, 0, TARGET, "abc")
    assert stack.count() == before and "not a number" in panel.slas.errors.text()
    edit_cell(qtbot, panel.slas.table, 0, TARGET, "6")
    assert window.document.stream("restore-service").slas[0].target == 6
    assert panel.slas.table.item(0, STATUS_COL).text() == "Breached"
    type_into(qtbot, panel.name, "Restore service")
    assert stack.count() == before + 2
