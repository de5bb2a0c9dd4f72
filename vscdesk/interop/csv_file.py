"""Reading a spreadsheet's CSV file safely: bounded size, UTF-8 with or without a BOM."""

from __future__ import annotations

from pathlib import Path

from vscdesk.interop.errors import InteropError


def read_csv_text(path: Path, max_bytes: int) -> str:
    """The text of a CSV file, or one readable InteropError naming the file."""
    try:
        if path.stat().st_size > max_bytes:
            raise InteropError(f"{path.name}: the file is larger than "
                               f"{max_bytes // 1024 // 1024} MB and is refused")
        data = path.read_bytes()
    except OSError as exc:
        raise InteropError(f"{path.name}: cannot read the file ({exc.strerror})") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InteropError(f"{path.name}: not UTF-8 text (byte {exc.start + 1}); save the "
                           "spreadsheet as 'CSV UTF-8'") from exc
