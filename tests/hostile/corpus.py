"""The red-team corpus: hostile inputs made by code (never stored as big files), each small
enough to build in milliseconds and shaped like what broke a real import."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

ARCHI_HEAD = ('<?xml version="1.0" encoding="{encoding}"?>\n'
              '<archimate:model xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              'xmlns:archimate="http://www.archimatetool.com/archimate" name="Hostile" id="m">\n')


def archi_element(kind: str, ident: str, name: str = "", props: dict[str, str] | None = None,
                  source: str = "", target: str = "") -> str:
    """One ``<element>`` of Archi's .archimate format (relations are elements there too)."""
    attrs = f'xsi:type="archimate:{kind}" id={quoteattr(ident)} name={quoteattr(name or ident)}'
    if source:
        attrs += f" source={quoteattr(source)} target={quoteattr(target)}"
    inner = "".join(f"<property key={quoteattr(k)} value={quoteattr(v)}/>"
                    for k, v in (props or {}).items())
    return f"  <element {attrs}>{inner}</element>\n"


def archi(body: str, encoding: str = "UTF-8", tail: str = "") -> bytes:
    """A whole .archimate file around ``body`` (elements), ``tail`` after them (diagrams)."""
    text = ARCHI_HEAD.format(encoding=encoding) + body + tail + "</archimate:model>\n"
    return text.encode("utf-8")


def value_stream_with_stage(props: dict[str, str]) -> str:
    """A stream composed of one stage that carries ``props``."""
    return (archi_element("ValueStream", "vs", "Stream")
            + archi_element("ValueStream", "st", "Stage", props)
            + archi_element("CompositionRelationship", "r", source="vs", target="st"))


def stage_csv(column: str, cell: str) -> str:
    """A stage CSV of one row whose ``column`` holds ``cell`` (quoted)."""
    quoted = '"' + cell.replace('"', '""') + '"'
    return f"stream,stage,lane,{column}\nS,A,L,{quoted}\n"
