"""The PowerPoint deck, read back with python-pptx: the presentation's slides, in F5's order,
as native shapes with real text, speaker notes, and a file that survives a save round trip."""

import io
import re
import sys
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE, MSO_SHAPE_TYPE

from vscdesk.deck.build import build_deck, deck_slides
from vscdesk.render.chain import ChainRenderer
from vscdesk.model import Slide
from vscdesk.model.queries import stage_index
from vscdesk.render.slides import SlideSpec, slide_sequence
from vscdesk.storage import load

sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from big_doc import big_document  # noqa: E402


@pytest.fixture(scope="module")
def model():
    from vscdesk.bundled import example_path

    return load(example_path())


@pytest.fixture(scope="module")
def deck(model):
    return build_deck(model)


def walk(shapes):
    """Every shape, groups opened."""
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from walk(shape.shapes)
        else:
            yield shape


def texts(slide) -> list[str]:
    """The text of each shape, its line breaks read as spaces."""
    out = []
    for shape in walk(slide.shapes):
        if shape.has_text_frame and shape.text_frame.text.strip():
            out.append(" ".join(re.split(r"[\s\v]+", shape.text_frame.text)).strip())
    return out


def expected_names(doc, spec: SlideSpec) -> list[str]:
    """The stage names a slide is about."""
    index = stage_index(doc)
    if spec.stage is not None:
        return [index[spec.stage][2].name]
    if spec.view == "chain":
        wanted = set(spec.streams)
        return [st.name for s in doc.streams if not wanted or s.id in wanted for st in s.stages]
    stream = next(s for s in doc.streams if s.id == spec.stream)
    first, last = spec.stages or (0, len(stream.stages))
    return [st.name for st in stream.stages[first:last]]


def test_one_slide_per_presentation_slide_in_order(model, deck):
    specs = slide_sequence(model)
    slides = list(deck.slides)
    assert len(slides) == 1 + len(specs)  # a title slide first
    assert [s.shapes.title.text for s in slides[1:]] == [spec.title for spec in specs]
    title = slides[0]
    shown = " ".join(texts(title))
    assert model.title in shown and model.chain.name in shown
    assert re.search(r"\b20\d\d\b", shown)  # the date


def test_every_stage_name_of_a_slide_is_text_in_a_shape(model, deck):
    for spec, slide in zip(slide_sequence(model), list(deck.slides)[1:]):
        shown = texts(slide)
        for name in expected_names(model, spec):
            assert any(name in text for text in shown), (spec.title, name)


def test_cards_are_native_shapes_with_the_canvas_line_breaks(model, deck):
    overview = deck.slides[1]
    cards = {}
    for shape in walk(overview.shapes):
        if shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and \
                shape.auto_shape_type == MSO_SHAPE.ROUNDED_RECTANGLE and shape.text_frame.text:
            cards[shape.text_frame.text] = shape
    painter = ChainRenderer(model)
    for stream in model.streams:
        for stage in stream.stages:
            lines = painter.card_lines(stage)
            assert len(lines) >= 1
            assert "\v".join(lines) in cards, stage.name  # the same breaks as the canvas
    groups = [s for s in overview.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP
              and s.name.startswith("Stage: ")]
    assert len(groups) == sum(len(s.stages) for s in model.streams)  # a card moves as one


def test_no_slide_is_a_picture(deck):
    for slide in deck.slides:
        kinds = [s.shape_type for s in walk(slide.shapes)]
        assert MSO_SHAPE_TYPE.PICTURE not in kinds
    for slide in list(deck.slides)[1:]:
        assert len(list(walk(slide.shapes))) > 10


def test_arrows_are_connectors_and_loop_backs_dashed_violet(deck):
    arrows = [s for s in deck.slides[1].shapes if s.name.startswith("Arrow: ")]
    assert "Arrow: Report the problem → Diagnose and fix" in [a.name for a in arrows]
    assert len(arrows) == 12  # 15 stages in 3 streams
    loops = forward = 0
    for arrow in arrows:
        xml = arrow._element.xml
        assert "<p:cxnSp" in xml and "<p:sp>" not in xml  # connectors only
        assert xml.count('type="triangle"') == 1  # PowerPoint's own arrowhead, at the end
        if 'prstDash val="dash"' in xml:
            assert "6A3FD0" in xml  # the loop-back violet
            loops += 1
        else:
            assert "3A4655" in xml
            forward += 1
    assert loops == 6 and forward == 6  # "2 loop-backs" in each stream


