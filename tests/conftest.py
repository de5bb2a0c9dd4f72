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
def example_model(example_file):
    """The bundled example as a model, loaded as a user's file is (a fresh copy each test)."""
    from vscdesk.storage import load

    return load(example_file)


@pytest.fixture
def doc(example_model):
    """The example model, under the name most model-level tests use (``tests/document/``
    gives the editing core's tests a ``Document`` under this name instead)."""
    return example_model


@pytest.fixture
def document(qapp, example_model):
    """The example in a ``Document`` (signals, undo), without a window or a path."""
    from vscdesk.document import Document

    return Document(example_model)


@pytest.fixture
def make_window(qtbot):
    """Builds main windows (``tests/windows.py::new_window``): ``make_window(focused=True)``,
    ``make_window(model, finished=True)``, ...; each shows a fresh copy of its document."""
    from tests.windows import new_window

    return lambda *args, **kwargs: new_window(qtbot, *args, **kwargs)


@pytest.fixture
def window(make_window):
    """The main window on the bundled example, shown: where most window tests start (a test
    module that needs another start overrides ``window`` with ``make_window``)."""
    return make_window()


def pytest_sessionfinish(session, exitstatus):
    """Tests end without QApplication.aboutToQuit, so release copied stages here, as the app
    does when it quits: otherwise Qt frees Python-made clipboard data after Python is gone."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        from vscdesk.app.clipboard import release_clipboard

        release_clipboard(app.clipboard())
