"""Parse untrusted XML without DTDs, entity expansion or external fetches, within a size limit."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring

from vscdesk.interop.errors import InteropError
from vscdesk.interop.input_file import read_input
from vscdesk.storage.sniff import wide_encoding

#: Larger exchange files are refused: real models are a few MB; this bounds memory and time.
MAX_XML_BYTES = 50 * 1024 * 1024


def read_limited(path: Path, max_bytes: int = MAX_XML_BYTES) -> bytes:
    """The file's bytes: a regular file, refused from its size before reading it."""
    return read_input(path, max_bytes, "ArchiMate")


def parse_xml(data: bytes, source: str, max_bytes: int = MAX_XML_BYTES) -> Element:
    """The root element of ``data``; any DTD, entity or malformed XML is an InteropError."""
    if len(data) > max_bytes:
        raise InteropError(f"{source}: the file is larger than {max_bytes // 1024 // 1024} MB")
    if wide_encoding(data) == "UTF-32":  # expat reads UTF-8 and UTF-16, not UTF-32
        raise InteropError(f"{source}: is UTF-32 text; save it as UTF-8 (or UTF-16)")
    try:
        # forbid_dtd refuses billion-laughs and external-entity files outright: exchange
        # files never need a DTD.
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DTDForbidden as exc:
        raise InteropError(
            f"{source}: the file declares a DTD (<!DOCTYPE ...>), which is refused for safety"
        ) from exc
    except (EntitiesForbidden, ExternalReferenceForbidden) as exc:
        raise InteropError(f"{source}: the file declares XML entities, refused for safety") from exc
    except DefusedXmlException as exc:
        raise InteropError(f"{source}: unsafe XML refused ({exc})") from exc
    except ParseError as exc:
        line, column = exc.position
        raise InteropError(
            f"{source}: not well-formed XML at line {line}, column {column + 1}") from exc
    except (LookupError, ValueError, UnicodeError):
        # An encoding Python does not know, or cannot feed to expat (multi-byte, not text).
        raise InteropError(f"{source}: the XML declares the encoding {_declared(data)}, "
                           "which vscdesk cannot read; save it as UTF-8") from None


def _declared(data: bytes) -> str:
    """The encoding named in the XML declaration, quoted and shortened, for a message."""
    end = data.find(b"?>", 0, 512)
    at = data.find(b"encoding", 0, end)
    if end == -1 or at == -1:
        return "of the file"
    value = data[at + len(b"encoding"):end].strip(b" \t\r\n=")[:41]
    quote = value[:1]
    name = value[1:].split(quote, 1)[0] if quote in (b"'", b'"') else b""
    return "'" + name[:40].decode("ascii", "replace") + "'"
