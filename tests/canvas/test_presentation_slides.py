"""The slide sequence and what each slide shows: pure functions, no window."""


from vscdesk.render.slide_picture import one_stream_drawing, slide_picture
from vscdesk.render.slides import (SlideSpec, default_slides, describe, opacities, saved_slides,
                                   slide_sequence, stream_of, stage_streams)
from vscdesk.model import Slide
from vscdesk.render.primitives import Text


def _texts(group):
    return " ".join(p.text for p in group.items if isinstance(p, Text))


def test_default_sequence_walks_chain_then_each_stream_and_its_stages(doc):
    slides = default_slides(doc)
    assert slides[0] == SlideSpec("chain", "IT services · ITIL 4 service value chain")
    expected = [("chain", None, None)]
    for stream in doc.streams:
        expected += [("chain", stream.id, None), ("stream", stream.id, None)]
        expected += [("stream", stream.id, stage.id) for stage in stream.stages]
    assert [(s.view, s.stream, s.stage) for s in slides] == expected
    assert len(slides) == 1 + 3 * 2 + 15
    assert slides[3].title == "Restore service for a user · 1/4 Report the problem"


def test_saved_slides_replace_the_default_sequence_in_their_order(doc):
    saved = [Slide(id="b", name="Request end to end", view="stream", stream="fulfil-request"),
             Slide(id="a", name="Approve", view="chain", stage="approve", zoom=2.0)]
    doc = doc.model_copy(update={"slides": saved})
    slides = slide_sequence(doc)
    assert [s.title for s in slides] == ["Request end to end", "Approve"]
    assert slides[1] == SlideSpec("chain", "Approve", "fulfil-request", "approve", 2.0)
    assert saved_slides(doc) == slides


def test_highlighted_stream_is_full_strength_and_the_others_dimmed(doc):
    picture = slide_picture(doc, SlideSpec("chain", "", "restore-service"))
    owners = stage_streams(doc)
    for group in picture.drawing.groups:
        owner = stream_of(group, owners)
        strength = picture.opacity[group.key]
        if owner in (None, "restore-service"):
            assert strength == 1.0, group.key
        else:
            assert strength < 0.3, group.key
    assert picture.opacity["arrow:request-portal>approve"] < 0.3
    assert picture.opacity["lane:engage"] == 1.0


def test_stream_slide_shows_that_stream_alone_framed_tightly(doc):
    picture = slide_picture(doc, SlideSpec("stream", "", "restore-service"))
    keys = {g.key for g in picture.drawing.groups}
    assert {f"stage:{s.id}" for s in doc.streams[0].stages} <= keys
    assert not any(k.startswith("stage:") and k[6:] not in
                   {s.id for s in doc.streams[0].stages} for k in keys)
    assert "title" not in keys and "legend" not in keys
    value = next(g for g in picture.drawing.groups if g.key == "value:restore-service")
    x, _, w, _ = picture.frame
    assert x + w <= picture.drawing.width and w < 1300  # narrower than the full stream view
    assert value.x + value.bounds[0] + value.bounds[2] <= x + w + 1


def test_stage_slide_has_a_callout_with_slas_and_stakeholders(doc):
    picture = slide_picture(doc, SlideSpec("stream", "", "restore-service", "report-problem"))
    callout = next(g for g in picture.drawing.groups if g.key == "callout")
    text = _texts(callout)
    assert "Report the problem" in text and "STEP 1 OF 4 · ENGAGE" in text
    assert "Response" in text and "≤ 15 min" in text and "actual 9 min" in text
    assert "User" in text and "Service desk" in text and "Responsible" in text
    assert picture.opacity["stage:report-problem"] == 1.0
    assert picture.opacity["callout"] == 1.0
    assert picture.opacity["stage:diagnose-fix"] < 1.0
    stage = next(g for g in picture.drawing.groups if g.key == "stage:report-problem")
    assert callout.y > stage.y + stage.bounds[3]  # below the stage it explains
    fx, fy, fw, fh = picture.frame
    assert fx <= callout.x and callout.x + 360 <= fx + fw + 1
    assert fy <= stage.y and callout.y + callout.bounds[3] - 20 <= fy + fh + 1


