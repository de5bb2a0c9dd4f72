"""Stage panel: typing and picking edit the selected stage(s) through one command each."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.panels.conftest import pick, type_into
from vscdesk.document import SetStageFields
from vscdesk.model import Duration
from vscdesk.panels.practices import PRACTICES
from tests.windows import open_panel


@pytest.fixture
def panel(window):
    return open_panel(window, "stage", ["report-problem"], "restore-service")


def card_texts(window, stage_id):
    group = window.scene.items_by_key[f"stage:{stage_id}"].group
    return " ".join(p.text for p in group.items if hasattr(p, "text"))


def test_follows_the_selection(window, panel):
    assert panel.details.name.text() == "Report the problem"
    assert "Step 1 of" in panel.heading.text()
    window.selection.set(["diagnose-fix"], "restore-service")
    assert panel.details.name.text() == "Diagnose and fix"
    window.selection.clear()
    assert not panel.tabs.isEnabled()
    assert "No stage selected" in panel.heading.text()


def test_rename_is_one_step_reaches_the_canvas_and_undo_shows_the_old_name(window, panel, stack, qtbot):
    before = stack.count()
    type_into(qtbot, panel.details.name, "Log the incident")
    assert window.document.stage("report-problem").name == "Log the incident"
    assert stack.count() == before + 1
    assert "Log the" in card_texts(window, "report-problem")
    stack.undo()
    assert panel.details.name.text() == "Report the problem"
    assert stack.count() == before + 1 and stack.index() == before  # undo pushed nothing
    assert "Report the" in card_texts(window, "report-problem")


def test_blank_name_is_refused_inline(window, panel, stack, qtbot):
    before = stack.count()
    type_into(qtbot, panel.details.name, "   ")
    assert window.document.stage("report-problem").name == "Report the problem"
    assert stack.count() == before
    assert panel.details.errors.isVisible()
    assert "blank" in panel.details.errors.text()


def test_activity_choice_moves_the_stage_to_that_lane(window, panel, stack, qtbot):
    before = stack.count()
    pick(qtbot, panel.details.lane, "Plan")
    assert window.document.stage("report-problem").lane == "plan"
    assert stack.count() == before + 1
    stack.undo()
    assert panel.details.lane.currentText() == "Engage"


@pytest.mark.parametrize("text, reason", [("abc", "not a number"), ("nan", "finite"),
                                          ("120", "between 0 and 100")])
def test_invalid_percent_complete_accurate_never_reaches_the_model(window, panel, stack, qtbot,
                                                                   text, reason):
    before = stack.count()
    type_into(qtbot, panel.details.pca, text)
    assert window.document.stage("report-problem").percent_complete_accurate == 90
    assert stack.count() == before
    assert reason in panel.details.errors.text() and panel.details.errors.isVisible()
    type_into(qtbot, panel.details.pca, "75")
    assert window.document.stage("report-problem").percent_complete_accurate == 75
    assert stack.count() == before + 1
    assert not panel.details.errors.isVisible()


def test_lean_timing_value_and_unit(window, panel, stack, qtbot):
    before = stack.count()
    type_into(qtbot, panel.details.process_time.value, "2")
    assert window.document.stage("report-problem").process_time == Duration(value=2, unit="min")
    pick(qtbot, panel.details.process_time.unit, "hours")
    assert window.document.stage("report-problem").process_time == Duration(value=2, unit="h")
    assert stack.count() == before + 1  # edits of one field in a row merge, like typing
    stack.undo()
    assert panel.details.process_time.value.text() == "5"
    assert panel.details.process_time.unit.currentText() == "minutes"
    stack.redo()
    type_into(qtbot, panel.details.wait_time.value, "")
    assert window.document.stage("report-problem").wait_time is None
    type_into(qtbot, panel.details.process_time.value, "-3")
    assert "negative" in panel.details.errors.text()
    assert window.document.stage("report-problem").process_time.value == 2


def test_practice_completer_offers_all_itil4_practices(window, panel, stack, qtbot):
    assert len(PRACTICES) == 34 and len(set(PRACTICES)) == 34
    assert {"Service desk", "Change enablement", "Deployment management",
            "Workforce and talent management"} <= set(PRACTICES)
    editor = panel.lists.editors["practices"]
    panel.tabs.setCurrentIndex(1)
    completer = editor.add_field.completer()
    completer.setCompletionPrefix("problem")
    assert completer.currentCompletion() == "Problem management"
    before = stack.count()
    type_into(qtbot, editor.add_field, "Problem management")
    assert window.document.stage("report-problem").practices == [
        "Service desk", "Incident management", "Problem management"]
    assert stack.count() == before + 1
    assert editor.items.count() == 3


def test_list_item_removed_with_delete_key(window, panel, stack, qtbot):
    panel.tabs.setCurrentIndex(1)
    editor = panel.lists.editors["practices"]
    editor.items.setCurrentRow(0)
    editor.items.setFocus()
    qtbot.keyClick(editor.items, Qt.Key.Key_Delete)
    assert window.document.stage("report-problem").practices == ["Incident management"]
    stack.undo()
    assert [editor.items.item(i).text() for i in range(editor.items.count())] == [
        "Service desk", "Incident management"]


def test_several_stages_one_edit_one_undo_step(window, panel, stack, qtbot):
    window.selection.set(["report-problem", "confirm-user"], "restore-service")
    assert "2 stages selected" in panel.heading.text()
    before = stack.count()
    type_into(qtbot, panel.details.pca, "80")
    doc = window.document
    assert [doc.stage(i).percent_complete_accurate for i in ("report-problem", "confirm-user")] == [80, 80]
    assert stack.count() == before + 1
    pick(qtbot, panel.details.lane, "Improve")
    assert {doc.stage(i).lane for i in ("report-problem", "confirm-user")} == {"improve"}
    assert stack.count() == before + 2
    stack.undo()
    assert [doc.stage(i).lane for i in ("report-problem", "confirm-user")] == ["engage", "engage"]


def test_different_values_show_as_several(window, panel):
    window.selection.set(["report-problem", "diagnose-fix"], "restore-service")
    assert panel.details.name.text() == ""
    assert panel.details.name.placeholderText() == "(several values)"


def test_lean_timings_take_a_decimal_comma(window, panel, stack, qtbot):
    type_into(qtbot, panel.details.wait_time.value, "4,5")
    assert window.document.stage("report-problem").wait_time == Duration(value=4.5, unit="min")
    type_into(qtbot, panel.details.pca, "87,5")
    assert window.document.stage("report-problem").percent_complete_accurate == 87.5
    assert not panel.details.errors.isVisible()


def test_clearing_the_selection_leaves_no_several_values_behind(window, panel):
    window.selection.set(["report-problem", "diagnose-fix"], "restore-service")
    window.selection.clear()
    assert "No stage selected" in panel.heading.text()
    details = panel.details
    assert (details.name.text(), details.name.placeholderText()) == ("", "Stage name")
    assert details.description.placeholderText() == "What happens in this stage"
    assert details.process_time.value.placeholderText() == "not measured"
    assert details.pca.placeholderText() != "(several values)"
    assert details.lane.currentText() == "(no activity)"
    assert all("several" not in e.add_field.placeholderText() for e in panel.lists.editors.values())
    assert panel.slas.table.rowCount() == 0 and panel.people.table.rowCount() == 0
    assert not panel.people.note.isVisibleTo(panel)


def test_edit_elsewhere_and_reset_refresh_without_commands(window, panel, stack, example_file):
    doc = window.document
    doc.push(SetStageFields(doc, "report-problem", name="Raise a ticket"))
    assert panel.details.name.text() == "Raise a ticket"
    count = stack.count()
    stack.undo()
    assert panel.details.name.text() == "Report the problem"
    assert stack.count() == count
    from vscdesk.storage import load
    model = load(example_file)
    model.streams[0].stages[0].name = "Opened again"
    window.show_model(model, None)
    assert panel.details.name.text() == "Opened again"
    assert stack.count() == 0


def test_involved_stakeholder_added_and_raci_changed(window, panel, stack, qtbot):
    panel.tabs.setCurrentIndex(3)
    people = panel.people
    before = stack.count()
    pick(qtbot, people.add, "Problem manager")
    refs = window.document.stage("report-problem").stakeholders
    assert refs[-1].stakeholder == "problem-manager" and refs[-1].role == "participating"
    pick(qtbot, people.table.cellWidget(2, 2), "C · Consulted")
    assert window.document.stage("report-problem").stakeholders[-1].raci == "C"
    pick(qtbot, people.table.cellWidget(0, 1), "Participating")
    assert window.document.stage("report-problem").stakeholders[0].role == "participating"
    assert stack.count() == before + 1  # consecutive edits of one field merge into one step
    stack.undo()
    assert people.table.rowCount() == 2
    assert people.table.cellWidget(0, 1).currentText() == "Triggering"


def test_new_stakeholder_inline_adds_and_involves_in_one_step(window, panel, stack, qtbot):
    panel.tabs.setCurrentIndex(3)
    people = panel.people
    before = len(window.document.model.stakeholders)
    pick(qtbot, people.add, "New stakeholder…")
    assert people.new_name.isVisible() and people.new_name.hasFocus()
    qtbot.keyClicks(people.new_name, "Security officer")
    qtbot.keyClick(people.new_name, Qt.Key.Key_Return)
    registry = window.document.model.stakeholders
    assert len(registry) == before + 1 and registry[-1].name == "Security officer"
    refs = window.document.stage("report-problem").stakeholders
    assert refs[-1].stakeholder == registry[-1].id and len(refs) == 3
    assert stack.count() == 1 and not people.new_name.isVisible()
    assert people.table.rowCount() == 3
    stack.undo()
    assert len(window.document.model.stakeholders) == before
    assert len(window.document.stage("report-problem").stakeholders) == 2


def test_new_stakeholder_is_offered_with_an_empty_registry_and_esc_cancels(qtbot, window):
    from vscdesk.model import DocumentModel

    model = window.document.model.model_dump()
    for stream in model["streams"]:
        stream["owner"] = stream["triggering_stakeholder"] = None
        for stage in stream["stages"]:
            stage["stakeholders"] = []
    model["stakeholders"] = []
    window.show_model(DocumentModel.model_validate(model), None)
    window.features.docks["stage"].raise_()
    window.selection.set(["approve"], "fulfil-request")
    people = window.features.docks["stage"].widget().people
    window.features.docks["stage"].widget().tabs.setCurrentIndex(3)
    assert [people.add.itemText(i) for i in range(people.add.count())] == [
        "Add a stakeholder…", "New stakeholder…"]
    pick(qtbot, people.add, "New stakeholder…")
    qtbot.keyClicks(people.new_name, "Nobody")
    qtbot.keyClick(people.new_name, Qt.Key.Key_Escape)
    assert not people.new_name.isVisible() and window.document.undo_stack.count() == 0
    pick(qtbot, people.add, "New stakeholder…")
    qtbot.keyClicks(people.new_name, "Line manager")
    qtbot.keyClick(people.new_name, Qt.Key.Key_Return)
    assert [p.name for p in window.document.model.stakeholders] == ["Line manager"]
    assert window.document.stage("approve").stakeholders[0].stakeholder == "line-manager"
