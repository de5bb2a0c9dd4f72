"""The synthetic maps are valid documents of exactly the size asked, shaped like real ones."""

import json
import random

import pytest

from bench.synthetic import MAX_STAGES, MIN_STAGES, stream_sizes, synthetic_data, write_synthetic
from vscdesk.storage import load, loads


@pytest.mark.parametrize("stages", [100, 1_000])
def test_a_valid_document_with_exactly_that_many_stages(stages):
    doc = loads(json.dumps(synthetic_data(stages)))
    assert sum(len(s.stages) for s in doc.streams) == stages
    assert all(MIN_STAGES <= len(s.stages) <= MAX_STAGES for s in doc.streams)


def test_stages_carry_slas_stakeholders_lean_timings_and_the_map_has_links_and_loops():
    doc = loads(json.dumps(synthetic_data(1_000)))
    stages = [st for s in doc.streams for st in s.stages]
    assert sum(bool(st.slas) for st in stages) > len(stages) / 2
    assert all(st.stakeholders and st.process_time and st.wait_time for st in stages)
    assert {link.kind for link in doc.links} >= {"integration", "rework"}
    order = {lane.id: i for i, lane in enumerate(doc.chain.lanes)}
    backs = sum(order[b.lane] < order[a.lane] for s in doc.streams
                for a, b in zip(s.stages, s.stages[1:]))
    assert backs > 0
    assert len(doc.chain.lanes) >= 5  # the ITIL 4 template's lanes


@pytest.mark.parametrize("total", [5, 61, 64, 10_000, 50_000])
def test_stream_sizes_add_up_and_stay_in_range(total):
    sizes = stream_sizes(total, random.Random(total))
    assert sum(sizes) == total
    assert all(MIN_STAGES <= n <= MAX_STAGES for n in sizes)


def test_the_same_seed_gives_the_same_file(tmp_path):
    first = write_synthetic(100, tmp_path / "a" if (tmp_path / "a").mkdir() is None else None)
    second = write_synthetic(100, tmp_path)
    assert first.read_text() == second.read_text()
    assert load(second).title.startswith("Synthetic map of 100")
