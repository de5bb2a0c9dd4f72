"""Stable, readable ids for new objects."""

from __future__ import annotations

import re
from collections.abc import Container

_NON_ID = re.compile(r"[^a-z0-9]+")


def slug(text: str, fallback: str = "item") -> str:
    """A lowercase id fragment from a name: "Design & transition" -> "design-transition"."""
    base = _NON_ID.sub("-", text.lower()).strip("-")[:40].strip("-")
    return base or fallback


def new_id(name: str, taken: Container[str], fallback: str = "item") -> str:
    """An id derived from ``name`` that is not in ``taken`` (adds -2, -3, ... as needed)."""
    base = slug(name, fallback)
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
