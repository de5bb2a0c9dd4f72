"""The vscdesk document model: pydantic data classes with no Qt dependency."""

from vscdesk.model.fields import MAX_NAME, is_valid_id
from vscdesk.model.ids import new_id, slug
from vscdesk.model.integrity import integrity_errors
from vscdesk.model.types import (
    FORMAT,
    MINUTES,
    SCHEMA_VERSION,
    Chain,
    DocumentModel,
    Duration,
    FlowItem,
    Lane,
    LaneGroup,
    Link,
    Sla,
    Slide,
    Stage,
    StakeholderRef,
    Stakeholder,
    Stream,
)

__all__ = [
    "FORMAT", "MAX_NAME", "MINUTES", "SCHEMA_VERSION", "Chain", "DocumentModel", "Duration",
    "FlowItem", "Lane", "LaneGroup", "Link", "Sla", "Slide", "Stage", "Stakeholder", "StakeholderRef",
    "Stream", "integrity_errors", "is_valid_id", "new_id", "slug",
]
