"""The lanes of an ArchiMate import: the value chain's activities.

A stage's lane is the business function related to it; failing that a business process, then a
capability (preferred in that order: a function is an activity of the chain, a process is how a
stage is done, a capability only what enables it). Business functions that no stage relates to
become lanes as well, because a function map is a value chain drawn before any stream, except the
function composing the lanes (the chain itself) and sub-functions of a lane (reported).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vscdesk.interop import archimate_names as N
from vscdesk.interop.archimate_fields import (PropertyReader, clean_name, clean_text, lane_color,
                                             our_id, some)
from vscdesk.interop.archimate_groups import read_groups, read_margin
from vscdesk.interop.archimate_order import diagram_keys

if TYPE_CHECKING:
    from vscdesk.interop.archimate_import import ImportBuilder

PARTS = {"Composition", "Aggregation"}
LANE_RELATIONS = {"Realization", "Assignment", "Association", "Serving"} | PARTS
LANE_TYPES = ("BusinessFunction", "BusinessProcess", "Capability")  # in order of preference
FUNCTION = "BusinessFunction"


def _lane_of_stage(b: ImportBuilder) -> dict[str, str]:
    """Stage element -> the element that performs it (by LANE_TYPES, then file order)."""
    found: dict[str, list[tuple[int, int, str]]] = {}  # stage -> (preference, relation, lane)
    for i, rel in b.rels(LANE_RELATIONS):
        for lane, stage in ((rel.source, rel.target), (rel.target, rel.source)):
            concept = b.el(lane)
            if (stage in b.stage_el and lane not in b.stage_el and lane not in b.stream_el
                    and concept is not None and concept.type in LANE_TYPES):
                found.setdefault(stage, []).append((LANE_TYPES.index(concept.type), i, lane))
                break
    lane_of: dict[str, str] = {}
    for stage, options in found.items():
        options.sort()
        best, _, lane = options[0]
        lane_of[stage] = lane
        for preference, i, other in options:
            if preference != best:
                continue
            b.used_rel.add(i)
            if other != lane:
                b.report.append(f"stage {b.label(stage)} is related to more than one "
                                f"{LANE_TYPES[best]}; its lane is {b.label(lane)}, not "
                                f"{b.label(other)}")
        if best:
            b.notes.append(f"stage {b.label(stage)} has no business function; its lane is the "
                           f"{LANE_TYPES[best]} {b.label(lane)}")
    return lane_of


Parts = dict[str, list[tuple[int, str]]]  # function -> (relation index, part function)


def _function_tree(b: ImportBuilder, functions: set[str]) -> tuple[dict[str, str], Parts]:
    """Parent and parts (relation index, part) of business functions composing functions."""
    parent: dict[str, str] = {}
    parts: Parts = {}
    for i, rel in b.rels(PARTS):
        if (rel.source in functions and rel.target in functions and rel.source != rel.target
                and rel.target not in parent):
            parent[rel.target] = rel.source
            parts.setdefault(rel.source, []).append((i, rel.target))
    return parent, parts


def _chain(b: ImportBuilder, functions: set[str], performing: set[str], parent: dict[str, str],
           parts: Parts) -> str | None:
    """The function composing the performing lanes; with none, the one function all others
    are part of (a chain drawn before any stream)."""
    for lane in sorted(performing, key=b.file_order.__getitem__):
        if lane in parent:
            return parent[lane]
    if N.CHAIN_ID in functions:
        return N.CHAIN_ID  # our own export's chain, even with no lanes
    if performing:
        return None
    tops = [f for f in functions if f not in parent]
    return tops[0] if len(tops) == 1 and tops[0] in parts else None


def import_lanes(b: ImportBuilder) -> tuple[list[dict[str, Any]], str, list[dict[str, Any]], str]:
    """Lanes in chain order, the chain's name (the function composing them, if any), the
    lane groups (Groupings aggregating lanes) and the chain's margin."""
    functions = {cid for cid, e in b.m.elements.items() if e.type == FUNCTION}
    lane_of = _lane_of_stage(b)
    performing = set(lane_of.values())
    parent, parts = _function_tree(b, functions)
    chain = _chain(b, functions, performing, parent, parts)
    ordered: list[str] = []
    if chain is not None:
        b.used_el.add(chain)
        for i, part in parts.get(chain, []):
            ordered.append(part)
            b.used_rel.add(i)
    # Top functions (and parts of the chain) are lanes even when no stage relates to them.
    tops = {f for f in functions if f != chain and parent.get(f, chain) == chain}
    others = sorted((performing | tops) - set(ordered), key=b.file_order.__getitem__)
    if others:
        _view, key = diagram_keys(b, others)
        ordered += sorted(others, key=key.__getitem__)
    lanes, lane_id = [], {}
    for index, cid in enumerate(ordered):
        concept = b.m.elements[cid]
        b.used_el.add(cid)
        props = PropertyReader(concept, f"lane '{concept.name}'", b.report)
        props.get(N.P_COLOR, str)  # read by lane_color; marks it as understood
        lane_id[cid] = our_id(concept, b.taken, "lane")
        lanes.append({"id": lane_id[cid], "name": b.name(concept, "Unnamed lane"),
                      "color": lane_color(concept, index),
                      "description": clean_text(concept.documentation)})
        props.finish()
    for stage, lane in lane_of.items():
        b.stage_el[stage]["lane"] = lane_id[lane]
    unused = [cid for cid in ordered if cid in others and cid not in performing]
    if unused and b.stage_el:
        b.notes.append(f"{len(unused)} lane{'s' if len(unused) > 1 else ''} from business "
                       f"functions no stage relates to: "
                       f"{some([b.label(c) for c in unused])}")
    laneless = [cid for cid in b.stage_el if cid not in lane_of]
    if laneless:
        b.notes.append(f"{len(laneless)} of {len(b.stage_el)} stages are in no lane, since no "
                       "business function, process or capability relates to them: drag them into "
                       "a lane or pick its Activity in the stage panel")
    chain_name = clean_name(b.m.elements[chain].name, "Value chain") if chain else "Value chain"
    groups = read_groups(b, lanes, lane_id)
    return lanes, chain_name, groups, read_margin(b, chain)
