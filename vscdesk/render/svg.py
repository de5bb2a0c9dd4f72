"""Write a drawing as SVG: vector shapes, real <text>, a viewBox and a <title>, no active content.

Everything a user typed goes through escaping into text nodes only; no name ever becomes an
element, attribute name, style or URL.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from vscdesk.render.primitives import Drawing, Ellipse, Group, Path, Primitive, Rect, Stroke, Text

FONT = "DejaVu Sans, Verdana, sans-serif"
EMBEDDED_FONT = "'vscdesk DejaVu Sans', DejaVu Sans, Verdana, sans-serif"
# Characters XML 1.0 forbids even when escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", value))


def _paint(fill: str | None, stroke: Stroke | None, opacity: float = 1.0) -> str:
    parts = [f'fill="{fill}"' if fill else 'fill="none"']
    if stroke is not None:
        cap = "butt" if stroke.dash else "round"
        parts.append(f'stroke="{stroke.color}" stroke-width="{_n(stroke.width)}" '
                     f'stroke-linecap="{cap}" stroke-linejoin="round"')
        if stroke.dash:
            parts.append(f'stroke-dasharray="{" ".join(_n(d) for d in stroke.dash)}"')
    if opacity < 1.0:
        parts.append(f'opacity="{_n(opacity)}"')
    return " ".join(parts)


def _path_data(path: Path) -> str:
    return " ".join(op[0] + " ".join(_n(v) for v in op[1:]) for op in path.ops)


def primitive_svg(p: Primitive) -> str:
    if isinstance(p, Rect):
        r = f' rx="{_n(p.radius)}"' if p.radius else ""
        return (f'<rect x="{_n(p.x)}" y="{_n(p.y)}" width="{_n(p.w)}" height="{_n(p.h)}"{r} '
                f"{_paint(p.fill, p.stroke, p.opacity)}/>")
    if isinstance(p, Ellipse):
        return (f'<ellipse cx="{_n(p.cx)}" cy="{_n(p.cy)}" rx="{_n(p.rx)}" ry="{_n(p.ry)}" '
                f"{_paint(p.fill, p.stroke, p.opacity)}/>")
    if isinstance(p, Path):
        return f'<path d="{_path_data(p)}" {_paint(p.fill, p.stroke, p.opacity)}/>'
    if isinstance(p, Text):
        anchor = "" if p.anchor == "start" else f' text-anchor="{p.anchor}"'
        weight = ' font-weight="bold"' if p.bold else ""
        return (f'<text x="{_n(p.x)}" y="{_n(p.y)}" font-size="{_n(p.size)}"{weight}{anchor} '
                f'fill="{p.color}" xml:space="preserve">{_text(p.text)}</text>')
    raise TypeError(f"unknown primitive {type(p).__name__}")


def group_svg(g: Group) -> str:
    inner = "".join(primitive_svg(p) for p in g.items)
    title = f"<title>{_text(g.title)}</title>" if g.title else ""
    return (f'<g class={quoteattr(g.kind)} transform="translate({_n(g.x)},{_n(g.y)})">'
            f"{title}{inner}</g>")


def to_svg(drawing: Drawing, background: str | None = "#FFFFFF", embed_font: bool = True) -> str:
    """The whole drawing as a standalone SVG document; with ``embed_font``, the glyphs of
    DejaVu Sans it uses travel inside it (render/svg_fonts.py)."""
    w, h = _n(drawing.width), _n(drawing.height)
    css = ""
    if embed_font:
        from vscdesk.render.svg_fonts import font_face_css

        css = font_face_css(drawing)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" font-family={quoteattr(EMBEDDED_FONT if css else FONT)}>',
        f"<title>{_text(drawing.title)}</title>",
    ]
    if css:  # base64 and fixed words only: nothing a user typed goes into the style sheet
        out.append(f'<defs><style type="text/css">{css}</style></defs>')
    if background:
        out.append(f'<rect width="{w}" height="{h}" fill="{background}"/>')
    out += [group_svg(g) for g in sorted(drawing.groups, key=lambda g: g.z)]
    out.append("</svg>")
    return "\n".join(out) + "\n"
