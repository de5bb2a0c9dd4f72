"""Lean metrics worked out by hand: process, wait and lead time, activity ratio, rolled %C&A."""

import pytest

from vscdesk.analysis import format_minutes, lean_metrics
from vscdesk.model import Stream


def test_looping_stream_figures(looping_doc):
    lean = lean_metrics(looping_doc.streams[0])
    # process 30 + 120 + 60 + 15 + 60 + 45; wait 60 + 240 + 0 + 1440 + 30 + 0 (minutes)
    assert lean.process_minutes == 330
    assert lean.wait_minutes == 1770
    assert lean.lead_minutes == 2100
    # s6 gives no wait time, so its lead time is unknown (not its process time alone): the
    # ratio is taken over s1-s5, process 285 of lead 2055, and the lead time is a bound
    assert lean.activity_ratio == pytest.approx(285 / 2055)
    assert (lean.lead_measured, lean.process_measured, lean.wait_measured) == (5, 6, 5)
    assert lean.rolled_pca == pytest.approx(0.9 * 0.8 * 1.0 * 0.5 * 100)  # 36 %
    assert lean.bottleneck_stage == "s4"
    assert lean.stages_without_pca == ("s5", "s6")
    assert lean.stages_without_timing == ()
    assert [(t.stage_id, t.process_minutes, t.wait_minutes) for t in lean.ladder][3] == (
        "s4", 15, 1440)


def test_stream_without_figures_has_no_ratio_or_bottleneck():
    lean = lean_metrics(Stream(id="x", name="X", stages=[{"id": "a", "name": "A"}]))
    assert (lean.lead_minutes, lean.activity_ratio, lean.rolled_pca, lean.bottleneck_stage) == (
        0, None, None, None)
    assert lean.stages_without_timing == ("a",)


@pytest.mark.parametrize(
    "minutes, text",
    [(0, "0 min"), (0.5, "30 s"), (45, "45 min"), (90, "1.5 h"), (1440, "1 d"),
     (13939, "9.68 d"), (90 * 1440, "90 d"), (100 * 1440, "14.3 wk"), (None, "-")],
)
def test_durations_read_in_a_sensible_unit(minutes, text):
    assert format_minutes(minutes) == text
