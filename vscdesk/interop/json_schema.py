"""The JSON Schema of the ``*.vsc.json`` format, generated from the model so it never drifts,
for other tools (editors, CI checks) to validate documents without vscdesk."""

from __future__ import annotations

import json
from typing import Any

from vscdesk.model import SCHEMA_VERSION, DocumentModel
from vscdesk.model.fields import _ID_RE

SCHEMA_ID = f"urn:vscdesk:schema:document:{SCHEMA_VERSION}"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: Fields holding an id or a reference to one; the model checks their form in code, which
#: pydantic cannot express, so the schema states it as a pattern.
ID_FIELDS = {"id", "lane", "stakeholder", "source", "target", "stream", "stage", "owner",
             "triggering_stakeholder", "group"}


def _add_id_patterns(node: Any) -> None:
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            if name in ID_FIELDS:
                _pattern(prop)
        for value in node.values():
            _add_id_patterns(value)
    elif isinstance(node, list):
        for value in node:
            _add_id_patterns(value)


def _pattern(prop: dict[str, Any]) -> None:
    if prop.get("type") == "string":
        prop["pattern"] = _ID_RE.pattern
    for option in prop.get("anyOf", []):
        _pattern(option)


def document_json_schema() -> dict[str, Any]:
    """The schema as a dict, with $schema, $id, title and description."""
    body = DocumentModel.model_json_schema(mode="validation")
    _add_id_patterns(body)
    head = {
        "$schema": DRAFT, "$id": SCHEMA_ID, "title": "vscdesk document",
        "description": (f"A vscdesk value stream document, schema version {SCHEMA_VERSION}. "
                        "Ids are unique across the document and references must resolve; "
                        "vscdesk checks those rules when it opens a file."),
    }
    body.pop("title", None)
    body.pop("description", None)
    return head | body


def document_json_schema_text() -> str:
    """The schema as stable, indented JSON text (what ``vscdesk schema`` prints)."""
    return json.dumps(document_json_schema(), indent=2, ensure_ascii=False) + "\n"
