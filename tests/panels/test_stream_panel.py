"""Stream panel: fields of the selection's stream, one command each; the stream picker."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.panels.conftest import pick, type_into
from vscdesk.document import SetStreamFields
from vscdesk.panels import questions
from tests.windows import open_panel


@pytest.fixture
def panel(window):
    return open_panel(window, "stream", ["approve"], "fulfil-request")


def stream(window, ident="fulfil-request"):
    return window.document.stream(ident)


def test_shows_the_selected_stages_stream(window, panel):
    assert panel.picker.currentText() == "Fulfil a service request"
    assert panel.name.text() == stream(window).name
    assert panel.trigger.text() == stream(window).trigger
    window.selection.set(["report-problem"], "restore-service")
    assert panel.name.text() == "Restore service for a user"


def test_trigger_typed_is_one_step_and_undo_shows_the_old_text(window, panel, stack, qtbot):
    old = stream(window).trigger
    before = stack.count()
    type_into(qtbot, panel.trigger, "Employee starts a new job")
    assert stream(window).trigger == "Employee starts a new job"
    assert stack.count() == before + 1
    stack.undo()
    assert panel.trigger.text() == old and stack.count() == before + 1


def test_description_commits_when_leaving_the_field(window, panel, stack, qtbot):
    panel.description.setFocus()
    panel.description.selectAll()
    qtbot.keyClicks(panel.description, "Laptops for everyone")
    qtbot.keyClick(panel.description, Qt.Key.Key_Tab)  # Tab moves on and commits
    assert stream(window).description == "Laptops for everyone"


def test_kind_owner_and_triggering_stakeholder(window, panel, stack, qtbot):
    before = stack.count()
    pick(qtbot, panel.kind, "Supporting")
    pick(qtbot, panel.owner, "Procurement")
    pick(qtbot, panel.triggering, "(nobody)")
    s = stream(window)
    assert (s.kind, s.owner, s.triggering_stakeholder) == ("supporting", "procurement", None)
    assert stack.count() == before + 3
    stack.undo()
    assert panel.triggering.currentText() != "(nobody)"


def test_colour_is_asked_for_and_can_go_back_to_automatic(window, panel, stack, qtbot, monkeypatch):
    monkeypatch.setattr(questions, "ask_color", lambda parent, current: "#AA3366")
    qtbot.mouseClick(panel.color.choose, Qt.MouseButton.LeftButton)
    assert stream(window).color == "#AA3366"
    assert panel.color.code.text() == "#AA3366"
    qtbot.mouseClick(panel.color.automatic, Qt.MouseButton.LeftButton)
    assert stream(window).color is None
    monkeypatch.setattr(questions, "ask_color", lambda parent, current: None)  # cancelled
    before = stack.count()
    qtbot.mouseClick(panel.color.choose, Qt.MouseButton.LeftButton)
    assert stack.count() == before


def test_blank_name_refused_inline(window, panel, stack, qtbot):
    before = stack.count()
    type_into(qtbot, panel.name, "")
    assert stream(window).name == "Fulfil a service request"
    assert stack.count() == before and "blank" in panel.errors.text()


def test_picking_a_stream_selects_it_and_undo_elsewhere_refreshes(window, panel, stack, qtbot):
    pick(qtbot, panel.picker, "Deliver a new service")
    assert window.selection.stream_id == "new-service"
    assert window.selection.stage_ids == ()
    doc = window.document
    doc.push(SetStreamFields(doc, "new-service", value="A service in production"))
    assert panel.value.text() == "A service in production"
    stack.undo()
    assert panel.value.text() == stream(window, "new-service").value


def test_move_buttons_and_delete_with_undo_restoring_stages_and_links(window, panel, stack,
                                                                       qtbot):
    doc = window.document
    before = doc.model.model_dump()
    assert panel.up_button.isEnabled() and panel.down_button.isEnabled()
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert doc.model.streams[0].id == "fulfil-request" and not panel.up_button.isEnabled()
    qtbot.mouseClick(panel.down_button, Qt.MouseButton.LeftButton)
    assert doc.model.streams[1].id == "fulfil-request"
    links = [lk.id for lk in doc.model.links
             if doc.stream_of(lk.source).id == "fulfil-request"
             or doc.stream_of(lk.target).id == "fulfil-request"]
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert "fulfil-request" not in doc and not any(lk in doc for lk in links)
    assert stack.count() == 3
    for _ in range(3):
        stack.undo()
    assert doc.model.model_dump() == before


def test_value_outcome_and_every_sla_column(window, panel, stack, qtbot):
    from tests.panels.sla_helpers import EDITED, edit_every_column, values

    type_into(qtbot, panel.value, "Laptop ready on day one")
    assert stream(window).value == "Laptop ready on day one"
    qtbot.mouseClick(panel.slas.add_button, Qt.MouseButton.LeftButton)
    row = len(stream(window).slas) - 1
    edit_every_column(qtbot, panel.slas.table, row)
    assert values(stream(window).slas[row]) == EDITED
    assert stack.count() == 8  # the value, the new row, one step per committed cell


def test_new_stakeholder_as_owner_inline_in_one_step(window, panel, stack, qtbot):
    before, owner = len(window.document.model.stakeholders), stream(window).owner
    pick(qtbot, panel.owner, "New stakeholder…")
    assert panel.new_person.isVisible() and panel.new_person.hasFocus()
    assert stream(window).owner == owner and stack.count() == 0  # nothing until a name
    qtbot.keyClicks(panel.new_person, "Fleet manager")
    qtbot.keyClick(panel.new_person, Qt.Key.Key_Return)
    people = window.document.model.stakeholders
    assert len(people) == before + 1 and people[-1].name == "Fleet manager"
    assert stream(window).owner == people[-1].id and panel.owner.currentText() == "Fleet manager"
    assert stack.count() == 1 and not panel.new_person.isVisible()
    stack.undo()
    assert len(window.document.model.stakeholders) == before
    pick(qtbot, panel.triggering, "New stakeholder…")
    qtbot.keyClicks(panel.new_person, "Nobody")
    qtbot.keyClick(panel.new_person, Qt.Key.Key_Escape)  # Esc: nothing added
    assert not panel.new_person.isVisible() and stack.count() == 1 and stack.index() == 0


def test_new_stakeholder_with_a_name_already_in_the_registry_refers_to_that_person(
        window, panel, stack, qtbot):
    """Typing "service DESK" under New stakeholder… picks the Service desk, never a second one."""
    people = [p.id for p in window.document.model.stakeholders]
    desk = next(p for p in window.document.model.stakeholders if p.name == "Service desk")
    pick(qtbot, panel.triggering, "New stakeholder…")
    qtbot.keyClicks(panel.new_person, "service  DESK ")
    qtbot.keyClick(panel.new_person, Qt.Key.Key_Return)
    assert [p.id for p in window.document.model.stakeholders] == people
    assert stream(window).triggering_stakeholder == desk.id and stack.count() == 1
