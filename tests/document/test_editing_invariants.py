"""Random edit sequences, undos and redos never break a document, and undo restores exactly.

A hypothesis state machine drives the commands the way the canvas and panels will, on the
bundled example and on random valid documents (tests/strategies.py). After every step the
document must pass every check a file load makes; at the end, undoing everything gives back
the original byte for byte and redoing everything gives back the final state."""

from __future__ import annotations

import pytest
from doc_helpers import assert_valid
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from strategies import documents, names

from vscdesk.bundled import example_path
from vscdesk.document import (
    AddLane,
    AddLink,
    AddSlide,
    AddStage,
    AddStakeholder,
    AddStream,
    Document,
    DuplicateStages,
    MoveLane,
    MoveSlide,
    MoveStage,
    MoveStream,
    PasteStages,
    RemoveLane,
    RemoveLinks,
    RemoveSlide,
    RemoveStages,
    RemoveStakeholder,
    RemoveStream,
    SetDocumentFields,
    SetLaneFields,
    SetStageFields,
    SetStagesFields,
    SetStakeholderFields,
    SetStreamFields,
)
from vscdesk.model import (
    DocumentModel,
    Lane,
    Link,
    Slide,
    Stage,
    StakeholderRef,
    Stakeholder,
    Stream,
)

EXAMPLE = DocumentModel.model_validate_json(example_path().read_text(encoding="utf-8"))
BAD_NAMES = st.sampled_from(["", "   ", "tab\there", "x" * 201, "bell\x07"])


