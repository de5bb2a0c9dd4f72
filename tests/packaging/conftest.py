"""Fixtures for the packaging tests; the switches are explained in packaging_support."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from packaging_support import ROOT, missing


@pytest.fixture(scope="session")
def bundle_dir() -> Path:
    """The built one-folder bundle named by VSCDESK_BUNDLE_DIR (relative to the project root)."""
    value = os.environ.get("VSCDESK_BUNDLE_DIR")
    if not value:
        missing("no bundle to test; `make bundle bundle-check` builds and tests one")
    path = (ROOT / value).resolve()
    if not (path / "vscdesk").is_file():
        pytest.fail(f"VSCDESK_BUNDLE_DIR={value}: no vscdesk binary in {path}")
    return path
