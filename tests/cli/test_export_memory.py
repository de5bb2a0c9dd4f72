"""A PNG too large for the memory there is: one line and exit 2, not a warning from Qt for every
shape it could not paint (there were thousands) and not a file."""

import os
import resource
import subprocess
import sys

import pytest

LIMIT = 420 * 2**20  # address space: enough to start and export at scale 1, not for 12800 px


def _export(example_file, out, scale: str) -> subprocess.CompletedProcess:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "vscdesk", "export", str(example_file), "-o",
                           str(out), "--scale", scale], preexec_fn=limit, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS as a memory limit is Linux's")
def test_a_png_without_enough_memory_is_one_line(example_file, tmp_path):
    small = _export(example_file, tmp_path / "small.png", "1")
    if small.returncode != 0:
        pytest.skip(f"vscdesk does not start within {LIMIT >> 20} MB here: {small.stderr[-200:]}")
    out = tmp_path / "big.png"
    out.write_bytes(b"old")
    big = _export(example_file, out, "8")
    assert big.returncode == 2
    lines = big.stderr.splitlines()
    assert len(lines) == 1, big.stderr[:500]
    assert lines[0].startswith("vscdesk: Could not write big.png: not enough memory for a ")
    assert lines[0].endswith(" image; use a smaller --scale or SVG/PDF. The file on disk was "
                             "not changed.")
    assert out.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["big.png", "small.png"]
