"""Links: drawn with Shift+drag between cards, selectable, deletable, attached when cards move."""

from PySide6.QtCore import QPointF, Qt

from vscdesk.document import MoveStage
from vscdesk.render import palette as P
from vscdesk.render.primitives import Path, Rect, Text

from editing_helpers import canvas  # noqa: F401  (fixture)


def _colors(group):
    out = set()
    for p in group.items:
        if isinstance(p, (Path, Rect)):
            out |= {p.fill, p.stroke.color if p.stroke else None}
        elif isinstance(p, Text):
            out.add(p.color)
    return out - {None}


def test_shift_drag_from_card_to_card_draws_one_link(canvas, qtbot):
    shift = Qt.KeyboardModifier.ShiftModifier
    canvas.drag(qtbot, canvas.card_centre("approve"), canvas.card_centre("build-test"), shift)
    links = [lk for lk in canvas.doc.model.links if lk.source == "approve"]
    assert len(links) == 1 and links[0].target == "build-test" and links[0].kind == "handoff"
    assert canvas.stack_count() == 1
    assert f"link:{links[0].id}" in canvas.scene.items_by_key
    assert canvas.doc.stream_of("approve").id == "fulfil-request"  # not moved by the drag


def test_link_mode_drag_uses_the_chosen_kind_and_empty_release_adds_nothing(canvas, qtbot):
    canvas.interaction.link_mode = True
    canvas.editing.new_link_kind = "integration"
    canvas.drag(qtbot, canvas.card_centre("approve"), canvas.at(40, 40))  # onto the title
    assert canvas.stack_count() == 0
    canvas.drag(qtbot, canvas.card_centre("operate"), canvas.card_centre("prepare-deliver"))
    assert canvas.doc.model.links[-1].kind == "integration"
    assert [i for i in canvas.scene.items() if type(i).__name__ == "QGraphicsLineItem"] == []


def test_click_selects_a_link_and_delete_removes_it_undo_restores(canvas, qtbot):
    item = canvas.scene.items_by_key["link:fix-rework"]
    path = item.shape()
    # a point on the line itself: walk the item's shape until the scene hit-test agrees
    rect = path.boundingRect()
    point = None
    for k in range(1, 40):
        local = rect.topLeft() + (rect.bottomRight() - rect.topLeft()) * (k / 40)
        for dy in range(-8, 9, 2):
            probe = local + QPointF(0, dy)
            if path.contains(probe):
                scene_point = item.mapToScene(probe)
                if canvas.scene.items(scene_point)[0] is item:
                    point = scene_point
                    break
        if point is not None:
            break
    assert point is not None
    qtbot.mouseClick(canvas.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=canvas.at(point.x(), point.y()))
    assert item.isSelected()
    assert canvas.editing.selected_links() == ["fix-rework"]
    canvas.editing.delete()
    assert "fix-rework" not in canvas.doc
    assert "link:fix-rework" not in canvas.scene.items_by_key
    canvas.doc.undo_stack.undo()
    assert "link:fix-rework" in canvas.scene.items_by_key


def test_a_click_beside_a_link_reaches_what_is_underneath(canvas, qtbot):
    link = canvas.scene.items_by_key["link:ops-feeds-fix"]
    inside_box = link.sceneBoundingRect().center() + QPointF(-60, 0)
    hits = [getattr(i, "group", None) for i in canvas.scene.items(inside_box)]
    assert all(g is None or g.kind != "link" for g in hits)


def test_links_stay_attached_when_a_card_moves(canvas):
    doc = canvas.doc
    before = canvas.scene.items_by_key["link:fix-rework"].group
    doc.push(MoveStage(doc, "confirm-user", "restore-service", 2, lane_id="plan"))
    after = canvas.scene.items_by_key["link:fix-rework"].group
    assert after != before
    card = canvas.scene.item_for("confirm-user").sceneBoundingRect()
    start = canvas.scene.items_by_key["link:fix-rework"].mapToScene(
        *next(p for p in after.items if isinstance(p, Path)).ops[0][1:3])
    assert card.adjusted(-2, -2, 2, 2).contains(start)


def test_links_are_neutral_never_the_accent(canvas):
    groups = [i.group for k, i in canvas.scene.items_by_key.items() if k.startswith("link:")]
    assert len(groups) == 2
    for group in groups:
        assert P.ACCENT not in _colors(group)
    labels = [p.text for g in groups for p in g.items if isinstance(p, Text)]
    assert "Integration · Monitoring alerts" in labels and "Rework · Not fixed" in labels
