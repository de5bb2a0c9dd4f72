"""Start the GUI: one QApplication, one main window, and the start a user expects.

In order: work a crash left behind is offered for recovery; then the file given on the
command line, else the document open when vscdesk last closed, else the welcome page on the
very first start, else the bundled example.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from vscdesk import __version__
from vscdesk.compat import skip_pydantic_plugin_search

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from vscdesk.app.main_window import MainWindow


def make_application() -> QApplication:
    """The one QApplication, named (settings and state folders use the name) and themed."""
    from PySide6.QtWidgets import QApplication

    from vscdesk.app.file_open import Application
    from vscdesk.app.icons import app_icon
    from vscdesk.app.theme import apply_theme

    app = cast(QApplication, QApplication.instance()) or Application(sys.argv[:1])
    app.setApplicationName("vscdesk")
    app.setOrganizationName("vscdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.vscdesk.vscdesk")  # packaging/org.vscdesk.vscdesk.desktop (Wayland app id)
    app.setWindowIcon(app_icon())
    apply_theme(app)
    from vscdesk.app.clipboard import release_clipboard

    app.aboutToQuit.connect(lambda: release_clipboard(app.clipboard()))
    return app


def start_window(path: Path | None) -> MainWindow | None:
    """A finished window showing what this start should show; None only for a broken install."""
    from vscdesk.app import session, workspace
    from vscdesk.app.main_window import MainWindow
    from vscdesk.app.recovery import offer_recovery
    from vscdesk.app.settings import state_dir

    window = MainWindow()
    workspace.finish(window)
    first_start = not session.has_started_before()
    session.mark_started()
    if offer_recovery(window, state_dir()):
        return window
    if path is not None:
        if window.open_path(path):  # on failure the user has seen why, in a dialog
            return window
        window.features.welcome.show_page()  # then a way forward rather than a vanished app
        return window
    last = session.last_document()
    if last is not None and window.open_path(last):
        return window
    if first_start:
        window.features.welcome.show_page()
        return window
    return window if open_example(window) else None


def open_example(window: MainWindow) -> bool:
    from vscdesk.bundled import example_path
    from vscdesk.storage import LoadError, load

    try:
        model = load(example_path())
    except LoadError as err:  # a broken install; say so rather than start empty silently
        print(f"vscdesk: {err}", file=sys.stderr)
        return False
    # Opened without a path, so Save asks where: never write into the installed package.
    window.show_model(model, None, f"{model.title} (example)")
    return True


def run_gui(path: Path | None) -> int:
    skip_pydantic_plugin_search()
    from vscdesk.app.bench_hook import install_if_requested
    from vscdesk.storage.instances import Instance

    # This process's start time (psutil) is needed by the first lock; read it now, before the
    # document loads, not between the load and the first paint (where the analysis waits).
    Instance.current()

    app = make_application()
    window = start_window(path)
    if window is None:
        return 2
    install_if_requested(window.view.viewport())
    from vscdesk.app import file_open

    file_open.connect(app, window)  # macOS delivers Finder and Dock opens as events
    window.show()
    window.view.fit()
    return app.exec()
