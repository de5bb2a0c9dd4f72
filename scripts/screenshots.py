"""Render the README's screenshots from the real application, offscreen.

    .venv/bin/python scripts/screenshots.py [OUT_DIR]      (default: docs/images)

Every picture is the running window (or dialog) on the bundled example, grabbed with
``QWidget.grab()``; nothing is drawn by hand. Settings and autosave go to a throw-away
folder, so your own recent files and layout are neither used nor changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HOME = tempfile.mkdtemp(prefix="vscdesk-shots-")
for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = os.path.join(HOME, var.lower())
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QDockWidget  # noqa: E402

from vscdesk.app.application import make_application, open_example  # noqa: E402
from vscdesk.app.main_window import MainWindow  # noqa: E402
from vscdesk.app.recovery import RecoveryDialog  # noqa: E402
from vscdesk.app.theme import apply_theme  # noqa: E402
from vscdesk.app.workspace import finish  # noqa: E402
from vscdesk.storage import dumps  # noqa: E402
from vscdesk.storage.journal import autosave_dir, stale_snapshots, write_snapshot  # noqa: E402

SIZE = (1440, 900)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def example_window(app: QApplication) -> MainWindow:
    window = MainWindow()
    finish(window)
    window.actions["animate_views"].setChecked(False)
    window.resize(*SIZE)
    open_example(window)
    window.show()
    settle(app)
    window.view.fit()
    return window


def select_stage(window: MainWindow, stream: str, stage: str) -> None:
    window.selection.set([stage], stream)


def shoot(window, path: Path, app: QApplication) -> None:
    settle(app)
    window.grab().save(str(path))
    print("wrote", path)


def chain_and_stream(app: QApplication, out: Path, theme: str) -> None:
    apply_theme(app, theme)
    window = example_window(app)
    select_stage(window, "restore", window.document.model.streams[0].stages[1].id)
    suffix = "" if theme == "light" else "-dark"
    shoot(window, out / f"chain-view{suffix}.png", app)
    if theme == "light":
        window.actions["stream_view"].trigger()
        window.view.fit()
        shoot(window, out / "stream-view.png", app)
        window.findChild(QDockWidget, "dock-activity-loop").raise_()
        shoot(window, out / "activity-loop.png", app)
    window.close()


def welcome(app: QApplication, out: Path) -> None:
    apply_theme(app, "light")
    window = MainWindow()
    finish(window)
    window.resize(*SIZE)
    window.show()
    window.features.welcome.show_page()
    shoot(window, out / "welcome.png", app)
    window.close()


def recovery(app: QApplication, out: Path) -> None:
    from vscdesk.bundled import example_path

    state = Path(os.environ["XDG_STATE_HOME"]) / "vscdesk"
    text = example_path().read_text(encoding="utf-8")
    file = write_snapshot(autosave_dir(state), "w1", text, name="it-services.vsc.json",
                          original=Path.home() / "maps" / "it-services.vsc.json",
                          original_sha256=None)
    # Pretend the writer crashed: a process id that cannot exist.
    file.write_text(file.read_text().replace(f'"pid": {os.getpid()}', '"pid": 999999999'))
    write_snapshot(autosave_dir(state), "w2", dumps(_untitled()), name="Untitled",
                   original=None, original_sha256=None)
    other = autosave_dir(state) / f"{os.getpid()}-w2.autosave.json"
    other.write_text(other.read_text().replace(f'"pid": {os.getpid()}', '"pid": 999999998'))
    dialog = RecoveryDialog(stale_snapshots(autosave_dir(state)))
    dialog.show()
    shoot(dialog, out / "recovery.png", app)
    dialog.close()


def _untitled():
    from vscdesk.app.new_document import new_document

    return new_document()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images")
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    chain_and_stream(app, out, "light")
    chain_and_stream(app, out, "dark")
    welcome(app, out)
    recovery(app, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