def test_stage_without_slas_or_people_says_so(doc):
    stream = doc.streams[0]
    bare = stream.stages[0].model_copy(update={"slas": [], "stakeholders": []})
    streams = [stream.model_copy(update={"stages": [bare, *stream.stages[1:]]}),
               *doc.streams[1:]]
    doc = doc.model_copy(update={"streams": streams})
    picture = slide_picture(doc, SlideSpec("stream", "", stream.id, bare.id))
    text = _texts(next(g for g in picture.drawing.groups if g.key == "callout"))
    assert "No SLAs yet" in text and "No stakeholders yet" in text


def test_dark_slide_has_no_light_canvas_left(doc):
    light = slide_picture(doc, SlideSpec("chain", ""), "light")
    dark = slide_picture(doc, SlideSpec("chain", ""), "dark")
    assert [g.key for g in light.drawing.groups] == [g.key for g in dark.drawing.groups]
    fills = {p.fill for g in dark.drawing.groups for p in g.items if getattr(p, "fill", None)}
    assert "#FFFFFF" not in fills


def test_describe_names_a_saved_view(doc):
    assert describe("stream", doc, "restore-service", "diagnose-fix") == \
        "Stream view · Restore service for a user · Diagnose and fix"
    assert describe("chain", doc, None, None) == "Chain view"


def test_one_stream_drawing_of_an_empty_stream(doc):
    empty = doc.streams[0].model_copy(update={"stages": [], "id": "empty", "name": "Empty"})
    doc = doc.model_copy(update={"streams": [*doc.streams, empty]})
    drawing = one_stream_drawing(doc, "empty")
    assert any(g.kind == "placeholder" for g in drawing.groups)
    assert opacities(SlideSpec("stream", "", "empty"), drawing, doc)["row:empty"] == 1.0


def test_callout_shows_timings_and_criteria(doc):
    picture = slide_picture(doc, SlideSpec("stream", "", "restore-service", "diagnose-fix"))
    callout = next(g for g in picture.drawing.groups if g.key == "callout")
    text = _texts(callout)
    assert "TIMINGS" in text and "90 min" in text and "150 min" in text and "75 %" in text
    assert "Complete & accurate" in text
    assert "ENTRANCE CRITERIA" in text and "Incident logged and categorised" in text
    assert "EXIT CRITERIA" in text and "Workaround or fix applied" in text
    # every line stays inside the card
    for p in callout.items:
        if hasattr(p, "text") and p.anchor == "start":
            from vscdesk.layout.text import text_width
            assert p.x + text_width(p.text, p.size, p.bold) <= 360 - 17


def test_callout_counts_criteria_beyond_three(doc):
    stream = doc.streams[0]
    many = stream.stages[1].model_copy(update={"entrance_criteria": [f"Check {i}" for i in range(5)],
                                               "process_time": None, "wait_time": None,
                                               "percent_complete_accurate": None})
    streams = [stream.model_copy(update={"stages": [stream.stages[0], many, *stream.stages[2:]]}),
               *doc.streams[1:]]
    doc = doc.model_copy(update={"streams": streams})
    picture = slide_picture(doc, SlideSpec("stream", "", stream.id, many.id))
    text = _texts(next(g for g in picture.drawing.groups if g.key == "callout"))
    assert "Check 2" in text and "Check 3" not in text and "+ 2 more" in text
    assert "TIMINGS" not in text


def test_a_streams_own_links_stay_legible_on_its_slides_and_others_fade():
    """The rework link inside "Restore service for a user" is part of its story; a link
    between two other streams is not."""
    from vscdesk.bundled import example_path
    from vscdesk.model import Link
    from vscdesk.render.pages import view_drawing
    from vscdesk.storage import load

    doc = load(example_path())
    other = Link(id="other", kind="handoff", source="approve", target="operate")
    doc = doc.model_copy(update={"links": [*doc.links, other]})
    for view in ("stream", "chain"):
        shown = opacities(SlideSpec(view, "", "restore-service"), view_drawing(doc, view),
                          doc)
        assert shown["link:fix-rework"] == 1.0, view  # both ends in the stream
        assert shown["link:ops-feeds-fix"] == 1.0, view  # ends on one of its stages
        assert shown["link:other"] < 0.5, view
