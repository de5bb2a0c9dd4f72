"""Lane groups and the chain's margin in ArchiMate: a group is a Grouping element that
aggregates the business functions of its lanes (with a "Support activities" property when
its lanes serve the others); the margin is a property of the chain's business function."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from vscdesk.interop.archimate_fields import PropertyReader, clean_name, our_id

if TYPE_CHECKING:
    from vscdesk.interop.archimate_import import ImportBuilder

GROUPING = "Grouping"
P_SUPPORT = "Support activities"
P_MARGIN = "Margin"
PARTS = {"Aggregation", "Composition"}


def write_groups(w: Any, doc: Any, ref: Callable[[str], str]) -> None:
    """A Grouping per lane group, aggregating its lanes' functions."""
    for group in doc.chain.groups:
        w.element(ref(group.id), GROUPING, group.name, "",
                  [(P_SUPPORT, "true" if group.support else "")])
        for lane in doc.chain.lanes:
            if lane.group == group.id:
                w.relation("Aggregation", ref(group.id), ref(lane.id))


def read_groups(b: ImportBuilder, lanes: list[dict[str, Any]],
                lane_of_element: dict[str, str]) -> list[dict[str, Any]]:
    """Groups from Groupings that aggregate (or compose) lane functions; each lane gets the
    first group that holds it. Other Groupings stay unimported, as before."""
    groups: list[dict[str, Any]] = []
    by_lane = {lane["id"]: lane for lane in lanes}
    made: dict[str, str] = {}  # grouping element -> our group id
    for i, rel in b.rels(PARTS):
        source = b.m.elements.get(rel.source)
        lane_id = lane_of_element.get(rel.target)
        if source is None or source.type != GROUPING or lane_id is None:
            continue
        if rel.source not in made:
            props = PropertyReader(source, f"lane group '{source.name}'", b.report)
            support = props.get(P_SUPPORT, lambda raw: raw.strip().lower() == "true", False)
            props.finish()
            made[rel.source] = our_id(source, b.taken, "group")
            groups.append({"id": made[rel.source], "name": clean_name(source.name, "Group"),
                           "support": support})
            b.used_el.add(rel.source)
        b.used_rel.add(i)
        by_lane[lane_id].setdefault("group", made[rel.source])
    return groups


def read_margin(b: ImportBuilder, chain: str | None) -> str:
    """The margin property of the chain's function ("" when there is none)."""
    if chain is None:
        return ""
    concept = b.m.elements[chain]
    return clean_name(concept.props.get(P_MARGIN, ""), "")
