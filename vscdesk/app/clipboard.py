"""Stages on the system clipboard as JSON, so they paste into another document or window.

The data goes out twice: under our own MIME type and as plain-text JSON (readable, and
pasteable from a text editor). Reading never trusts the clipboard: anything that is not a
list of stages becomes a ``ClipboardError`` with a one-line message for the status bar.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard

from vscdesk.document import Document

MIME_TYPE = "application/x-vscdesk-stages+json"
FORMAT = "vscdesk-stages"
MAX_BYTES = 8 * 1024 * 1024  # far beyond any real selection; refuses pasted junk early


class ClipboardError(ValueError):
    """The clipboard holds nothing that can be pasted as stages."""


def stages_json(doc: Document, ids: list[str]) -> str:
    """The stages (in document order) as the JSON text put on the clipboard."""
    wanted = set(ids)
    stages = [s.model_dump(mode="json") for s in doc.stages() if s.id in wanted]
    return json.dumps({"format": FORMAT, "version": 1, "stages": stages}, ensure_ascii=False,
                      indent=2)


def put_stages(clipboard: QClipboard, doc: Document, ids: list[str]) -> None:
    text = stages_json(doc, ids)
    data = QMimeData()
    data.setData(MIME_TYPE, text.encode("utf-8"))
    data.setText(text)
    clipboard.setMimeData(data)


def parse_stages(text: str) -> list[dict[str, Any]]:
    """Stage dicts from clipboard text: our payload, or a bare list of stage objects."""
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise ClipboardError("The clipboard content is too large to paste")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise ClipboardError("The clipboard holds no vscdesk stages") from None
    if isinstance(data, dict) and data.get("format") == FORMAT:
        data = data.get("stages")
    if not isinstance(data, list) or not data or not all(isinstance(s, dict) for s in data):
        raise ClipboardError("The clipboard holds no vscdesk stages")
    return data


def read_stages(clipboard: QClipboard) -> list[dict[str, Any]]:
    """The stages on the clipboard, preferring our MIME type over plain text."""
    data = clipboard.mimeData()
    if data is None:
        raise ClipboardError("The clipboard is empty")
    if data.hasFormat(MIME_TYPE):
        raw = bytes(data.data(MIME_TYPE).data())
        if len(raw) > MAX_BYTES:
            raise ClipboardError("The clipboard content is too large to paste")
        return parse_stages(raw.decode("utf-8", "replace"))
    if data.hasText():
        return parse_stages(data.text())
    raise ClipboardError("The clipboard holds no vscdesk stages")


def release_clipboard(clipboard: QClipboard) -> None:
    """Before Python shuts down, swap our QMimeData for a plain-text copy that Qt owns.

    Qt destroys the clipboard's data from a C++ exit handler, after the interpreter is gone;
    a QMimeData made in Python then crashes the process on its way out (a segfault after a
    copy). ``setText`` builds the data in C++, and the JSON text still pastes as stages.
    """
    data = clipboard.mimeData(QClipboard.Mode.Clipboard)
    if data is not None and data.hasFormat("image/svg+xml") and data.hasImage():
        image = data.imageData()  # a copied picture stays pasteable, as Qt's own image
        clipboard.clear()
        clipboard.setImage(image)
        return
    if data is None or not data.hasFormat(MIME_TYPE):
        return
    text = data.text()
    clipboard.clear()
    clipboard.setText(text)
