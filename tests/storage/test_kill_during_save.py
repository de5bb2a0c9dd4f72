"""A child process saving a large document over and over is SIGKILLed at random moments;
after every kill the file (and its .bak) loads and is exactly the old or the new version."""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vscdesk.model import DocumentModel
from vscdesk.storage import backup_path, dumps, load, save

pytestmark = pytest.mark.linux_host

SCRIPT = Path(__file__).parent / "scripts" / "save_forever.py"


def large_document(example: DocumentModel, copies: int, title: str) -> DocumentModel:
    """The example with its streams repeated ``copies`` times under fresh ids (~0.5 MB)."""
    data = example.model_dump(mode="json")
    originals = data["streams"]
    for k in range(copies):
        text = json.dumps(originals).replace('"id": "', f'"id": "c{k}-')
        data["streams"] = data["streams"] + json.loads(text)
    data["title"] = title
    return DocumentModel.model_validate(data)


class SaveServer:
    """The fork server script: starts children that save, and tells how they ended."""

    def __init__(self, target: Path, a: Path, b: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, str(SCRIPT), str(target), str(a), str(b)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def ask(self, command: str) -> str:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.proc.stdout.close()


class Versions:
    """Two large versions of one document, saved where the server can read them."""

    def __init__(self, folder: Path, example_file: Path) -> None:
        example = load(example_file)
        self.a = large_document(example, 30, "Version A")
        self.b = large_document(example, 30, "Version B")
        self.target = folder / "big plan ☃.vsc.json"
        self.folder = folder
        save(self.a, folder / "a.json")
        save(self.b, folder / "b.json")
        self.texts = {dumps(self.a).encode(): "A", dumps(self.b).encode(): "B"}

    def server(self) -> SaveServer:
        return SaveServer(self.target, self.folder / "a.json", self.folder / "b.json")

    def check(self, trial: int) -> str:
        """Which version is on disk; fails unless the file and its .bak are whole versions."""
        content = self.target.read_bytes()
        assert content in self.texts, f"trial {trial}: the file is neither version"
        bak = backup_path(self.target)
        if bak.exists():
            assert bak.read_bytes() in self.texts, f"trial {trial}: the .bak is neither version"
        return self.texts[content]

    def remove_temps(self) -> int:
        """Temp files a kill mid-write left behind (they never replace anything)."""
        temps = list(self.folder.glob(".*.tmp"))
        for temp in temps:
            temp.unlink()
        return len(temps)


def run_kills(folder: Path, example_file: Path, trials: int, seed: int) -> dict:
    versions = Versions(folder, example_file)
    durations = []
    for _ in range(3):
        start = time.perf_counter()
        save(versions.a, versions.target)
        durations.append(time.perf_counter() - start)
    # Kills land within the first few saves of each child; a forked child's first save is
    # slower than the warm ones timed here (its pages are copied as it touches them).
    one_save = sorted(durations)[1]
    seen = {"A": 0, "B": 0, "temp_left": 0}
    rng = random.Random(seed)
    server = versions.server()
    try:
        for trial in range(trials):
            pid = int(server.ask("go"))
            time.sleep(rng.uniform(0, 6 * one_save))
            os.kill(pid, signal.SIGKILL)
            assert server.ask(f"reap {pid}") == f"signal {signal.SIGKILL}", trial
            seen[versions.check(trial)] += 1
            seen["temp_left"] += versions.remove_temps()
    finally:
        server.close()
    assert load(versions.target) in (versions.a, versions.b)  # exact bytes, and they load
    return seen


def test_a_crash_at_every_step_of_a_save(tmp_path, example_file):
    """Kill the saving process just before each of its file-system calls in turn."""
    versions = Versions(tmp_path, example_file)
    server = versions.server()
    outcomes = []
    try:
        for call in range(1, 40):
            save(versions.a, versions.target)
            pid = int(server.ask(f"crash {call}"))
            status = server.ask(f"reap {pid}")
            outcomes.append(versions.check(call))
            versions.remove_temps()
            if status == "exit 0":  # the save finished before reaching call N: all covered
                break
            assert status == f"signal {signal.SIGKILL}", status
    finally:
        server.close()
    # Crashes before the replace leave A, from the replace on B; never anything else.
    assert outcomes[-1] == "B" and len(outcomes) >= 8
    flip = outcomes.index("B")
    assert outcomes[:flip] == ["A"] * flip and set(outcomes[flip:]) == {"B"}


def test_killed_saves_leave_old_or_new_version(tmp_path, example_file):
    seen = run_kills(tmp_path, example_file, trials=120, seed=20250101)
    # Both versions were on disk after some kill: saves did complete between kills.
    assert seen["A"] > 0 and seen["B"] > 0, seen


@pytest.mark.slow
def test_killed_saves_stress(tmp_path, example_file):
    seen = run_kills(tmp_path, example_file, trials=1000, seed=7)
    assert seen["A"] > 0 and seen["B"] > 0, seen
