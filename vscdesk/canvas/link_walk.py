"""Selecting links with the keyboard, as GEF editors (Archi) do with "/" and "\\".

  /  ............ the next link of the selected stage (incoming and outgoing), and on
  \\  ............ the previous one; again and again they go round that stage's links
  with a stream or lane header picked, its stages' links; with nothing selected, every link
  Left/Up, Right/Down on a selected link ... its source stage, its target stage

Once a link is selected, the Link panel edits it, Del deletes it and Enter/F2 asks the app
to open its label for editing (``CanvasEditing.link_edit_requested``). Only links drawn in
the current view take part: the stream view draws those of the stream shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from vscdesk.model import Lane, Link, Stage, Stream

if TYPE_CHECKING:
    from vscdesk.canvas.editing import CanvasEditing

#: what the walk goes round: ("stage" | "stream" | "lane", id), or ("all", "")
Scope = tuple[str, str]


class LinkWalk:
    """Steps the selection through the links around what is selected."""

    def __init__(self, editing: CanvasEditing) -> None:
        self.editing = editing
        self.doc = editing.doc
        self._scope: Scope | None = None  # where the last step went round

    def step(self, step: int) -> str | None:
        """Select the next (1) or previous (-1) link; the link selected, or None."""
        current, scope = self._where()
        ids = self.links_in(scope)
        if not ids:
            self.editing.message.emit(f"No links {self._describe(scope)} to select")
            return None
        if current in ids:
            to = ids[(ids.index(current) + step) % len(ids)]
        else:
            to = ids[0] if step > 0 else ids[-1]
        self._scope = scope
        self.editing.select_link(to)
        link = self.doc.link(to)
        where = f"{ids.index(to) + 1} of {len(ids)}"
        self.editing.message.emit(
            f"Link {self.doc.stage(link.source).name} → {self.doc.stage(link.target).name} "
            f"({where}); / and \\ go on, Del deletes it, Enter edits its label")
        return to

    def _where(self) -> tuple[str | None, Scope]:
        """The link selected now (if any) and what to go round."""
        editing = self.editing
        stages = editing.selected_stages()
        if stages:
            return None, ("stage", stages[-1])
        links = [k for k in editing.selection.link_ids if self.doc.kind_of(k) == "link"]
        if links:
            current = links[-1]
            if self._scope is not None and current in self.links_in(self._scope):
                return current, self._scope
            return current, ("stage", self.doc.link(current).source)
        header = editing.headers.picked()
        if header is not None and header[0] in ("stream", "lane"):
            return None, header
        return None, ("all", "")

    def links_in(self, scope: Scope) -> list[str]:
        """The drawn links of a scope: a stage's outgoing ones first, then its incoming ones,
        each in document order."""
        kind, ident = scope
        if kind != "all" and self.doc.kind_of(ident) != kind:
            return []
        drawn = self.editing.scene.items_by_key
        links = [lk for lk in self.doc.model.links if f"link:{lk.id}" in drawn]
        if kind == "stage":
            return ([lk.id for lk in links if lk.source == ident]
                    + [lk.id for lk in links if lk.target == ident and lk.source != ident])
        if kind == "all":
            return [lk.id for lk in links]
        stages = self._stages_of(kind, ident)
        return [lk.id for lk in links if lk.source in stages or lk.target in stages]

    def _stages_of(self, kind: str, ident: str) -> set[str]:
        if kind == "stream":
            return {stage.id for stage in self.doc.stream(ident).stages}
        return {stage.id for stage in self.doc.stages() if stage.lane == ident}

    def _describe(self, scope: Scope) -> str:
        kind, ident = scope
        if kind == "all" or self.doc.kind_of(ident) != kind:
            return "on the map"
        finds: dict[str, Callable[[str], Stage | Stream | Lane]] = {
            "stage": self.doc.stage, "stream": self.doc.stream, "lane": self.doc.lane}
        name = finds[kind](ident).name
        return f"to or from “{name}”" if kind == "stage" else f"in “{name}”"

    def end(self, link_id: str, to_target: bool) -> str:
        """The stage at one end of a link (for the arrow keys on a selected link)."""
        link: Link = self.doc.link(link_id)
        return link.target if to_target else link.source
