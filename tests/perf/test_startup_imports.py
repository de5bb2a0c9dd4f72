"""Start-up imports only what the first painted window needs: no networkx, no pyqtgraph."""

import os
import subprocess
import sys

from vscdesk.bundled import example_path

HEAVY = ("networkx", "pyqtgraph", "numpy", "scipy")


def test_the_first_painted_window_imports_no_heavy_library(tmp_path):
    env = dict(os.environ, VSCDESK_BENCH_EXIT_AFTER_PAINT="1", QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "c"), XDG_STATE_HOME=str(tmp_path / "s"),
               XDG_DATA_HOME=str(tmp_path / "d"), XDG_CACHE_HOME=str(tmp_path / "k"))
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "vscdesk",
                           str(example_path())], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert any(line.startswith("painted ") for line in done.stdout.splitlines())
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")}
    assert "vscdesk.app.main_window" in imported  # the window really was built
    assert not [name for name in imported if name.split(".")[0] in HEAVY]
