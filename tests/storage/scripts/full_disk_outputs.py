"""Run inside a private user+mount namespace: every kind of output written onto a really full
tmpfs, by the real command line in a child process.

Usage: full_disk_outputs.py MOUNTPOINT EXAMPLE. Prints one JSON object: output -> what happened.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from vscdesk.storage import OutputError, load, save
from vscdesk.storage.journal import snapshot_path, write_snapshot

OLD = b"the old file, which must survive\n"


def fill(mount: Path) -> Path:
    """Fill the file system to the last byte."""
    filler = mount / "filler"
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError:
            pass
        try:
            while True:
                out.write(b"\0")
        except OSError:
            pass
    return filler


def run_cli(args: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "vscdesk", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def outcome(path: Path, before: bytes, names: list[str], run) -> dict:
    return {"rc": run.returncode, "stderr": run.stderr, "stdout": run.stdout,
            "unchanged": path.read_bytes() == before,
            "same_names": sorted(os.listdir(path.parent)) == names}


def main() -> None:
    mount, example = Path(sys.argv[1]), Path(sys.argv[2])
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], check=True)
    inputs = Path(os.environ.get("TMPDIR", "/tmp")) / f"vscdesk-full-disk-{os.getpid()}"
    inputs.mkdir()
    doc = load(example)
    base, ours, theirs = inputs / "base.vsc.json", mount / "ours.vsc.json", inputs / "t.vsc.json"
    save(doc, base)
    save(doc.model_copy(update={"title": "Theirs"}), theirs)
    outputs = {
        "png": ["export", str(example), "-o", "{out}"],
        "svg": ["export", str(example), "-o", "{out}"],
        "pdf": ["export", str(example), "-o", "{out}"],
        "pptx": ["export", str(example), "-o", "{out}"],
        "csv": ["convert", str(example), "-o", "{out}"],
        "xml": ["convert", str(example), "-o", "{out}"],
        "vsc.json": ["convert", str(example), "-o", "{out}"],
        "schema.json": ["schema", "-o", "{out}"],
        "merge.vsc.json": ["merge", str(base), str(base), str(theirs), "-o", "{out}"],
        "new.vsc.json": ["new", "--force", "-o", "{out}"],
        "flow.vsc.json": ["import-flow", str(example), str(inputs / "flow.csv"), "-o", "{out}"],
    }
    (inputs / "flow.csv").write_text("id,type,stream,started\nF1,feature,restore-service,2026-01-05\n",
                                     encoding="utf-8")
    result = {}
    for kind in outputs:
        out = mount / f"old.{kind}"
        out.write_bytes(OLD)
    save(doc, ours)
    ours_before = ours.read_bytes()
    snapshots = mount / "autosave"
    snapshot = write_snapshot(snapshots, "w1", "old", name="old", original=None,
                              original_sha256=None)
    snapshot_before = snapshot.read_bytes()
    filler = fill(mount)
    names = sorted(os.listdir(mount))
    for kind, args in outputs.items():
        out = mount / f"old.{kind}"
        run = run_cli([a.format(out=out) for a in args])
        result[kind] = outcome(out, OLD, names, run)
    run = run_cli(["merge-driver", str(base), str(ours), str(theirs), "ours.vsc.json"])
    result["merge-driver"] = outcome(ours, ours_before, names, run)
    try:
        write_snapshot(snapshots, "w1", "new " * 10000, name="new", original=None,
                       original_sha256=None)
        error = None
    except OutputError as exc:
        error = str(exc)
    result["autosave"] = {"rc": 2 if error else 0, "stderr": error or "", "stdout": "",
                          "unchanged": snapshot_path(snapshots, "w1").read_bytes()
                          == snapshot_before,
                          "same_names": os.listdir(snapshots) == [snapshot.name]}
    os.unlink(filler)
    print(json.dumps(result))


main()
