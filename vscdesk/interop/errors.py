"""The one error type of every import, export and merge, so callers print one readable line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class InteropError(Exception):
    """A file in another format cannot be read or written; the message says what and where."""

    def __init__(self, message: str) -> None:
        # One line: the CLI and dialogs show it as is.
        super().__init__(" ".join(message.split()))

    @property
    def message(self) -> str:
        return str(self)


@contextmanager
def reading(source: str) -> Iterator[None]:
    """Whatever stops the reading of ``source`` leaves as one InteropError line, so the
    command line and the window (which both catch InteropError) report the same failures
    and neither shows a traceback."""
    from vscdesk.storage import LoadError
    from vscdesk.storage.errors import one_line

    try:
        yield
    except InteropError:
        raise
    except LoadError as exc:
        raise InteropError(str(exc)) from None
    except RecursionError:
        raise InteropError(f"{source}: is nested too deeply to be read") from None
    except MemoryError:
        raise InteropError(f"{source}: is too large to be read with the memory available") from None
    except (ValueError, OSError) as exc:  # UnicodeError and csv.Error among them
        raise InteropError(f"{source}: cannot be read ({one_line(str(exc), 200)})") from None
