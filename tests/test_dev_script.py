"""scripts/dev.py: the make targets for machines without make, with Windows's venv layout."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "dev.py"


@pytest.fixture
def dev(tmp_path, monkeypatch):
    """The script as a module, its .venv in a temp folder and its commands recorded."""
    spec = importlib.util.spec_from_file_location("dev_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    venv = tmp_path / ".venv"
    monkeypatch.setattr(module, "VENV", venv)
    monkeypatch.setattr(module, "STAMP", venv / ".installed")
    commands: list[list[str]] = []

    def run(*command, env=None):
        commands.append([str(part) for part in command] + ([f"env:{env}"] if env else []))
        if command[1:3] == ("-m", "venv"):
            python = module.venv_bin("python")
            python.parent.mkdir(parents=True)
            python.write_text("")

    monkeypatch.setattr(module, "run", run)
    module.commands = commands
    return module


def test_windows_and_posix_venv_layouts(dev):
    assert dev.venv_bin("python", windows=True).parts[-2:] == ("Scripts", "python.exe")
    assert dev.venv_bin("vscdesk", windows=True).parts[-2:] == ("Scripts", "vscdesk.exe")
    assert dev.venv_bin("python", windows=False).parts[-2:] == ("bin", "python")


def test_first_test_run_creates_the_venv_installs_then_runs_pytest_offscreen(dev):
    assert dev.main(["test", "tests/storage"]) == 0
    first = dev.commands
    assert first[0][1:] == ["-m", "venv", str(dev.VENV)]
    assert first[2][-3:] == ["install", "--quiet", "-e", ".[test]"][-3:]
    assert first[-1][1:6] == ["-m", "pytest", "-q", "--durations=15", "tests/storage"]
    assert "QT_QPA_PLATFORM': 'offscreen'" in first[-1][-1]
    assert dev.STAMP.exists()
    dev.commands.clear()
    dev.main(["run", "map.vsc.json"])  # installed and current: straight to the app
    assert dev.commands == [[str(dev.venv_bin("vscdesk")), "map.vsc.json"]]


def test_test_runs_the_lint_of_make_test_first(dev):
    """Like `make test`: ruff, import-linter and mypy before pytest; `lint` runs them alone."""
    dev.main(["test"])
    lint = [[str(dev.venv_bin("ruff")), "check", "."], [str(dev.venv_bin("lint-imports"))],
            [str(dev.venv_bin("python")), str(dev.ROOT / "scripts" / "mypy_baseline.py")]]
    tail = dev.commands[-4:]
    assert tail[:3] == lint and tail[3][1:3] == ["-m", "pytest"]
    dev.commands.clear()
    dev.main(["lint"])
    assert dev.commands == lint
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "ruff check ." in makefile and "lint-imports" in makefile  # the same three steps
    assert "scripts/mypy_baseline.py" in makefile


def test_a_changed_pyproject_reinstalls(dev):
    dev.main(["test"])
    os.utime(dev.STAMP, (0, 0))  # older than pyproject.toml
    dev.commands.clear()
    dev.main(["test"])
    assert any("install" in command for command in dev.commands)


def test_without_a_command_it_prints_its_usage():
    result = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True)
    assert result.returncode == 2 and "py scripts/dev.py run" in result.stderr


def test_the_readme_keeps_make_and_shows_the_windows_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    assert "py scripts\\dev.py run" in readme and "py scripts\\dev.py test" in readme
    assert ".venv\\Scripts\\pip install -e .[test]" in readme
