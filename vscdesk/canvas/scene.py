"""The diagram scene: draws the layout of the document and keeps it in step with its signals.

The scene owns the key -> item map. After each command it recomputes the display list and
touches only the items whose group changed; a rename that moves nothing regenerates only the
renamed stage's card and its stream's header (the title only when the SLA counts change).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Signal
from PySide6.QtWidgets import QGraphicsScene

from vscdesk.bulk import paused_gc
from vscdesk.canvas import overview
from vscdesk.canvas.items import GroupItem
from vscdesk.paint.painter import load_fonts
from vscdesk.document import Document, Selection
from vscdesk.render.chain import ChainRenderer
from vscdesk.render.primitives import Drawing, Group
from vscdesk.render.legend import title_group
from vscdesk.canvas.sla_counts import SlaCounts

if TYPE_CHECKING:
    from vscdesk.render.stream import StreamRenderer


def bsp_depth(items: int) -> int:
    """The depth of Qt's item index for this many items, as Qt picks it for a new scene.

    Qt picks it once, from the items a scene holds when it is first indexed, and keeps it:
    a window that showed a small document and then opens a 10,000-stage one looked up every
    repaint in a tree fit for 20 items (a thousand candidate items per edit instead of ~40)."""
    return max(5, math.ceil(math.log2(max(items, 1))))


#: the item key of each kind of header a Selection can pick
_HEADER_KEYS = {"stream": "row:{}", "lane": "lane:{}", "title": "title"}


class DiagramScene(QGraphicsScene):
    """Shows one view of a document; listens to the document, never writes to it."""

    rebuilt = Signal()  # after the items were brought up to date
    _drawing: Drawing  # the display list the items show: set by each full rebuild

    def __init__(self, document: Document, view: str = "chain", parent=None,
                 selection: Selection | None = None) -> None:
        super().__init__(parent)
        load_fonts()
        self.document = document
        self.selection = selection or Selection(self)
        self._syncing_selection = False
        self.view = view
        self.heat: str | None = None  # a heat-map measure colouring the stages, or None
        self.items_by_key: dict[str, GroupItem] = {}
        self._renderer: ChainRenderer | StreamRenderer | None = None
        self._groups_at: dict[str, int] | None = None
        self._patches: dict[str, Group] = {}
        #: keys of the groups the last in-place update replaced; None after a full reconcile
        self.changed_keys: frozenset[str] | None = None
        self._changed_stages: set[str] = set()
        self._other_change = False
        document.stage_changed.connect(self._changed_stages.add)
        # Anything but a changed stage may move or redraw other groups: no in-place update.
        for signal in (document.structure_changed, document.stage_added, document.stage_removed,
                       document.stream_added, document.stream_changed, document.stream_removed,
                       document.lane_added, document.lane_changed, document.lane_removed,
                       document.stakeholder_added, document.stakeholder_changed,
                       document.stakeholder_removed, document.link_added, document.link_changed,
                       document.link_removed):
            signal.connect(self._note_other)
        document.changed.connect(self._on_changed)
        document.reset.connect(self.rebuild)
        self.selectionChanged.connect(self._publish_selection)
        self.selection.changed.connect(self._follow_selection)
        self.rebuild()

    # -- selection: items <-> the shared Selection ------------------------------------------

    def selected_stage_ids(self) -> list[str]:
        return [i.ref for i in self.selectedItems() if isinstance(i, GroupItem)
                and i.group.kind == "stage" and i.ref]

    def selected_link_ids(self) -> list[str]:
        return [i.ref for i in self.selectedItems() if isinstance(i, GroupItem)
                and i.group.kind == "link" and i.ref]

    def _publish_selection(self) -> None:
        if self._syncing_selection:
            return
        ids, links = self.selected_stage_ids(), self.selected_link_ids()
        if not ids and not links and self.selection.header is not None:
            return  # Qt dropped its own selection for a header pick: the pick stands
        stream = None
        if ids and ids[0] in self.document:
            stream = self.document.stream_of(ids[0]).id
        self.selection.set(ids, stream if ids else self.selection.stream_id, links)

    def _follow_selection(self) -> None:
        wanted = set(self.selection.stage_ids)
        links = set(self.selection.link_ids)
        header = self.selection.header
        picked = None if header is None else _HEADER_KEYS[header[0]].format(header[1])
        self._syncing_selection = True
        try:
            for key, item in self.items_by_key.items():
                kind = item.group.kind
                if kind == "stage":
                    item.setSelected(item.ref in wanted)
                    if self.overview:  # a selected card is drawn: its highlight shows where
                        overview.set_drawn(item, item.ref in wanted)
                elif kind == "link":
                    item.setSelected(item.ref in links)
                elif kind in ("row", "lane", "title"):
                    item.set_picked(key == picked)
        finally:
            self._syncing_selection = False

    # -- level of detail ----------------------------------------------------------------------

    #: True while the view is zoomed out to an overview: cards and arrows are not painted
    overview = False
    _zoomed_out = False

    def set_overview(self, zoomed_out: bool) -> None:
        """The view is (or is no longer) zoomed out so far that cards are under 2 px; they are
        then left out, except under a heat map, whose colours are the point of the picture."""
        self._zoomed_out = zoomed_out
        on = zoomed_out and not self.heat
        if on != self.overview:
            self.overview = on
            overview.apply(self.items_by_key.values(), on)

    def _note_other(self, *_args) -> None:
        self._other_change = True

    def set_view(self, view: str) -> None:
        if view != self.view:
            self.view = view
            self.rebuild()

    def set_heat(self, measure: str | None) -> None:
        """Colour stages by a measure (render/heat.py), or back to plain cards with None."""
        if measure != self.heat:
            self.heat = measure
            self.set_overview(self._zoomed_out)
            self.rebuild()

    def item_for(self, ref: str) -> GroupItem | None:
        return self.items_by_key.get(f"stage:{ref}")

    def _on_changed(self) -> None:
        # Cleared in place: stage_changed is connected to this very set's add().
        stages, other = set(self._changed_stages), self._other_change
        self._changed_stages.clear()
        self._other_change = False
        if stages and not other and self._update_cards_in_place(stages):
            return
        self.rebuild()

    def _update_cards_in_place(self, stage_ids: set[str]) -> bool:
        """Fast path for edits that change what a card shows but not where anything goes
        (either view: the renderer says which groups an edit of a stage changes)."""
        renderer = self._renderer
        if renderer is None or self.heat:
            return False  # a heat map rescales every stage when one value changes
        model = self.document.model
        renderer.doc = model
        changed: dict[str, Group] = {}
        for sid in stage_ids:
            if sid not in self.document:
                return False
            groups = renderer.restage(self.document.stage(sid), self.document.stream_of(sid))
            if groups is None or any(g.key not in self.items_by_key for g in groups):
                return False
            changed.update((g.key, g) for g in groups)
        before, people = +self._sla_counts.totals, self._sla_counts.used_people()
        keys = self._sla_counts.legend_keys()
        counts = self._sla_counts.update(map(self.document.stage, stage_ids))
        if self._sla_counts.used_people() != people or self._sla_counts.legend_keys() != keys:
            return False  # the legend lists other initials or samples (and may wrap anew)
        if +counts != before:  # a rename leaves the title as it is: no group to rebuild
            changed["title"] = title_group(model, self.view, renderer.layout.width, counts,
                                           stages=len(self._sla_counts.by_stage))
        for key, group in changed.items():
            self.items_by_key[key].sync(group)
        self._patch_drawing(changed)
        self.changed_keys = frozenset(changed)
        self.rebuilt.emit()
        return True

    def _patch_drawing(self, changed: dict[str, Group]) -> None:
        """Remember groups replaced in place: typing must not copy 20,000 groups per
        keystroke, so the whole list takes them in only when asked (``current_drawing``)."""
        self._patches.update(changed)

    def current_drawing(self) -> Drawing:
        """The whole display list the items show, after taking in the groups replaced in
        place since the last full rebuild (for a view transition, a slide's framing)."""
        self._apply_patches()
        return self._drawing

    def _apply_patches(self) -> None:
        if not self._patches:
            return
        if self._groups_at is None:
            self._groups_at = {g.key: i for i, g in enumerate(self._drawing.groups)}
        groups = list(self._drawing.groups)
        for key, group in self._patches.items():
            groups[self._groups_at[key]] = group
        self._patches = {}
        self._drawing = replace(self._drawing, groups=tuple(groups),
                                title=self.document.model.title)


    def rebuild(self) -> None:
        """Recompute the display list and reconcile items by key."""
        with paused_gc(keep=True):  # tens of thousands of groups and items come and go
            self._rebuild()

    def _rebuild(self) -> None:
        model = self.document.model
        # The renderer is kept: in-place card updates reuse its layout.
        self._sla_counts = SlaCounts(model)
        if self.view == "chain":
            self._renderer = ChainRenderer(model)
        else:  # imported when first shown: start-up draws the chain view
            from vscdesk.render.stream import StreamRenderer

            self._renderer = StreamRenderer(model)
        drawing = self._renderer.drawing()
        if self.heat:
            from vscdesk.render.heat import apply_heat

            drawing = apply_heat(drawing, model, self.heat)
        self.reconcile(drawing)

    def reconcile(self, drawing: Drawing) -> None:
        wanted: dict[str, Group] = {g.key: g for g in drawing.groups}
        self._syncing_selection = True  # items come and go; the Selection is updated once below
        for key in [k for k in self.items_by_key if k not in wanted]:
            self.removeItem(self.items_by_key.pop(key))
        depth = bsp_depth(len(wanted))
        if depth != self.bspTreeDepth():
            self.setBspTreeDepth(depth)
        # The final rect before the items arrive: Qt indexes them within it once, instead of
        # growing its own bounds item by item and indexing again when the rect is set.
        self.setSceneRect(QRectF(0, 0, drawing.width, drawing.height))
        for key, group in wanted.items():
            item = self.items_by_key.get(key)
            if item is None:
                item = GroupItem(group)
                if self.overview and group.kind in overview.DETAIL_KINDS:
                    overview.set_drawn(item, False)
                self.items_by_key[key] = item
                self.addItem(item)
            else:
                item.sync(group)
        self._drawing, self._patches = drawing, {}
        self._groups_at = None  # the index for in-place updates, built when needed
        self.changed_keys = None
        self._syncing_selection = False
        gone = [s for s in self.selection.stage_ids if f"stage:{s}" not in wanted]
        gone += [k for k in self.selection.link_ids if f"link:{k}" not in wanted]
        gone += [i for i in (self.selection.stream_id, self.selection.lane_id)
                 if i is not None and i not in self.document]
        self.selection.forget(gone)
        self._follow_selection()
        self.rebuilt.emit()
