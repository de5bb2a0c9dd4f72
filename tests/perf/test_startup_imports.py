"""Start-up imports only what the first painted window needs: no networkx, no pyqtgraph."""

import os
import subprocess
import sys

from vscdesk.bundled import example_path

HEAVY = ("networkx", "pyqtgraph", "numpy", "scipy", "importlib.metadata")


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
    assert not [name for name in imported if name.split(".")[0] in HEAVY or name in HEAVY]


def test_pydantic_works_after_its_plugin_search_is_skipped():
    code = ("import sys; from vscdesk.app.application import skip_pydantic_plugin_search; "
            "skip_pydantic_plugin_search(); from vscdesk.storage import load; "
            "from vscdesk.bundled import example_path; doc = load(example_path()); "
            "searched = 'importlib.metadata' in sys.modules; "
            "import pydantic.plugin._loader as loader; "
            "print(len(doc.streams), searched, loader.PYDANTIC_ENTRY_POINT_GROUP)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    streams, metadata, group = done.stdout.split()
    assert int(streams) > 0 and metadata == "False"
    assert group == "pydantic"  # another name of the loader: the real module, loaded then
