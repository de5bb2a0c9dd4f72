"""Every way a file can fail to open gives one LoadError whose one-line message says what and
where, as the CLI prints it and the GUI shows it in a dialog."""

import copy
import json
import os

import pytest

from vscdesk.storage import LoadError, codec, load, loads

pytestmark = pytest.mark.posix


def _error(data, source="it.vsc.json") -> LoadError:
    with pytest.raises(LoadError) as info:
        loads(data, source)
    message = str(info.value)
    assert "\n" not in message and message.startswith(source + ": ")
    return info.value


def _doc(example_data, edit) -> bytes:
    data = copy.deepcopy(example_data)
    edit(data)
    return json.dumps(data, indent=2).encode()


def test_invalid_field_names_its_path(example_data):
    def edit(d):
        d["streams"][2]["stages"][0]["slas"] = [{"name": "a", "target": 1},
                                                {"name": "b", "target": "soon"}]
    err = _error(_doc(example_data, edit))
    assert err.kind == "invalid"
    assert str(err) == "it.vsc.json: streams[2].stages[0].slas[1].target: should be a valid number"


def test_infinity_literal_is_refused_with_path(example_data):
    text = _doc(example_data, lambda d: None).decode()
    text = text.replace('"target": 15', '"target": Infinity', 1)
    assert str(_error(text)) == ("it.vsc.json: streams[0].stages[0].slas[0].target: "
                                 "must be a finite number (not NaN or infinity)")


@pytest.mark.parametrize("edit, where, what", [
    (lambda d: d["streams"][0]["stages"][1].update(lane="nowhere"),
     "streams[0].stages[1].lane", "refers to lane 'nowhere', which does not exist"),
    (lambda d: d["links"][0].update(target="ghost"),
     "links[0].target", "refers to stage 'ghost', which does not exist"),
    (lambda d: d["streams"][1]["stages"][0].update(id="report-problem"),
     "streams[1].stages[0].id", "duplicate id 'report-problem'"),
    (lambda d: d["streams"][0].update(colour="#fff000"),
     "streams[0].colour", "is not a known field"),
    (lambda d: d["streams"][0].pop("name"), "streams[0].name", "is missing"),
    (lambda d: d["stakeholders"][0].update(name="a\x07b"),
     "stakeholders[0].name", "control characters"),
    (lambda d: d.update(title="x" * 5000), "title", "at most 200 characters"),
    (lambda d: d.update(streams={}), "streams", "should be a list"),
])
def test_each_invalid_document_says_where(example_data, edit, where, what):
    err = _error(_doc(example_data, edit))
    assert err.kind == "invalid" and err.where == where and what in err.reason
    assert str(err).startswith(f"it.vsc.json: {where}: ")


def test_several_problems_are_counted(example_data):
    def edit(d):
        d["title"] = 1
        d["chain"]["name"] = 2
    assert _error(_doc(example_data, edit)).reason.endswith("(and 1 more problem)")


@pytest.mark.parametrize("data, kind, message", [
    (b"", "syntax", "is empty"),
    (b"  \n", "syntax", "is empty"),
    (b'{"format": "vscdesk",\n "schema_version": 1,\n "title" "x"}', "syntax",
     "line 3, column 10: is not valid JSON (Expecting ':' delimiter)"),
    (b'{"format": "vscdesk", "schema_version": 1, "title": "x"', "syntax",
     "line 1, column 56: is not valid JSON: it ends too early (was the file cut off?)"),
    (b'{"format": "vscdesk", "format": "vscdesk"}', "syntax",
     'is not valid: the key "format" appears twice in one object'),
    (b'{"title": ' + b"7" * 5000 + b"}", "syntax",
     "is not valid: it holds a number thousands of digits long"),
    (b"[" * 100_000 + b"]" * 100_000, "not_document",
     "is not a vscdesk document: it is nested too deeply"),
    (b"\xff\xfe{\x00}\x00", "encoding", "is UTF-16 text; vscdesk files are UTF-8"),
    (b'{\n "title": "caf\xe9"}', "encoding", "line 2, column 15: is not UTF-8 text (byte 0xe9)"),
    (b"[]", "not_document", "is not a vscdesk document (it holds a list, not an object)"),
    (b'"vscdesk"', "not_document", "is not a vscdesk document (it holds a string, not an object)"),
    (b'{"title": "x"}', "not_document", 'is not a vscdesk document (no "format": "vscdesk")'),
    (b'{"format": "drawio"}', "not_document",
     'is not a vscdesk document ("format" is "drawio", not "vscdesk")'),
    (b'{"format": "vscdesk"}', "not_document",
     "schema_version: is missing; it should be a whole number such as 2"),
    (b'{"format": "vscdesk", "schema_version": "1"}', "not_document",
     'schema_version: is "1"; it should be a whole number such as 2'),
    (b'{"format": "vscdesk", "schema_version": true}', "not_document",
     "schema_version: is True; it should be a whole number such as 2"),
    (b'{"format": "vscdesk", "schema_version": 7, "whatever": [1]}', "newer",
     "saved by a newer vscdesk (schema 7); this version reads up to 2"),
    (b'{"format": "vscdesk", "schema_version": 0}', "unsupported",
     "uses schema 0, which this version cannot read (it reads schemas 1 to 2)"),
])
def test_each_unreadable_kind_has_its_message(data, kind, message):
    err = _error(data)
    assert err.kind == kind
    assert str(err) == f"it.vsc.json: {message}"


