"""Every name a document holds is drawn whole in an export: stage, stream, trigger and value,
in both views, for the bundled example, every template and imports with long names.

The SVG is read back as a person's tools would: each stage card is a <g> whose <title> is the
whole name, and the visible <text> lines of that group, put together, hold the whole name.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from vscdesk.cli.convert import read_any
from vscdesk.layout.text import ELLIPSIS
from vscdesk.model import DocumentModel
from vscdesk.render.pages import view_drawing
from vscdesk.render.svg import to_svg

SVG = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SOURCES = sorted((ROOT / "resources" / "templates").glob("*.vsc.json")) + [
    ROOT / "resources" / "examples" / "it-services.vsc.json",
    DATA / "long-names.csv",
    *sorted((DATA / "archimate").glob("*.xml")),
    *sorted((DATA / "archimate").glob("*.archimate")),
]


def read_document(path: Path) -> DocumentModel:
    """A native file, or an import (CSV rows matched to the ITIL 4 chain, ArchiMate)."""
    return read_any(path, "itil4" if path.suffix == ".csv" else None)[0]


def _squash(text: str) -> str:
    """Text without its spaces: a name wrapped at a space or broken inside a long word
    reads the same."""
    return "".join(text.split())


def _groups(svg: str) -> list[tuple[str, str, str]]:
    """(class, title, all visible text run together) of every group."""
    out = []
    for g in ET.fromstring(svg).iter(f"{SVG}g"):
        title = g.find(f"{SVG}title")
        texts = "".join("".join(t.itertext()) for t in g.iter(f"{SVG}text"))
        out.append((g.get("class", ""), title.text if title is not None else "", texts))
    return out


def _names(doc: DocumentModel) -> tuple[list[str], list[str]]:
    """The stage names, and the stream names, triggers and values, that the document holds."""
    stages = [stage.name for s in doc.streams for stage in s.stages]
    streams = [text for s in doc.streams for text in (s.name, s.trigger, s.value) if text.strip()]
    return stages, streams


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
@pytest.mark.parametrize("view", ["chain", "stream"])
def test_every_name_is_in_the_svg_whole(source: Path, view: str):
    doc = read_document(source)
    svg = to_svg(view_drawing(doc, view))
    groups = _groups(svg)
    stages, streams = _names(doc)
    cards = {(title, texts) for kind, title, texts in groups if kind == "stage"}
    assert len([g for g in groups if g[0] == "stage"]) == len(stages)  # one group per card
    card_titles = {title for title, _ in cards}
    for name in stages:
        assert " ".join(name.split()) in card_titles or name in card_titles, name
        assert any(_squash(name) in _squash(texts) for title, texts in cards if title == name), name
    everything = _squash("".join(texts for _, _, texts in groups))
    for name in streams:
        assert _squash(name) in everything, (view, name)


def test_long_names_are_wrapped_not_cut():
    doc = read_document(DATA / "long-names.csv")
    for view in ("chain", "stream"):
        svg = to_svg(view_drawing(doc, view))
        for _kind, _title, texts in _groups(svg):
            assert ELLIPSIS not in texts, texts


def test_editor_hints_stay_out_of_exports():
    doc = DocumentModel(title="Nothing yet")
    svg = to_svg(view_drawing(doc, "chain"))
    assert "add a lane" not in svg and 'class="hint"' not in svg


LONG_LANES = {
    "operations": "Operations (manufacturing, assembly and testing)",
    "firm-infrastructure": "Firm infrastructure: finance, planning, legal affairs, quality "
                           "management and general management",
    "human-resources": "Human resource management and organisational development for every "
                       "team",
}


def _long_lane_porter() -> DocumentModel:
    from vscdesk.interop.templates import load_template

    doc = load_template("porter")
    doc.chain.lanes = [lane.model_copy(update={"name": LONG_LANES.get(lane.id, lane.name)})
                       for lane in doc.chain.lanes]
    return doc


@pytest.mark.parametrize("source", [*SOURCES, "long-lanes"],
                         ids=lambda p: getattr(p, "name", p))
@pytest.mark.parametrize("view", ["chain", "stream"])
def test_every_lane_name_is_in_the_svg_whole(source, view: str):
    doc = _long_lane_porter() if source == "long-lanes" else read_document(source)
    groups = _groups(to_svg(view_drawing(doc, view)))
    if view == "chain":  # each lane header: a group titled with the name, its lines whole
        headers = {title: texts for kind, title, texts in groups if kind == "lane"}
        for lane in doc.chain.lanes:
            assert _squash(lane.name) in _squash(headers[lane.name]), lane.name
    else:  # the stream view names each activity in its legend and on its chevrons
        everything = _squash("".join(texts for _, _, texts in groups)).casefold()
        for lane in doc.chain.lanes:
            assert _squash(lane.name).casefold() in everything, lane.name


def test_long_lane_names_grow_every_header_alike():
    from vscdesk.layout.chain import layout_chain
    from vscdesk.layout.metrics import HEADER_H

    layout = layout_chain(_long_lane_porter())
    assert {lane.header.h for lane in layout.lanes} == {layout.header_h}
    assert layout.header_h > HEADER_H and layout.margin is not None
    longest = max(layout.lanes, key=lambda lane: len(lane.name_lines))
    assert len(longest.name_lines) >= 3
    assert all(row.band.y > layout.lanes[0].header.bottom for row in layout.rows)
