"""What the bundle spec leaves out is not needed: vscdesk and pyqtgraph work without it.

Runs without a bundle: a fresh interpreter refuses to import every module the spec excludes,
then imports every vscdesk module and draws a pyqtgraph chart, as the frozen app would.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys

from packaging_support import PACKAGING

PROBE = """
import importlib, importlib.abc, pkgutil, sys

EXCLUDED = {excluded!r}

class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if any(name == e or name.startswith(e + ".") for e in EXCLUDED):
            raise ImportError(f"{{name}} is excluded from the bundle")
        return None

sys.meta_path.insert(0, Refuse())

import vscdesk
for info in pkgutil.walk_packages(vscdesk.__path__, "vscdesk."):
    if not info.name.endswith("__main__"):  # that one starts the app
        importlib.import_module(info.name)

from PySide6.QtWidgets import QApplication
import pyqtgraph as pg
app = QApplication([])
plot = pg.PlotWidget()
plot.addItem(pg.BarGraphItem(x0=0, y=[1, 2, 3], height=0.6, width=[3, 1, 2]))
plot.resize(320, 200)
image = plot.grab().toImage()
print("ok", image.width(), image.height())
"""


def _spec_excludes() -> list[str]:
    tree = ast.parse((PACKAGING / "vscdesk.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "EXCLUDES" for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError("no EXCLUDES list in packaging/vscdesk.spec")


def test_spec_excludes_what_a_lean_bundle_should_not_carry():
    excluded = set(_spec_excludes())
    assert {"tkinter", "PySide6.QtNetwork", "PySide6.QtQml", "pytest"} <= excluded
    assert not excluded & {"networkx", "pyqtgraph", "numpy", "pydantic", "PySide6.QtSvg"}


def test_vscdesk_and_pyqtgraph_charts_work_without_the_excluded_modules(tmp_path):
    probe = PROBE.format(excluded=_spec_excludes())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split() == ["ok", "320", "200"]
