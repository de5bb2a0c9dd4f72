"""The lanes and stakeholders of an ArchiMate import: business functions related to stages, and
actors, roles or stakeholders related to stages and streams."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vscdesk.interop import archimate_names as N
from vscdesk.interop.archimate_fields import PropertyReader, clean_name, clean_text, lane_color, our_id

if TYPE_CHECKING:
    from vscdesk.interop.archimate_import import ImportBuilder

PARTS = {"Composition", "Aggregation"}
LANE_RELATIONS = {"Realization", "Assignment", "Association", "Serving"} | PARTS
PEOPLE = {"BusinessActor", "BusinessRole", "Stakeholder"}
KINDS = {"customer", "user", "sponsor", "supplier", "partner", "regulator", "internal_team"}


def _lane_of_stage(b: ImportBuilder, functions: set[str]) -> dict[str, str]:
    """Stage element -> the business function related to it (the first one in the file)."""
    lane_of: dict[str, str] = {}
    for i, rel in b.rels(LANE_RELATIONS):
        if rel.source in functions and rel.target in b.stage_el:
            function, stage = rel.source, rel.target
        elif rel.target in functions and rel.source in b.stage_el:
            function, stage = rel.target, rel.source
        else:
            continue
        b.used_rel.add(i)
        if lane_of.setdefault(stage, function) != function:
            b.report.append(f"stage {b.label(stage)} is related to more than one business "
                            f"function; its lane is {b.label(lane_of[stage])}, not "
                            f"{b.label(function)}")
    return lane_of


def import_lanes(b: ImportBuilder) -> tuple[list[dict[str, Any]], str]:
    """Lanes in chain order, and the chain's name (the function composing them, if any)."""
    functions = {cid for cid, e in b.m.elements.items() if e.type == "BusinessFunction"}
    lane_of = _lane_of_stage(b, functions)
    performing = set(lane_of.values())
    # The chain is the function composing the performing ones; with no stages at all, the
    # first function composing others (a chain drawn before any stream).
    wanted = performing or functions
    chain = next((rel.source for _, rel in b.rels(PARTS)
                  if rel.source in functions and rel.target in wanted), None)
    ordered: list[str] = []
    if chain is not None:
        b.used_el.add(chain)
        for i, rel in b.rels(PARTS):
            if rel.source == chain and rel.target in functions and rel.target not in ordered:
                ordered.append(rel.target)
                b.used_rel.add(i)
    ordered += sorted(performing - set(ordered), key=b.file_order.__getitem__)
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
    for stage, function in lane_of.items():
        b.stage_el[stage]["lane"] = lane_id[function]
    chain_name = clean_name(b.m.elements[chain].name, "Value chain") if chain else "Value chain"
    return lanes, chain_name


def _person(b: ImportBuilder, cid: str) -> dict[str, Any]:
    concept = b.m.elements[cid]
    props = PropertyReader(concept, f"stakeholder '{concept.name}'", b.report)
    default_kind = "sponsor" if concept.type == "Stakeholder" else "internal_team"
    person = {
        "id": our_id(concept, b.taken, "stakeholder"),
        "name": b.name(concept, "Unnamed stakeholder"),
        "kind": props.choice(N.P_KIND, KINDS, default_kind),
        "external": props.get(N.P_EXTERNAL, lambda raw: raw.lower() in ("true", "yes", "1"), False),
        "initials": props.text(N.P_INITIALS)[:3],
        "description": clean_text(concept.documentation),
    }
    props.finish()
    return person


def import_people(b: ImportBuilder) -> list[dict[str, Any]]:
    """Stakeholders related to stages or streams, plus any carrying our stakeholder properties."""
    candidates = [cid for cid, e in b.m.elements.items() if e.type in PEOPLE]
    is_person = set(candidates)
    involved: list[tuple[int, str, str]] = []  # relation, person, stage or stream
    for i, rel in b.rels():
        for person, other in ((rel.source, rel.target), (rel.target, rel.source)):
            if person in is_person and (other in b.stage_el or other in b.stream_el):
                involved.append((i, person, other))
                break
    keep = {p for _, p, _ in involved} | {c for c in candidates if N.P_KIND in b.m.elements[c].props}
    people = {cid: _person(b, cid) for cid in candidates if cid in keep}
    b.used_el.update(people)
    for i, cid, other in involved:
        rel = b.m.relations[i]
        role = "triggering" if rel.type == "Triggering" else rel.props.get(N.P_ROLE, "").lower()
        if _attach(b, people[cid]["id"], other, role, rel.props.get(N.P_RACI, "").upper()):
            b.used_rel.add(i)
    return list(people.values())


def _attach(b: ImportBuilder, person: str, other: str, role: str, raci: str) -> bool:
    """Record the person on a stage or stream; False when it has no place there."""
    if other in b.stage_el:
        refs = b.stage_el[other]["stakeholders"]
        if any(r["stakeholder"] == person for r in refs):
            b.report.append(f"stakeholder '{person}' is related to stage {b.label(other)} twice; "
                            "the first relation is kept")
            return True
        refs.append({"stakeholder": person,
                     "role": "triggering" if role == "triggering" else "participating",
                     "raci": raci if raci in ("R", "A", "C", "I") else None})
        return True
    stream = b.stream_el[other]
    field = {"owner": "owner", "triggering": "triggering_stakeholder"}.get(role)
    if field is None or stream.get(field):
        return False
    stream[field] = person
    return True
