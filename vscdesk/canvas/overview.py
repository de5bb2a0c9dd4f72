"""The overview: zoomed so far out that a card is under 2 pixels, cards and arrows are not
drawn at all, and the map shows as its activities and streams (their names stay readable).

Level of detail beyond silhouettes (items.py): a 10,000-stage map fitted to the window is
a hundred pixels wide, and painting its 20,000 sub-pixel cards and arrows took a fifth of a
second and 30 MB per repaint for dots nobody can tell apart. Such items keep
their place, selection and hit area; Qt only skips painting them (ItemHasNoContents), and a
selected one is still drawn so its highlight shows where it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QGraphicsItem

#: below this zoom the map is an overview (a 76 px tall card is then under 2 px)
OVERVIEW_SCALE = 0.025
#: what the overview leaves out: the many small items
DETAIL_KINDS = frozenset({"stage", "arrow"})

_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def is_overview(scale: float) -> bool:
    return scale < OVERVIEW_SCALE


def set_drawn(item: QGraphicsItem, drawn: bool) -> None:
    """Paint ``item`` or let Qt skip it; only detail items are ever skipped."""
    if bool(item.flags() & _NO_CONTENTS) == drawn:
        item.setFlag(_NO_CONTENTS, not drawn)
        if drawn:
            item.update()


def apply(items: Iterable, overview: bool) -> None:
    """Skip or draw again the detail items among ``items`` (GroupItems)."""
    for item in items:
        if item.group.kind in DETAIL_KINDS:
            set_drawn(item, not overview or item.isSelected())
