"""Where the app keeps per-user things: settings (QSettings) and state (autosave, locks).

QSettings caches its default folders for the life of the process, so the settings file is
named explicitly from QStandardPaths, which reads XDG_CONFIG_HOME / XDG_STATE_HOME on every
call: each test (tests/conftest.py) and each user gets their own files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

APP = "vscdesk"


def config_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base) / APP


def state_dir() -> Path:
    """Per-user state that is not configuration: autosave snapshots, lock files."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericStateLocation)
    if not base:  # platforms without a state location keep it with the app's data
        base = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base) / APP


def settings() -> QSettings:
    """The user's settings file (an INI file, the same format on every platform)."""
    return QSettings(str(config_dir() / f"{APP}.ini"), QSettings.Format.IniFormat)
