"""Read ArchiMate models (Open Exchange XML, any 2.x/3.x namespace, or Archi's own .archimate
files) into one neutral list of elements and relations, tolerating what real tools write."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from vscdesk.interop.archimate_names import ARCHI_NS, XSI
from vscdesk.interop.errors import InteropError

_XSI_TYPE = f"{{{XSI}}}type"


@dataclass
class Concept:
    """One element or relation: its type without tool-specific prefixes or suffixes."""

    id: str
    type: str
    name: str = ""
    documentation: str = ""
    props: dict[str, str] = field(default_factory=dict)
    source: str = ""
    target: str = ""


@dataclass
class View:
    """One diagram: where its elements sit (absolute top-left corners), to read its order."""

    name: str
    at: dict[str, tuple[float, float]] = field(default_factory=dict)  # element id -> (x, y)


@dataclass
class ArchiModel:
    name: str
    elements: dict[str, Concept]  # in file order
    relations: list[Concept]
    diagrams: int = 0  # views are not imported: layout is computed from the model
    views: list[View] = field(default_factory=list)  # read only to order what relations do not
    duplicates: list[Concept] = field(default_factory=list)  # later elements reusing an id

    def add(self, concept: Concept, relation: bool) -> None:
        """Keep ``concept``; an element whose identifier an earlier element has is set aside
        for the report (it used to replace the first one silently)."""
        if relation:
            self.relations.append(concept)
        elif concept.id in self.elements:
            self.duplicates.append(concept)
        else:
            self.elements[concept.id] = concept


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _ident(value: str | None) -> str:
    # Some hand-edited files pad identifiers and references with spaces.
    return (value or "").strip()


def _text(node: Element, name: str) -> str:
    """The first child called ``name`` (any namespace), preferring English text."""
    found = [child for child in node if _local(child.tag) == name]
    for child in found:
        if child.get("{http://www.w3.org/XML/1998/namespace}lang", "en").startswith("en"):
            return (child.text or "").strip()
    return (found[0].text or "").strip() if found else ""


def read_model(root: Element, source: str) -> ArchiModel:
    """Dispatch on the root element: Archi's native format or the Open Exchange format."""
    if _local(root.tag) != "model":
        raise InteropError(f"{source}: not an ArchiMate model (the root element is "
                           f"<{_local(root.tag)}>, expected <model>)")
    if root.tag.startswith(f"{{{ARCHI_NS}}}"):
        return _read_archi(root)
    if not root.tag.startswith("{http://www.opengroup.org/xsd/archimate"):
        raise InteropError(f"{source}: <model> is not in an ArchiMate namespace")
    return _read_exchange(root)


def _property_names(root: Element) -> dict[str, str]:
    names: dict[str, str] = {}
    for holder in root:
        if _local(holder.tag) in ("propertyDefinitions", "propertydefs"):
            for prop in holder:
                # 3.x: <name> child; 2.1: name attribute.
                names[_ident(prop.get("identifier"))] = _text(prop, "name") or prop.get("name", "")
    return names


def _exchange_concept(node: Element, names: dict[str, str]) -> Concept:
    kind = node.get(_XSI_TYPE, "").split(":")[-1]
    concept = Concept(_ident(node.get("identifier")), kind.removesuffix("Relationship"),
                      _text(node, "name"), _text(node, "documentation"),
                      source=_ident(node.get("source")), target=_ident(node.get("target")))
    for holder in node:
        if _local(holder.tag) != "properties":
            continue
        for prop in holder:
            ref = _ident(prop.get("propertyDefinitionRef") or prop.get("identifierref"))
            concept.props.setdefault(names.get(ref) or ref, _text(prop, "value"))
    return concept


def _read_exchange(root: Element) -> ArchiModel:
    names = _property_names(root)
    model = ArchiModel(_text(root, "name"), {}, [])
    for holder in root:
        tag = _local(holder.tag)
        for node in holder:
            if tag == "elements" and _local(node.tag) == "element":
                model.add(_exchange_concept(node, names), relation=False)
            elif tag == "relationships" and _local(node.tag) == "relationship":
                model.add(_exchange_concept(node, names), relation=True)
        if tag == "views":
            for view in holder.iter():
                if _local(view.tag) == "view":
                    model.diagrams += 1
                    model.views.append(_exchange_view(view))
    return model


def _number(value: str | None) -> float:
    """A coordinate; anything that is not a finite number counts as 0 (NaN and infinities
    would break the reading order's arithmetic)."""
    try:
        number = float(value or 0)
    except ValueError:
        return 0.0
    return number if math.isfinite(number) else 0.0


def _exchange_view(view: Element) -> View:
    """Exchange node coordinates are absolute, nested or not."""
    found = View(_text(view, "name"))
    for node in view.iter():
        ref = _ident(node.get("elementRef"))
        if _local(node.tag) == "node" and ref and ref not in found.at:
            found.at[ref] = (_number(node.get("x")), _number(node.get("y")))
    return found


def _archi_view(diagram: Element) -> View:
    """Archi's child bounds are relative to the parent figure: add them up. Figures may nest
    thousands deep, so they are walked with a stack (depth first, in file order: the first
    figure showing an element gives its place)."""
    found = View(diagram.get("name", ""))
    stack = _figures(diagram, 0.0, 0.0)
    while stack:
        child, x, y = stack.pop()
        ref = _ident(child.get("archimateElement"))
        if ref and ref not in found.at:
            found.at[ref] = (x, y)
        stack.extend(_figures(child, x, y))
    return found


def _figures(parent: Element, dx: float, dy: float) -> list[tuple[Element, float, float]]:
    """The figures directly inside ``parent`` with their absolute corners, last first."""
    figures = []
    for child in parent:
        if _local(child.tag) != "child":
            continue
        bounds = next((b for b in child if _local(b.tag) == "bounds"), None)
        figures.append((child, dx + _number(bounds.get("x") if bounds is not None else None),
                        dy + _number(bounds.get("y") if bounds is not None else None)))
    figures.reverse()
    return figures


def _read_archi(root: Element) -> ArchiModel:
    model = ArchiModel(root.get("name", ""), {}, [])
    for node in root.iter():
        if _local(node.tag) != "element":
            continue
        kind = node.get(_XSI_TYPE, "").split(":")[-1]
        if kind in ("ArchimateDiagramModel", "SketchModel", "CanvasModel"):
            model.diagrams += 1
            if kind == "ArchimateDiagramModel":
                model.views.append(_archi_view(node))
            continue
        doc = node.get("documentation") or _text(node, "documentation")
        concept = Concept(_ident(node.get("id")), kind.removesuffix("Relationship"),
                          node.get("name", "").strip(), doc.strip(),
                          source=_ident(node.get("source")), target=_ident(node.get("target")))
        for prop in node:
            if _local(prop.tag) == "property" and prop.get("key"):
                concept.props.setdefault(prop.get("key", ""), prop.get("value", ""))
        model.add(concept, relation=kind.endswith("Relationship"))
    return model
