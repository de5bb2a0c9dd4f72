"""Hypothesis strategies for valid vscdesk documents, shared by every test package.

``documents()`` draws a whole valid ``DocumentModel`` (unique ids, every reference resolving,
finite numbers, names free of control characters). The smaller strategies (``ids``,
``names``, ``texts``, ``slas``, ``durations``...) are exported for tests that build pieces.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from vscdesk.model import (
    MAX_NAME,
    Chain,
    DocumentModel,
    Duration,
    FlowItem,
    Lane,
    Link,
    Sla,
    Slide,
    Stage,
    Stakeholder,
    StakeholderRef,
    Stream,
)

TIME_UNITS = ["s", "min", "h", "d", "wk"]
METRICS = ["lead_time", "process_time", "wait_time", "availability", "quality", "throughput",
           "custom"]
COMPARATORS = ["<=", "<", ">=", ">", "="]
STAKEHOLDER_KINDS = ["customer", "user", "sponsor", "supplier", "partner", "regulator",
                     "internal_team"]

ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,15}", fullmatch=True)
colors = st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True)

# Names: any printable text (emoji, RTL, markup characters...), no control characters.
_name_chars = st.characters(blacklist_categories=("Cc", "Cs"))
# Free text also allows tab and line breaks.
_text_chars = st.one_of(_name_chars, st.sampled_from("\t\n\r"))


def names(max_size: int = 40) -> st.SearchStrategy[str]:
    """Valid names: non-blank, no control characters, at most ``MAX_NAME`` characters."""
    return st.text(_name_chars, min_size=1, max_size=min(max_size, MAX_NAME)).filter(
        lambda s: s.strip() != "")


def texts(max_size: int = 60) -> st.SearchStrategy[str]:
    """Valid free text (descriptions, triggers): may be empty, may hold line breaks."""
    return st.text(_text_chars, max_size=max_size)


finite = st.floats(allow_nan=False, allow_infinity=False)
non_negative = st.one_of(st.integers(0, 10_000).map(float),
                         st.floats(min_value=0, max_value=1e12, allow_nan=False))
percents = st.floats(min_value=0, max_value=100, allow_nan=False)
durations = st.builds(Duration, value=non_negative, unit=st.sampled_from(TIME_UNITS))
slas = st.builds(
    Sla, name=names(), metric=st.sampled_from(METRICS), comparator=st.sampled_from(COMPARATORS),
    target=st.one_of(st.integers(-1000, 1000).map(float), finite), unit=texts(20),
    actual=st.none() | finite,
)
name_lists = st.lists(names(20), max_size=3)


@st.composite
def documents(draw: st.DrawFn, max_lanes: int = 5, max_stakeholders: int = 4,
              max_streams: int = 3, max_stages: int = 5, max_links: int = 3) -> DocumentModel:
    """A valid document of modest size; the bounds keep examples fast and shrinkable."""
    taken: set[str] = set()

    def fresh() -> str:
        ident = draw(ids.filter(lambda i: i not in taken))
        taken.add(ident)
        return ident

    lanes = [Lane(id=fresh(), name=draw(names()), color=draw(colors), description=draw(texts()))
             for _ in range(draw(st.integers(0, max_lanes)))]
    people = [Stakeholder(id=fresh(), name=draw(names()), kind=draw(st.sampled_from(
        STAKEHOLDER_KINDS)), external=draw(st.booleans()), initials=draw(texts(3)))
        for _ in range(draw(st.integers(0, max_stakeholders)))]
    person_ids = [p.id for p in people]
    maybe_person = st.none() | st.sampled_from(person_ids) if person_ids else st.none()
    refs = st.builds(StakeholderRef, stakeholder=st.sampled_from(person_ids),
                     role=st.sampled_from(["triggering", "participating"]),
                     raci=st.none() | st.sampled_from("RACI")) if person_ids else None
    lane_choice = (st.none() | st.sampled_from([lane.id for lane in lanes])) if lanes \
        else st.none()

    def stage() -> Stage:
        return Stage(
            id=fresh(), name=draw(names()), lane=draw(lane_choice), description=draw(texts()),
            value_items=draw(name_lists), entrance_criteria=draw(name_lists),
            exit_criteria=draw(name_lists), practices=draw(name_lists),
            capabilities=draw(name_lists), process_time=draw(st.none() | durations),
            wait_time=draw(st.none() | durations),
            percent_complete_accurate=draw(st.none() | percents),
            slas=draw(st.lists(slas, max_size=2)),
            stakeholders=draw(st.lists(refs, max_size=2)) if person_ids else [])

    streams = []
    for _ in range(draw(st.integers(0, max_streams))):
        streams.append(Stream(
            id=fresh(), name=draw(names()), kind=draw(st.sampled_from(["customer", "supporting"])),
            trigger=draw(texts(40)), value=draw(texts(40)), description=draw(texts()),
            triggering_stakeholder=draw(maybe_person), owner=draw(maybe_person),
            color=draw(st.none() | colors), slas=draw(st.lists(slas, max_size=2)),
            stages=[stage() for _ in range(draw(st.integers(0, max_stages)))]))
    stage_ids = [s.id for stream in streams for s in stream.stages]
    stream_ids = [s.id for s in streams]
    links = [Link(id=fresh(), kind=draw(st.sampled_from(["integration", "handoff", "rework"])),
                  source=draw(st.sampled_from(stage_ids)), target=draw(st.sampled_from(stage_ids)),
                  label=draw(texts(30)), slas=draw(st.lists(slas, max_size=1)))
             for _ in range(draw(st.integers(0, max_links if stage_ids else 0)))]
    slides = [Slide(id=fresh(), name=draw(names()), view=draw(st.sampled_from(["chain", "stream"])),
                    stream=draw(st.none() | st.sampled_from(stream_ids)) if stream_ids else None,
                    stage=draw(st.none() | st.sampled_from(stage_ids)) if stage_ids else None,
                    zoom=draw(st.floats(min_value=0, max_value=64, exclude_min=True)))
              for _ in range(draw(st.integers(0, 2)))]
    flow = [FlowItem(id=fresh(), type=draw(st.sampled_from(["feature", "defect", "risk", "debt"])),
                     stream=draw(st.sampled_from(stream_ids)),
                     started=draw(st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1))),
                     finished=draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1))),
                     active_time=draw(st.none() | durations))
            for _ in range(draw(st.integers(0, 3 if stream_ids else 0)))]
    return DocumentModel(
        title=draw(names()), chain=Chain(name=draw(names()), lanes=lanes), stakeholders=people,
        streams=streams, links=links, slides=slides, flow_items=flow)
