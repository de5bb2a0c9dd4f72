"""The Document: the one writer of the model, its undo stack, and the signals views listen to."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from vscdesk.document.history import C, History
from vscdesk.document.registry import Registry
from vscdesk.document.stages import StageStore
from vscdesk.model import (
    DocumentModel,
    FlowItem,
    Lane,
    Link,
    Slide,
    Stage,
    Stakeholder,
    Stream,
    new_id,
)


_T = TypeVar("_T")


class _Taken:
    """The document's id namespace plus ids reserved by a command still being built."""

    def __init__(self, doc: Document, reserved: Iterable[str]) -> None:
        self._doc = doc
        self._reserved = set(reserved)

    def __contains__(self, ident: object) -> bool:
        return ident in self._reserved or ident in self._doc


class Document(QObject):
    """Owns the model and the undo stack; only its commands change the model.

    Views connect to the signals below and re-read the model by id. Signals of one command
    are emitted together after the command has finished, so a listener always sees a
    consistent model; ``changed()`` comes last, once per command.

    Every edit comes in through ``push``, ``macro`` or ``amend_last`` (``history.py``, which
    refuses them all while the document is read-only); nothing outside ``document/`` touches
    the undo stack.
    """

    stage_added = Signal(str)
    stage_changed = Signal(str)
    stage_removed = Signal(str)
    stream_added = Signal(str)
    stream_changed = Signal(str)
    stream_removed = Signal(str)
    lane_added = Signal(str)
    lane_changed = Signal(str)
    lane_removed = Signal(str)
    stakeholder_added = Signal(str)
    stakeholder_changed = Signal(str)
    stakeholder_removed = Signal(str)
    link_added = Signal(str)
    link_changed = Signal(str)
    link_removed = Signal(str)
    slide_changed = Signal()
    #: the order of streams, stages or lanes changed (something added, removed or moved)
    structure_changed = Signal()
    #: after any edit, once per command (also on undo and redo)
    changed = Signal()
    #: the whole model was replaced (open, new); rebuild everything
    reset = Signal()
    #: True when there are unsaved edits
    modified_changed = Signal(bool)

    def __init__(
        self, model: DocumentModel | None = None, path: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model if model is not None else DocumentModel()
        self.path = path
        self.history = History(self, lambda: not self.read_only)
        self.undo_stack = self.history.stack  # read by tests; code goes through history
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._depth = 0
        self._pending: dict[tuple[str, str | None], None] = {}
        self._structure = False
        self._streams: Registry[Stream] = Registry(
            self, lambda: self.model.streams, "stream", structural=True,
            on_insert=lambda s: self._stages.adopt(s), on_remove=lambda s: self._stages.forget(s),
        )
        self._stages = StageStore(self)
        self._lanes: Registry[Lane] = Registry(
            self, lambda: self.model.chain.lanes, "lane", structural=True)
        self._stakeholders: Registry[Stakeholder] = Registry(
            self, lambda: self.model.stakeholders, "stakeholder")
        self._links: Registry[Link] = Registry(self, lambda: self.model.links, "link")
        self._slides: Registry[Slide] = Registry(self, lambda: self.model.slides, "slide")
        self._flow_items: Registry[FlowItem] = Registry(
            self, lambda: self.model.flow_items, "flow_item")
        self._reindex()

    # -- the whole document ----------------------------------------------------------------

    def set_model(self, model: DocumentModel, path: Path | None = None) -> None:
        """Replace everything (open, new): the undo history is dropped and views rebuild."""
        self.model = model
        self.path = path
        self._reindex()
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.reset.emit()

    def apply_remote(self, model: DocumentModel) -> None:
        """Take a workshop's shared map (others' edits): precise signals, no undo step, and
        the document counts as modified (``document/remote.py``)."""
        from vscdesk.document.remote import apply_model

        apply_model(self, model)
        self.history.touched()

    def collaborate(self, on: bool) -> None:
        """In a workshop edits still go through commands, but undo is personal and kept in
        the shared document: the local history records nothing, and its old steps go (they
        could not be undone over others' edits)."""
        self.history.collaborative = on
        self.history.forget()

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self) -> None:
        """The file now holds exactly the model: the title loses its '*'."""
        self.undo_stack.setClean()

    #: set by the app while the file is open read-only (another instance holds it): no edits
    read_only = False

    def push(self, command: QUndoCommand) -> bool:
        """Run an edit and record it for undo (the stack takes ownership); False if refused."""
        return self.history.push(command)

    def macro(self, text: str) -> AbstractContextManager[None]:
        """``with document.macro("Move 3 stages"):`` the edits pushed inside are one undo step
        (recorded only if one was pushed: a refused gesture leaves nothing behind)."""
        return self.history.macro(text)

    def amend_last(self, mark: int, build: Callable[[], C]) -> C | None:
        """Replace the step done at ``history.mark()`` by ``build()`` (add and name in one step);
        None if read-only or the history moved on since."""
        return self.history.amend_last(mark, build)

    def mark_unsaved(self) -> None:
        """The model is saved nowhere yet (recovered, imported, file gone): Save and closing ask."""
        self.undo_stack.resetClean()

    def _set_document_fields(self, values: dict[str, str]) -> None:
        """Primitive for SetDocumentFields: title and chain name carry no id, only changed()."""
        self.model.title = values["title"]
        self.model.chain.name = values["chain_name"]
        if self._depth == 0:
            self._flush()

    def _set_lane_groups(self, groups: list[Any], lanes: dict[str, str | None]) -> None:
        """Primitive for SetLaneGroups: the chain's groups (no id store of their own: only
        changed()) and the group of some lanes (lane_changed)."""
        self.model.chain.groups = [group.model_copy() for group in groups]
        for lane_id, group in lanes.items():
            self._lanes.update(lane_id, {"group": group})
        if self._depth == 0:
            self._flush()

    def _set_margin(self, text: str) -> None:
        """Primitive for SetMargin: the word drawn at the end of the chain ("" for none)."""
        self.model.chain.margin = text
        if self._depth == 0:
            self._flush()

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    def _reindex(self) -> None:
        for registry in self._registries():
            registry.invalidate()
        self._stages.reset()

    def _registries(self) -> tuple[Registry[Any], ...]:
        return (self._streams, self._lanes, self._stakeholders, self._links, self._slides,
                self._flow_items)

    def _namespace(self) -> tuple[StageStore | Registry[Any], ...]:
        """The stores whose ids share one namespace (flow items have their own)."""
        return (self._stages, self._streams, self._lanes, self._stakeholders, self._links,
                self._slides)

    def _store(self, kind: str) -> Any:
        """The store of one kind of object: 'stage', 'stream', 'lane', ..."""
        return {store.kind: store for store in self._namespace()}[kind]

    # -- lookups ---------------------------------------------------------------------------

    def stage(self, stage_id: str) -> Stage:
        return _found(self._stages.get(stage_id), "stage", stage_id)

    def stream(self, stream_id: str) -> Stream:
        return _found(self._streams.get(stream_id), "stream", stream_id)

    def lane(self, lane_id: str) -> Lane:
        return _found(self._lanes.get(lane_id), "lane", lane_id)

    def stakeholder(self, stakeholder_id: str) -> Stakeholder:
        return _found(self._stakeholders.get(stakeholder_id), "stakeholder", stakeholder_id)

    def link(self, link_id: str) -> Link:
        return _found(self._links.get(link_id), "link", link_id)

    def slide(self, slide_id: str) -> Slide:
        return _found(self._slides.get(slide_id), "slide", slide_id)

    def stream_of(self, stage_id: str) -> Stream:
        """The stream a stage belongs to."""
        return self.stream(_found(self._stages.stream_id_of(stage_id), "stage", stage_id))

    def position(self, ident: str) -> int:
        """Where an object sits in its list (a stage: in its stream)."""
        for store in self._namespace():
            pos = store.position(ident)
            if pos is not None:
                return pos
        raise KeyError(f"no object with id '{ident}'")

    def kind_of(self, ident: str) -> str | None:
        """'stage', 'stream', 'lane', 'stakeholder', 'link', 'slide', or None if unknown."""
        for store in self._namespace():
            if ident in store:
                return store.kind
        return None

    def __contains__(self, ident: object) -> bool:
        """Lane groups share the namespace too, so no new object takes a group's id."""
        return isinstance(ident, str) and (self.kind_of(ident) is not None or any(
            group.id == ident for group in self.model.chain.groups))

    def all_ids(self) -> set[str]:
        """Every id of the shared namespace (flow items have their own)."""
        ids: set[str] = set()
        for store in self._namespace():
            ids.update(store.ids())
        return ids

    def new_id(self, name: str, fallback: str = "item", reserved: Iterable[str] = ()) -> str:
        """A readable id from ``name`` that is free in this document (and not in ``reserved``)."""
        return new_id(name, _Taken(self, reserved), fallback)

    def stages(self) -> Iterator[Stage]:
        """Every stage, stream by stream, in order."""
        for stream in self.model.streams:
            yield from stream.stages

    # -- emission: commands run inside _edit(), listeners hear once it is done --------------

    @contextmanager
    def _edit(self) -> Iterator[None]:
        """Batch one command's primitive edits; emit their signals together at the end."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._flush()

    def _note(self, signal: str, ident: str | None) -> None:
        """Queue a fine signal (slide_* collapse to slide_changed, flow items only to changed)."""
        if signal.startswith("slide_"):
            self._pending[("slide_changed", None)] = None
        elif not signal.startswith("flow_item_"):
            self._pending[(signal, ident)] = None
        if self._depth == 0:
            self._flush()

    def _note_structure(self) -> None:
        self._structure = True

    def _flush(self) -> None:
        pending, self._pending = self._pending, {}
        structure, self._structure = self._structure, False
        for name, ident in pending:
            signal = getattr(self, name)
            signal.emit() if ident is None else signal.emit(ident)
        if structure:
            self.structure_changed.emit()
        self.changed.emit()


def _found(value: _T | None, kind: str, ident: str) -> _T:
    if value is None:
        raise KeyError(f"no {kind} with id '{ident}'")
    return value
