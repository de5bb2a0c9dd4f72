"""Reading a spreadsheet's CSV file safely: bounded size, UTF-8 with or without a BOM, records
split by the csv module alone, every limit reported with its row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from vscdesk.interop.errors import InteropError
from vscdesk.interop.input_file import read_input
from vscdesk.storage.sniff import wide_encoding

#: The csv module's own limit on one cell (it raises beyond it): 128 KB, far above any
#: name, list or description a document holds (text fields stop at 10,000 characters).
MAX_CELL = csv.field_size_limit()


def read_csv_text(path: Path, max_bytes: int) -> str:
    """The text of a CSV file, or one readable InteropError naming the file."""
    data = read_input(path, max_bytes, "CSV")
    encoding = wide_encoding(data)
    if encoding:
        raise InteropError(f"{path.name}: is {encoding} text; save the spreadsheet as 'CSV UTF-8'")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InteropError(f"{path.name}: not UTF-8 text (byte {exc.start + 1}); save the "
                           "spreadsheet as 'CSV UTF-8'") from exc


def csv_rows(text: str, delimiter: str = ",") -> Iterator[tuple[int, int, list[str]]]:
    """(record number, first line, cells) of each record; the header is record 1.

    Only the csv module splits records: a line separator such as U+2028 inside a quoted cell
    stays in the cell (str.splitlines would end the row there)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    number, line = 0, 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsvSyntaxError(number + 1, reader.line_num, _plain(str(exc))) from None
        number += 1
        yield number, line, cells
        line = reader.line_num + 1


class CsvSyntaxError(Exception):
    """A record the csv module cannot read: where, and why in plain words."""

    def __init__(self, row: int, line: int, reason: str) -> None:
        super().__init__(reason)
        self.row, self.line, self.reason = row, line, reason


def _plain(message: str) -> str:
    if message.startswith("field larger than field limit"):
        return f"a cell is longer than {MAX_CELL:,} characters"
    if "unexpected end of data" in message:
        message = "a quoted cell is not closed"
    elif "expected after" in message:
        message = "a quote inside a quoted cell must be doubled"
    return f"not readable as CSV ({message})"
