"""Speed-ups that lean on how a library works inside, gathered and guarded in one place.

Each one was measured (docs/performance-design.md) and is used only with the library
versions it was checked against (``VERIFIED``); with any other version vscdesk takes the
plain, slower road and works the same. ``tests/test_compat.py`` fails loudly when an
installed version is not listed or when the internals a speed-up relies on have changed:
check them, then add the version here.

Qt-free, and cheap to import: start-up imports it before pydantic.
"""

from __future__ import annotations

import gc
import importlib
import sys
import types
import weakref
from typing import Any

#: library -> the minor versions each speed-up below was verified against
VERIFIED: dict[str, tuple[str, ...]] = {
    "python": ("3.11", "3.12", "3.13"),  # gc.freeze; a permanent generation in all three
    "pydantic": ("2.14",),  # the plugin loader stand-in
    "pydantic_core": ("2.50",),  # the JSON text that whole_numbers_as_ints rewrites
    "networkx": ("3.6",),  # the cached views dropped by drop_cached_views
}


def verified(library: str, version: str) -> bool:
    """Whether ``version`` (e.g. "2.14.4") of ``library`` is one we checked."""
    return ".".join(version.split(".")[:2]) in VERIFIED[library]


# -- pydantic: no plugin search at start-up ---------------------------------------------------

_PLUGIN_LOADER = "pydantic.plugin._loader"


def skip_pydantic_plugin_search() -> None:
    """Answer "no plugins" in place of pydantic's plugin loader.

    pydantic looks for plugins through importlib.metadata when the first model class is
    built: importing that and reading every installed package's metadata took 25 ms of a
    0.4 s start. vscdesk uses no pydantic plugin, so before pydantic is imported its loader
    module is replaced by a stand-in whose ``get_plugins`` finds none. With a pydantic
    version not verified, or for anything else asked of the module, the real one loads.
    """
    if _PLUGIN_LOADER in sys.modules or "pydantic" in sys.modules:
        return
    sys.modules[_PLUGIN_LOADER] = _PluginLoaderStandIn(_PLUGIN_LOADER)


class _PluginLoaderStandIn(types.ModuleType):
    """Stands in for pydantic's plugin loader module until something else is asked of it."""

    @staticmethod
    def get_plugins() -> Any:
        return _no_plugins()

    def __getattr__(self, attribute: str) -> object:
        if attribute.startswith("__"):  # the import system asks for __path__ and the like
            raise AttributeError(attribute)
        return getattr(_real_plugin_loader(), attribute)


def _no_plugins() -> Any:
    from pydantic.version import VERSION

    if verified("pydantic", VERSION):
        return ()
    return _real_plugin_loader().get_plugins()


def _real_plugin_loader() -> types.ModuleType:
    module = sys.modules.get(_PLUGIN_LOADER)
    if module is not None and getattr(module, "__file__", None) is None:  # the stand-in
        del sys.modules[_PLUGIN_LOADER]
    return importlib.import_module(_PLUGIN_LOADER)


# -- networkx: graphs that leave no cyclic garbage --------------------------------------------

#: the views networkx caches on a graph instance (functools.cached_property); each one points
#: back at the graph
NETWORKX_CACHED_VIEWS = ("nodes", "edges", "out_edges", "in_edges", "degree", "in_degree",
                         "out_degree", "adj", "succ", "pred")


def drop_cached_views(*graphs: Any) -> None:
    """Drop the views networkx caches on each graph once it is no longer needed.

    They point back at the graph, so every graph used to end as cyclic garbage: 60,000
    objects per analysis of a 10,000-stage map for the collector to find (0.07 s). A view
    asked for again is simply made again. With a networkx version not verified, the views
    stay and the collector frees the graphs as before."""
    networkx = sys.modules.get("networkx")
    if networkx is None or not verified("networkx", networkx.__version__):
        return
    for graph in graphs:
        cached = graph.__dict__
        for name in NETWORKX_CACHED_VIEWS:
            cached.pop(name, None)


# -- the garbage collector: large documents kept out of its walks -----------------------------

FREEZES = verified("python", f"{sys.version_info[0]}.{sys.version_info[1]}")


def freeze(owner: object | None = None) -> None:
    """Move everything alive now out of the collector's walks (``gc.freeze``).

    With an ``owner`` (a loaded document), everything is moved back (``gc.unfreeze``) once
    the owner is dropped, so cyclic garbage made meanwhile does not stay forever; whatever
    is still large and kept is frozen again by the next block that builds it (opening
    rebuilds the canvas). On a Python version not verified, nothing is frozen: collections
    walk the whole heap, slower, with the same result."""
    if not FREEZES:
        return
    gc.freeze()
    if owner is not None:
        weakref.finalize(owner, thaw)


def thaw() -> None:
    """Let the collector walk everything again."""
    if FREEZES:
        gc.unfreeze()


# -- pydantic-core: whole numbers written as integers -----------------------------------------


def fast_json_verified() -> bool:
    """Whether pydantic-core writes JSON text as ``whole_numbers_as_ints`` expects."""
    import pydantic_core

    return verified("pydantic_core", pydantic_core.__version__)


def whole_numbers_as_ints(text: bytes) -> bytes:
    """pydantic-core's indented JSON with whole-number floats written as integers (15, not
    15.0) and negative zero as 0, as ``int()`` would.

    In pydantic-core's indented output a number ending in ``.0`` can only stand before ``,``
    + newline or a newline: JSON strings never hold a raw newline and always end in a quote,
    so these byte replacements find exactly those numbers."""
    if b"-0.0" in text:
        text = text.replace(b"-0.0,\n", b"0,\n").replace(b"-0.0\n", b"0\n")
    return text.replace(b".0,\n", b",\n").replace(b".0\n", b"\n")
