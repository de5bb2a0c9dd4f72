"""Parse untrusted XML without DTDs, entity expansion or external fetches, within a size limit."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring

from vscdesk.interop.errors import InteropError
from vscdesk.interop.input_file import read_input

#: Larger exchange files are refused: real models are a few MB; this bounds memory and time.
MAX_XML_BYTES = 50 * 1024 * 1024


def read_limited(path: Path, max_bytes: int = MAX_XML_BYTES) -> bytes:
    """The file's bytes: a regular file, refused from its size before reading it."""
    return read_input(path, max_bytes, "ArchiMate")


def parse_xml(data: bytes, source: str, max_bytes: int = MAX_XML_BYTES) -> Element:
    """The root element of ``data``; any DTD, entity or malformed XML is an InteropError."""
    if len(data) > max_bytes:
        raise InteropError(f"{source}: the file is larger than {max_bytes // 1024 // 1024} MB")
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
