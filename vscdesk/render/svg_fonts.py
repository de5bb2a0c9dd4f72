"""The font an SVG export uses, carried inside it: the glyphs of DejaVu Sans Book and Bold
that the drawing's text needs, subset and compressed to WOFF2 in an ``@font-face``.

Layout measures text with DejaVu Sans's own advance widths, so a viewer that substitutes
another font (a machine without DejaVu) would draw names wider or narrower than their boxes.
A browser, Inkscape or an office suite reads the embedded face; viewers that ignore CSS fall
back to the font-family list as before.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache

from vscdesk.bundled import resource
from vscdesk.render.primitives import Drawing, Text

FAMILY = "vscdesk DejaVu Sans"  # the embedded face's own name, so no installed font shadows it
FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}


def used_characters(drawing: Drawing) -> dict[bool, str]:
    """Bold -> the characters drawn in that weight (sorted, without duplicates)."""
    seen: dict[bool, set[str]] = {False: set(), True: set()}
    for group in drawing.groups:
        for item in group.items:
            if isinstance(item, Text):
                seen[item.bold].update(item.text)
    return {bold: "".join(sorted(chars)) for bold, chars in seen.items() if chars}


@lru_cache(maxsize=64)  # exports of one document repeat the same character sets
def woff2_subset(bold: bool, characters: str) -> bytes:
    """DejaVu Sans (Book or Bold) cut to ``characters``, as WOFF2 bytes."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []  # the painter draws without kerning or ligatures
    options.hinting = False
    options.drop_tables = [*options.drop_tables, "FFTM"]  # FontForge's timestamps: not needed
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # copyright and names: the licence travels along
    font = TTFont(str(resource("fonts", FILES[bold])))
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def font_face_css(drawing: Drawing) -> str:
    """``@font-face`` rules for the weights ``drawing`` uses; empty when it has no text."""
    rules = []
    for bold, characters in sorted(used_characters(drawing).items()):
        data = base64.b64encode(woff2_subset(bold, characters)).decode("ascii")
        rules.append(f'@font-face{{font-family:"{FAMILY}";font-weight:{"bold" if bold else "normal"};'
                     f'src:url(data:font/woff2;base64,{data}) format("woff2")}}')
    return "".join(rules)
