"""Turn ArchiMate names, documentation and properties into valid model field values, reporting
whatever does not fit instead of failing the whole import."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any, TypeVar, overload

from vscdesk.interop import archimate_names as N
from vscdesk.interop.archimate_read import Concept
from vscdesk.interop.notation import parse_duration, parse_sla, split_list
from vscdesk.interop.scan import shown
from vscdesk.model import MAX_NAME, is_valid_id, new_id

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_TEXT = 10_000
T = TypeVar("T")

#: Muted lane inks (mockups palette) for lanes that bring no colour of their own.
LANE_INKS = ("#44618F", "#357568", "#8E5C22", "#5F6B33", "#94503F", "#366A83", "#474C85",
             "#346F74", "#726640")


def clean_name(text: str, fallback: str) -> str:
    """One line, no control characters, at most MAX_NAME characters; never blank."""
    one_line = " ".join(_CONTROL.sub(" ", text).split())
    return one_line[:MAX_NAME].rstrip() or fallback


def clean_text(text: str) -> str:
    return _CONTROL.sub("", text)[:MAX_TEXT]


def our_id(concept: Concept, taken: set[str], fallback: str) -> str:
    """Our own id back from 'vsc-<id>', else a readable id made from the name; never reused."""
    if concept.id.startswith(N.ID_PREFIX):
        ident = concept.id[len(N.ID_PREFIX):]
        if is_valid_id(ident) and ident not in taken:
            taken.add(ident)
            return ident
    ident = new_id(concept.name, taken, fallback)
    taken.add(ident)
    return ident


def some(items: list[str], limit: int = 8) -> str:
    """The first few of a long list, and how many more: reports stay readable."""
    more = len(items) - limit
    return ", ".join(items[:limit]) + (f" and {more} more" if more > 0 else "")


def lane_color(concept: Concept, index: int) -> str:
    value = concept.props.get(N.P_COLOR, "")
    return value if _COLOR.match(value) else LANE_INKS[index % len(LANE_INKS)]


class PropertyReader:
    """Reads known properties of one concept into model fields; records the rest as a report."""

    def __init__(self, concept: Concept, what: str, report: list[str]) -> None:
        self.concept, self.what, self.report = concept, what, report
        self.seen: set[str] = set()

    @overload
    def get(self, key: str, parse: Callable[[str], T]) -> T | None: ...
    @overload
    def get(self, key: str, parse: Callable[[str], T], default: T) -> T: ...

    def get(self, key: str, parse: Callable[[str], T], default: T | None = None) -> T | None:
        """The property ``key`` read by ``parse``; ``default`` when it is blank or wrong."""
        self.seen.add(key)
        raw = self.concept.props.get(key, "").strip()
        if not raw:
            return default
        try:
            return parse(raw)
        except ValueError as exc:
            self.report.append(f"{self.what}: property '{key}' = {shown(raw)} left out ({exc})")
            return default

    def text(self, key: str, limit: int = MAX_NAME) -> str:
        return self.get(key, lambda raw: clean_name(raw, "")[:limit], "")

    def names(self, key: str) -> list[str]:
        return self.get(key, lambda raw: [clean_name(x, "?") for x in split_list(raw)], [])

    def slas(self, key: str = N.P_SLAS) -> list[dict[str, Any]]:
        return self.get(key, lambda raw: [parse_sla(x).model_dump() for x in split_list(raw)], [])

    def duration(self, key: str) -> dict[str, Any] | None:
        def parse(raw: str) -> dict[str, Any] | None:
            duration = parse_duration(raw)  # never None: a blank property is not parsed
            return None if duration is None else duration.model_dump()
        return self.get(key, parse)

    def percent(self, key: str) -> float | None:
        def parse(raw: str) -> float:
            try:
                value = float(raw.rstrip("%"))
            except ValueError:  # float()'s own message speaks Python
                raise ValueError("not a number") from None
            if not 0 <= value <= 100:
                raise ValueError("a percentage is between 0 and 100")
            return value
        return self.get(key, parse)

    def choice(self, key: str, allowed: Collection[str], default: str) -> str:
        def parse(raw: str) -> str:
            if raw.lower() not in allowed:
                raise ValueError(f"not one of {', '.join(sorted(allowed))}")
            return raw.lower()
        return self.get(key, parse, default)

    def finish(self) -> None:
        """Report every property this import has no field for."""
        for key in self.concept.props:
            if key not in self.seen:
                self.report.append(f"{self.what}: property '{key}' not imported")
