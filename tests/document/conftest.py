"""Fixtures for the editing core: a Document on the bundled example and a signal recorder."""

from __future__ import annotations

import pytest
from doc_helpers import Recorder

from vscdesk.document import Document
from vscdesk.model import DocumentModel


@pytest.fixture
def doc(qapp, example_file) -> Document:
    model = DocumentModel.model_validate_json(example_file.read_text(encoding="utf-8"))
    return Document(model, example_file)


@pytest.fixture
def rec(doc) -> Recorder:
    return Recorder(doc)