class EditingMachine(RuleBasedStateMachine):
    """One document, edited at random through its commands only."""

    doc: Document

    @initialize(model=st.just("the bundled example") | documents())
    def open(self, model: DocumentModel | str) -> None:
        start = EXAMPLE if isinstance(model, str) else model
        self.doc = Document(start.model_copy(deep=True))
        self.original = self.doc.model.model_dump()
        self.saved = self.original

    # -- helpers ---------------------------------------------------------------------------

    def ids(self, kind: str) -> list[str]:
        return sorted(self.doc._store(kind).ids())

    def pick(self, data: st.DataObject, kind: str) -> str:
        return data.draw(st.sampled_from(self.ids(kind)), label=kind)

    def lane_or_none(self, data: st.DataObject) -> str | None:
        return data.draw(st.none() | st.sampled_from(self.ids("lane")) if self.ids("lane")
                         else st.none())

    def has(self, kind: str) -> bool:
        return bool(self.ids(kind))

    # -- stages ----------------------------------------------------------------------------

    @precondition(lambda self: self.has("stream"))
    @rule(data=st.data(), name=names())
    def add_stage(self, data, name):
        stream_id = self.pick(data, "stream")
        index = data.draw(st.none() | st.integers(0, len(self.doc.stream(stream_id).stages)))
        stage = Stage(id=self.doc.new_id(name, "stage"), name=name, lane=self.lane_or_none(data))
        self.doc.push(AddStage(self.doc, stream_id, index, stage))

    @precondition(lambda self: self.has("stage"))
    @rule(data=st.data())
    def remove_stages(self, data):
        ids = data.draw(st.lists(st.sampled_from(self.ids("stage")), min_size=1, max_size=3))
        self.doc.push(RemoveStages(self.doc, ids))

    @precondition(lambda self: self.has("stage"))
    @rule(data=st.data(), name=names())
    def rename_stage(self, data, name):
        self.doc.push(SetStageFields(self.doc, self.pick(data, "stage"), name=name))

    @precondition(lambda self: self.has("stage"))
    @rule(data=st.data(), text=names(12))
    def type_description(self, data, text):
        """Keystrokes merge into one step; the merged step must still undo exactly."""
        stage_id = self.pick(data, "stage")
        for end in range(len(text) + 1):
            self.doc.push(SetStageFields(self.doc, stage_id, description=text[:end]))

    @rule(name=names())
    def rename_document(self, name):
        self.doc.push(SetDocumentFields(self.doc, title=name))

    @precondition(lambda self: self.has("stage") and self.has("stakeholder"))
    @rule(data=st.data())
    def involve_stakeholder(self, data):
        stage_id = self.pick(data, "stage")
        refs = [*self.doc.stage(stage_id).stakeholders,
                StakeholderRef(stakeholder=self.pick(data, "stakeholder"), raci="R")]
        self.doc.push(SetStageFields(self.doc, stage_id, stakeholders=refs))

    @precondition(lambda self: self.has("stage"))
    @rule(data=st.data())
    def set_lane_of_stages(self, data):
        ids = data.draw(st.lists(st.sampled_from(self.ids("stage")), min_size=1, max_size=4))
        self.doc.push(SetStagesFields(self.doc, ids, lane=self.lane_or_none(data)))

    @precondition(lambda self: self.has("stage"))
    @rule(data=st.data(), change_lane=st.booleans())
    def move_stage(self, data, change_lane):
        stage_id, stream_id = self.pick(data, "stage"), self.pick(data, "stream")
        size = len(self.doc.stream(stream_id).stages)
        size -= self.doc.stream_of(stage_id).id == stream_id
        index = data.draw(st.integers(0, size))
        lane = {"lane_id": self.lane_or_none(data)} if change_lane else {}
        self.doc.push(MoveStage(self.doc, stage_id, stream_id, index, **lane))

    @precondition(lambda self: self.has("stage"))
    @rule(data=st.data())
    def duplicate(self, data):
        ids = data.draw(st.lists(st.sampled_from(self.ids("stage")), min_size=1, max_size=3))
        self.doc.push(DuplicateStages(self.doc, ids))

    @precondition(lambda self: self.has("stream"))
    @rule(data=st.data(), source=st.sampled_from([s for x in EXAMPLE.streams for s in x.stages]))
    def paste_from_example(self, data, source):
        stream_id = self.pick(data, "stream")
        self.doc.push(PasteStages(self.doc, stream_id, 0, [source.model_dump(mode="json")]))

    # -- streams, lanes, stakeholders, links, slides ---------------------------------------

    @rule(data=st.data(), name=names())
    def add_stream(self, data, name):
        ident = self.doc.new_id(name, "stream")
        stage = Stage(id=self.doc.new_id(name, "stage", [ident]), name=name,
                      lane=self.lane_or_none(data))
        index = data.draw(st.none() | st.integers(0, len(self.doc.model.streams)))
        self.doc.push(AddStream(self.doc, Stream(id=ident, name=name, stages=[stage]), index))

    @precondition(lambda self: self.has("stream"))
    @rule(data=st.data())
    def remove_stream(self, data):
        self.doc.push(RemoveStream(self.doc, self.pick(data, "stream")))

    @precondition(lambda self: self.has("stream"))
    @rule(data=st.data())
    def move_stream(self, data):
        index = data.draw(st.integers(0, len(self.doc.model.streams) - 1))
        self.doc.push(MoveStream(self.doc, self.pick(data, "stream"), index))

    @precondition(lambda self: self.has("stream") and self.has("stakeholder"))
    @rule(data=st.data())
    def set_stream_owner(self, data):
        self.doc.push(SetStreamFields(self.doc, self.pick(data, "stream"),
                                      owner=self.pick(data, "stakeholder")))

    @rule(data=st.data(), name=names())
    def add_lane(self, data, name):
        index = data.draw(st.none() | st.integers(0, len(self.doc.model.chain.lanes)))
        lane = Lane(id=self.doc.new_id(name, "lane"), name=name)
        self.doc.push(AddLane(self.doc, lane, index))

    @precondition(lambda self: self.has("lane"))
    @rule(data=st.data())
    def remove_lane(self, data):
        self.doc.push(RemoveLane(self.doc, self.pick(data, "lane")))

    @precondition(lambda self: self.has("lane"))
    @rule(data=st.data(), name=names())
    def rename_and_move_lane(self, data, name):
        lane_id = self.pick(data, "lane")
        self.doc.push(SetLaneFields(self.doc, lane_id, name=name))
        index = data.draw(st.integers(0, len(self.doc.model.chain.lanes) - 1))
        self.doc.push(MoveLane(self.doc, lane_id, index))

    @rule(name=names())
    def add_stakeholder(self, name):
        person = Stakeholder(id=self.doc.new_id(name, "person"), name=name)
        self.doc.push(AddStakeholder(self.doc, person))

    @precondition(lambda self: self.has("stakeholder"))
    @rule(data=st.data(), name=names())
    def rename_or_remove_stakeholder(self, data, name):
        ident = self.pick(data, "stakeholder")
        if data.draw(st.booleans()):
            self.doc.push(SetStakeholderFields(self.doc, ident, name=name))
        else:
            self.doc.push(RemoveStakeholder(self.doc, ident))

    @precondition(lambda self: len(self.ids("stage")) >= 2)
    @rule(data=st.data(), kind=st.sampled_from(["integration", "handoff", "rework"]))
    def add_link(self, data, kind):
        source, target = data.draw(st.lists(st.sampled_from(self.ids("stage")), min_size=2,
                                            max_size=2, unique=True))
        link = Link(id=self.doc.new_id(f"{source}-{target}", "link"), kind=kind, source=source,
                    target=target)
        self.doc.push(AddLink(self.doc, link))

    @precondition(lambda self: self.has("link"))
    @rule(data=st.data())
    def remove_links(self, data):
        ids = data.draw(st.lists(st.sampled_from(self.ids("link")), min_size=1, max_size=2))
        self.doc.push(RemoveLinks(self.doc, ids))

    @rule(data=st.data(), name=names())
    def add_slide(self, data, name):
        stage = data.draw(st.none() | st.sampled_from(self.ids("stage"))) \
            if self.has("stage") else None
        stream = self.doc.stream_of(stage).id if stage else None
        slide = Slide(id=self.doc.new_id(name, "slide"), name=name, stream=stream, stage=stage)
        self.doc.push(AddSlide(self.doc, slide, 0))

    @precondition(lambda self: self.has("slide"))
    @rule(data=st.data())
    def move_or_remove_slide(self, data):
        ident = self.pick(data, "slide")
        if data.draw(st.booleans()):
            self.doc.push(RemoveSlide(self.doc, ident))
        else:
            index = data.draw(st.integers(0, len(self.doc.model.slides) - 1))
            self.doc.push(MoveSlide(self.doc, ident, index))

    # -- refused edits, history, saving ----------------------------------------------------

    @precondition(lambda self: self.has("stage"))
    @rule(data=st.data(), name=BAD_NAMES)
    def bad_rename_is_refused(self, data, name):
        before = self.doc.model.model_dump()
        with pytest.raises(ValueError):
            SetStageFields(self.doc, self.pick(data, "stage"), name=name)
        assert self.doc.model.model_dump() == before

    @precondition(lambda self: self.doc.undo_stack.canUndo())
    @rule(times=st.integers(1, 3))
    def undo(self, times):
        for _ in range(times):
            self.doc.undo_stack.undo()

    @precondition(lambda self: self.doc.undo_stack.canRedo())
    @rule()
    def redo(self):
        self.doc.undo_stack.redo()

    @rule()
    def save(self):
        self.doc.mark_saved()
        self.saved = self.doc.model.model_dump()

    # -- what must always hold -------------------------------------------------------------

    @invariant()
    def document_is_valid(self):
        assert_valid(self.doc)

    @invariant()
    def clean_means_same_as_saved(self):
        if not self.doc.is_modified():
            assert self.doc.model.model_dump() == self.saved

    def teardown(self):
        if not hasattr(self, "doc"):
            return
        stack = self.doc.undo_stack
        stack.setIndex(stack.count())
        final = self.doc.model.model_dump()
        while stack.canUndo():
            stack.undo()
            assert_valid(self.doc)
        assert stack.index() == 0
        assert self.doc.model.model_dump() == self.original
        while stack.canRedo():
            stack.redo()
        assert self.doc.model.model_dump() == final


SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow,
                                                     HealthCheck.filter_too_much]}


def test_random_edits_keep_invariants(qapp):
    run_state_machine_as_test(
        EditingMachine, settings=settings(max_examples=60, stateful_step_count=25, **SETTINGS))


@pytest.mark.slow
def test_random_edits_keep_invariants_long(qapp):
    run_state_machine_as_test(
        EditingMachine, settings=settings(max_examples=200, stateful_step_count=60, **SETTINGS))
