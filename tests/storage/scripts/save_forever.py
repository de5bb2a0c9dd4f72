"""A fork server for the kill test: each "go" forks a child that saves two versions of a
document over and over until it is killed; "crash N" forks a child that saves once and kills
itself just before its N-th file-system call of the save; "reap PID" reports how it ended.

Usage: save_forever.py TARGET VERSION_A VERSION_B  (commands on stdin, answers on stdout).
Forking from this small single-threaded process makes each trial start in a millisecond
with everything imported, so the suite can afford hundreds of kills.
"""

import os
import sys

from vscdesk.storage import load, save


def _save_forever(target: str, versions: list) -> None:
    try:
        while True:
            for doc in versions:
                save(doc, target)
    except BaseException as exc:  # noqa: BLE001 - report, never return into the server loop
        print(f"child failed: {exc!r}", file=sys.stderr, flush=True)
    os._exit(3)


STEPS = ("open", "write", "fsync", "close", "link", "replace")


def _crash_at(call: int, target: str, doc) -> None:
    """Save ``doc`` once, SIGKILLing this process right before file-system call ``call``."""
    count = 0

    def wrap(name: str):
        real = getattr(os, name)

        def step(*args, **kwargs):
            nonlocal count
            count += 1
            if count == call:
                os.kill(os.getpid(), 9)
            return real(*args, **kwargs)
        return step

    for name in STEPS:
        setattr(os, name, wrap(name))
    try:
        save(doc, target)
    except BaseException as exc:  # noqa: BLE001
        print(f"child failed: {exc!r}", file=sys.stderr, flush=True)
        os._exit(3)
    os._exit(0)


def main() -> None:
    target, first, second = sys.argv[1:4]
    versions = [load(second), load(first)]  # the file starts as A: write B first
    for line in sys.stdin:
        command = line.split()
        if command == ["go"]:
            pid = os.fork()
            if pid == 0:
                _save_forever(target, versions)
            print(pid, flush=True)
        elif command[:1] == ["crash"]:
            pid = os.fork()
            if pid == 0:
                _crash_at(int(command[1]), target, versions[0])
            print(pid, flush=True)
        elif command[:1] == ["reap"]:
            _, status = os.waitpid(int(command[1]), 0)
            if os.WIFSIGNALED(status):
                print(f"signal {os.WTERMSIG(status)}", flush=True)
            else:
                print(f"exit {os.WEXITSTATUS(status)}", flush=True)


main()
