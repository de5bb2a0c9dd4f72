"""Importing the analysis (and the badge status) must not load networkx or Qt at start-up."""

import subprocess
import sys


def _modules_after(code: str) -> str:
    probe = (f"{code}; import sys; "
             "print(sorted(m for m in ('networkx', 'PySide6') if m in sys.modules))")
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_importing_analysis_loads_no_networkx():
    assert _modules_after("from vscdesk.analysis import analyse, sla_status, Analysis") == "[]"


def test_analysis_runs_without_qt(example_file):
    code = ("from vscdesk.analysis import analyse; from vscdesk.model import DocumentModel; "
            f"analyse(DocumentModel.model_validate_json(open({str(example_file)!r}).read()))")
    assert _modules_after(code) == "['networkx']"
