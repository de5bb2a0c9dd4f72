"""Heat-map values: worst stage is 1, best is 0, stages without data stay neutral."""

import pytest

from vscdesk.analysis import analyse
from vscdesk.analysis.heat import MEASURES, stage_heat


def test_wait_time_heat(looping_doc):
    heat = stage_heat(looping_doc, analyse(looping_doc), "wait_time")
    # waits 60, 240, 0, 1440, 30 minutes; s6 has none
    assert heat["s4"].heat == 1 and heat["s3"].heat == 0
    assert heat["s2"].heat == pytest.approx(240 / 1440)
    assert (heat["s4"].label, heat["s6"].heat, heat["s6"].label) == ("1 d", None, "-")


def test_low_percent_complete_is_hot(looping_doc):
    heat = stage_heat(looping_doc, analyse(looping_doc), "pca")
    # 90, 80, 100, 50 %; s5 and s6 give none
    assert (heat["s4"].heat, heat["s3"].heat, heat["s1"].heat) == (1, 0, pytest.approx(0.2))
    assert heat["s4"].label == "50 %" and heat["s5"].heat is None


def test_visits_and_sla_status(example_doc, looping_doc):
    visits = stage_heat(looping_doc, analyse(looping_doc), "lane_visits")
    assert {k: v.heat for k, v in visits.items()} == {
        "s1": 0, "s2": 0, "s3": 0, "s4": 1, "s5": 0, "s6": 1}
    sla = stage_heat(example_doc, analyse(example_doc), "sla_status")
    assert (sla["procure-device"].heat, sla["diagnose-fix"].heat, sla["report-problem"].heat) == (
        1, 0.5, 0)
    assert sla["diagnose-fix"].label == "at risk"
    assert set(MEASURES) == {"wait_time", "sla_status", "pca", "lane_visits"}
