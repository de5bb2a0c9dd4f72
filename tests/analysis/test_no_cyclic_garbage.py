"""An analysis leaves no cyclic garbage: networkx's cached views point back at their graph,
and the collection that found 60,000 such objects after each analysis of a large map cost
more than the analysis of its loops."""

import gc

from bench.synthetic import synthetic_data
from vscdesk.analysis import engine
from vscdesk.model import DocumentModel


def test_analysing_a_map_leaves_nothing_for_the_cycle_collector():
    doc = DocumentModel.model_validate(synthetic_data(400, seed=3))
    engine._analyse(doc, "week")  # imports done, caches warm
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        result = engine._analyse(doc, "week")
        found = gc.collect()
    finally:
        if was_enabled:
            gc.enable()
    assert result.streams and found == 0
