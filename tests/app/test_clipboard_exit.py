"""Quitting after a copy must not crash: Qt frees clipboard data after Python has gone."""

import subprocess
import sys
import textwrap


def test_app_quits_cleanly_after_copying_stages(example_file, tmp_path):
    script = textwrap.dedent(f"""
        from PySide6.QtCore import QTimer
        from vscdesk.app.application import make_application
        from vscdesk.app.main_window import MainWindow
        from vscdesk.storage import load
        app = make_application()
        window = MainWindow()
        window.show_model(load({str(example_file)!r}), None)
        window.selection.set(["approve"], "fulfil-request")
        window.features.edit_actions.copy()
        QTimer.singleShot(50, app.quit)
        app.exec()
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, env=None)
    assert result.returncode == 0, result.stderr[-2000:]
