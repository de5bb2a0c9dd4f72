"""Start the GUI: one QApplication, one main window, the given file or the bundled example."""

from __future__ import annotations

import sys
from pathlib import Path

from vscdesk import __version__


def run_gui(path: Path | None) -> int:
    from PySide6.QtWidgets import QApplication

    from vscdesk.app.bench_hook import install_if_requested
    from vscdesk.app.main_window import MainWindow
    from vscdesk.bundled import example_path
    from vscdesk.storage import LoadError, load

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("vscdesk")
    app.setOrganizationName("vscdesk")
    app.setApplicationVersion(__version__)
    window = MainWindow()
    if path is None:
        try:
            model = load(example_path())
        except LoadError as err:  # a broken install; say so rather than start empty silently
            print(f"vscdesk: {err}", file=sys.stderr)
            return 2
        # Opened without a path, so Save asks where: never write into the installed package.
        window.show_model(model, None, f"{model.title} (example)")
    elif not window.open_path(path):
        return 2
    install_if_requested(window.view.viewport())
    window.show()
    window.view.fit()
    return app.exec()
