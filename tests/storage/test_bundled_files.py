"""Bundled documents are stored exactly as vscdesk writes them, so saving one changes no byte."""

from vscdesk.bundled import example_path
from vscdesk.storage import dumps, load


def test_example_is_in_canonical_form():
    path = example_path()
    assert dumps(load(path)) == path.read_text(encoding="utf-8")
