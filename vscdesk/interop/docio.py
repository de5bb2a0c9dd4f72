"""Reading and writing native documents for diff and merge, through the storage module, so the
interchange tools accept and write exactly what the application does."""

from __future__ import annotations

from pathlib import Path

from vscdesk.interop.errors import InteropError
from vscdesk.model import DocumentModel
from vscdesk.storage import LoadError, dumps, load


def read_document(path: str | Path) -> DocumentModel:
    """The document in ``path``; any problem (including git conflict markers) is an InteropError."""
    try:
        return load(path)
    except LoadError as exc:
        raise InteropError(str(exc)) from exc


def document_text(doc: DocumentModel) -> str:
    """The stable file text of ``doc`` (same document, same text)."""
    return dumps(doc)
