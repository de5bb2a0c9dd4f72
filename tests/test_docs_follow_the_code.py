"""docs/architecture.md leads into the code: every file and name it cites exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CITED = re.compile(r"`([\w/.]+\.py)(?:::([\w.]+))?")


def _citations(page: str) -> list[tuple[str, str]]:
    """(file, name) pairs; the name is "" when only the file is cited."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    return sorted(set(CITED.findall(text)))


def _file(path: str) -> Path | None:
    for base in (ROOT, ROOT / "vscdesk"):
        if (base / path).is_file():
            return base / path
    return None


@pytest.mark.parametrize("page", ["architecture.md", "visual-language.md"])
def test_every_cited_file_and_name_exists(page):
    citations = _citations(page)
    assert citations, f"{page} cites no file"
    missing = []
    for path, name in citations:
        found = _file(path)
        if found is None:
            missing.append(path)
        elif name:
            last = name.split(".")[-1]
            if not re.search(rf"^\s*(def|class) {last}\b|^{last}\s*=", found.read_text(
                    encoding="utf-8"), re.M):
                missing.append(f"{path}::{name}")
    assert missing == []
