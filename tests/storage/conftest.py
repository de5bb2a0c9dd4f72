"""Fixtures for file tests: folders another user can reach, and acting as that user."""

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

NOBODY = 65534


@contextlib.contextmanager
def _as_nobody() -> Iterator[None]:
    """Run the block with an unprivileged effective user, so permissions really apply.

    Root ignores file modes; as root we switch the effective ids and switch back after.
    """
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def as_nobody() -> Callable[[], contextlib.AbstractContextManager[None]]:
    return _as_nobody


@pytest.fixture
def open_dir() -> Iterator[Path]:
    """A fresh folder every user can reach (pytest's own tmp folders are private to root)."""
    path = Path(tempfile.mkdtemp(prefix="vscdesk-test-"))
    path.chmod(0o755)
    yield path
    for root, dirs, _files in os.walk(path):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o755)
    shutil.rmtree(path, ignore_errors=True)
