"""A fresh document: the ITIL 4 value chain of the bundled example, no streams yet."""

from __future__ import annotations

import json

from vscdesk.bundled import example_path
from vscdesk.model import DocumentModel


def new_document() -> DocumentModel:
    data = json.loads(example_path().read_text(encoding="utf-8"))
    return DocumentModel.model_validate({"title": "Untitled", "chain": data["chain"]})
