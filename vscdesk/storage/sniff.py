"""Name the wide Unicode encodings a file may be in, so a refusal says which one it is."""

from __future__ import annotations


def wide_encoding(data: bytes) -> str | None:
    """"UTF-32" or "UTF-16" when ``data`` is text in one of them, else None.

    Found by the byte-order mark, or by the zero bytes around an ASCII first character
    (``{``, ``<`` or a letter), as JSON's RFC 8259 and XML's appendix F guess encodings.
    UTF-32 is looked for first: its little-endian mark begins with UTF-16's."""
    head = data[:4]
    if head in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return "UTF-32"
    if len(head) == 4 and (head[:3] == b"\0\0\0" or head[1:] == b"\0\0\0") and head != b"\0" * 4:
        return "UTF-32"
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "UTF-16"
    if len(head) >= 2 and (head[0] == 0) != (head[1] == 0):
        return "UTF-16"
    return None
