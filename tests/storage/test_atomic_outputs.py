"""Exports and other outputs replace files atomically with the usual permissions."""

import os
import stat

import pytest

from vscdesk.storage.atomic import replacing, write_bytes


def _mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_is_readable_by_others_under_the_usual_umask(tmp_path):
    old = os.umask(0o022)
    try:
        import importlib

        import vscdesk.storage.atomic as atomic

        importlib.reload(atomic)
        out = tmp_path / "chart.png"
        atomic.write_bytes(out, b"data")
        assert _mode(out) == 0o644
    finally:
        os.umask(old)


def test_existing_file_keeps_its_mode(tmp_path):
    out = tmp_path / "x.svg"
    out.write_bytes(b"old")
    out.chmod(0o640)
    write_bytes(out, b"new")
    assert out.read_bytes() == b"new" and _mode(out) == 0o640


def test_failure_leaves_the_old_file_and_no_temporary(tmp_path):
    out = tmp_path / "x.pdf"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError), replacing(out) as tmp:
        with open(tmp, "wb") as half:
            half.write(b"half")
        raise RuntimeError("cancelled")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]


def test_cli_export_is_not_private(example_file, tmp_path):
    from vscdesk.cli import main

    old = os.umask(0o022)
    try:
        assert main(["export", str(example_file), "-o", str(tmp_path / "c.svg")]) == 0
    finally:
        os.umask(old)
    assert _mode(tmp_path / "c.svg") & 0o044 == 0o044
