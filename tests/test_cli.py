"""The command line: export, check, version and errors as one readable line."""

import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

from vscdesk.cli import main


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "vscdesk", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=120)


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("vscdesk ")


def test_check_valid(example_file, capsys):
    assert main(["check", str(example_file)]) == 0
    assert "valid" in capsys.readouterr().out


@pytest.mark.parametrize("content, words", [
    ("not json", "JSON"),
    ('{"format": "other"}', "vscdesk"),
    ('{"format": "vscdesk", "schema_version": 99}', "newer"),
])
def test_check_invalid_is_one_line_exit_2(tmp_path, content, words):
    bad = tmp_path / "bad.vsc.json"
    bad.write_text(content)
    result = run("check", bad)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words.lower() in lines[0].lower()
    assert "Traceback" not in result.stderr


def test_export_svg_contains_every_stage_name(example_file, example_data, tmp_path):
    out = tmp_path / "chain.svg"
    result = run("export", example_file, "-o", out)
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()
    text = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    for stream in example_data["streams"]:
        for stage in stream["stages"]:
            assert all(word in text for word in stage["name"].split())


def test_export_png_shows_the_diagram(example_file, tmp_path):
    out = tmp_path / "chain.png"
    result = run("export", example_file, "-o", out, "--scale", "2")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    # twice the drawing: 1600 px wide by default, a little more when a lane keeps room for a
    # link bracket beside its cards (the example's Deliver & support does)
    from vscdesk.interop.docio import read_document
    from vscdesk.render.pages import view_drawing

    width = view_drawing(read_document(example_file), "chain").width
    assert width >= 1600 and abs(image.width() - 2 * width) <= 1
    colours = {image.pixel(x, y) for x in range(0, image.width(), 97) for y in range(0, image.height(), 89)}
    assert len(colours) > 10  # lanes, cards, text: not a blank page


def test_export_pdf(example_file, tmp_path):
    out = tmp_path / "chain.pdf"
    assert run("export", example_file, "-o", out).returncode == 0
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("args, words", [
    (["export", "{ex}", "-o", "{tmp}/x.gif"], "unknown format"),
    (["export", "{ex}", "-o", "{tmp}/x.png", "--scale", "zero"], "--scale"),
    (["export", "{tmp}/missing.vsc.json", "-o", "{tmp}/x.png"], "not found"),
    (["export", "{ex}"], "required"),
    (["export", "{ex}", "-o", "{tmp}/nodir/x.svg"], "no such directory"),
    (["frobnicate"], "no such file"),
])
def test_bad_arguments_are_one_line(example_file, tmp_path, args, words):
    args = [a.format(ex=example_file, tmp=tmp_path) for a in args]
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


def test_gui_without_display_says_so(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = run(env=env)
    assert result.returncode != 0
    assert "no display" in result.stderr and "Traceback" not in result.stderr


def test_gui_without_qt_system_library_says_so(monkeypatch, capsys):
    import ctypes.util

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "libxcb-cursor0" in err and len(err.strip().splitlines()) == 1