def test_git_conflict_markers_get_their_own_message(example_file):
    lines = example_file.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3:4] = ["<<<<<<< HEAD\n", lines[3], "=======\n", '  "title": "Theirs",\n',
                  ">>>>>>> feature\n"]
    err = _error("".join(lines))
    assert err.kind == "conflict"
    assert str(err) == ("it.vsc.json: line 4: has unresolved git merge conflict markers "
                        "(<<<<<<<); resolve the conflict, then open it again")


def test_utf8_byte_order_mark_is_accepted(example_file):
    data = example_file.read_bytes()
    assert loads(b"\xef\xbb\xbf" + data) == loads(data)


def test_odd_characters_in_messages_stay_on_one_line():
    err = _error(b'{"format": "vscdesk", "schema_version": 1, "a\\nb\\u202e": 1}')
    assert err.where == '["a\\nb\\u202e"]' and "\u202e" not in str(err)


# --- reading from disk -------------------------------------------------------------------


def _load_error(path) -> LoadError:
    with pytest.raises(LoadError) as info:
        load(path)
    return info.value


def test_missing_file(tmp_path):
    err = _load_error(tmp_path / "gone.vsc.json")
    assert (err.kind, str(err)) == ("not_found", "gone.vsc.json: file not found")


def test_folder_is_not_a_document(tmp_path):
    folder = tmp_path / "dir.vsc.json"
    folder.mkdir()
    assert str(_load_error(folder)) == "dir.vsc.json: is a folder, not a document"


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.vsc.json"
    os.mkfifo(fifo)
    assert str(_load_error(fifo)) == "pipe.vsc.json: is not a regular file but a named pipe"


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_a_device_is_named_by_its_path():
    """"null: is not a regular file" named nothing a user recognises."""
    assert str(_load_error("/dev/null")) == "/dev/null: is not a regular file but a device"


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.vsc.json"
    with open(big, "wb") as stream:  # sparse: 80 MB on paper, nothing on disk
        stream.truncate(80 * 2**20)
    read = []
    with monkeypatch.context() as patch:  # only around the load: nothing may be read
        patch.setattr(os, "fdopen", lambda *a, **k: read.append(a))
        err = _load_error(big)
    assert err.kind == "too_large" and not read
    assert str(err) == "big.vsc.json: is too large (80.0 MB; vscdesk opens documents up to 64 MB)"


def test_size_limit_applies_to_text_in_memory_too(monkeypatch, example_file):
    monkeypatch.setattr(codec, "MAX_FILE_BYTES", 1000)
    assert _error(example_file.read_bytes()).kind == "too_large"


def test_unreadable_file(open_dir, as_nobody):
    secret = open_dir / "secret.vsc.json"
    secret.write_text("{}")
    secret.chmod(0o200)
    with as_nobody():
        err = _load_error(secret)
    assert (err.kind, str(err)) == ("unreadable", "secret.vsc.json: cannot be read: permission denied")


def test_nul_in_path_is_a_load_error():
    assert _load_error("bad\0name.vsc.json").kind == "unreadable"


def test_symlink_is_followed(tmp_path, example_file):
    link = tmp_path / "link.vsc.json"
    link.symlink_to(example_file)
    assert load(link) == load(example_file)


def test_lone_surrogate_is_named():
    err = _error(b'{"format": "vscdesk", "schema_version": 1, "title": "a\\ud800b"}')
    assert str(err) == ("it.vsc.json: title: holds text that is not valid Unicode "
                        "(a lone surrogate)")


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_a_link_to_a_device_keeps_its_own_name(tmp_path):
    link = tmp_path / "plan.vsc.json"
    link.symlink_to("/dev/null")
    assert str(_load_error(link)) == "plan.vsc.json: is not a regular file but a device"
