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


def junction_fan(k: int, kind: str = "BusinessProcess") -> bytes:
    """``k`` elements flowing into one junction that flows on to ``k`` others."""
    body = archi_element("Junction", "j")
    for i in range(k):
        body += archi_element(kind, f"a{i}", f"In {i}") + archi_element(kind, f"b{i}", f"Out {i}")
        body += archi_element("FlowRelationship", f"ra{i}", source=f"a{i}", target="j")
        body += archi_element("FlowRelationship", f"rb{i}", source="j", target=f"b{i}")
    return archi(body)


def junction_chain(n: int) -> bytes:
    """A process, ``n`` junctions one after the other, another process."""
    body = archi_element("BusinessProcess", "p0", "Start") + archi_element("BusinessProcess", "p1", "End")
    for i in range(n):
        body += archi_element("Junction", f"j{i}")
    body += archi_element("TriggeringRelationship", "r-start", source="p0", target="j0")
    for i in range(n - 1):
        body += archi_element("TriggeringRelationship", f"r{i}", source=f"j{i}", target=f"j{i + 1}")
    body += archi_element("TriggeringRelationship", "r-end", source=f"j{n - 1}", target="p1")
    return archi(body)


def nested_diagram(depth: int) -> bytes:
    """A diagram whose figures nest ``depth`` deep, the innermost showing a stage."""
    body = value_stream_with_stage({})
    opening = "".join(f'<child xsi:type="archimate:DiagramObject" id="c{i}">'
                      f'<bounds x="1" y="1" width="10" height="10"/>' for i in range(depth))
    view = ('  <element xsi:type="archimate:ArchimateDiagramModel" id="v" name="View">'
            + opening.replace(f'id="c{depth - 1}"', f'id="c{depth - 1}" archimateElement="st"')
            + "</child>" * depth + "</element>\n")
    return archi(body, tail=view)
