"""Two windows on two machines, tested as two processes on one: a window here hosts, a
vscdesk window in a child process joins with the link, and each sees the other's edit."""

from __future__ import annotations

import subprocess
import sys

import pytest

from vscdesk.app import share_dialogs
from vscdesk.document import SetStageFields

#: the other architect's window: join the link, rename a stage, report the host's rename
CHILD = """
import sys
from PySide6.QtCore import QTimer
from vscdesk.app.application import make_application, start_window
from vscdesk.app import share_dialogs
from vscdesk.document import SetStageFields

app = make_application()
window = start_window(None)
window.show()
workshop = window.features.workshop
share_dialogs.ask_join = lambda parent: (sys.argv[1], "Bob")
window.document.mark_saved()
window.actions["workshop_join"].trigger()
state = {"edited": False}

def poll():
    names = {s.id: s.name for s in window.document.stages()}
    if not state["edited"] and workshop.status == "connected" and "approve" in names:
        window.document.push(SetStageFields(window.document, "approve", name="Bob's approve"))
        state["edited"] = True
        print("edited", flush=True)
    if names.get("diagnose-fix") == "Ann's diagnosis":
        print("saw", names["diagnose-fix"], flush=True)
        window.document.mark_saved()
        app.quit()

timer = QTimer()
timer.timeout.connect(poll)
timer.start(20)
QTimer.singleShot(60_000, app.quit)
app.exec()
workshop.stop()
"""


@pytest.mark.posix
def test_a_window_in_another_process_edits_the_hosts_map_live(qtbot, window, monkeypatch):
    links = []
    monkeypatch.setattr(share_dialogs, "ask_host", lambda parent: ("Ann", "127.0.0.1", 0))
    monkeypatch.setattr(share_dialogs, "show_link", lambda parent, url: links.append(url))
    window.actions["workshop_host"].trigger()
    child = subprocess.Popen([sys.executable, "-c", CHILD, links[0]], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "edited"
        qtbot.waitUntil(lambda: window.document.stage("approve").name == "Bob's approve",
                        timeout=30_000)
        window.document.push(SetStageFields(window.document, "diagnose-fix", name="Ann's diagnosis"))
        assert child.stdout.readline().strip() == "saw Ann's diagnosis"
        _out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        qtbot.waitUntil(lambda: window.features.workshop.dock.list.count() == 1, timeout=30_000)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
        window.features.workshop.stop()
        window.document.mark_saved()
