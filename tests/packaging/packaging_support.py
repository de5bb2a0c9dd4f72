"""Shared paths and switches for the packaging tests (a module, not conftest, so tests import it).

The freedesktop validators and the bundle come from outside pytest: `make bundle-check` installs
the validators and points VSCDESK_BUNDLE_DIR at dist/vscdesk. A plain `make test` skips what is
missing; with VSCDESK_PACKAGING_STRICT=1 (CI's bundle check) anything missing is a failure.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "org.vscdesk.vscdesk"
MIME_TYPE = "application/x-vscdesk+json"


def strict() -> bool:
    return os.environ.get("VSCDESK_PACKAGING_STRICT") == "1"


def missing(what: str) -> None:
    """Skip in a developer's `make test`, fail in the strict bundle check."""
    if strict():
        pytest.fail(f"{what} (VSCDESK_PACKAGING_STRICT=1)")
    pytest.skip(what)


def tool(name: str) -> str:
    """The path of a command-line validator, or skip/fail when it is not installed."""
    path = shutil.which(name)
    if path is None:
        missing(f"{name} is not installed; `make bundle-check` installs it (packaging/need-tools.sh)")
    return path
