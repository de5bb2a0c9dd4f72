"""The editing core: the Document (the one writer of the model) and its undo commands."""

from vscdesk.document.base import UNCHANGED, EditCommand
from vscdesk.document.commands_lane import AddLane, MoveLane, RemoveLane, SetLaneFields
from vscdesk.document.commands_misc import (
    AddLink,
    AddSlide,
    MoveSlide,
    RemoveLinks,
    RemoveSlide,
    SetLinkFields,
    SetSlideFields,
)
from vscdesk.document.commands_paste import DuplicateStages, PasteStages
from vscdesk.document.commands_stage import (
    AddStage,
    MoveStage,
    RemoveStages,
    SetStageFields,
    SetStagesFields,
)
from vscdesk.document.commands_stakeholder import (
    AddStakeholder,
    RemoveStakeholder,
    SetStakeholderFields,
)
from vscdesk.document.commands_stream import AddStream, MoveStream, RemoveStream, SetStreamFields
from vscdesk.document.commands_title import SetDocumentFields
from vscdesk.document.document import Document
# kept after the others: imported first, a fresh process that had imported PySide6 before
# this package failed with a circular import inside pydantic (the child instances started
# by the locking and recovery tests)
from vscdesk.document.commands_groups import SetLaneGroups, SetMargin  # noqa: E402, I001
from vscdesk.document.selection import Selection

__all__ = [
    "UNCHANGED",
    "AddLane",
    "AddLink",
    "AddSlide",
    "AddStage",
    "AddStakeholder",
    "AddStream",
    "Document",
    "DuplicateStages",
    "EditCommand",
    "MoveLane",
    "MoveSlide",
    "MoveStage",
    "MoveStream",
    "PasteStages",
    "RemoveLane",
    "RemoveLinks",
    "RemoveSlide",
    "RemoveStages",
    "RemoveStakeholder",
    "RemoveStream",
    "Selection",
    "SetDocumentFields",
    "SetLaneFields",
    "SetLaneGroups",
    "SetLinkFields",
    "SetMargin",
    "SetSlideFields",
    "SetStageFields",
    "SetStagesFields",
    "SetStakeholderFields",
    "SetStreamFields",
]
