"""Edits a workshop participant makes, on plain models (no Document): each keeps the model
valid on its own, as the Document's commands do, so only merging can break it."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from vscdesk.model import DocumentModel
from vscdesk.workshop.replica import Replica


def _stages(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [stage for stream in data["streams"] for stage in stream["stages"]]


def _pick(draw: Any, items: list[Any]) -> Any:
    return items[draw(st.integers(0, len(items) - 1))] if items else None


def random_edit(draw: Any, model: DocumentModel) -> DocumentModel:
    """One random edit of ``model`` (a new model; the given one is left alone)."""
    data = model.model_dump()
    stages, lanes, people = _stages(data), data["chain"]["lanes"], data["stakeholders"]
    streams = data["streams"]
    what = draw(st.sampled_from(["rename", "lane", "drop_lane", "drop_person", "add_person",
                                 "add_stage", "move_stage", "drop_stream", "drop_stage",
                                 "move_lane", "involve", "title"]))
    stage = _pick(draw, stages)
    taken = {o["id"] for key in ("stakeholders", "links", "slides") for o in data[key]} | {
        o["id"] for o in lanes} | {s["id"] for s in streams} | {s["id"] for s in stages}
    if what == "rename" and stage:
        stage["name"] = draw(st.sampled_from(["Triage", "Fix", "Approve", "Ship"]))
    elif what == "lane" and stage:
        lane = _pick(draw, lanes)
        stage["lane"] = lane["id"] if lane else None
    elif what == "drop_lane" and lanes:
        gone = lanes.pop(draw(st.integers(0, len(lanes) - 1)))["id"]
        for each in stages:
            each["lane"] = None if each["lane"] == gone else each["lane"]
    elif what == "drop_person" and people:
        gone = people.pop(draw(st.integers(0, len(people) - 1)))["id"]
        for each in stages:
            each["stakeholders"] = [r for r in each["stakeholders"] if r["stakeholder"] != gone]
        for stream in streams:
            for name in ("owner", "triggering_stakeholder"):
                stream[name] = None if stream[name] == gone else stream[name]
    elif what == "add_person":
        ident = draw(st.sampled_from(["ops", "cio", "vendor"]))
        if ident not in taken:
            people.insert(draw(st.integers(0, len(people))), {"id": ident, "name": ident.upper()})
    elif what in ("add_stage", "move_stage") and streams:
        stream = _pick(draw, streams)
        at = draw(st.integers(0, len(stream["stages"])))
        if what == "add_stage":
            ident = draw(st.sampled_from(["new-stage", "review", "sign-off"]))
            if ident not in taken:
                lane = _pick(draw, lanes)
                stream["stages"].insert(at, {"id": ident, "name": "New stage",
                                             "lane": lane["id"] if lane else None})
        elif stage:
            for each in streams:
                if stage in each["stages"]:
                    each["stages"].remove(stage)
            stream["stages"].insert(min(at, len(stream["stages"])), stage)
    elif what == "drop_stream" and streams:
        gone = streams.pop(draw(st.integers(0, len(streams) - 1)))
        _forget_stages(data, {s["id"] for s in gone["stages"]})
        data["flow_items"] = [i for i in data["flow_items"] if i["stream"] != gone["id"]]
        for slide in data["slides"]:
            slide["stream"] = None if slide["stream"] == gone["id"] else slide["stream"]
    elif what == "drop_stage" and stage:
        for each in streams:
            if stage in each["stages"]:
                each["stages"].remove(stage)
        _forget_stages(data, {stage["id"]})
    elif what == "move_lane" and len(lanes) > 1:
        lane = lanes.pop(draw(st.integers(0, len(lanes) - 1)))
        lanes.insert(draw(st.integers(0, len(lanes))), lane)
    elif what == "involve" and stage and people:
        person = _pick(draw, people)["id"]
        if all(r["stakeholder"] != person for r in stage["stakeholders"]):
            stage["stakeholders"].append({"stakeholder": person, "raci": "R"})
    elif what == "title":
        data["title"] = draw(st.sampled_from(["Workshop", "Incident map", "Onboarding"]))
    return DocumentModel.model_validate(data)


def _forget_stages(data: dict[str, Any], gone: set[str]) -> None:
    data["links"] = [link for link in data["links"]
                     if link["source"] not in gone and link["target"] not in gone]
    for slide in data["slides"]:
        slide["stage"] = None if slide["stage"] in gone else slide["stage"]


def sync(*replicas: Replica) -> None:
    """Every replica receives what every other one has (a full exchange, as on reconnect)."""
    for source in replicas:
        for target in replicas:
            if source is not target:
                target.doc.apply_update(source.doc.get_update(target.doc.get_state()))


def peers(model: DocumentModel, count: int) -> list[Replica]:
    """A host replica filled from ``model`` and ``count - 1`` participants synced to it."""
    host = Replica()
    host.fill(model)
    host.read()
    others = [Replica() for _ in range(count - 1)]
    for other in others:
        other.doc.apply_update(host.doc.get_update())
        other.read()
    return [host, *others]
