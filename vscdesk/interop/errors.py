"""The one error type of every import, export and merge, so callers print one readable line."""

from __future__ import annotations


class InteropError(Exception):
    """A file in another format cannot be read or written; the message says what and where."""

    def __init__(self, message: str) -> None:
        # One line: the CLI and dialogs show it as is.
        super().__init__(" ".join(message.split()))

    @property
    def message(self) -> str:
        return str(self)
