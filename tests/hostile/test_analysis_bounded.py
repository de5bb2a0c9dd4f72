"""Analysis of hostile but valid documents stays linear: many overlapping rework links, long
dependency circles. Memory is counted with tracemalloc, never timed."""

from __future__ import annotations

import tracemalloc

from vscdesk.analysis import analyse
from vscdesk.model import DocumentModel


def rework_tangle(n: int) -> DocumentModel:
    """One stream of ``n`` stages and ``n`` rework links, each spanning about half of it."""
    stages = [{"id": f"s{i}", "name": f"Stage {i}", "lane": "l"} for i in range(n)]
    half = n // 2
    links = [{"id": f"k{j}", "kind": "rework", "source": f"s{n - 1 - j % half}",
              "target": f"s{j % half}"} for j in range(n)]
    return DocumentModel.model_validate({
        "chain": {"lanes": [{"id": "l", "name": "Lane"}]},
        "streams": [{"id": "x", "name": "X", "stages": stages}], "links": links})


def _peak(doc: DocumentModel) -> tuple[int, object]:
    tracemalloc.start()
    try:
        result = analyse(doc)
        return tracemalloc.get_traced_memory()[1], result
    finally:
        tracemalloc.stop()


def test_rework_loops_are_listed_without_enumerating_them_all():
    """A valid 1.7 MB document used 1.6 GB in `check`; 2.5 MB ran out of memory."""
    analyse(rework_tangle(10))  # networkx imported outside the count
    small, _ = _peak(rework_tangle(300))
    large, result = _peak(rework_tangle(1200))
    assert large <= 5 * small, f"memory grew {large / small:.1f}x for 4x the links"
    loops = result.streams["x"].loops
    assert loops.loops and len(loops.stage_cycles) == 20
    # The first 20 are the earliest and shortest: the link from s1199 to s0 closes it all.
    assert loops.stage_cycles[0][0] == "s0" and loops.stage_cycles[0][-1] == "s1199"


def dependency_tangle(n: int) -> DocumentModel:
    """``n`` streams feeding each other through integration links: countless circles."""
    streams = [{"id": f"x{i}", "name": f"Stream {i}", "kind": "supporting",
                "stages": [{"id": f"s{i}", "name": "Stage", "lane": "l"}]} for i in range(n)]
    links = [{"id": f"k{i}-{d}", "kind": "integration", "source": f"s{i}",
              "target": f"s{(i + d) % n}"} for i in range(n) for d in (1, 2, 3, n // 2)]
    return DocumentModel.model_validate({
        "chain": {"lanes": [{"id": "l", "name": "Lane"}]}, "streams": streams, "links": links})


def test_circles_of_streams_are_bounded_too():
    small, _ = _peak(dependency_tangle(100))
    large, result = _peak(dependency_tangle(400))
    assert large <= 5 * small, f"memory grew {large / small:.1f}x for 4x the streams"
    circles = [p for p in result.problems if p.code == "circular-dependency"]
    assert len(result.circular_dependencies) == len(circles) == 20
