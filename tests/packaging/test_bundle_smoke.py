"""The frozen one-folder bundle (``make bundle``): exports headlessly, opens the window, stays lean.

Runs against VSCDESK_BUNDLE_DIR (``make bundle-check`` sets it); skipped in a plain ``make test``.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from packaging_support import tool

from vscdesk.bundled import EXAMPLE_NAME


def _run(binary: Path, *args: str | Path, cwd: Path, **env: str | None) -> subprocess.CompletedProcess[str]:
    """The bundle as a user runs it: outside the checkout, no Python environment leaking in
    (``NAME=None`` removes a variable)."""
    merged = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    merged.update(env)
    return subprocess.run([str(binary), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          env={k: v for k, v in merged.items() if v is not None}, timeout=120)


@pytest.fixture(scope="module")
def binary(bundle_dir: Path) -> Path:
    return bundle_dir / "vscdesk"


@pytest.fixture(scope="module")
def bundled_example(bundle_dir: Path) -> Path:
    """The example document as shipped inside the bundle."""
    (path,) = bundle_dir.rglob(f"vscdesk/resources/examples/{EXAMPLE_NAME}")
    return path


def test_bundle_exports_the_example_to_png_without_a_display(binary, bundled_example, tmp_path):
    out = tmp_path / "example.png"
    result = _run(binary, "export", bundled_example, "-o", out, cwd=tmp_path,
                  QT_QPA_PLATFORM=None, DISPLAY=None, WAYLAND_DISPLAY=None)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out}"
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width >= 800 and height >= 400, (width, height)


def test_bundle_exports_the_stream_view_to_svg_with_the_documents_text(binary, bundled_example, tmp_path):
    out = tmp_path / "example.svg"
    result = _run(binary, "export", bundled_example, "-o", out, "--view", "stream", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    doc = json.loads(bundled_example.read_text(encoding="utf-8"))
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert f">{doc['streams'][0]['name']}<" in svg


def test_bundle_reports_errors_in_one_line(binary, tmp_path):
    result = _run(binary, "export", tmp_path / "missing.vsc.json", "-o", tmp_path / "x.png", cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_bundle_opens_the_window_on_the_bundled_example(binary, tmp_path):
    """The GUI starts, paints its canvas and quits (the benchmark's first-paint hook)."""
    result = _run(binary, cwd=tmp_path, QT_QPA_PLATFORM="offscreen", VSCDESK_BENCH_EXIT_AFTER_PAINT="1",
                  HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
                  XDG_STATE_HOME=str(tmp_path / "state"), XDG_DATA_HOME=str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("painted "), result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def x_display():
    """A private Xvfb screen, so the window opens through the bundle's real xcb platform plugin."""
    xvfb = tool("Xvfb")
    read_end, write_end = os.pipe()
    # -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
    server = subprocess.Popen([xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
                               "-nolisten", "tcp"], pass_fds=(write_end,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        with os.fdopen(read_end) as ready:
            number = ready.readline().strip()
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_bundle_opens_the_window_on_an_x_server(binary, tmp_path, x_display):
    result = _run(binary, cwd=tmp_path, QT_QPA_PLATFORM=None, WAYLAND_DISPLAY=None, DISPLAY=x_display,
                  VSCDESK_BENCH_EXIT_AFTER_PAINT="1", HOME=str(tmp_path),
                  XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path / "state"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("painted "), result.stdout + result.stderr


def test_bundle_collects_lazy_imports_and_leaves_out_what_we_never_use(binary, bundle_dir):
    readers = pytest.importorskip("PyInstaller.archive.readers")
    modules = set(readers.pkg_archive_contents(str(binary)))
    for name in ("networkx", "networkx.algorithms.cycles", "pyqtgraph", "vscdesk.cli.export",
                 "vscdesk.interop.templates", "vscdesk.app.main_window", "pydantic"):
        assert name in modules, f"{name} is not in the bundle"
    assert not {m for m in modules if m.split(".")[0] in ("tkinter", "pytest", "PyInstaller")}
    files = {p.relative_to(bundle_dir).as_posix() for p in bundle_dir.rglob("*") if p.is_file()}
    qt = [f for f in files if "/PySide6/" in f]
    assert any(f.endswith("plugins/platforms/libqxcb.so") for f in qt)
    assert any(f.endswith("plugins/platforms/libqwayland.so") for f in qt)
    assert any(f.endswith("plugins/iconengines/libqsvgicon.so") for f in qt)
    for module in ("QtOpenGL", "QtOpenGLWidgets"):  # pyqtgraph's curves import them
        assert any(f.endswith(f"PySide6/{module}.abi3.so") for f in qt)
    unused = ("libqeglfs.so", "libqgtk3.so", "QtNetwork", "QtQml", "QtQuick", "translations/")
    assert [f for f in qt if any(word in f for word in unused)] == []
    assert not [f for f in files if "libgtk-3" in f or "_tkinter" in f]


def test_bundle_ships_fonts_templates_and_example(bundle_dir):
    resources = next(bundle_dir.rglob("vscdesk/resources"))
    fonts = sorted(p.name for p in (resources / "fonts").glob("*.ttf"))
    assert fonts == ["DejaVuSans-Bold.ttf", "DejaVuSans.ttf"]
    assert (resources / "templates" / "blank.vsc.json").is_file()
    assert (resources / "examples" / EXAMPLE_NAME).is_file()
