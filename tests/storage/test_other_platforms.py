"""Saving, autosave, locks and exports as Windows and macOS run them (simulated surfaces).

A second vscdesk really runs (a child process holding a lock and an autosave snapshot); the
simulated system is only what this process's vscdesk code sees as ``os`` and ``sys``
(tests/simulated_platforms.py). On Windows ``os.kill`` is a trap: asking whether the other
window runs must not end it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from simulated_platforms import simulated

from vscdesk.cli import main
from vscdesk.storage import load, save
from vscdesk.storage.instances import Instance
from vscdesk.storage.journal import list_snapshots, stale_snapshots, write_snapshot
from vscdesk.storage.locks import DocumentLock, lock_path

pytestmark = pytest.mark.linux_host

SYSTEMS = ["windows", "macos"]

OTHER_WINDOW = """
import sys, time
from pathlib import Path
import pytest
sys.path.insert(0, sys.argv[4])
from simulated_platforms import simulated
from vscdesk.storage.journal import write_snapshot
from vscdesk.storage.locks import DocumentLock
state, document = Path(sys.argv[1]), Path(sys.argv[2])
with simulated(sys.argv[3]):
    assert DocumentLock(state / "locks", document).acquire() is None
    write_snapshot(state / "autosave", "w1", document.read_text(), name="theirs",
                   original=document, original_sha256=None)
    print("ready", flush=True)
    time.sleep(60)
"""
TESTS = Path(__file__).parents[1]


@pytest.fixture
def document(tmp_path, example_file) -> Path:
    path = tmp_path / "Map.vsc.json"
    save(load(example_file), path)
    return path


@pytest.fixture
def other_window(tmp_path, document, system):
    """Another vscdesk on the same system that holds ``document`` open, with unsaved edits in
    a snapshot."""
    state = tmp_path / "state"
    child = subprocess.Popen([sys.executable, "-c", OTHER_WINDOW, str(state), str(document),
                              system, str(TESTS)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        yield state, child
    finally:
        child.kill()
        child.wait()
        child.stdout.close()


@pytest.mark.parametrize("system", SYSTEMS)
def test_saving_over_an_existing_document_works_and_keeps_the_backup(system, document):
    doc = load(document)
    doc.title = "Edited"
    with simulated(system):
        save(doc, document)  # Windows's os has no fchmod/fchown/geteuid
        save(doc, document.with_name("new.vsc.json"))
    assert load(document).title == "Edited"
    assert load(document.with_name("Map.vsc.json.bak")).title != "Edited"
    assert load(document.with_name("new.vsc.json")).title == "Edited"
    assert not [p for p in document.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("system", SYSTEMS)
def test_checking_another_windows_lock_neither_kills_nor_steals_it(system, other_window,
                                                                   document):
    state, child = other_window
    with simulated(system):
        mine = DocumentLock(state / "locks", document)
        owner = mine.acquire()
    assert owner is not None and owner.instance.pid == child.pid and not mine.held
    assert child.poll() is None, "the other window was ended by the check"


@pytest.mark.parametrize("system", SYSTEMS)
def test_another_windows_autosave_is_not_offered_for_recovery(system, other_window):
    state, child = other_window
    with simulated(system):
        assert [s.name for s in list_snapshots(state / "autosave")] == ["theirs"]
        assert stale_snapshots(state / "autosave") == []
    assert child.poll() is None


@pytest.mark.parametrize("system", SYSTEMS)
def test_a_crashed_windows_work_is_found_and_its_lock_taken(system, other_window, document):
    state, child = other_window
    child.kill()
    child.wait()
    with simulated(system):
        assert [s.name for s in stale_snapshots(state / "autosave")] == ["theirs"]
        mine = DocumentLock(state / "locks", document)
        assert mine.acquire() is None and mine.held
        mine.release()


@pytest.mark.parametrize("system", SYSTEMS)
def test_a_reused_process_id_is_not_taken_for_the_crashed_window(system, tmp_path):
    """The snapshot's pid now belongs to another program (started later): it is stale.

    Without /proc (macOS, Windows) the old code could not tell and kept it forever."""
    stranger = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with simulated(system):
            file = write_snapshot(tmp_path, "w1", "{}", name="crashed", original=None,
                                  original_sha256=None)
            record = json.loads(file.read_text())
            assert record["instance"]["token"] is not None
            started = float(record["instance"]["token"]) - 3600  # an hour before the stranger
            record["instance"].update(pid=stranger.pid, token=f"{started:.3f}")
            file.write_text(json.dumps(record))
            assert [s.name for s in stale_snapshots(tmp_path)] == ["crashed"]
        assert stranger.poll() is None
    finally:
        stranger.kill()
        stranger.wait()


def test_on_windows_a_lock_is_found_whatever_the_letter_case(document):
    with simulated("windows"):
        upper = document.with_name(document.name.upper())
        assert lock_path(document.parent, upper) == lock_path(document.parent, document)
    assert lock_path(document.parent, upper) != lock_path(document.parent, document)  # Linux


def test_on_macos_a_save_asks_the_drive_to_write_its_cache(document):
    with simulated("macos") as surface:
        save(load(document), document)
    assert surface.full_syncs >= 1  # F_FULLFSYNC, not only fsync


@pytest.mark.parametrize("system", SYSTEMS)
@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_exports_are_written(system, suffix, document, tmp_path, capsys, qapp):
    out = tmp_path / f"diagram{suffix}"
    with simulated(system):
        assert main(["export", str(document), "-o", str(out)]) == 0
        assert main(["export", str(document), "-o", str(out)]) == 0  # over the first one
    assert out.stat().st_size > 100
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("system", [*SYSTEMS, "linux"])
@pytest.mark.parametrize("name", ["CON.png", "aux.svg", "com1.pdf", "map:v2.png",
                                  "plan?.svg", "a|b.pdf"])
def test_names_windows_forbids_are_refused_in_one_line_on_every_system(
        system, name, document, tmp_path, capsys):
    out = tmp_path / name
    if system == "linux":
        assert main(["export", str(document), "-o", str(out)]) == 2
    else:
        with simulated(system):
            assert main(["export", str(document), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Windows" in err, err
    assert not out.exists()


def test_the_current_instance_is_itself_on_every_system():
    for system in SYSTEMS:
        with simulated(system):
            me = Instance.current()
            assert me.is_current() and me.is_running() and me.token is not None
