"""Every reader takes regular files only, size checked before reading: a FIFO or a device as
the input of any command is refused in one line (it used to block forever or read /dev/zero
until memory ran out)."""

from __future__ import annotations

import os
import shutil
import threading

import pytest

from vscdesk.cli import main

#: command line -> which argument is the hostile input ({bad}); {doc} is a valid document.
COMMANDS = [
    ["convert", "{bad}.csv", "-o", "{out}.vsc.json"],
    ["convert", "{bad}.vsc.json", "-o", "{out}.csv"],
    ["import", "{bad}.xml", "-o", "{out}.vsc.json"],
    ["import", "{bad}.archimate", "-o", "{out}.vsc.json"],
    ["import-flow", "{doc}", "{bad}.csv", "-o", "{out}.vsc.json"],
    ["diff", "{doc}", "{bad}.vsc.json"],
    ["merge", "{doc}", "{bad}.vsc.json", "{doc}", "-o", "{out}.vsc.json"],
    ["check", "{bad}.vsc.json"],
    ["metrics", "{bad}.vsc.json"],
    ["export", "{bad}.vsc.json", "-o", "{out}.svg"],
]


def _no_hang(command: list[str], fifo: str | None) -> int:
    """Run the command; if it blocks on the FIFO, unblock it and fail instead of hanging."""
    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(main(command)), daemon=True)
    worker.start()
    worker.join(30)
    if worker.is_alive() and fifo:
        os.close(os.open(fifo, os.O_WRONLY))  # the blocked reader gets end-of-file
        worker.join(30)
        pytest.fail(f"{command[0]} blocked on a FIFO")
    return result[0]


def _bad_input(kind: str, path: str) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    else:
        os.symlink({"zero": "/dev/zero", "null": "/dev/null"}[kind], path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("kind", ["fifo", "zero", "null"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: f"{c[0]}-{c[1 + (c[1] == '{doc}')]}")
def test_fifos_and_devices_are_refused_without_blocking(command, kind, tmp_path, example_file,
                                                        capsys):
    doc = shutil.copy(example_file, tmp_path / "doc.vsc.json")
    args = [a.format(bad=tmp_path / "in", out=tmp_path / "out", doc=doc) for a in command]
    bad = next(a for a in args if a.startswith(str(tmp_path / "in")))
    _bad_input(kind, bad)
    assert _no_hang(args, bad if kind == "fifo" else None) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is not a regular file" in err[0], err
    assert os.path.basename(bad) in err[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["doc.vsc.json", os.path.basename(bad)])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_state_files_replaced_by_fifos_never_block(tmp_path):
    """The open document's hash (external change), autosave snapshots and lock files."""
    from vscdesk.storage.journal import JournalError, file_sha256, read_snapshot
    from vscdesk.storage.locks import read_owner

    fifo = tmp_path / "x.autosave.json"
    os.mkfifo(fifo)
    assert file_sha256(fifo) is None
    assert file_sha256(tmp_path / "missing") is None
    with pytest.raises(JournalError, match="is not a regular file"):
        read_snapshot(fifo)
    assert read_owner(fifo) is None
