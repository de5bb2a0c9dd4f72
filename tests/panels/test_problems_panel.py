"""The Problems panel: live after the debounce, filtered by severity, activation selects on the
canvas, and the dock title counts the problems."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from vscdesk.document import SetStageFields
from vscdesk.panels.problems_panel import ROLE
from tests.windows import open_panel


@pytest.fixture
def panel(window, qtbot):
    window.features.analysis_runner.run_now()  # the first run happens once the window is up
    panel = open_panel(window, "problems")
    qtbot.waitUntil(panel.tree.isVisible)
    return panel


def rows(panel) -> list:
    return [panel.tree.topLevelItem(i).data(0, ROLE) for i in range(panel.tree.topLevelItemCount())]


def row_of(panel, code: str, object_id: str):
    for i in range(panel.tree.topLevelItemCount()):
        problem = panel.tree.topLevelItem(i).data(0, ROLE)
        if (problem.code, problem.object_id) == (code, object_id):
            return panel.tree.topLevelItem(i)
    listed = [(p.code, p.object_id) for p in rows(panel)]
    raise AssertionError(f"no {code} on {object_id}: {listed}")


def test_example_findings_are_listed_and_counted(window, panel):
    assert window.features.docks["problems"].windowTitle() == "Problems (13)"
    assert [b.text() for b in panel.filters.values()] == ["0 errors", "8 warnings", "5 info"]
    item = row_of(panel, "sla-breached", "procure-device")
    assert item.text(1) == "Stage · Procure device"
    assert "actual 6 d, target <= 5 d" in item.text(0)
    assert len(rows(panel)) == 13


def test_an_edit_that_creates_a_problem_appears_after_the_debounce(window, panel, qtbot):
    doc, runner = window.document, window.features.analysis_runner
    runs = runner.runs
    for name in ("Report", "Report the", "Report the problem"):  # typing: three merged edits
        doc.push(SetStageFields(doc, "confirm-user", name=name))
    assert runner.pending() and runner.runs == runs  # nothing recomputed while typing
    assert "duplicate-stage-name" not in {p.code for p in rows(panel)}
    qtbot.waitUntil(lambda: "duplicate-stage-name" in {p.code for p in rows(panel)})
    assert runner.runs == runs + 1
    assert window.features.docks["problems"].windowTitle() == "Problems (14)"
    assert row_of(panel, "duplicate-stage-name", "confirm-user").icon(0) is not None
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: "duplicate-stage-name" not in {p.code for p in rows(panel)})
    assert window.features.docks["problems"].windowTitle() == "Problems (13)"


def test_an_error_shows_as_error_and_the_filter_keeps_only_it(window, panel, qtbot):
    doc = window.document
    slas = [sla.model_copy(update={"unit": "%"}) for sla in doc.stage("diagnose-fix").slas]
    doc.push(SetStageFields(doc, "diagnose-fix", slas=slas))
    qtbot.waitUntil(lambda: panel.filters["error"].text() == "1 error")
    assert rows(panel)[0].code == "sla-unit-mismatch"  # most severe first
    for severity in ("warning", "info"):
        qtbot.mouseClick(panel.filters[severity], Qt.MouseButton.LeftButton)
    assert [p.severity for p in rows(panel)] == ["error"]
    qtbot.mouseClick(panel.filters["error"], Qt.MouseButton.LeftButton)
    assert rows(panel) == [] and panel.stack.currentWidget() is panel.empty
    assert "hidden by the filter" in panel.empty.text()
    assert window.features.docks["problems"].windowTitle().startswith("Problems (")


def _double_click(qtbot, panel, item) -> None:
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_double_click_selects_the_stage_on_the_canvas(window, panel, qtbot):
    _double_click(qtbot, panel, row_of(panel, "sla-breached", "review-root-cause"))
    assert window.selection.stage_ids == ("review-root-cause",)
    assert window.selection.stream_id == "restore-service"
    assert window.scene.item_for("review-root-cause").isSelected()
    assert [i.ref for i in window.scene.selectedItems()] == ["review-root-cause"]


def test_double_click_on_a_stream_problem_selects_its_stages(window, panel, qtbot):
    _double_click(qtbot, panel, row_of(panel, "sla-breached", "fulfil-request"))
    stages = [s.id for s in window.document.stream("fulfil-request").stages]
    assert window.selection.stage_ids == tuple(stages)
    assert window.selection.stream_id == "fulfil-request"
    assert all(window.scene.item_for(s).isSelected() for s in stages)


def test_enter_on_the_current_problem_selects_too(window, panel, qtbot):
    panel.tree.setFocus()
    panel.tree.setCurrentItem(row_of(panel, "lead-time-over-target", "transition-live"))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert window.selection.stage_ids == ("transition-live",)


def test_lane_and_link_problems_select_what_shows_them(window, panel, qtbot):
    from vscdesk.document import AddLane
    from vscdesk.model import Lane

    doc = window.document
    doc.push(AddLane(doc, Lane(id="govern", name="Govern")))
    qtbot.waitUntil(lambda: any(p.code == "lane-empty" for p in rows(panel)))
    item = row_of(panel, "lane-empty", "govern")
    assert item.text(1) == "Lane · Govern"
    window.selection.set(["approve"], "fulfil-request")
    with qtbot.waitSignal(panel.activated):
        _double_click(qtbot, panel, item)
    assert window.selection.stage_ids == ()  # an empty lane: nothing to select, it is shown
    panel.select_object("lane", "engage")
    assert set(window.selection.stage_ids) == {
        s.id for s in doc.stages() if s.lane == "engage"} and len(window.selection.stage_ids) == 4
    panel.select_object("link", "ops-feeds-fix")
    assert window.selection.stage_ids == ("operate", "diagnose-fix")
    assert window.selection.stream_id == "restore-service"


def test_a_stage_left_without_its_lane_is_an_error_that_selects_it(window, panel, qtbot):
    from vscdesk.document import RemoveLane

    window.document.push(RemoveLane(window.document, "plan"))
    qtbot.waitUntil(lambda: panel.filters["error"].text() == "2 errors")
    _double_click(qtbot, panel, row_of(panel, "stage-no-lane", "approve"))
    assert window.selection.stage_ids == ("approve",)


def test_a_long_list_is_cut_with_a_note(window, panel, monkeypatch):
    from vscdesk.panels import problems_panel

    monkeypatch.setattr(problems_panel, "MAX_ROWS", 5)
    panel.refresh()
    assert panel.tree.topLevelItemCount() == 6
    note = panel.tree.topLevelItem(5)
    assert note.text(0).startswith("… 8 more") and note.data(0, ROLE) is None
    window.selection.set(["approve"], "fulfil-request")
    panel.tree.itemActivated.emit(note, 0)  # the note is not a problem: nothing changes
    assert window.selection.stage_ids == ("approve",)
