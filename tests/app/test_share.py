"""Share ▸ Host / Join workshop: two windows in one process edit one map live over loopback,
see each other's selections, and undo only their own edits."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QGraphicsRectItem

from vscdesk.app import share_dialogs
from vscdesk.document import SetStageFields
from vscdesk.storage import dumps, load

WAIT = 20_000  # ms: a bound for the network, never a timing assertion


@pytest.fixture
def two_windows(qtbot, example_file, monkeypatch):
    from vscdesk.app.application import start_window

    links = []
    monkeypatch.setattr(share_dialogs, "ask_host", lambda parent: ("Ann", "127.0.0.1", 0))
    monkeypatch.setattr(share_dialogs, "show_link", lambda parent, url: links.append(url))
    windows = []
    for _ in range(2):
        win = start_window(example_file)
        qtbot.addWidget(win)
        win.show()
        windows.append(win)
    host, guest = windows
    host.actions["workshop_host"].trigger()
    assert len(links) == 1 and links[0].startswith("ws://127.0.0.1:")
    monkeypatch.setattr(share_dialogs, "ask_join", lambda parent: (links[0], "Bob"))
    # the guest's map is replaced by the workshop's: its own must not be modified
    guest.document.mark_saved()
    guest.actions["workshop_join"].trigger()
    qtbot.waitUntil(lambda: guest.document.path is None and guest.features.workshop.status == "connected",
                    timeout=WAIT)
    yield host, guest
    for win in windows:
        win.features.workshop.stop()
        win.document.mark_saved()


def _stage_names(win):
    return {s.id: s.name for s in win.document.stages()}


def test_a_guest_gets_the_hosts_map_and_edits_flow_both_ways(qtbot, two_windows, example_file):
    host, guest = two_windows
    assert dumps(guest.document.model) == dumps(load(example_file))
    first, second = list(_stage_names(host))[:2]
    host.document.push(SetStageFields(host.document, first, name="Named by Ann"))
    qtbot.waitUntil(lambda: _stage_names(guest)[first] == "Named by Ann", timeout=WAIT)
    guest.document.push(SetStageFields(guest.document, second, name="Named by Bob"))
    qtbot.waitUntil(lambda: _stage_names(host)[second] == "Named by Bob", timeout=WAIT)
    # the guest's canvas card shows the host's edit (the in-place road of a local edit)
    card = guest.scene.item_for(first)
    assert "Named by Ann" in repr(card.group.items)
    qtbot.waitUntil(lambda: dumps(host.document.model) == dumps(guest.document.model),
                    timeout=WAIT)
    assert host.isWindowModified() and "(workshop)" in host.windowTitle()


def test_participants_and_selection_rings_in_each_others_colour(qtbot, two_windows):
    host, guest = two_windows
    qtbot.waitUntil(lambda: host.features.workshop.dock.list.count() == 2, timeout=WAIT)
    names = [host.features.workshop.dock.list.item(i).text() for i in range(2)]
    assert names[0].startswith("● Ann (you)") and names[1].startswith("● Bob")
    stage = list(_stage_names(guest))[3]
    guest.selection.set([stage])

    def ring_around_stage():
        rings = [item for item in host.scene.items() if isinstance(item, QGraphicsRectItem)
                 and item.pen().color().name() == guest.features.workshop.colour]
        card = host.scene.item_for(stage).sceneBoundingRect()
        return any(ring.rect().contains(card) for ring in rings)

    qtbot.waitUntil(ring_around_stage, timeout=WAIT)
    guest.features.workshop.stop()
    qtbot.waitUntil(lambda: host.features.workshop.dock.list.count() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: not ring_around_stage(), timeout=WAIT)


def test_undo_in_a_workshop_reverts_only_your_own_edit(qtbot, two_windows):
    host, guest = two_windows
    first, second = list(_stage_names(host))[:2]
    original = _stage_names(host)[second]
    host.document.push(SetStageFields(host.document, first, name="Ann's name"))
    qtbot.waitUntil(lambda: _stage_names(guest)[first] == "Ann's name", timeout=WAIT)
    guest.document.push(SetStageFields(guest.document, second, name="Bob's name"))
    qtbot.waitUntil(lambda: _stage_names(host)[second] == "Bob's name", timeout=WAIT)
    undo = guest.actions["workshop_undo"]
    qtbot.waitUntil(undo.isEnabled, timeout=WAIT)
    assert not guest.actions["undo"].isVisible() and undo.isVisible()
    undo.trigger()
    qtbot.waitUntil(lambda: _stage_names(host)[second] == original, timeout=WAIT)
    qtbot.waitUntil(lambda: _stage_names(guest)[second] == original, timeout=WAIT)
    assert _stage_names(host)[first] == _stage_names(guest)[first] == "Ann's name"
    qtbot.waitUntil(guest.actions["workshop_redo"].isEnabled, timeout=WAIT)
    guest.actions["workshop_redo"].trigger()
    qtbot.waitUntil(lambda: _stage_names(host)[second] == "Bob's name", timeout=WAIT)
