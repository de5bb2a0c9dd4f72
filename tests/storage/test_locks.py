"""Lock files: a second instance learns who holds a document; a crashed holder's lock is taken."""

import os
import signal
import subprocess
import sys

import pytest

from vscdesk.storage.locks import DocumentLock, lock_path

pytestmark = pytest.mark.posix

HOLDER = """
import sys, time
from pathlib import Path
from vscdesk.storage.locks import DocumentLock
lock = DocumentLock(Path(sys.argv[1]), Path(sys.argv[2]))
assert lock.acquire() is None
print("locked", flush=True)
time.sleep(60)
"""


def start_holder(locks, document):
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(locks), str(document)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "locked"
    return child


def test_a_second_instance_sees_the_holder_until_it_dies(tmp_path):
    document = tmp_path / "map.vsc.json"
    document.write_text("{}")
    locks = tmp_path / "locks"
    child = start_holder(locks, document)
    try:
        mine = DocumentLock(locks, document)
        owner = mine.acquire()
        assert owner is not None and owner.instance.pid == child.pid
        assert owner.document == document and not mine.held
        mine.release()  # not ours: the holder's lock stays
        assert lock_path(locks, document).exists()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    assert mine.acquire() is None and mine.held  # the crashed holder's lock is stale
    mine.release()
    assert not lock_path(locks, document).exists()


def test_the_same_path_spelled_differently_is_one_lock(tmp_path):
    document = tmp_path / "map.vsc.json"
    other_spelling = tmp_path / "sub" / ".." / "map.vsc.json"
    (tmp_path / "sub").mkdir()
    assert lock_path(tmp_path, document) == lock_path(tmp_path, other_spelling)


def test_this_instance_can_take_its_own_lock_again(tmp_path):
    document = tmp_path / "map.vsc.json"
    first, second = DocumentLock(tmp_path, document), DocumentLock(tmp_path, document)
    assert first.acquire() is None and second.acquire() is None
    assert first.owner() is None  # this instance is never "another" owner


def test_an_unreadable_old_lock_is_replaced(tmp_path):
    document = tmp_path / "map.vsc.json"
    lock = DocumentLock(tmp_path, document)
    lock.path.write_text("garbage")
    os.utime(lock.path, (1, 1))
    assert lock.acquire() is None and lock.held
