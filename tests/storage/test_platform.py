"""storage.platform: held-open files on Windows, names that travel, process identity."""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest
from simulated_platforms import simulated

from vscdesk.cli.output import OutputError, write_atomic
from vscdesk.storage import SaveError, load, save
from vscdesk.storage import platform
from vscdesk.storage.journal import write_snapshot

pytestmark = pytest.mark.linux_host


def held_open(times: int | None, only=None):
    """An ``os.replace`` that fails like Windows while a scanner holds the target open."""
    real = os.replace
    calls = []

    def replace(src, dst):
        if only is not None and os.fspath(dst) != os.fspath(only):
            return real(src, dst)
        calls.append(dst)
        if times is None or len(calls) <= times:
            exc = PermissionError(errno.EACCES, "The process cannot access the file because "
                                  "it is being used by another process", str(dst))
            exc.winerror = 32
            raise exc
        real(src, dst)

    return replace, calls


@pytest.fixture
def pauses(monkeypatch):
    waited: list[float] = []
    monkeypatch.setattr(platform, "_sleep", waited.append)
    return waited


def test_a_briefly_held_document_is_saved_after_a_retry(tmp_path, example_file, pauses):
    target = tmp_path / "map.vsc.json"
    doc = load(example_file)
    save(doc, target)
    doc.title = "New title"
    replace, _calls = held_open(times=2, only=target)
    with simulated("windows"):
        platform.os.replace = replace
        save(doc, target)
    assert load(target).title == "New title"
    assert len(pauses) == 2 and pauses == sorted(pauses)  # growing pauses


def test_a_document_held_open_for_good_fails_in_one_line_and_is_untouched(
        tmp_path, example_file, pauses):
    target = tmp_path / "map.vsc.json"
    doc = load(example_file)
    save(doc, target)
    before = target.read_bytes()
    doc.title = "New title"
    replace, _calls = held_open(times=None, only=target)
    with simulated("windows"):
        platform.os.replace = replace
        with pytest.raises(SaveError) as caught:
            save(doc, target)
    message = str(caught.value)
    assert "\n" not in message and "another program has the file open" in message
    assert target.read_bytes() == before
    assert len(pauses) == len(platform.REPLACE_BACKOFF)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.vsc.json", "map.vsc.json.bak"]


def test_an_export_held_open_for_good_fails_in_one_line(tmp_path, pauses):
    out = tmp_path / "chart.svg"
    out.write_bytes(b"old")
    replace, _ = held_open(times=None)
    with simulated("windows"):
        platform.os.replace = replace
        with pytest.raises(OutputError) as caught:
            write_atomic(out, b"new")
    assert "another program has the file open" in str(caught.value)
    assert out.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["chart.svg"]


def test_an_autosave_held_open_fails_in_one_line_and_leaves_no_temp(tmp_path, pauses):
    replace, _ = held_open(times=None)
    with simulated("windows"):
        platform.os.replace = replace
        with pytest.raises(OutputError, match="another program has the file open"):
            write_snapshot(tmp_path, "w1", "{}", name="x", original=None, original_sha256=None)
    assert list(tmp_path.iterdir()) == []


def test_on_linux_and_macos_permission_errors_are_not_retried(tmp_path, pauses, monkeypatch):
    replace, calls = held_open(times=None)
    with simulated("macos"):
        platform.os.replace = replace
        with pytest.raises(PermissionError):
            platform.replace(tmp_path / "a", tmp_path / "b")
    monkeypatch.setattr(os, "replace", replace)  # this machine: Linux
    with pytest.raises(PermissionError):
        platform.replace(tmp_path / "a", tmp_path / "b")
    assert pauses == [] and len(calls) == 2


@pytest.mark.parametrize("name", [
    "CON", "con.png", "Nul.vsc.json", "COM1.svg", "lpt9.pdf", "AUX .png", "com\u00b9.csv",
    "a<b.png", "a>b", 'say"hi".png', "a:b.png", "a|b", "why?.svg", "star*.pdf", "back\\slash",
    "tab\there.png", "ends.", "ends ", "", ".",
])
def test_names_windows_forbids(name):
    assert platform.name_problem(name) is not None
    with pytest.raises(platform.BadFileName) as caught:
        platform.check_file_name(f"/some/folder/{name}" if name not in ("", ".") else name)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("name", [
    "map.vsc.json", "CONSOLE.png", "console.svg", "com10.pdf", "lpt.png", "nul-report.pdf",
    "IT services (draft) v2.png", "Übersicht – Q1.svg", "a.b.c.png", ".hidden.png",
])
def test_names_every_system_accepts(name):
    assert platform.name_problem(name) is None
    platform.check_file_name(f"/some/folder/{name}")


def test_folders_are_not_judged_only_the_file_name():
    platform.check_file_name("/home/ann/maps: old/CON2.png")


def test_process_identity():
    me = os.getpid()
    assert platform.process_alive(me) and platform.process_start(me) is not None
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not platform.process_alive(child.pid)
    assert platform.process_start(child.pid) is None
    assert not platform.process_alive(0) and not platform.process_alive(-5)


def test_an_unreaped_child_counts_as_gone():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)  # exited, not yet reaped
        assert not platform.process_alive(child.pid)
    finally:
        child.wait()


def test_start_times_read_by_two_processes_may_differ_by_a_clock_correction():
    assert platform.same_start(1000.0, 1000.4)
    assert not platform.same_start(1000.0, 1005.0)
