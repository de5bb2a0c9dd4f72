"""The interchange formats are usable in scripts: importing them never loads Qt."""

import subprocess
import sys

MODULES = ["archimate_export", "archimate_import", "stages_csv", "json_schema", "diff", "merge",
           "templates"]


def test_interop_imports_no_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {MODULES!r}:\n"
        "    importlib.import_module('vscdesk.interop.' + name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
