"""The welcome page describes the bundled example as it is, not as it once was."""

from __future__ import annotations

from session_helpers import finished_window

from vscdesk.app.welcome import Choice
from vscdesk.bundled import example_path
from vscdesk.storage import load


def test_the_example_choice_counts_the_examples_streams(qtbot):
    window = finished_window(qtbot)
    window.features.welcome.show_page()
    example = next(c for c in window.features.welcome.findChildren(Choice)
                   if c.accessibleName() == "Explore the example")
    model = load(example_path())
    detail = example.accessibleDescription()
    assert f"{len(model.streams)} streams" in detail
    assert model.title in detail and model.chain.name in detail
