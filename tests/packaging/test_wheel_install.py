"""The wheel users install carries every module and resource, and works outside the checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from packaging_support import ROOT

from vscdesk.bundled import EXAMPLE_NAME, example_path, font_paths

PIP = [sys.executable, "-m", "pip"]
# Build products, caches and environments of the checkout: not sources.
_SKIP = shutil.ignore_patterns(".git", ".venv", "build", "dist", "out", "*.egg-info", "__pycache__", "*.pyc",
                               ".pytest_cache", ".hypothesis")


def _run(command: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """``pip wheel .`` of a copy of the sources, so the build leaves nothing in the checkout."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    shutil.copytree(ROOT, source, ignore=_SKIP)
    built = _run([*PIP, "wheel", "--no-deps", "--quiet", "-w", work / "dist", source], work)
    assert built.returncode == 0, built.stderr[-3000:]
    (path,) = (work / "dist").glob("vscdesk-*.whl")
    return path


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed; its dependencies come from the project's .venv."""
    venv = tmp_path_factory.mktemp("venv") / "venv"
    created = _run([sys.executable, "-m", "venv", "--without-pip", venv], venv.parent)
    assert created.returncode == 0, created.stderr
    python = venv / "bin" / "python"
    done = _run([*PIP, "--python", python, "install", "--no-deps", "--quiet", wheel], venv)
    assert done.returncode == 0, done.stderr[-3000:]
    # PySide6, pydantic, ... without a second download: a .pth line appends the project's
    # site-packages, whose own .pth files (the editable install of the checkout) stay unread.
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = Path(_run([python, "-c", purelib], venv).stdout.strip())
    (site / "project-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv


def test_source_checkout_reads_resources_from_the_top_level_folder():
    """In the editable install vscdesk.resources is resources/, so an edited template shows at once."""
    assert example_path() == ROOT / "resources" / "examples" / EXAMPLE_NAME
    assert {p.parent for p in font_paths()} == {ROOT / "resources" / "fonts"}


def test_wheel_holds_every_module_and_resource_of_the_source_tree(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "vscdesk").rglob("*.py")
               if "__pycache__" not in p.parts}
    resources = {"vscdesk/resources/" + p.relative_to(ROOT / "resources").as_posix()
                 for p in (ROOT / "resources").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert modules - names == set(), "modules left out of the wheel (pyproject [tool.setuptools] packages)"
    assert resources - names == set(), "resources left out of the wheel (pyproject package-data)"
    for kind in ("fonts/DejaVuSans.ttf", f"examples/{EXAMPLE_NAME}", "templates/blank.vsc.json"):
        assert f"vscdesk/resources/{kind}" in names


def test_installed_wheel_finds_its_resources_inside_the_venv(installed, tmp_path):
    probe = ("from vscdesk.bundled import example_path, font_paths, resource\n"
             "from vscdesk.interop.templates import load_template, template_names\n"
             "print(example_path()); print(*font_paths(), sep='\\n')\n"
             "print(*(load_template(n).title for n in template_names()), sep='\\n')\n")
    result = _run([installed / "bin" / "python", "-c", probe], tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    example, fonts = Path(lines[0]), [Path(line) for line in lines[1:3]]
    assert example.is_relative_to(installed) and example.is_file()
    assert [f.name for f in fonts] == ["DejaVuSans-Bold.ttf", "DejaVuSans.ttf"]
    assert all(f.is_relative_to(installed) for f in fonts)
    assert len(lines) > 3  # every template loaded


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_installed_vscdesk_command_exports_the_bundled_example(installed, tmp_path, suffix):
    out = tmp_path / f"example{suffix}"
    source = installed / "lib"  # the example as installed, found without the checkout
    (example,) = source.rglob(f"vscdesk/resources/examples/{EXAMPLE_NAME}")
    result = _run([installed / "bin" / "vscdesk", "export", example, "-o", out], tmp_path)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
    else:
        title = json.loads(example.read_text(encoding="utf-8"))["title"]
        assert b"<svg" in data and f">{title}<".encode() in data
