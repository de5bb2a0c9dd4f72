"""The stakeholders of an ArchiMate import: every Stakeholder, BusinessActor and BusinessRole,
whether or not it is related to a stage, since who takes part is what an architect looks for.

- Kind: our "Stakeholder kind" property; else the last word of the name that names a kind
  (its head noun: "Customer service team" is a team, "External auditor" a regulator); else
  sponsor for a Stakeholder element (a party with a stake in the outcome) and internal team
  for actors and roles.
- External: our "External" property; else "internal" in the name says no, and "external",
  "third party" or a customer, supplier, partner or regulator kind says yes.
- Actors, roles and stakeholders from another tool with the same name (an actor and a role
  both called "Customer") become one stakeholder.
- On a stage: Triggering makes the person triggering (and, on a stream's first stage, the
  stream's triggering stakeholder); Assignment participating with RACI R; others participating.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from vscdesk.interop import archimate_names as N
from vscdesk.interop.archimate_fields import PropertyReader, clean_name, clean_text, our_id, some

if TYPE_CHECKING:
    from vscdesk.interop.archimate_import import ImportBuilder

PEOPLE = {"BusinessActor", "BusinessRole", "Stakeholder"}
KINDS = {"customer", "user", "sponsor", "supplier", "partner", "regulator", "internal_team"}
EXTERNAL_KINDS = {"customer", "supplier", "partner", "regulator"}
_WORDS = {
    "customer": "customer client consumer buyer citizen patient policyholder claimant guest "
                "passenger subscriber shopper applicant",
    "user": "user employee staff operator requester",
    "sponsor": "sponsor owner board executive director ceo cio cfo cto coo investor "
               "shareholder stakeholder management",
    "supplier": "supplier vendor provider contractor outsourcer manufacturer",
    "partner": "partner reseller broker dealer distributor",
    "regulator": "regulator authority auditor government ministry agency supervisor",
    "internal_team": "team department unit desk office division group centre center manager "
                     "analyst engineer architect officer specialist clerk handler adjuster "
                     "administrator agent",
}
KIND_OF_WORD = {word: kind for kind, words in _WORDS.items() for word in words.split()}


def kind_from_name(name: str) -> str | None:
    """The kind named by the last kind word of ``name`` (plurals too), if any."""
    for word in reversed(re.findall(r"[a-z]+", name.lower())):
        for form in (word, word.removesuffix("s"), word.removesuffix("es")):
            if form in KIND_OF_WORD:
                return KIND_OF_WORD[form]
    return None


def external_from_name(name: str, kind: str) -> bool:
    words = set(re.findall(r"[a-z]+", name.lower()))
    if "internal" in words:
        return False
    return bool(words & {"external", "public"}) or "third party" in name.lower() \
        or kind in EXTERNAL_KINDS


def _person(b: ImportBuilder, cid: str) -> dict[str, Any]:
    concept = b.m.elements[cid]
    props = PropertyReader(concept, f"stakeholder '{concept.name}'", b.report)
    default = kind_from_name(concept.name) or (
        "sponsor" if concept.type == "Stakeholder" else "internal_team")
    kind = props.choice(N.P_KIND, KINDS, default)
    person = {
        "id": our_id(concept, b.taken, "stakeholder"),
        "name": b.name(concept, "Unnamed stakeholder"),
        "kind": kind,
        "external": props.get(N.P_EXTERNAL, lambda raw: raw.lower() in ("true", "yes", "1"),
                              external_from_name(concept.name, kind)),
        "initials": props.text(N.P_INITIALS)[:3],
        "description": clean_text(concept.documentation),
    }
    props.finish()
    return person


def _merge_key(b: ImportBuilder, cid: str) -> str:
    """Same name, same stakeholder, for other tools' elements; ours keep their own ids."""
    name = clean_name(b.m.elements[cid].name, "").casefold()
    return cid if cid.startswith(N.ID_PREFIX) or not name else f"name:{name}"


def import_people(b: ImportBuilder) -> list[dict[str, Any]]:
    """One stakeholder per person element (merged by name); their relations to stages."""
    first: dict[str, str] = {}  # merge key -> first element
    person_of: dict[str, str] = {}  # element -> our stakeholder id
    people: dict[str, dict[str, Any]] = {}
    merged: dict[str, list[str]] = {}
    for cid, concept in b.m.elements.items():
        if concept.type not in PEOPLE:
            continue
        key = _merge_key(b, cid)
        if key in first:
            merged.setdefault(first[key], []).append(cid)
            PropertyReader(concept, f"stakeholder '{concept.name}'", b.report).finish()
        else:
            first[key] = cid
            people[cid] = _person(b, cid)
        person_of[cid] = people[first[key]]["id"]
        b.used_el.add(cid)
    _note_merged(b, merged)
    for i, rel in b.rels():
        for person, other in ((rel.source, rel.target), (rel.target, rel.source)):
            if person in person_of and (other in b.stage_el or other in b.stream_el):
                role = ("triggering" if rel.type == "Triggering"
                        else rel.props.get(N.P_ROLE, "").lower())
                raci = rel.props.get(N.P_RACI, "R" if rel.type == "Assignment" else "").upper()
                if _attach(b, person_of[person], other, role, raci, rel.type == "Triggering"):
                    b.used_rel.add(i)
                break
    return list(people.values())


def _note_merged(b: ImportBuilder, merged: dict[str, list[str]]) -> None:
    """One line however many names were shared."""
    said = []
    for cid, others in merged.items():
        types = sorted({b.m.elements[c].type for c in [cid, *others]})
        said.append(f"{len(others) + 1} elements named {b.label(cid)} ({', '.join(types)})")
    if len(said) == 1:
        b.notes.append(f"{said[0]} became one stakeholder")
    elif said:
        b.notes.append(f"{len(said)} names were shared, each became one stakeholder: "
                       f"{some(said)}")


def _attach(b: ImportBuilder, person: str, other: str, role: str, raci: str,
            triggers: bool) -> bool:
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
        if triggers and other in b.position:
            stream = b.streams[b.position[other][0]]
            if b.position[other][1] == 0 and not stream.get("triggering_stakeholder"):
                stream["triggering_stakeholder"] = person
        return True
    stream = b.stream_el[other]
    field = {"owner": "owner", "triggering": "triggering_stakeholder"}.get(role)
    if field is None or stream.get(field):
        return False
    stream[field] = person
    return True
