"""Edits on a large map update items in place: the scene is never rebuilt for a rename."""

from collections import Counter

import pytest

from bench.synthetic import synthetic_data
from vscdesk.canvas.scene import DiagramScene
from vscdesk.document import Document, SetStageFields
from vscdesk.model import DocumentModel, Sla
from vscdesk.render.legend import sla_counts


@pytest.fixture
def scene(qapp):
    scene = DiagramScene(Document(DocumentModel.model_validate(synthetic_data(1000, seed=3))))
    yield scene
    scene.deleteLater()


def _never_rebuild(scene, monkeypatch):
    def fail() -> None:
        raise AssertionError("the whole scene was rebuilt for an in-place edit")

    monkeypatch.setattr(scene, "rebuild", fail)


def _groups(scene) -> dict:
    return {key: item.group for key, item in scene.items_by_key.items()}


def _a_stage(scene, n: int = 0):
    stream = scene.document.model.streams[5 + n]
    return stream, stream.stages[2]


def test_consecutive_renames_touch_only_the_card_and_its_row(scene, monkeypatch):
    _never_rebuild(scene, monkeypatch)
    doc = scene.document
    # names of one and two lines: a name that needs more lines than its row's cards have
    # makes the row taller, which moves things (a full redraw, tested below)
    for n, name in enumerate(["X", "A longer name that wraps", "Y z"]):
        stream, stage = _a_stage(scene, n)
        before = _groups(scene)
        doc.push(SetStageFields(doc, stage.id, name=name))
        after = _groups(scene)
        changed = {key for key in before if after[key] != before[key]}
        assert f"stage:{stage.id}" in changed
        assert changed <= {f"stage:{stage.id}", f"row:{stream.id}"}  # a rename keeps the title
        shown = " ".join(p.text for p in after[f"stage:{stage.id}"].items if hasattr(p, "text"))
        assert name.split()[0] in shown


def test_the_drawing_used_by_export_follows_in_place_edits(scene, monkeypatch):
    _never_rebuild(scene, monkeypatch)
    doc = scene.document
    _, stage = _a_stage(scene)
    doc.push(SetStageFields(doc, stage.id, name="Exported name"))
    by_key = {g.key: g for g in scene.current_drawing().groups}
    assert by_key == _groups(scene)
    assert [g.key for g in scene.current_drawing().groups] == list(by_key)  # paint order unchanged


def test_title_counts_follow_sla_edits_without_recounting(scene, monkeypatch):
    _never_rebuild(scene, monkeypatch)
    doc = scene.document
    _, stage = _a_stage(scene)
    breached = Sla(name="Response", target=5, unit="min", actual=500)
    doc.push(SetStageFields(doc, stage.id, slas=[breached, breached]))
    doc.push(SetStageFields(doc, _a_stage(scene, 1)[1].id, slas=[]))
    counts = sla_counts(doc.model)
    title = " ".join(p.text for p in scene.items_by_key["title"].group.items if hasattr(p, "text"))
    assert f"{counts['breached']} breached" in title
    assert f"{counts['met']} met" in title
    assert counts["breached"] == Counter(scene._sla_counts.totals)["breached"]


def test_undo_of_an_in_place_edit_is_in_place_too(scene, monkeypatch):
    doc = scene.document
    _, stage = _a_stage(scene)
    original = _groups(scene)[f"stage:{stage.id}"]
    doc.push(SetStageFields(doc, stage.id, name="Temporary"))
    _never_rebuild(scene, monkeypatch)
    doc.undo_stack.undo()
    assert _groups(scene)[f"stage:{stage.id}"] == original


def test_opening_a_large_map_after_a_small_one_sizes_the_item_index_for_it(qapp):
    """Qt fixes its index depth the first time a scene is indexed; a window that showed a small
    document must not look up a large one's repaints in a tree sized for 20 items."""
    from PySide6.QtCore import QRectF

    from vscdesk.canvas.scene import bsp_depth

    small = Document(DocumentModel.model_validate(synthetic_data(10)))
    scene = DiagramScene(small)
    scene.items(QRectF(0, 0, 10, 10))  # indexed now, at the small size
    assert scene.bspTreeDepth() == bsp_depth(len(scene.items())) == 5
    small.set_model(DocumentModel.model_validate(synthetic_data(2000, seed=1)), None)
    assert scene.bspTreeDepth() == bsp_depth(len(scene.items())) >= 12
    card = scene.items_by_key[f"stage:{small.model.streams[3].stages[1].id}"]
    assert card in scene.items(card.sceneBoundingRect())
    scene.deleteLater()


