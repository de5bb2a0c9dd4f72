"""Documents as plain JSON trees for diff and merge: which lists hold objects with ids, and how
to name an object or a value in one readable line."""

from __future__ import annotations

import json
from typing import Any

from vscdesk.interop.notation import format_duration, format_ref, format_sla
from vscdesk.model import DocumentModel, Duration, Sla, StakeholderRef

#: Lists whose items carry an "id", compared and merged object by object; key -> item kind.
ID_LISTS = {"lanes": "lane", "stakeholders": "stakeholder", "streams": "stream",
            "stages": "stage", "links": "link", "slides": "slide", "flow_items": "flow item"}


def doc_tree(doc: DocumentModel) -> dict[str, Any]:
    return doc.model_dump(mode="json")


def is_id_list(key: str, *values: Any) -> bool:
    return key in ID_LISTS and all(
        isinstance(v, list) and all(isinstance(x, dict) and "id" in x for x in v) for v in values)


def object_label(kind: str, item: dict[str, Any]) -> str:
    """"stage 'report' (Report the problem)"."""
    name = item.get("name") or item.get("label") or item.get("type") or ""
    return f"{kind} '{item['id']}'" + (f" ({name})" if name else "")


def _compact(key: str, value: Any) -> str | None:
    """SLAs, stakeholder roles and durations in the notation people type in CSV."""
    if key == "slas" and isinstance(value, list):
        return "[" + "; ".join(format_sla(Sla.model_validate(s)) for s in value) + "]"
    if key == "stakeholders" and isinstance(value, list) and all("stakeholder" in r for r in value):
        refs = (StakeholderRef.model_validate(r) for r in value)
        return "[" + "; ".join(format_ref(r.stakeholder, r) for r in refs) + "]"
    if isinstance(value, dict) and set(value) == {"value", "unit"}:
        return format_duration(Duration.model_validate(value))
    return None


def show(value: Any, key: str = "", limit: int = 90) -> str:
    """A value in one short line: strings quoted, SLAs and durations in CSV notation, other
    structures as compact JSON."""
    text = _compact(key, value) or json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return text if len(text) <= limit else text[: limit - 1] + "…"
