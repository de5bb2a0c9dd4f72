"""The lane header's "Lane group" submenu: put the lane into a group or out of any, start a
new group with it, rename or delete its group, and mark the group as support activities (drawn
hatched, as Porter draws support under every primary activity). Each is one undo step."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from vscdesk.app import dialogs
from vscdesk.document.commands_groups import (
    SetMargin, delete_group, new_group, put_lane, rename_group, set_support,
)

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow
    from vscdesk.canvas.editing import CanvasEditing


def add_lane_group_menu(menu: QMenu, window: MainWindow, editing: CanvasEditing,
                        lane_id: str) -> QMenu:
    """Append the submenu for ``lane_id`` to ``menu`` and return it."""
    doc = window.document
    lane = doc.lane(lane_id)
    sub = menu.addMenu("Lane &group")
    none = sub.addAction("No group", lambda: editing.push(lambda: put_lane(doc, lane_id, None)))
    none.setCheckable(True)
    none.setChecked(lane.group is None)
    def put_in(group_id: str | None) -> None:
        editing.push(lambda: put_lane(doc, lane_id, group_id))

    for group in doc.model.chain.groups:
        item = sub.addAction(group.name, partial(put_in, group.id))
        item.setCheckable(True)
        item.setChecked(lane.group == group.id)
    sub.addSeparator()

    def create() -> None:
        name = dialogs.ask_text(window, "New lane group", "Name of the group:",
                                "Support activities" if doc.model.chain.groups else
                                "Primary activities")
        if name and name.strip():
            editing.push(lambda: new_group(doc, name.strip(), lane_id))

    sub.addAction("New group with this lane…", create)
    current = next((g for g in doc.model.chain.groups if g.id == lane.group), None)
    if current is not None:
        def rename() -> None:
            name = dialogs.ask_text(window, "Rename lane group", "Name of the group:",
                                    current.name)
            if name and name.strip():
                editing.push(lambda: rename_group(doc, current.id, name.strip()))

        sub.addAction(f"Rename “{current.name}”…", rename)
        def toggle_support() -> None:
            editing.push(lambda: set_support(doc, current.id, not current.support))

        support = sub.addAction("Support activities (drawn hatched)", toggle_support)
        support.setCheckable(True)
        support.setChecked(current.support)
        sub.addAction(f"Delete group “{current.name}”",
                      lambda: editing.push(lambda: delete_group(doc, current.id)))
    sub.addSeparator()

    def margin() -> None:
        text = dialogs.ask_text(window, "Margin", "Drawn at the end of the chain (empty for "
                                "none):", doc.model.chain.margin or "Margin")
        if text is not None:
            editing.push(lambda: SetMargin(doc, text))

    sub.addAction("Margin at the end of the chain…", margin)
    return sub
