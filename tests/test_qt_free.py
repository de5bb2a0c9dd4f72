"""The core packages import no Qt, so scripts and CI can use them without a display."""

import subprocess
import sys

import pytest

CORE = ["vscdesk.model", "vscdesk.layout.chain", "vscdesk.render.chain", "vscdesk.render.svg",
        "vscdesk.storage", "vscdesk.analysis", "vscdesk.interop", "vscdesk.cli", "vscdesk.compat",
        "vscdesk.deck.build", "vscdesk.render.slide_picture", "vscdesk.render.print_layout",
        "vscdesk.workshop.replica"]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_qt(module):
    code = (f"import sys, {module}; bad = [m for m in sys.modules if m.startswith('PySide6')]; "
            "print(','.join(bad))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"{module} pulled in {result.stdout.strip()}"


def test_cli_start_up_skips_heavy_libraries():
    code = ("import sys, vscdesk.cli; "
            "print([m for m in ('networkx', 'pyqtgraph', 'PySide6') if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