@pytest.mark.parametrize("view", ["chain", "stream"])
def test_in_place_edits_draw_exactly_what_a_rebuild_draws(qapp, view, monkeypatch):
    """Both views: a rename (rewrapped), new SLAs (pill and title counts) and new people
    (badges) are drawn in place, and the result equals the drawing of the edited map."""
    from vscdesk.model import StakeholderRef
    from vscdesk.render.pages import view_drawing

    scene = DiagramScene(Document(DocumentModel.model_validate(synthetic_data(600, seed=9))),
                         view=view)
    _never_rebuild(scene, monkeypatch)
    doc = scene.document
    stage = doc.model.streams[4].stages[1]
    person = doc.model.stakeholders[0].id
    doc.push(SetStageFields(doc, stage.id, name="A longer name that wraps"))
    doc.push(SetStageFields(doc, stage.id, slas=[Sla(name="Fix", target=5, unit="min",
                                                     actual=50)]))
    doc.push(SetStageFields(doc, stage.id, stakeholders=[StakeholderRef(stakeholder=person)]))
    fresh = {g.key: g for g in view_drawing(doc.model, view).groups}
    assert {g.key: g for g in scene.current_drawing().groups} == fresh
    scene.deleteLater()


@pytest.mark.parametrize("view", ["chain", "stream"])
def test_a_rename_that_needs_more_lines_grows_its_row_and_draws_it_whole(qapp, view):
    """Names are never cut: a name longer than the row's cards hold makes every card of the
    row taller (a full redraw), and renaming it back shrinks the row again."""
    from vscdesk.render.pages import view_drawing

    scene = DiagramScene(Document(DocumentModel.model_validate(synthetic_data(300, seed=9))),
                         view=view)
    doc = scene.document
    stream = doc.model.streams[4]
    stage, other = stream.stages[1], stream.stages[0]
    old = stage.name
    before = {g.key: g for g in scene.current_drawing().groups}[f"stage:{stage.id}"].bounds[3]
    long = "Reconcile the configuration database against every discovered asset, each night"
    doc.push(SetStageFields(doc, stage.id, name=long))
    drawn = {g.key: g for g in scene.current_drawing().groups}
    assert drawn == {g.key: g for g in view_drawing(doc.model, view).groups}
    card = drawn[f"stage:{stage.id}"]
    assert card.bounds[3] == drawn[f"stage:{other.id}"].bounds[3] > before  # the row grew
    shown = "".join(p.text for p in card.items if hasattr(p, "text")).replace(" ", "")
    assert long.replace(" ", "") in shown
    doc.undo_stack.undo()
    assert doc.model.streams[4].stages[1].name == old
    assert {g.key: g for g in scene.current_drawing().groups} == {
        g.key: g for g in view_drawing(doc.model, view).groups}
    scene.deleteLater()


@pytest.mark.parametrize("view", ["chain", "stream"])
def test_edits_that_change_the_legend_or_restore_a_person_redraw_right(qapp, view):
    """Found in review: the legend lists the initials of stakeholders some stage names, and
    undoing "Delete stakeholder" gives cards their badges back; both must not be missed by
    the in-place path."""
    from vscdesk.document import AddStakeholder, RemoveStakeholder
    from vscdesk.model import StakeholderRef
    from vscdesk.render.pages import view_drawing

    scene = DiagramScene(Document(DocumentModel.model_validate(synthetic_data(300, seed=4))),
                         view=view)
    doc = scene.document

    def drawn_as_fresh() -> bool:
        return ({g.key: g for g in scene.current_drawing().groups}
                == {g.key: g for g in view_drawing(doc.model, view).groups})

    doc.push(AddStakeholder(doc, {"id": "auditor", "name": "Auditor Person"}))
    stage = doc.model.streams[2].stages[0]
    doc.push(SetStageFields(doc, stage.id, stakeholders=[StakeholderRef(stakeholder="auditor")]))
    assert drawn_as_fresh()  # the legend names the auditor now
    used = doc.model.streams[1].stages[0].stakeholders[0].stakeholder
    doc.push(RemoveStakeholder(doc, used))
    assert drawn_as_fresh()
    doc.undo_stack.undo()  # the person comes back, and with them their badges
    assert drawn_as_fresh()
    scene.deleteLater()
