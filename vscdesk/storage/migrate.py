"""Upgrade older files step by step: one small, tested function per schema bump.

Each function takes the raw JSON object of schema N and returns it as schema N+1; it is
registered under N. ``upgrade`` runs the chain from the file's version to ``SCHEMA_VERSION``
before the model validates anything. When the schema goes from 1 to 2, write::

    @upgrades_from(1)
    def _split_owner(data: dict) -> dict:
        ...
        return data

and add a frozen schema-1 sample under ``tests/data/`` with a test that it still opens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vscdesk.model import SCHEMA_VERSION

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]

#: schema version N -> the function that turns an N document into an N+1 document.
MIGRATIONS: dict[int, Upgrade] = {}


def upgrades_from(version: int) -> Callable[[Upgrade], Upgrade]:
    """Register ``fn`` as the upgrade from ``version`` to ``version + 1``."""

    def register(fn: Upgrade) -> Upgrade:
        if version in MIGRATIONS:
            raise ValueError(f"schema {version} already has an upgrade")
        MIGRATIONS[version] = fn
        return fn

    return register


def oldest_readable() -> int:
    """The oldest schema this version can open: the start of an unbroken chain of upgrades."""
    version = SCHEMA_VERSION
    while version - 1 in MIGRATIONS:
        version -= 1
    return version


@upgrades_from(1)
def _lane_groups(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 adds lane groups and the chain's margin; a schema-1 file has neither, so it
    reads as it is (every lane in no group, no margin)."""
    return data


class MigrationFailed(Exception):
    """An upgrade function could not handle this file (``version`` is the step that failed)."""

    def __init__(self, version: int, cause: BaseException) -> None:
        self.version = version
        super().__init__(f"{type(cause).__name__}: {cause}")


def upgrade(data: dict[str, Any], version: int) -> dict[str, Any]:
    """``data`` (of schema ``version``) brought up to ``SCHEMA_VERSION``."""
    while version < SCHEMA_VERSION:
        try:
            data = MIGRATIONS[version](data)
        # Upgrade functions are plain code running on untrusted data: any failure is the file's.
        except Exception as exc:  # noqa: BLE001
            raise MigrationFailed(version, exc) from exc
        if not isinstance(data, dict):
            raise MigrationFailed(version, TypeError("the upgrade did not return an object"))
        version += 1
        data["schema_version"] = version
    return data
