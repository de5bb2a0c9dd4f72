"""Activity loops: route, returns, loop-backs and cycles; streams that depend in a circle."""

import networkx as nx

from vscdesk.analysis import analyse
from vscdesk.analysis.graphs import dependency_graph, stream_graph, transition_graph, unreachable
from vscdesk.model import DocumentModel


def test_looping_stream_route_returns_and_loop_backs(looping_doc):
    loops = analyse(looping_doc).streams["loop"].loops
    assert loops.route == ("a", "b", "b", "a", "c", "b")
    assert loops.visits == {"a": 2, "b": 2, "c": 1}  # B then B again is one visit
    assert loops.revisited_lanes == ("a", "b")
    assert [(r.step, r.stage_id, r.lane_id, r.first_step, r.visit) for r in loops.returns] == [
        (4, "s4", "a", 1, 2), (6, "s6", "b", 2, 2)]
    assert [(b.step, b.from_stage, b.to_stage, b.from_lane, b.to_lane)
            for b in loops.loop_backs] == [(4, "s3", "s4", "b", "a"), (6, "s5", "s6", "c", "b")]
    assert loops.stage_visit == {"s1": 1, "s2": 1, "s3": 1, "s4": 2, "s5": 1, "s6": 2}
    assert loops.lane_cycles == (("a", "b"), ("a", "c", "b"))
    assert loops.stage_cycles == (("s2", "s3", "s4", "s5", "s6"),)  # closed by the rework link
    assert loops.loops


def test_transition_graph_counts_moves_between_lanes(looping_doc):
    graph = transition_graph(looping_doc.streams[0])
    assert sorted((a, b, d["steps"]) for a, b, d in graph.edges(data=True)) == [
        ("a", "b", [2]), ("a", "c", [5]), ("b", "a", [4]), ("c", "b", [6])]


def test_stream_graph_has_order_and_links(looping_doc):
    graph = stream_graph(looping_doc.streams[0], looping_doc.links)
    assert graph.edges["s1", "s2"]["kinds"] == ["order"]
    assert graph.edges["s6", "s2"] == {"kinds": ["rework"], "links": ["redo"]}
    assert graph.number_of_edges() == 6


def test_unreachable_lists_nodes_no_path_reaches():
    graph = nx.DiGraph([("a", "b"), ("c", "b")])
    assert unreachable(graph, "a") == ["c"]


def _three_streams(circle: bool) -> DocumentModel:
    streams = [{"id": s, "name": s.upper(), "kind": "supporting", "trigger": "t", "value": "v",
                "stages": [{"id": f"{s}1", "name": "One", "lane": "l"}]} for s in "xyz"]
    links = [{"id": "xy", "kind": "integration", "source": "x1", "target": "y1"},
             {"id": "yz", "kind": "integration", "source": "y1", "target": "z1"},
             {"id": "zx", "kind": "integration" if circle else "handoff", "source": "z1",
              "target": "x1"}]
    return DocumentModel.model_validate({"chain": {"lanes": [{"id": "l", "name": "L"}]},
                                         "streams": streams, "links": links})


def test_circular_dependency_between_streams():
    result = analyse(_three_streams(circle=True))
    assert result.circular_dependencies == (("x", "y", "z"),)
    assert result.dependencies == (("x", "y"), ("y", "z"), ("z", "x"))
    assert (result.streams["y"].feeds, result.streams["y"].depends_on) == (("z",), ("x",))
    circles = [p for p in result.problems if p.code == "circular-dependency"]
    assert [(p.object_id, p.severity) for p in circles] == [("x", "warning")]
    assert "'X' → 'Y' → 'Z' → 'X'" in circles[0].message


def test_only_integration_links_make_dependencies():
    doc = _three_streams(circle=False)
    assert list(dependency_graph(doc).edges) == [("x", "y"), ("y", "z")]
    assert analyse(doc).circular_dependencies == ()
