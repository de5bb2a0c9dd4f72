"""A map started from a template is named after it, from the welcome page or the menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from vscdesk.app import dialogs
from vscdesk.app.welcome import Choice


@pytest.fixture
def window(make_window):
    return make_window(None, finished=True)


def _suggested_file(window, monkeypatch) -> str:
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, start: asked.append(start))
    window.save_as()
    return asked[0].replace("\\", "/").rsplit("/", 1)[-1]


def test_the_menu_names_the_map_after_its_template(window, monkeypatch):
    window.actions["template_porter"].trigger()
    assert window.windowTitle().startswith("Porter's value chain")
    assert _suggested_file(window, monkeypatch) == "Porter's value chain.vsc.json"
    window.actions["template_business-units"].trigger()
    assert window.windowTitle().startswith("Business units")


def test_the_welcome_page_names_it_the_same(window, monkeypatch, qtbot):
    window.actions["welcome"].trigger()
    choices = {c.accessibleName(): c for c in window.features.welcome.findChildren(Choice)}
    qtbot.mouseClick(choices["IT4IT"], Qt.MouseButton.LeftButton)
    assert not window.features.welcome.isVisible()
    assert window.windowTitle().startswith("IT4IT value streams")
    assert _suggested_file(window, monkeypatch) == "IT4IT value streams.vsc.json"


def test_the_blank_template_is_untitled_like_a_new_map(window):
    window.actions["template_blank"].trigger()
    assert window.windowTitle().startswith("Untitled")
