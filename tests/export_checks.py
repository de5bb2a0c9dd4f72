"""Checks shared by the export tests: strict SVG parsing, PDF pages, PNG pixels."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from vscdesk.model import DocumentModel

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = ['<script>alert("x")</script>', '"/><foreignObject onload="evil()">',
           "]]> & &amp; <!-- -->", "javascript:alert(1)", "عربى ✓ 🚀 <b>"]


def hostile_document() -> DocumentModel:
    """Every name a user could type that would break or arm a careless SVG writer."""
    lanes = [{"id": f"l{i}", "name": name} for i, name in enumerate(HOSTILE)]
    stages = [{"id": f"s{i}", "name": name, "lane": f"l{i}"} for i, name in enumerate(HOSTILE)]
    return DocumentModel.model_validate({
        "title": HOSTILE[0], "chain": {"name": HOSTILE[1], "lanes": lanes},
        "streams": [{"id": "evil", "name": HOSTILE[1], "trigger": HOSTILE[2], "value": HOSTILE[3],
                     "stages": stages},
                    {"id": "plain", "name": "Plain", "stages": [{"id": "p1", "name": "One", "lane": "l0"}]}],
    })


def strict_svg(text: str) -> ET.Element:
    """Parse as XML (fails on anything malformed) and refuse active content anywhere."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{SVG}svg" and root.get("viewBox")
    assert root.find(f"{SVG}title") is not None
    for node in root.iter():
        assert node.tag.removeprefix(SVG) not in ("script", "foreignObject", "iframe", "a", "image")
        assert not any(name.lower().startswith("on") for name in node.attrib), node.attrib
        assert not any("javascript:" in value for value in node.attrib.values())
    return root


def svg_texts(root: ET.Element) -> str:
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    """The (width, height) in points of each page of a PDF written by Qt, in file order."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = re.findall(rb"/Type\s*/Page\b(?!s).*?/MediaBox\s*\[\s*([\d.\s]+)\]", data, re.S)
    return [tuple(float(v) for v in box.split()[2:4]) for box in pages]