def test_stream_slides_use_powerpoint_chevrons(model, deck):
    specs = slide_sequence(model)
    k = next(i for i, s in enumerate(specs) if s.view == "stream" and s.stage is None)
    slide = deck.slides[k + 1]
    stages = [g for g in slide.shapes if g.name.startswith("Stage: ")]
    chevrons = [s for g in stages for s in walk(g.shapes)
                if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE
                and s.auto_shape_type == MSO_SHAPE.CHEVRON]
    stream = next(s for s in model.streams if s.id == specs[k].stream)
    assert len(chevrons) == len(stream.stages)
    assert any(stream.stages[0].name in " ".join(c.text_frame.text.split()) for c in chevrons)


def test_sla_badges_are_shapes_with_text(deck):
    pills = [s.text_frame.text for s in walk(deck.slides[1].shapes)
             if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and "≤" in s.text_frame.text]
    assert "≤ 15 min" in pills


def test_notes_hold_the_callout_and_more(model, deck):
    specs = slide_sequence(model)
    for slide in deck.slides:
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()
    k = next(i for i, s in enumerate(specs) if s.stage == "diagnose-fix")
    notes = deck.slides[k + 1].notes_slide.notes_text_frame.text
    for fact in ("Diagnose and fix", "Timings: Process 90 min · Wait 150 min",
                 "Complete & accurate 75 %", "Fix ≤ 4 h: actual 3.8 h (at risk)",
                 "Service desk (takes part · Accountable)", "Entrance criteria:",
                 "• Incident logged and categorised", "Exit criteria:",
                 "• Workaround or fix applied", "Practices:", "Remote diagnostics"):
        assert fact in notes, fact


def test_round_trip_through_python_pptx(deck):
    first = io.BytesIO()
    deck.save(first)
    again = Presentation(io.BytesIO(first.getvalue()))
    second = io.BytesIO()
    again.save(second)
    reopened = Presentation(io.BytesIO(second.getvalue()))
    assert len(reopened.slides) == len(deck.slides)
    assert [texts(s) for s in reopened.slides] == [texts(s) for s in deck.slides]


def test_aspect_sets_the_slide_size(model):
    four_three = build_deck(model.model_copy(update={"streams": model.streams[:1]}), aspect="4:3")
    assert abs(four_three.slide_width / four_three.slide_height - 4 / 3) < 0.01
    wide = build_deck(model.model_copy(update={"streams": model.streams[:1]}))
    assert abs(wide.slide_width / wide.slide_height - 16 / 9) < 0.01


def test_saved_slides_are_the_deck(model):
    doc = model.model_copy(update={"slides": [
        Slide(id="s1", name="Where it starts", view="stream", stage="report-problem"),
        Slide(id="s2", name="The whole chain", view="chain")]})
    deck = build_deck(doc, "saved")
    assert [s.shapes.title.text for s in list(deck.slides)[1:]] == ["Where it starts",
                                                                     "The whole chain"]
    assert len(build_deck(doc, "default").slides) == 1 + len(deck_slides(doc, "default"))


def test_large_map_is_split_like_the_presentation():
    doc = big_document(6, 20)
    specs = slide_sequence(doc)
    overview = [s for s in specs if s.view == "chain" and s.stream is None]
    assert len(overview) > 1  # the chain is too big for one readable slide
    part = big_document(4, 10)  # a deck of a split map, small enough to build quickly
    assert len([s for s in slide_sequence(part) if s.view == "chain" and s.stream is None]) > 1
    deck = build_deck(part)
    small = slide_sequence(part)
    assert len(deck.slides) == 1 + len(small)
    for spec, slide in zip(small, list(deck.slides)[1:]):
        cards = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP
                 and s.name.startswith("Stage: ")]
        assert len(cards) <= 60, spec.title  # never hundreds of cards too small to read


def test_hostile_names_are_plain_text_in_the_deck():
    from export_checks import hostile_document

    doc = hostile_document()
    deck = build_deck(doc)
    again = Presentation(io.BytesIO(_saved(deck)))
    shown = " ".join(t for s in again.slides for t in texts(s))
    for stream in doc.streams:
        for stage in stream.stages:
            assert " ".join(stage.name.split()) in shown
    names = [s.name for slide in again.slides for s in slide.shapes]
    assert any("&" in n or "<" in n for n in names)  # shape names kept, escaped


def _saved(deck) -> bytes:
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
