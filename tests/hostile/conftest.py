"""Fixtures of the red-team tests."""

import pytest

from vscdesk.model import DocumentModel


@pytest.fixture
def example_doc(example_file) -> DocumentModel:
    return DocumentModel.model_validate_json(example_file.read_text(encoding="utf-8"))
