"""PyInstaller's own QtCore hook, minus Qt's translations: vscdesk is English only (7 MB saved)."""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
datas = [entry for entry in datas if "translations" not in PurePath(entry[0]).parts]
