"""Loading never trusts the file: whatever the bytes, the loader returns a valid document or
raises LoadError with a one-line message that names the place, and never changes the file."""

import copy
import json
import os
import tempfile
import tracemalloc
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from vscdesk.model import SCHEMA_VERSION, DocumentModel, integrity_errors
from vscdesk.storage import LoadError, load, loads

SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "it-services.vsc.json"
EXAMPLE_BYTES = EXAMPLE.read_bytes()
EXAMPLE_DATA = json.loads(EXAMPLE_BYTES)
EXAMPLE_DOC = loads(EXAMPLE_BYTES)


def _outcome(data: bytes | str) -> DocumentModel | LoadError:
    """What the loader makes of ``data``: a valid document or a well-formed LoadError."""
    try:
        doc = loads(data, "it.vsc.json")
    except LoadError as err:  # anything else fails the test
        message = str(err)
        assert message.startswith("it.vsc.json: ") and len(message) <= 700
        assert not any(ch in message for ch in "\n\r\x00\u2028\u202e")
        if err.kind == "invalid":
            assert err.where, message  # a field problem always says where
        return err
    assert isinstance(doc, DocumentModel) and integrity_errors(doc) == []
    return doc


def _paths(value, prefix=()):
    """Every place in a JSON value, as key/index tuples."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, prefix + (i,))


ALL_PATHS = [p for p in _paths(EXAMPLE_DATA) if p]


def _replaced(path, new):
    data = copy.deepcopy(EXAMPLE_DATA)
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = new
    return data


nasty_text = st.one_of(
    st.text(st.characters(codec=None), max_size=30),           # anything, surrogates included
    st.sampled_from(["", " ", "\x00", "a\x07b", "line\nbreak", "\ud800", "\udfff x",
                     "\u202eevil", "<script>alert(1)</script>", "]]>", "'\"", "🚀" * 3]),
    st.integers(201, 3_000_000).map(lambda n: "x" * n),       # huge strings
)
nasty_numbers = st.one_of(
    st.floats(),                                               # NaN and infinities included
    st.integers(), st.integers(-(10 ** 300), 10 ** 300), st.sampled_from([True, False, None]))
json_values = st.recursive(nasty_text | nasty_numbers,
                           lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(nasty_text, inner, max_size=4),
                           max_leaves=12)


def _nested(depth: int, kind: str) -> str:
    return ("[" * depth + "]" * depth) if kind == "list" else ('{"a":' * depth + "1" + "}" * depth)


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    _outcome(data)


@SETTINGS
@given(st.integers(0, len(EXAMPLE_BYTES)))
def test_truncated_files(cut):
    result = _outcome(EXAMPLE_BYTES[:cut])
    if EXAMPLE_BYTES[:cut].strip() != EXAMPLE_BYTES.strip():
        assert isinstance(result, LoadError)


@SETTINGS
@given(st.sampled_from(ALL_PATHS), json_values)
def test_any_field_replaced_by_any_value(path, value):
    _outcome(json.dumps(_replaced(path, value)))


@SETTINGS
@given(st.sampled_from(ALL_PATHS), st.integers(1, 60_000), st.sampled_from(["list", "dict"]))
def test_deep_nesting_anywhere(path, depth, kind):
    marker = "\"@@DEEP@@\""
    text = json.dumps(_replaced(path, "@@DEEP@@")).replace(marker, _nested(depth, kind), 1)
    _outcome(text)


@SETTINGS
@given(st.sampled_from(ALL_PATHS), st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999",
                                                    "-1e400", "9" * 4400]))
def test_non_finite_and_huge_number_literals(path, literal):
    text = json.dumps(_replaced(path, "@@N@@")).replace('"@@N@@"', literal, 1)
    assert isinstance(_outcome(text), LoadError)  # no field of the model takes these


@SETTINGS
@given(st.sampled_from(ALL_PATHS))
def test_missing_fields(path):
    data = copy.deepcopy(EXAMPLE_DATA)
    node = data
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]
    _outcome(json.dumps(data))


ID_PATHS = [p for p in ALL_PATHS if p[-1] == "id" and p[0] != "flow_items"]
REF_PATHS = [p for p in ALL_PATHS if "slas" not in p and p[-1] in (
    "lane", "stakeholder", "source", "target", "owner", "triggering_stakeholder")]


def _get(path):
    node = EXAMPLE_DATA
    for part in path:
        node = node[part]
    return node


@SETTINGS
@given(st.sampled_from(ID_PATHS), st.sampled_from(ID_PATHS))
def test_duplicate_ids(a, b):
    assume(_get(a) != _get(b))
    err = _outcome(json.dumps(_replaced(a, _get(b))))
    assert isinstance(err, LoadError) and "duplicate id" in err.reason


@SETTINGS
@given(st.sampled_from(REF_PATHS), st.from_regex(r"[a-z][a-z0-9\-]{0,20}", fullmatch=True))
def test_dangling_references(path, ghost):
    assume(not any(_get(p) == ghost for p in ID_PATHS))
    err = _outcome(json.dumps(_replaced(path, ghost)))
    assert isinstance(err, LoadError)
    assert "which does not exist" in err.reason and err.where.startswith(path[0])


@SETTINGS
@given(st.integers(SCHEMA_VERSION + 1, 10 ** 30))
def test_newer_schema_is_refused(version):
    err = _outcome(json.dumps(dict(EXAMPLE_DATA, schema_version=version)))
    assert isinstance(err, LoadError) and err.kind == "newer"


@SETTINGS
@given(st.integers(0, EXAMPLE_BYTES.count(b"\n")), st.sampled_from(["<<<<<<< HEAD",
                                                                    ">>>>>>> theirs"]))
def test_conflict_markers(line, marker):
    lines = EXAMPLE_BYTES.decode().splitlines(keepends=True)
    lines.insert(line, marker + "\n")
    err = _outcome("".join(lines))
    assert isinstance(err, LoadError) and err.kind == "conflict"
    assert err.where == f"line {line + 1}"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=500),
                 st.integers(0, len(EXAMPLE_BYTES)).map(lambda n: EXAMPLE_BYTES[:n]),
                 st.sampled_from([EXAMPLE_BYTES, b"<<<<<<< HEAD\n", b"\xff" * 10])))
def test_loading_from_disk_never_changes_the_file(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hostile.vsc.json"
        path.write_bytes(data)
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
        before = path.stat()
        try:
            load(path)
        except LoadError as err:
            assert str(err).startswith("hostile.vsc.json: ")
        after = path.stat()
        assert path.read_bytes() == data
        assert (after.st_mtime_ns, after.st_size, after.st_ino) == (
            before.st_mtime_ns, before.st_size, before.st_ino)
        assert os.listdir(folder) == ["hostile.vsc.json"]


def _peak_memory(data: bytes) -> int:
    tracemalloc.start()
    try:
        _outcome(data)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_proportional_to_the_file():
    """A big hostile file costs a bounded multiple of its size (files over 64 MB are refused
    before reading), whatever its shape: one huge string, many objects, a long array."""
    header = '{"format": "vscdesk", "schema_version": 1, '
    shapes = [
        header + '"title": "' + "x" * 4_000_000 + '"}',
        header + '"streams": [' + ",".join(f'{{"id": "s{i}", "name": "n"}}'
                                           for i in range(120_000)) + "]}",
        header + '"links": [' + ",".join(["1"] * 2_000_000) + "]}",
    ]
    for text in shapes:
        data = text.encode()
        assert _peak_memory(data) < 20 * len(data)
