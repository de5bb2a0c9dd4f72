"""On any valid document the analysis runs, and what it reports points at real objects."""

import json

from hypothesis import HealthCheck, given, settings

from strategies import documents
from vscdesk.analysis import CODES, analyse
from vscdesk.model.queries import all_ids


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_analysis_of_any_document_is_consistent(doc):
    result = analyse(doc)
    ids = all_ids(doc)
    assert list(result.streams) == [s.id for s in doc.streams]
    for problem in result.problems:
        assert CODES[problem.code][0] == problem.severity
        assert problem.object_id in ids and problem.message.endswith(".")
    for item in result.streams.values():
        lean = item.lean
        assert lean.lead_minutes == lean.process_minutes + lean.wait_minutes
        assert lean.activity_ratio is None or 0 <= lean.activity_ratio <= 1
        assert set(item.loops.route) <= {lane.id for lane in doc.chain.lanes}
    assert sum(load.stages for load in result.lane_load) == sum(
        1 for s in doc.streams for stage in s.stages if stage.lane is not None)
    json.dumps(result.to_dict())
