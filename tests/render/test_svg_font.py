"""SVG exports carry the DejaVu Sans glyphs they use (WOFF2 in an @font-face): the text looks
the same on a machine without DejaVu."""

from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ET

from fontTools.ttLib import TTFont

from vscdesk.model import DocumentModel
from vscdesk.render.pages import view_drawing
from vscdesk.render.primitives import Text
from vscdesk.render.svg import to_svg

SVG = "{http://www.w3.org/2000/svg}"
FACE = re.compile(r'@font-face\{font-family:"vscdesk DejaVu Sans";font-weight:(\w+);'
                  r'src:url\(data:font/woff2;base64,([A-Za-z0-9+/=]+)\) format\("woff2"\)\}')


def _faces(svg: str) -> dict[str, TTFont]:
    style = ET.fromstring(svg).find(f"{SVG}defs/{SVG}style")
    assert style is not None
    return {weight: TTFont(io.BytesIO(base64.b64decode(data)))
            for weight, data in FACE.findall(style.text)}


def test_the_embedded_faces_hold_every_character_drawn_and_little_else(example_data):
    doc = DocumentModel.model_validate(example_data)
    drawing = view_drawing(doc, "chain")
    svg = to_svg(drawing)
    root = ET.fromstring(svg)
    assert root.get("font-family").startswith("'vscdesk DejaVu Sans'")
    faces = _faces(svg)
    assert set(faces) == {"normal", "bold"}
    for weight, bold in (("normal", False), ("bold", True)):
        font = faces[weight]
        assert font.flavor == "woff2"
        cmap = font.getBestCmap()
        drawn = {ch for g in drawing.groups for p in g.items
                 if isinstance(p, Text) and p.bold == bold for ch in p.text if ch != " "}
        assert drawn and all(ord(ch) in cmap for ch in drawn), drawn - {chr(c) for c in cmap}
        assert len(cmap) < 150  # a subset, not the whole 6,000-glyph font
        assert "Bold" in font["name"].getDebugName(4) if bold else True
    assert len(svg) < 120_000


def test_svg_without_the_font_names_dejavu_only(example_data):
    doc = DocumentModel.model_validate(example_data)
    svg = to_svg(view_drawing(doc, "stream"), embed_font=False)
    assert "@font-face" not in svg and "DejaVu Sans" in svg
