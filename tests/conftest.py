"""Test set-up: Qt runs offscreen, settings never touch the user's own."""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from vscdesk.bundled import example_path  # noqa: E402

#: markers for tests that need what one family of systems has (CI runs the suite on all three)
_NEEDS = {
    "posix": ("POSIX signals, modes, owners, FIFOs or forks", lambda: os.name != "nt"),
    "linux_host": ("a Linux host (/proc, tmpfs, or simulating another system on Linux)",
                   lambda: sys.platform.startswith("linux")),
}


def pytest_configure(config):
    for name, (needs, _) in _NEEDS.items():
        config.addinivalue_line("markers", f"{name}: needs {needs}")


def pytest_collection_modifyitems(config, items):
    for item in items:
        for name, (needs, available) in _NEEDS.items():
            if item.get_closest_marker(name) and not available():
                item.add_marker(pytest.mark.skip(reason=f"needs {needs}"))


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory, monkeypatch):
    """Keep QSettings, autosave and state files of every test in its own directory."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


@pytest.fixture
def example_file() -> Path:
    return example_path()


@pytest.fixture
def example_data() -> dict:
    import json

    return json.loads(example_path().read_text(encoding="utf-8"))


@pytest.fixture
def example_model(example_data):
    """The bundled example as a validated model (a fresh copy for each test)."""
    from vscdesk.model import DocumentModel

    return DocumentModel.model_validate(example_data)


@pytest.fixture
def window(qtbot, example_file):
    """The main window on the bundled example, shown: where most window tests start (a test
    module that needs another start defines its own ``window``)."""
    from vscdesk.app.main_window import MainWindow
    from vscdesk.storage import load

    win = MainWindow()
    qtbot.addWidget(win)
    win.show_model(load(example_file), None, "IT services (example)")
    win.show()
    qtbot.waitExposed(win)
    return win


def pytest_sessionfinish(session, exitstatus):
    """Tests end without QApplication.aboutToQuit, so release copied stages here, as the app
    does when it quits: otherwise Qt frees Python-made clipboard data after Python is gone."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        from vscdesk.app.clipboard import release_clipboard

        release_clipboard(app.clipboard())
