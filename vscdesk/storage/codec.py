"""The native JSON format in memory: bytes -> DocumentModel that never trusts its input, and
DocumentModel -> text that diffs well (stable key order, 2-space indent, one trailing newline)."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticSerializationError

from vscdesk.bulk import paused_gc
from vscdesk.compat import fast_json_verified, whole_numbers_as_ints
from vscdesk.model import FORMAT, SCHEMA_VERSION, DocumentModel
from vscdesk.storage import migrate
from vscdesk.storage.errors import LoadError, SaveError, one_line
from vscdesk.storage.messages import first_problem, plural
from vscdesk.storage.sniff import wide_encoding

#: Files larger than this are refused before they are read whole.
MAX_FILE_BYTES = 64 * 1024 * 1024

_CONFLICT = re.compile(r"^(<{7}|>{7})(?: |$)", re.M)
_UTF8_BOM = "\ufeff"


class _DuplicateKey(ValueError):
    """A JSON object names the same key twice (json would silently keep the last one)."""


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return obj


def _line_col(text: str | bytes, pos: int, column: bool = True) -> str:
    if isinstance(text, str):
        line, start = text.count("\n", 0, pos) + 1, text.rfind("\n", 0, pos) + 1
    else:
        line, start = text.count(b"\n", 0, pos) + 1, text.rfind(b"\n", 0, pos) + 1
    if not column:
        return f"line {line}"
    return f"line {line}, column {pos - start + 1}"


def _decode(data: bytes, source: str) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(source, too_large_reason(len(data)), kind="too_large")
    wide = wide_encoding(data)
    if wide:
        raise LoadError(source, f"is {wide} text; vscdesk files are UTF-8", kind="encoding")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        raise LoadError(source, f"is not UTF-8 text (byte 0x{byte:02x})",
                        where=_line_col(data, exc.start), kind="encoding") from None


def too_large_reason(size: int) -> str:
    limit = MAX_FILE_BYTES / 2**20
    return f"is too large ({size / 2**20:.1f} MB; vscdesk opens documents up to {limit:g} MB)"


def _parse(text: str, source: str) -> Any:
    if text.startswith(_UTF8_BOM):  # some Windows editors add one; it carries no meaning
        text = text[1:]
    if not text.strip():
        raise LoadError(source, "is empty", kind="syntax")
    # A substring test first: the line-anchored pattern takes ~80 ms over a 10 MB file.
    marker = _CONFLICT.search(text) if "<<<<<<<" in text or ">>>>>>>" in text else None
    if marker:
        raise LoadError(source, f"has unresolved git merge conflict markers ({marker.group(1)}); "
                        "resolve the conflict, then open it again",
                        where=_line_col(text, marker.start(), column=False), kind="conflict")
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()):
            reason = "is not valid JSON: it ends too early (was the file cut off?)"
        else:
            reason = f"is not valid JSON ({exc.msg})"
        raise LoadError(source, reason, where=f"line {exc.lineno}, column {exc.colno}",
                        kind="syntax") from None
    except _DuplicateKey as exc:
        key = json.dumps(str(exc)[:60], ensure_ascii=False)
        raise LoadError(source, f"is not valid: the key {key} appears twice in one object",
                        kind="syntax") from None
    except RecursionError:
        raise LoadError(source, "is not a vscdesk document: it is nested too deeply",
                        kind="not_document") from None
    except ValueError as exc:
        if "digits" in str(exc):  # Python refuses to parse integers of thousands of digits
            raise LoadError(source, "is not valid: it holds a number thousands of digits long",
                            kind="syntax") from None
        raise LoadError(source, f"is not valid JSON ({exc})", kind="syntax") from None


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)
    return text if len(text) <= 30 else text[:29] + "…"


def _check_header(data: Any, source: str) -> int:
    """The schema version of ``data`` once it is known to be a vscdesk document we can read."""
    if not isinstance(data, dict):
        names: dict[type[object], str] = {list: "a list", str: "a string"}
        kind = names.get(type(data), "a single value")
        raise LoadError(source, f"is not a vscdesk document (it holds {kind}, not an object)",
                        kind="not_document")
    if "format" not in data:
        raise LoadError(source, f'is not a vscdesk document (no "format": "{FORMAT}")',
                        kind="not_document")
    if data["format"] != FORMAT:
        raise LoadError(source, f'is not a vscdesk document ("format" is {_short(data["format"])},'
                        f' not "{FORMAT}")', kind="not_document")
    version = data.get("schema_version")
    if type(version) is not int:
        what = "is missing" if version is None else f"is {_short(version)}"
        raise LoadError(source, f"{what}; it should be a whole number such as {SCHEMA_VERSION}",
                        where="schema_version", kind="not_document")
    if version > SCHEMA_VERSION:
        raise LoadError(source, f"saved by a newer vscdesk (schema {_short(version)}); "
                        f"this version reads up to {SCHEMA_VERSION}", kind="newer")
    oldest = migrate.oldest_readable()
    if version < oldest:
        raise LoadError(source, f"uses schema {_short(version)}, which this version cannot read "
                        f"(it reads schemas {oldest} to {SCHEMA_VERSION})", kind="unsupported")
    return version


def loads(data: bytes | str, source: str = "<memory>") -> DocumentModel:
    """A validated document from the text of a file; raises only ``LoadError``."""
    with paused_gc(keep=True) as block:  # millions of new objects: collections mid-way tripled the time
        return block.keep_until_dropped(_loads(data, source))


def _loads(data: bytes | str, source: str) -> DocumentModel:
    text = _decode(data, source) if isinstance(data, (bytes, bytearray)) else data
    if len(text) > MAX_FILE_BYTES:
        raise LoadError(source, too_large_reason(len(text)), kind="too_large")
    raw = _parse(text, source)
    version = _check_header(raw, source)
    try:
        raw = migrate.upgrade(raw, version)
    except migrate.MigrationFailed as exc:
        raise LoadError(source, f"could not be upgraded from schema {exc.version} ({exc})",
                        kind="migration") from None
    try:
        return DocumentModel.model_validate(raw)
    except ValidationError as exc:
        where, what, count = first_problem(exc)
        if count > 1:
            what += f" (and {plural(count - 1, 'more problem')})"
        raise LoadError(source, what, where=where, kind="invalid") from None
    except RecursionError:
        raise LoadError(source, "is nested too deeply", kind="invalid") from None


_HEADER = ("format", "schema_version")
_ADAPTERS: dict[str, TypeAdapter[Any]] = {}


def _adapters() -> dict[str, TypeAdapter[Any]]:
    """One serializer per top-level field after the header (built once, on first save)."""
    if not _ADAPTERS:
        for name, field in DocumentModel.model_fields.items():
            if name not in _HEADER:
                assert field.annotation is not None  # every field of the model is annotated
                _ADAPTERS[name] = TypeAdapter(field.annotation)
    return _ADAPTERS


def dump_bytes(doc: DocumentModel) -> bytes:
    """The UTF-8 file content of ``doc``: the text of ``dumps``.

    pydantic-core writes each top-level field (2-space indent, nested fields at their default
    left out) in a tenth of the time of ``model_dump`` plus the standard library's pure-Python
    indenting; the fields are then indented one level and joined under the header, and
    whole-number floats are written as integers (15, not 15.0) by rewriting bytes of that
    text (``compat.whole_numbers_as_ints``). With a pydantic-core whose text is not verified,
    the standard library writes the same file, slower."""
    if not fast_json_verified():
        return _dump_plain(doc)
    entries = [b'  "format": "' + FORMAT.encode() + b'"', b'  "schema_version": %d' % SCHEMA_VERSION]
    for name, adapter in _adapters().items():
        body = adapter.dump_json(getattr(doc, name), indent=2, exclude_defaults=True,
                                 warnings="error")
        entries.append(b'  "%s": %s' % (name.encode(), body.replace(b"\n", b"\n  ")))
    return whole_numbers_as_ints(b"{\n" + b",\n".join(entries) + b"\n}\n")


def _dump_plain(doc: DocumentModel) -> bytes:
    """The same text through ``model_dump`` and ``json.dumps`` (no library internals)."""
    data: dict[str, Any] = {"format": FORMAT, "schema_version": SCHEMA_VERSION}
    for name, adapter in _adapters().items():
        data[name] = _ints(adapter.dump_python(getattr(doc, name), mode="json",
                                               exclude_defaults=True, warnings="error"))
    text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    return text.encode("utf-8")


def _ints(value: Any) -> Any:
    """Whole-number floats as integers, everywhere in plain JSON data."""
    if type(value) is dict:
        return {key: _ints(item) for key, item in value.items()}
    if type(value) is list:
        return [_ints(item) for item in value]
    if type(value) is float and value.is_integer() and abs(value) < 1e15:
        return int(value)  # larger ones pydantic-core writes with an exponent
    return value


def dumps(doc: DocumentModel) -> str:
    """The file text of ``doc``; the same document always gives the same text."""
    return encode(doc).decode("utf-8")


def encode(doc: DocumentModel) -> bytes:
    """``dump_bytes``, or ``SaveError`` saying which value cannot be written."""
    try:
        with paused_gc():
            return dump_bytes(doc)
    except (PydanticSerializationError, UnicodeEncodeError) as exc:
        if "surrogate" in str(exc):
            raise SaveError("the document holds text that is not valid Unicode") from None
        detail = one_line(str(exc), 120)
        raise SaveError(f"it holds a value that cannot be written ({detail})") from None
    except (ValueError, TypeError) as exc:
        detail = one_line(str(exc), 120)
        raise SaveError(f"it holds a value that cannot be written ({detail})") from None
