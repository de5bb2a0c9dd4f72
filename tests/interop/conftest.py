"""Shared fixtures of the interop tests: the bundled example as a model, test data paths."""

from pathlib import Path

import pytest

from vscdesk.model import DocumentModel

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def example_doc(example_file) -> DocumentModel:
    return DocumentModel.model_validate_json(example_file.read_text(encoding="utf-8"))


@pytest.fixture
def archimate_dir() -> Path:
    return DATA / "archimate"
