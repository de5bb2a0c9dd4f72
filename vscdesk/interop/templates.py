"""The bundled document templates (File > New from template, ``vscdesk new --template``) and
the value chains they carry, which CSV import can use to order lanes (``--chain``)."""

from __future__ import annotations

from pathlib import Path

from vscdesk.bundled import resource
from vscdesk.interop.errors import InteropError
from vscdesk.model import Chain, DocumentModel
from vscdesk.storage import LoadError, load

#: Template names in menu order, with the one-line description shown beside each.
TEMPLATES: dict[str, str] = {
    "itil4": "ITIL 4 service value chain: six activities, two example streams (one loops back)",
    "porter": "Porter's value chain: primary and support activities, an order-to-service stream",
    "it4it": "The four IT4IT value streams across the ITIL 4 activities",
    "business-units": "Customer onboarding across sales, legal, finance and projects",
    "blank": "An empty document",
}


def template_names() -> list[str]:
    return list(TEMPLATES)


def template_path(name: str) -> Path:
    """The template's file; an unknown name is an InteropError listing the known ones."""
    if name not in TEMPLATES:
        raise InteropError(f"no template called '{name}' (choose one of: {', '.join(TEMPLATES)})")
    return resource("templates", f"{name}.vsc.json")


def load_template(name: str) -> DocumentModel:
    """A fresh document from the template (callers save it under a new name)."""
    try:
        return load(template_path(name))
    except LoadError as exc:  # a broken install, not a user error; still say what
        raise InteropError(f"template '{name}' cannot be read: {exc}") from exc


def preset_chain(name: str) -> Chain:
    """The value chain of a template, e.g. ``preset_chain("itil4")`` for CSV lane order."""
    return load_template(name).chain
