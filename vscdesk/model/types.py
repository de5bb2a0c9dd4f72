"""The document model: pure pydantic data, no Qt, no behaviour beyond validation."""

from __future__ import annotations

import datetime as _dt
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from vscdesk.model.fields import (
    MAX_LIST,
    Color,
    Finite,
    Id,
    Name,
    NameList,
    NonNegative,
    Percent,
    ShortText,
    Text,
)

FORMAT: Final = "vscdesk"
SCHEMA_VERSION: Final = 2  # 2: lane groups (chain.groups, lane.group) and the chain's margin

TimeUnit = Literal["s", "min", "h", "d", "wk"]
SlaMetric = Literal[
    "lead_time", "process_time", "wait_time", "availability", "quality", "throughput", "custom"
]
Comparator = Literal["<=", "<", ">=", ">", "="]
StreamKind = Literal["customer", "supporting"]
StakeholderKind = Literal[
    "customer", "user", "sponsor", "supplier", "partner", "regulator", "internal_team"
]
Role = Literal["triggering", "participating"]
Raci = Literal["R", "A", "C", "I"]
LinkKind = Literal["integration", "handoff", "rework"]
ViewKind = Literal["chain", "stream"]
FlowItemType = Literal["feature", "defect", "risk", "debt"]

#: Minutes per time unit (calendar time: a day is 24 hours, a week 7 days).
MINUTES = {"s": 1 / 60, "min": 1.0, "h": 60.0, "d": 1440.0, "wk": 10080.0}


class _Base(BaseModel):
    # Unknown keys are an error: they are usually typos that would silently be lost on save.
    # Assignments are validated too, so a model stays valid however it is changed and saving
    # need not validate it again.
    model_config = ConfigDict(extra="forbid", validate_default=False, validate_assignment=True)


class Duration(_Base):
    """A length of time that always carries its unit."""

    value: NonNegative
    unit: TimeUnit = "min"

    def minutes(self) -> float:
        return self.value * MINUTES[self.unit]


class Sla(_Base):
    """A measurable promise: metric comparator target unit, and optionally the actual."""

    name: Name
    metric: SlaMetric = "lead_time"
    comparator: Comparator = "<="
    target: Finite
    unit: ShortText = Field(default="", max_length=20)
    actual: Finite | None = None


class StakeholderRef(_Base):
    """A stakeholder involved in a stage, with its role and RACI letter."""

    stakeholder: Id
    role: Role = "participating"
    raci: Raci | None = None


class Stage(_Base):
    """One step of a stream, performed in one lane of the value chain."""

    id: Id
    name: Name
    lane: Id | None = None
    description: Text = ""
    value_items: NameList = Field(default_factory=list)
    entrance_criteria: NameList = Field(default_factory=list)
    exit_criteria: NameList = Field(default_factory=list)
    practices: NameList = Field(default_factory=list)
    capabilities: NameList = Field(default_factory=list)
    process_time: Duration | None = None
    wait_time: Duration | None = None
    percent_complete_accurate: Percent | None = None
    slas: list[Sla] = Field(default_factory=list, max_length=MAX_LIST)
    stakeholders: list[StakeholderRef] = Field(default_factory=list, max_length=MAX_LIST)


class Stream(_Base):
    """A journey through the chain from a trigger to a value outcome."""

    id: Id
    name: Name
    kind: StreamKind = "customer"
    trigger: ShortText = ""
    value: ShortText = ""
    description: Text = ""
    triggering_stakeholder: Id | None = None
    owner: Id | None = None
    color: Color | None = None
    slas: list[Sla] = Field(default_factory=list, max_length=MAX_LIST)
    stages: list[Stage] = Field(default_factory=list, max_length=100_000)


class Lane(_Base):
    """One activity (or business unit) of the value chain, drawn as a column."""

    id: Id
    name: Name
    color: Color = "#657284"
    description: Text = ""
    group: Id | None = None  # the lane group it is drawn under, if any


class LaneGroup(_Base):
    """Lanes drawn together under one name, as Porter splits his chain into primary and
    support activities; ``support`` lanes serve every other one and are drawn lighter."""

    id: Id
    name: Name
    support: bool = False


class Chain(_Base):
    name: Name = "Value chain"
    lanes: list[Lane] = Field(default_factory=list, max_length=MAX_LIST)
    groups: list[LaneGroup] = Field(default_factory=list, max_length=MAX_LIST)
    margin: ShortText = ""  # Porter's "Margin", drawn at the end of the chain when given


class Stakeholder(_Base):
    id: Id
    name: Name
    kind: StakeholderKind = "internal_team"
    external: bool = False
    initials: ShortText = Field(default="", max_length=3)
    description: Text = ""


class Link(_Base):
    """A relation between two stages beyond the stream order."""

    id: Id
    kind: LinkKind = "handoff"
    source: Id
    target: Id
    label: ShortText = ""
    slas: list[Sla] = Field(default_factory=list, max_length=MAX_LIST)


class Slide(_Base):
    """A saved view for presentation mode."""

    id: Id
    name: Name
    view: ViewKind = "chain"
    stream: Id | None = None
    stage: Id | None = None
    zoom: float = Field(default=1.0, gt=0, le=64)


class FlowItem(_Base):
    """A work item (Flow Framework) delivered through a stream."""

    id: Id
    type: FlowItemType
    stream: Id
    started: _dt.date
    finished: _dt.date | None = None
    active_time: Duration | None = None


class DocumentModel(_Base):
    """The whole document as saved in a ``*.vsc.json`` file."""

    format: Literal["vscdesk"] = FORMAT
    schema_version: Literal[2] = SCHEMA_VERSION
    title: Name = "Untitled"
    chain: Chain = Chain()
    stakeholders: list[Stakeholder] = Field(default_factory=list, max_length=10_000)
    streams: list[Stream] = Field(default_factory=list, max_length=10_000)
    links: list[Link] = Field(default_factory=list, max_length=100_000)
    slides: list[Slide] = Field(default_factory=list, max_length=MAX_LIST)
    flow_items: list[FlowItem] = Field(default_factory=list, max_length=1_000_000)

    @model_validator(mode="after")
    def _references_resolve(self) -> DocumentModel:
        from vscdesk.model.integrity import integrity_errors

        errors = integrity_errors(self)
        if errors:
            path, message = errors[0]
            raise ValueError(f"{path}: {message}")
        return self
