"""Files shipped inside the package (examples, templates, fonts), found the same way from a
source checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path

EXAMPLE_NAME = "it-services.vsc.json"


def resource(*parts: str) -> Path:
    """A real filesystem path for a bundled resource."""
    return _root().joinpath(*parts)


@lru_cache(maxsize=1)
def _root() -> Path:
    # Resources are plain files in every way we ship; as_file() would extract zipped ones.
    with as_file(files("vscdesk.resources")) as path:
        return Path(path)


def example_path() -> Path:
    """The bundled example document, opened when vscdesk starts without a file."""
    return resource("examples", EXAMPLE_NAME)


def font_paths() -> list[Path]:
    return sorted(resource("fonts").glob("*.ttf"))
