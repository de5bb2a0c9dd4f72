"""Editing every column of an SLA table row with the mouse and keyboard, as a user would."""

from __future__ import annotations

from tests.panels.conftest import choose_cell, edit_cell
from tests.panels.test_sla_table import type_unit
from vscdesk.panels.sla_table import ACTUAL, COMPARATOR, METRIC, NAME, TARGET

#: what edit_every_column leaves in the row, as (name, metric, comparator, target, unit, actual)
EDITED = ("Reopen within", "wait_time", "<", 3, "d", 2)


def edit_every_column(qtbot, table, row: int = 0) -> None:
    """Type or choose a new value in each column of ``row``: six committed cells."""
    edit_cell(qtbot, table, row, NAME, "Reopen within")
    choose_cell(qtbot, table, row, METRIC, "Wait time")
    choose_cell(qtbot, table, row, COMPARATOR, "<  (<)")
    edit_cell(qtbot, table, row, TARGET, "3")
    table.window().activateWindow()  # offscreen, a closed choice list keeps the activation
    qtbot.waitUntil(table.window().isActiveWindow)
    type_unit(qtbot, table, row, "d")
    edit_cell(qtbot, table, row, ACTUAL, "2")


def values(sla) -> tuple:
    return (sla.name, sla.metric, sla.comparator, sla.target, sla.unit, sla.actual)
