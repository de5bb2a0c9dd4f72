"""Run inside a private user+mount namespace: real ENOSPC and EROFS on a small tmpfs.

Usage: disk_faults.py MOUNTPOINT EXAMPLE. Prints one JSON object with what happened.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from vscdesk.model import DocumentModel
from vscdesk.storage import SaveError, backup_path, load, save


def attempt(doc: DocumentModel, path: Path) -> dict:
    before = path.read_bytes()
    names = sorted(os.listdir(path.parent))
    try:
        save(doc, path)
        error = None
    except SaveError as exc:
        error = str(exc)
    return {"error": error, "unchanged": path.read_bytes() == before,
            "same_names": sorted(os.listdir(path.parent)) == names,
            "loads": load(path) == load(path)}


def main() -> None:
    mount, example = Path(sys.argv[1]), Path(sys.argv[2])
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], check=True)
    big = load(example)
    small = DocumentModel(title="Small")
    path = mount / "plan.vsc.json"
    save(small, path)
    save(small, path)  # so that a .bak exists too
    bak = backup_path(path).read_bytes()
    with open(mount / "filler", "wb", buffering=0) as filler:  # fill the disk to the last byte
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError:
            pass
    result = {"full": attempt(big, path)}
    result["full"]["bak_unchanged"] = backup_path(path).read_bytes() == bak
    os.unlink(mount / "filler")
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
    result["read_only"] = attempt(big, path)
    print(json.dumps(result))


main()
