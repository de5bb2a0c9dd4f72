"""Every field of the document model can be edited in the window, and a test shows how.

The walk reads the pydantic model itself, so a field added to ``DocumentModel`` (or to any
class inside it) fails this test until a row below names the test that edits it through the
window's widgets, or says why no editor makes sense (an id, a constant of the file format,
something the window computes from the user's gesture). A row naming a test that does not
exist fails too, so the table cannot rot when tests are renamed.
"""

from __future__ import annotations

import ast
import typing
from functools import cache
from pathlib import Path

from pydantic import BaseModel

from vscdesk.model import DocumentModel

ROOT = Path(__file__).resolve().parents[1]

# -- where each field is edited -------------------------------------------------------------

LANE = "tests/panels/test_lane_panel.py::"
LINK = "tests/panels/test_link_panel.py::"
STAGE = "tests/panels/test_stage_panel.py::"
FIELDS = "tests/panels/test_stage_fields.py::"
STREAM = "tests/panels/test_stream_panel.py::"
PEOPLE = "tests/panels/test_stakeholders_panel.py::"
SLA = "tests/panels/test_sla_table.py::"
SLIDES = "tests/panels/test_slides_panel.py::"
PRESENT = "tests/app/test_presentation_actions.py::"
HEADERS = "tests/canvas/test_header_edits.py::"
STRUCTURE = "tests/app/test_structure_actions.py::"
LINKS = "tests/canvas/test_editing_links.py::"
DRAG = "tests/canvas/test_editing_drag.py::"
GROUPS = "tests/app/test_lane_group_menu.py::"
LANE_GROUP = ("tests/panels/test_lane_group_field.py::"
              "test_a_group_is_made_joined_renamed_marked_left_and_deleted")
FLOW = "tests/panels/test_metrics_panel.py::test_flow_items_import_as_one_undo_step_and_chart"

ID = "an id: made from the name when the object is added, never shown for editing"
FORMAT = "a constant of the file format, written by every save"
FLOW_ITEM = ("flow items come from a Flow Framework CSV export (File ▸ Import flow items…, "
             "one undo step), not typed one by one: ")

#: path -> the test that edits it through the window ("file::test"), or "why: ..." when no
#: editor belongs there
EDITED_BY: dict[str, str] = {
    "format": "why: " + FORMAT,
    "schema_version": "why: " + FORMAT,
    "title": STRUCTURE + "test_a_new_map_titled_with_f2_no_longer_exports_as_untitled",
    "chain.name": HEADERS + "test_double_click_on_the_chain_name_in_the_title_renames_the_chain",
    "chain.lanes[].id": "why: " + ID,
    "chain.lanes[].name": LANE + "test_rename_and_description_are_one_step_each",
    "chain.lanes[].color": LANE + "test_palette_colours_come_first_and_a_click_sets_one",
    "chain.lanes[].description": LANE + "test_rename_and_description_are_one_step_each",
    "chain.lanes[].group": LANE_GROUP,
    "chain.groups[].id": "why: " + ID,
    "chain.groups[].name": LANE_GROUP,
    "chain.groups[].support": LANE_GROUP,
    "chain.margin": GROUPS + "test_the_margin_is_set_and_removed_from_the_lane_menu",
    "stakeholders[].id": "why: " + ID,
    "stakeholders[].name": PEOPLE + "test_rename_in_the_table_reaches_stage_cards",
    "stakeholders[].kind": PEOPLE + "test_kind_and_external",
    "stakeholders[].external": PEOPLE + "test_kind_and_external",
    "stakeholders[].initials": PEOPLE + "test_initials_and_description_cells",
    "stakeholders[].description": PEOPLE + "test_initials_and_description_cells",
    "streams[].id": "why: " + ID,
    "streams[].name": SLA + "test_stream_sla_table_edits_the_stream",
    "streams[].kind": STREAM + "test_kind_owner_and_triggering_stakeholder",
    "streams[].trigger": STREAM + "test_trigger_typed_is_one_step_and_undo_shows_the_old_text",
    "streams[].value": STREAM + "test_value_outcome_and_every_sla_column",
    "streams[].description": STREAM + "test_description_commits_when_leaving_the_field",
    "streams[].triggering_stakeholder": STREAM + "test_kind_owner_and_triggering_stakeholder",
    "streams[].owner": STREAM + "test_kind_owner_and_triggering_stakeholder",
    "streams[].color": STREAM + "test_colour_is_asked_for_and_can_go_back_to_automatic",
    **{f"streams[].slas[].{name}": STREAM + "test_value_outcome_and_every_sla_column"
       for name in ("name", "metric", "comparator", "target", "unit", "actual")},
    "streams[].stages[].id": "why: " + ID,
    "streams[].stages[].name": STAGE + "test_rename_is_one_step_reaches_the_canvas_and_undo_"
                                       "shows_the_old_name",
    "streams[].stages[].lane": STAGE + "test_activity_choice_moves_the_stage_to_that_lane",
    "streams[].stages[].description": FIELDS + "test_description_commits_on_tab",
    "streams[].stages[].value_items": FIELDS + "test_each_list_takes_a_typed_item_as_one_step",
    "streams[].stages[].entrance_criteria": FIELDS + "test_each_list_takes_a_typed_item_as_"
                                                     "one_step",
    "streams[].stages[].exit_criteria": FIELDS + "test_each_list_takes_a_typed_item_as_one_step",
    "streams[].stages[].practices": STAGE + "test_practice_completer_offers_all_itil4_practices",
    "streams[].stages[].capabilities": FIELDS + "test_each_list_takes_a_typed_item_as_one_step",
    "streams[].stages[].process_time.value": STAGE + "test_lean_timing_value_and_unit",
    "streams[].stages[].process_time.unit": STAGE + "test_lean_timing_value_and_unit",
    "streams[].stages[].wait_time.value": STAGE + "test_lean_timing_value_and_unit",
    "streams[].stages[].wait_time.unit": STAGE + "test_lean_timing_value_and_unit",
    "streams[].stages[].percent_complete_accurate":
        STAGE + "test_invalid_percent_complete_accurate_never_reaches_the_model",
    "streams[].stages[].slas[].name":
        SLA + "test_a_misfit_already_in_the_file_does_not_block_other_edits",
    "streams[].stages[].slas[].metric": SLA + "test_metric_and_comparator_are_chosen_from_lists",
    "streams[].stages[].slas[].comparator":
        SLA + "test_metric_and_comparator_are_chosen_from_lists",
    "streams[].stages[].slas[].target": SLA + "test_a_decimal_comma_is_a_decimal_point",
    "streams[].stages[].slas[].unit":
        SLA + "test_a_typed_unit_that_fits_is_stored_in_its_short_form",
    "streams[].stages[].slas[].actual": SLA + "test_actual_edit_updates_model_and_status",
    "streams[].stages[].stakeholders[].stakeholder":
        STAGE + "test_new_stakeholder_inline_adds_and_involves_in_one_step",
    "streams[].stages[].stakeholders[].role":
        STAGE + "test_involved_stakeholder_added_and_raci_changed",
    "streams[].stages[].stakeholders[].raci":
        STAGE + "test_involved_stakeholder_added_and_raci_changed",
    "links[].id": "why: " + ID,
    "links[].kind": LINK + "test_kind_and_label_are_one_step_each",
    "links[].source": LINKS + "test_shift_drag_from_card_to_card_draws_one_link",
    "links[].target": LINKS + "test_shift_drag_from_card_to_card_draws_one_link",
    "links[].label": LINK + "test_kind_and_label_are_one_step_each",
    **{f"links[].slas[].{name}": LINK + "test_sla_rows_are_added_and_every_column_edited"
       for name in ("name", "metric", "comparator", "target", "unit", "actual")},
    "slides[].id": "why: " + ID,
    "slides[].name": SLIDES + "test_rename_in_place",
    "slides[].view": PRESENT + "test_add_current_view_saves_a_slide_that_is_then_presented",
    "slides[].stream": PRESENT + "test_add_current_view_saves_a_slide_that_is_then_presented",
    "slides[].stage": PRESENT + "test_add_current_view_saves_a_slide_that_is_then_presented",
    "slides[].zoom": PRESENT + "test_a_zoomed_editor_saves_a_zoomed_slide",
    "flow_items[].id": "why: " + FLOW_ITEM + "the work item's key in the tracker",
    "flow_items[].type": FLOW,
    "flow_items[].stream": FLOW,
    "flow_items[].started": FLOW,
    "flow_items[].finished": FLOW,
    "flow_items[].active_time.value": FLOW,
    "flow_items[].active_time.unit": FLOW,
}

