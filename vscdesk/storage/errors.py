"""The two errors of the storage layer, with one-line messages a person can act on."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

LoadErrorKind = Literal[
    "not_found",      # no such file
    "unreadable",     # permission denied, a folder, a device, an I/O error
    "too_large",      # over the size limit, refused before reading it whole
    "encoding",       # not UTF-8 text
    "conflict",       # unresolved git merge conflict markers
    "syntax",         # not JSON (with line and column)
    "not_document",   # JSON, but not a vscdesk document
    "newer",          # saved by a newer vscdesk: refused, never touched
    "unsupported",    # an older schema this version has no upgrade for
    "migration",      # an upgrade from an older schema failed on this file
    "invalid",        # a field or a reference is wrong (with its path)
]

_MAX_MESSAGE = 400
# Anything that would break a one-line message or a dialog: controls, line separators,
# bidi overrides and lone surrogates are shown as escapes instead.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def one_line(text: str, limit: int = _MAX_MESSAGE) -> str:
    """``text`` made safe to print on one line: no controls, no lone surrogates, bounded length."""
    text = _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


class LoadError(Exception):
    """A document could not be opened; ``str(err)`` is one line saying what and where."""

    def __init__(self, source: str, reason: str, where: str = "",
                 kind: LoadErrorKind = "invalid") -> None:
        self.source = one_line(source, 120)
        self.where = one_line(where, 160)
        self.reason = one_line(reason)
        self.kind: LoadErrorKind = kind
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [self.source, self.where, self.reason] if self.where else [
            self.source, self.reason]
        return ": ".join(parts)


class SaveError(Exception):
    """A document was not saved and the file on disk is as it was; ``str(err)`` says why."""

    verb = "save"

    def __init__(self, reason: str, path: str | Path | None = None, *,
                 existed: bool = True) -> None:
        self.path = Path(path) if path is not None else None
        self.reason = one_line(reason)
        self.existed = existed  # whether a file was there (and so is kept as it was)
        super().__init__(str(self))

    def with_path(self, path: str | Path) -> SaveError:
        """The same error, naming the file it was about."""
        return type(self)(self.reason, path, existed=self.existed)

    def __str__(self) -> str:
        if self.path is None:
            return f"Could not {self.verb} the document: {self.reason}."
        name = one_line(self.path.name or str(self.path), 120)
        after = ("The file on disk was not changed." if self.existed
                 else "Nothing was written.")
        return f"Could not {self.verb} {name}: {self.reason}. {after}"


class OutputError(SaveError):
    """An export or other output was not written; the old file, if any, is as it was."""

    verb = "write"
