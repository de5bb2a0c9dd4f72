"""Exports and other outputs replace files atomically with the usual permissions."""

import os
import stat

import pytest

from vscdesk.storage import OutputError
from vscdesk.storage.atomic import write_output

pytestmark = pytest.mark.posix


def _mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_is_readable_by_others_under_the_usual_umask(tmp_path):
    old = os.umask(0o022)
    try:
        import importlib

        import vscdesk.storage.atomic as atomic

        importlib.reload(atomic)
        out = tmp_path / "chart.png"
        atomic.write_output(out, b"data")
        assert _mode(out) == 0o644
    finally:
        os.umask(old)


def test_existing_file_keeps_its_mode(tmp_path):
    out = tmp_path / "x.svg"
    out.write_bytes(b"old")
    out.chmod(0o640)
    write_output(out, b"new")
    assert out.read_bytes() == b"new" and _mode(out) == 0o640


def test_failure_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    out = tmp_path / "x.pdf"
    out.write_bytes(b"old")
    real_write = os.write

    def half_then_full(fd, data):  # the disk fills up part-way through the file
        if len(data) > 4:
            return real_write(fd, bytes(data[:4]))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(OutputError) as info:
        write_output(out, b"half and the rest")
    monkeypatch.undo()
    assert str(info.value) == ("Could not write x.pdf: the disk is full. "
                               "The file on disk was not changed.")
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
