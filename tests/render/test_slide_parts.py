"""Large maps are split into slides a person can read: the chain a few rows at a time, a long
stream a few stages at a time; small maps are not split. The presentation and the deck share
this sequence."""

from big_doc import big_document
from vscdesk.bundled import example_path
from vscdesk.render.pages import ASPECTS, framed
from vscdesk.render.primitives import Drawing, Group
from vscdesk.render.slide_picture import slide_picture
from vscdesk.render.slides import PART_STAGES, chain_parts, default_slides, stage_parts
from vscdesk.storage import load


def test_the_example_is_not_split():
    doc = load(example_path())
    assert chain_parts(doc) == [tuple(s.id for s in doc.streams)]
    slides = default_slides(doc)
    assert slides[0].streams == () and all(s.stages is None for s in slides)


def test_a_large_map_shows_its_chain_a_few_rows_at_a_time():
    doc = big_document(12, 20)
    parts = chain_parts(doc)
    assert len(parts) > 2
    assert [sid for part in parts for sid in part] == [s.id for s in doc.streams]  # each once
    overview = [s for s in default_slides(doc) if s.view == "chain" and s.stream is None]
    assert [s.streams for s in overview] == parts
    assert overview[1].title.endswith(f"(2/{len(parts)})")
    picture = slide_picture(doc, overview[1])
    rows = {g.ref for g in picture.drawing.groups if g.kind == "row"}
    assert rows == set(parts[1])
    focus = next(s for s in default_slides(doc) if s.stream == doc.streams[3].id
                 and s.view == "chain")
    assert doc.streams[3].id in focus.streams


def test_a_long_stream_is_shown_end_to_end_in_parts():
    assert stage_parts(8) == [(0, 8)]
    assert stage_parts(20) == [(0, 7), (7, 13), (13, 20)]
    assert all(b - a <= PART_STAGES for a, b in stage_parts(97))
    doc = big_document(2, 20)
    parts = [s for s in default_slides(doc) if s.view == "stream" and s.stage is None
             and s.stream == doc.streams[0].id]
    assert [s.stages for s in parts] == stage_parts(20)
    picture = slide_picture(doc, parts[1])
    x, _, w, _ = picture.frame
    inside = [g.ref for g in picture.drawing.groups if g.kind == "stage"
              and x - 1 <= g.x and g.x + g.bounds[2] <= x + w + 1]
    assert inside == [st.id for st in doc.streams[0].stages[7:13]]


def test_framing_centres_the_drawing_in_the_aspect():
    drawing = Drawing(1000, 300, (Group("a", "stage", 10, 20, (0, 0, 50, 50), ()),))
    for aspect, ratio in ASPECTS.items():
        out = framed(drawing, aspect)
        assert abs(out.width / out.height - ratio) < 1e-6
        assert out.width == 1000  # wide drawings gain height only
        assert abs(out.groups[0].y - (20 + (out.height - 300) / 2)) < 1e-6
    tall = framed(Drawing(300, 1000, ()), "16:9")
    assert tall.height == 1000 and abs(tall.width - 1000 * 16 / 9) < 1e-6
    assert framed(drawing, None) is drawing
