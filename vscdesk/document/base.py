"""What every edit command shares: one batch per redo/undo, and validation that happens in the
constructor so that redo() and undo() only ever apply values already known to be good."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError
from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from vscdesk.document.document import Document

M = TypeVar("M", bound=BaseModel)


class _Unchanged:
    """Marker for "leave this as it is" where None is a meaningful value."""

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Any = _Unchanged()


class EditCommand(QUndoCommand):
    """An undoable edit; subclasses implement _apply() and _revert() with Document primitives."""

    def __init__(self, doc: Document, text: str) -> None:
        super().__init__(text)
        self._doc = doc

    def redo(self) -> None:
        with self._doc._edit():
            self._apply()

    def undo(self) -> None:
        with self._doc._edit():
            self._revert()

    def _apply(self) -> None:
        raise NotImplementedError

    def _revert(self) -> None:
        raise NotImplementedError


# -- validation helpers --------------------------------------------------------------------


def plain(value: Any) -> Any:
    """Models turned into dicts, so that validation really re-checks them."""
    if isinstance(value, BaseModel):
        return value.model_dump()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def readable(error: ValidationError, what: str) -> str:
    """The first problem of a validation error as one line: 'Stage name: a name may not ...'."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{what} {where}: {message}" if where else f"{what}: {message}"


def validated(cls: type[M], data: Any, what: str) -> M:
    """A fresh, fully validated model object (never the caller's object)."""
    try:
        return cls.model_validate(plain(data))
    except ValidationError as error:
        raise ValueError(readable(error, what)) from None


def check_fields(cls: type[BaseModel], fields: dict[str, Any], fixed: Iterable[str],
                 what: str) -> None:
    """Refuse unknown field names and fields an edit may not change (ids, nested lists)."""
    if not fields:
        raise ValueError(f"no {what} field to change")
    fixed = set(fixed)
    for name in fields:
        if name not in cls.model_fields:
            raise ValueError(f"a {what} has no field '{name}'")
        if name in fixed:
            raise ValueError(f"the {name} of a {what} cannot be changed this way")


def check_index(index: int | None, size: int, what: str) -> int:
    """A position 0..size (None means the end)."""
    if index is None:
        return size
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index <= size:
        raise ValueError(f"{what} position {index!r} is outside 0..{size}")
    return index


def check_new_id(doc: Document, ident: str, reserved: Iterable[str] = ()) -> None:
    if ident in doc or ident in set(reserved):
        raise ValueError(f"the id '{ident}' is already used in this document")


def check_ref(doc: Document, kind: str, ident: str | None, where: str) -> None:
    """A reference must name an existing object of the right kind (None is always fine)."""
    if ident is not None and ident not in doc._store(kind):
        raise ValueError(f"{where} refers to {kind} '{ident}', which does not exist")


def require(doc: Document, kind: str, ident: str) -> Any:
    """The object, or a readable error for a command built on a stale or wrong id."""
    obj = doc._store(kind).get(ident)
    if obj is None:
        raise ValueError(f"there is no {kind} '{ident}'")
    return obj


def quoted(name: str, limit: int = 40) -> str:
    """A name as it appears in Edit ▸ Undo texts."""
    return f"“{name if len(name) <= limit else name[: limit - 1] + '…'}”"


def count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
