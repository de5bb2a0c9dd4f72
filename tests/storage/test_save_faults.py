"""Saving onto a really full disk and a really read-only filesystem (a small tmpfs mounted in
a private user namespace), not just simulated errors."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.linux_host

SCRIPT = Path(__file__).parent / "scripts" / "disk_faults.py"


def _namespaces_work() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "true"],
                           capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _namespaces_work(), reason="needs unprivileged user namespaces")
def test_full_disk_and_read_only_filesystem(tmp_path, example_file):
    mount = tmp_path / "mnt"
    mount.mkdir()
    run = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", sys.executable, str(SCRIPT),
         str(mount), str(example_file)],
        capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    full, read_only = result["full"], result["read_only"]
    assert full["error"] == ("Could not save plan.vsc.json: the disk is full. "
                             "The file on disk was not changed.")
    assert full["unchanged"] and full["bak_unchanged"] and full["same_names"] and full["loads"]
    assert read_only["error"].startswith("Could not save plan.vsc.json: the disk is read-only")
    assert read_only["unchanged"] and read_only["same_names"]
