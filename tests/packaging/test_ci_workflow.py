"""The public CI workflow: the three systems, and Linux running exactly .ci/run."""

from __future__ import annotations

from packaging_support import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def test_linux_runs_exactly_the_ci_script_and_the_others_test_and_bundle():
    text = WORKFLOW.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    assert "runs-on: ubuntu-latest" in lines and "- run: .ci/run" in lines
    assert "os: [windows-latest, macos-latest]" in lines
    assert "run: python scripts/dev.py test" in lines
    assert "run: python scripts/dev.py bundle" in lines
    assert (ROOT / ".ci" / "run").read_text().count("make test") == 1
