"""Parts of a document for export, and the pages an export draws; no Qt."""

import subprocess
import sys

import pytest

from vscdesk.model import DocumentModel, Link, Slide
from vscdesk.render.pages import ExportRequest, crop, export_pages, handout_pages, view_drawing
from vscdesk.render.subset import find_stream_ref, stages_subset, stream_subset


def _stage_ids(doc):
    return [[s.id for s in stream.stages] for stream in doc.streams]


def test_stream_subset_keeps_every_lane_and_only_its_people(doc):
    part = stream_subset(doc, "restore-service")
    assert [s.id for s in part.streams] == ["restore-service"]
    assert part.chain == doc.chain
    used = {r.stakeholder for st in part.streams[0].stages for r in st.stakeholders}
    assert {p.id for p in part.stakeholders} == used and len(used) < len(doc.stakeholders)
    assert part.title == "IT services — Restore service for a user"
    with pytest.raises(KeyError):
        stream_subset(doc, "nope")


def test_stages_subset_keeps_order_and_links_among_the_stages(doc):
    link = Link(id="l-x", kind="handoff", source="approve", target="operate")
    doc = doc.model_copy(update={"links": [*doc.links, link]})
    part = stages_subset(doc, ["operate", "approve", "unknown"])
    assert _stage_ids(part) == [["approve"], ["operate"]]
    assert [x.id for x in part.links] == ["l-x"]
    assert part.title.endswith("2 selected stages")
    assert stages_subset(doc, []).streams == []


def test_find_stream_by_id_or_name(doc):
    assert find_stream_ref(doc, "new-service").name == "Deliver a new service"
    assert find_stream_ref(doc, "  deliver a NEW   service ").id == "new-service"
    assert find_stream_ref(doc, "Deliver") is None


def test_handout_is_a_page_per_slide_else_overview_then_per_stream(doc):
    pages = handout_pages(doc, "stream")
    assert [p.title for p in pages] == ["IT services", *(s.name for s in doc.streams)]
    assert (pages[0].width, pages[0].height) == (view_drawing(doc, "stream").width,
                                                 view_drawing(doc, "stream").height)
    headings = [next(i.text for i in g.items if hasattr(i, "text"))
                for p in pages[1:] for g in p.groups if g.kind == "title"]
    assert headings == [f"{s.name} · value stream end to end" for s in doc.streams]
    slides = [Slide(id="a", name="All", view="stream"),
              Slide(id="b", name="Fulfil", view="chain", stream="fulfil-request")]
    pages = handout_pages(doc.model_copy(update={"slides": slides}))
    assert [p.title for p in pages] == ["All", "Fulfil"]
    assert (pages[0].width, pages[0].height) == (view_drawing(doc, "stream").width,
                                                 view_drawing(doc, "stream").height)
    assert pages[1].height < view_drawing(doc, "chain").height  # one stream's band only
    assert len(handout_pages(DocumentModel())) == 1  # nothing to split: the whole (empty) view


def test_crop_keeps_what_meets_the_area_moved_to_the_origin(doc):
    whole = view_drawing(doc, "chain")
    part = crop(whole, (-50, -50, 400, 300))
    assert (part.width, part.height) == (350, 250)
    assert part.groups and len(part.groups) < len(whole.groups)
    title = next(g for g in part.groups if g.key == "title")
    original = next(g for g in whole.groups if g.key == "title")
    assert (title.x, title.y) == (original.x, original.y)
    assert crop(whole, (whole.width + 10, 0, 100, 100)).groups == ()


def test_export_pages_for_each_part(doc):
    one = export_pages(doc, ExportRequest("stream", "stream", stream="fulfil-request"))
    assert len(one) == 1 and "Fulfil a service request" in one[0].title
    assert len(export_pages(doc, ExportRequest(), handout=True)) == 4  # overview + 3 streams
    assert len(export_pages(doc, ExportRequest("chain", "selection", stages=("approve",)), True)) == 1


def test_pages_and_subsets_import_no_qt():
    code = ("import sys, vscdesk.render.pages, vscdesk.render.subset; "
            "print([m for m in sys.modules if m.startswith('PySide6')])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
