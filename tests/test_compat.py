"""The speed-ups in vscdesk/compat.py: each fails loudly here when the library it leans on
changes inside, and each has a plain road that gives the same result."""

from __future__ import annotations

import functools
import gc
import subprocess
import sys


from vscdesk import compat


def test_the_installed_libraries_are_the_verified_ones():
    """A new version: check the internals the tests below test, then add it to VERIFIED."""
    import networkx
    import pydantic_core
    from pydantic.version import VERSION

    installed = {"python": f"{sys.version_info[0]}.{sys.version_info[1]}", "pydantic": VERSION,
                 "pydantic_core": pydantic_core.__version__, "networkx": networkx.__version__}
    unverified = {lib: v for lib, v in installed.items() if not compat.verified(lib, v)}
    assert unverified == {}, f"not verified in vscdesk/compat.py VERIFIED: {unverified}"


# -- pydantic's plugin loader -------------------------------------------------------------------


def _pydantic_sources():
    import pydantic

    from pathlib import Path

    return sorted(Path(pydantic.__file__).parent.rglob("*.py"))


def test_pydantic_asks_its_plugin_loader_for_get_plugins_alone():
    """The stand-in answers get_plugins; anything else pydantic imported from the loader
    would load the real module (and its slow metadata search) after all."""
    import re

    wanted = set()
    for path in _pydantic_sources():
        text = path.read_text(encoding="utf-8")
        for names in re.findall(r"from \S*_loader import ([\w, ]+)", text):
            wanted.update(n.strip() for n in names.split(","))
    assert wanted == {"get_plugins"}
    from pydantic.plugin import _loader

    assert callable(_loader.get_plugins) and list(_loader.get_plugins()) == []


def _run(code: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()


def test_an_unverified_pydantic_loads_its_real_plugin_loader():
    searched = _run(
        "import sys; from vscdesk import compat; compat.VERIFIED['pydantic'] = (); "
        "compat.skip_pydantic_plugin_search(); from vscdesk.storage import load; "
        "from vscdesk.bundled import example_path; load(example_path()); "
        "loader = sys.modules['pydantic.plugin._loader']; "
        "print(getattr(loader, '__file__', None) is not None)")
    assert searched == ["True"]


def test_a_verified_pydantic_never_loads_the_real_loader():
    found = _run(
        "import sys; from vscdesk import compat; "
        "compat.skip_pydantic_plugin_search(); from vscdesk.storage import load; "
        "from vscdesk.bundled import example_path; doc = load(example_path()); "
        "loader = sys.modules['pydantic.plugin._loader']; "
        "print(getattr(loader, '__file__', None) is None, 'importlib.metadata' in sys.modules)")
    assert found == ["True", "False"]


# -- networkx's cached views ----------------------------------------------------------------------


def test_networkx_caches_exactly_these_views_on_a_graph():
    import networkx as nx

    cached = {name for cls in nx.DiGraph.__mro__ for name, value in vars(cls).items()
              if isinstance(value, functools.cached_property)}
    assert cached == set(compat.NETWORKX_CACHED_VIEWS)
    graph = nx.DiGraph([("a", "b")])
    assert graph.succ["a"] and graph.in_degree("b") == 1  # asking caches them
    assert set(compat.NETWORKX_CACHED_VIEWS) & set(graph.__dict__)
    compat.drop_cached_views(graph)
    assert not set(compat.NETWORKX_CACHED_VIEWS) & set(graph.__dict__)
    assert list(graph.edges) == [("a", "b")] and graph.pred["b"]  # made again when asked


def test_an_unverified_networkx_keeps_its_views(monkeypatch):
    import networkx as nx

    monkeypatch.setitem(compat.VERIFIED, "networkx", ())
    graph = nx.DiGraph([("a", "b")])
    assert graph.nodes and graph.adj
    compat.drop_cached_views(graph)
    assert {"nodes", "adj"} <= set(graph.__dict__)


# -- the garbage collector's permanent generation -------------------------------------------------


class _Owner:
    """Stands for a loaded document."""


def test_a_freeze_lasts_until_its_owner_is_dropped():
    gc.unfreeze()
    owner = _Owner()
    kept = [[n] for n in range(1000)]
    compat.freeze(owner)
    assert gc.get_freeze_count() >= len(kept)
    del owner
    assert gc.get_freeze_count() == 0  # the collector walks everything again
    compat.freeze()  # no owner: frozen until some owner is dropped, or thawed
    assert gc.get_freeze_count() > 0
    compat.thaw()
    assert gc.get_freeze_count() == 0


def test_an_unverified_python_freezes_nothing(monkeypatch):
    gc.unfreeze()
    monkeypatch.setattr(compat, "FREEZES", False)
    compat.freeze(_Owner())
    assert gc.get_freeze_count() == 0


# -- pydantic-core's JSON text ---------------------------------------------------------------------


def test_pydantic_core_writes_floats_and_indents_as_the_rewrite_expects():
    from pydantic import TypeAdapter

    text = TypeAdapter(dict).dump_json(
        {"a": 15.0, "b": [-0.0, 2.5, 7.0], "c": {"d": 1.0}, "s": "v1.0\n.0,"}, indent=2)
    assert text == (b'{\n  "a": 15.0,\n  "b": [\n    -0.0,\n    2.5,\n    7.0\n  ],\n'
                    b'  "c": {\n    "d": 1.0\n  },\n  "s": "v1.0\\n.0,"\n}')
    assert compat.whole_numbers_as_ints(text) == (
        b'{\n  "a": 15,\n  "b": [\n    0,\n    2.5,\n    7\n  ],\n'
        b'  "c": {\n    "d": 1\n  },\n  "s": "v1.0\\n.0,"\n}')


def test_the_plain_writer_writes_the_same_file(monkeypatch, example_file):
    from bench.synthetic import synthetic_data
    from vscdesk.model import DocumentModel
    from vscdesk.storage import dumps, loads

    data = synthetic_data(300, seed=4)
    data["streams"][0]["slas"][0]["target"] = -0.0
    data["streams"][0]["name"] = "Release 2.0, “quoted” 7.0"
    data["streams"][0]["description"] = "Line 1.0\nline 2.0,\n-0.0"
    docs = [loads(example_file.read_bytes()), DocumentModel.model_validate(data)]
    fast = [dumps(doc) for doc in docs]
    monkeypatch.setitem(compat.VERIFIED, "pydantic_core", ())
    assert [dumps(doc) for doc in docs] == fast