# -- the walk -------------------------------------------------------------------------------


def _models_in(annotation) -> tuple[list[type[BaseModel]], bool]:
    """The model classes inside a field's type (through Optional, list, Annotated), and
    whether it holds many of them (a list)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation], False
    found: list[type[BaseModel]] = []
    many = typing.get_origin(annotation) in (list, tuple)
    for arg in typing.get_args(annotation):
        models, inner_many = _models_in(arg)
        found += models
        many = many or inner_many
    return found, many


def field_paths(cls: type[BaseModel] = DocumentModel, prefix: str = "") -> list[str]:
    """Every leaf field under ``cls``: "title", "chain.lanes[].color", ..."""
    paths: list[str] = []
    for name, field in cls.model_fields.items():
        models, many = _models_in(field.annotation)
        path = prefix + name
        if not models:
            paths.append(path)
        for model in models:
            paths += field_paths(model, path + ("[]." if many else "."))
    return paths


@cache
def _tests_in(relative: str) -> frozenset[str]:
    tree = ast.parse((ROOT / relative).read_text(encoding="utf-8"))
    return frozenset(node.name for node in tree.body
                     if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"))


def test_the_walk_sees_nested_fields():
    paths = field_paths()
    assert "streams[].stages[].slas[].actual" in paths
    assert "flow_items[].active_time.unit" in paths and "chain.lanes[].color" in paths
    assert "streams[].stages" not in paths  # containers are walked, not listed


def test_every_model_field_has_an_editor_test_or_a_reason():
    paths = field_paths()
    missing = [p for p in paths if p not in EDITED_BY]
    assert not missing, ("fields with no window editor test in EDITED_BY (name the test that "
                         f"edits it, or 'why: ...'): {missing}")
    stale = sorted(set(EDITED_BY) - set(paths))
    assert not stale, f"EDITED_BY names fields the model no longer has: {stale}"


def test_every_named_test_exists():
    for path, entry in EDITED_BY.items():
        if entry.startswith("why: "):
            assert len(entry) > 20, f"{path}: say why it has no editor"
            continue
        file, _, name = entry.partition("::")
        assert (ROOT / file).is_file(), f"{path}: no test file {file}"
        assert name in _tests_in(file), f"{path}: {file} has no test {name}"
