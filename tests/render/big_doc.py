"""A bigger synthetic document for layout and rendering checks: 12 streams x 10 stages."""

from __future__ import annotations

import random

from vscdesk.model import (
    Chain,
    DocumentModel,
    Lane,
    Link,
    Sla,
    Stage,
    Stakeholder,
    StakeholderRef,
    Stream,
)

ITIL = [("plan", "Plan", "#44618F"), ("improve", "Improve", "#357568"),
        ("engage", "Engage", "#8E5C22"), ("design", "Design & transition", "#5F6B33"),
        ("build", "Obtain/build", "#94503F"), ("deliver", "Deliver & support", "#366A83")]
WORDS = ["Assess", "Approve", "Build", "Check", "Deliver", "Design", "Fix", "Log", "Plan",
         "Review", "Test", "Triage", "Update", "Verify", "the request", "the change",
         "the service", "capacity", "budget", "release", "a report", "with the user"]


def big_document(streams: int = 12, stages: int = 10, links: int = 14, seed: int = 3
                 ) -> DocumentModel:
    """Streams that wander across the ITIL lanes (with loop-backs), SLAs, people and links."""
    rng = random.Random(seed)
    people = [Stakeholder(id=f"p{i}", name=f"Person {i}", initials=f"P{i}"[:2],
                          external=i % 3 == 0) for i in range(6)]
    out = []
    for s in range(streams):
        row = []
        for k in range(stages):
            name = f"{rng.choice(WORDS[:14])} {rng.choice(WORDS[14:])}"
            slas = [Sla(name="Lead", target=rng.choice([1, 2, 5, 10]), unit="d",
                        actual=rng.choice([None, 1, 3, 8, 12]))] if rng.random() < 0.6 else []
            refs = [StakeholderRef(stakeholder=p.id) for p in rng.sample(people, rng.randint(0, 3))]
            row.append(Stage(id=f"s{s}-{k}", name=name, lane=rng.choice(ITIL)[0], slas=slas,
                             stakeholders=refs))
        out.append(Stream(id=f"st{s}", name=f"Stream number {s + 1} of the portfolio",
                          kind="customer" if s % 3 else "supporting", trigger="Demand arrives",
                          value="Value delivered", stages=row))
    all_ids = [st.id for stream in out for st in stream.stages]
    made = []
    for i in range(links):
        a, b = rng.sample(all_ids, 2)
        made.append(Link(id=f"l{i}", kind=rng.choice(["integration", "handoff", "rework"]),
                         source=a, target=b, label=rng.choice(["", "Alerts", "Handover pack"])))
    return DocumentModel(title="Big synthetic", chain=Chain(name="ITIL 4", lanes=[
        Lane(id=i, name=n, color=c) for i, n, c in ITIL]), stakeholders=people, streams=out,
        links=made)
