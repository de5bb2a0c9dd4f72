"""Shared pieces for the desktop-session tests: a finished window and a real second instance."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.windows import new_window
from vscdesk.app.main_window import MainWindow

#: the app in a child process: open FILE, optionally make one edit, report, run until killed
CHILD = """
import sys
from pathlib import Path
from vscdesk.app.application import make_application, start_window
from vscdesk.document import SetStageFields

app = make_application()
window = start_window(Path(sys.argv[1]))
window.show()
window.features.autosave.timer.setInterval(50)
window.features.autosave.written.connect(lambda path: print("snapshot", path, flush=True))
if sys.argv[2] == "edit":
    window.document.push(SetStageFields(window.document, "approve", name="Approve in child"))
else:
    print("ready", flush=True)
app.exec()
"""


def focused_window(qtbot, model=None) -> MainWindow:
    """A shown main window showing ``model`` (if any) untitled, active, with the canvas
    focused, so key events reach the canvas as a user's would."""
    return new_window(qtbot, model, name=None, focused=True)


def finished_window(qtbot) -> MainWindow:
    """As a start leaves it, before any document is shown; not yet on screen."""
    return new_window(qtbot, None, finished=True, shown=False)


def start_child(document: Path, action: str) -> tuple[subprocess.Popen, str]:
    """Run vscdesk on ``document`` in another process; returns it and its first report."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(document), action],
                             stdout=subprocess.PIPE, text=True)
    line = child.stdout.readline().strip()
    if not line:
        child.kill()
        child.wait()
        child.stdout.close()
        raise AssertionError("the child vscdesk exited without reporting")
    return child, line


def kill(child: subprocess.Popen) -> None:
    """SIGKILL: no clean-up runs, exactly like a crash or a power cut."""
    child.kill()
    child.wait()
    child.stdout.close()
