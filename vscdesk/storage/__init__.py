"""The native ``*.vsc.json`` file: load without trusting it, save atomically, migrate; no Qt.

Public API::

    load(path) -> DocumentModel            raises LoadError only
    loads(data, source="<memory>")         the same, from bytes or text
    dumps(doc) -> str                      stable text: model key order, 2-space indent
    save(doc, path) -> Path                atomic; raises SaveError, file untouched on failure
    write_output(path, data) -> Path       any other output (exports, CSV, XML, ...): the same
                                           atomic writer; raises OutputError (a SaveError)
"""

from vscdesk.storage.codec import MAX_FILE_BYTES, dumps, loads
from vscdesk.storage.atomic import write_output
from vscdesk.storage.errors import LoadError, LoadErrorKind, OutputError, SaveError
from vscdesk.storage.reader import load
from vscdesk.storage import migrate
from vscdesk.storage.writer import backup_path, save, version_backup_path

__all__ = [
    "MAX_FILE_BYTES", "LoadError", "LoadErrorKind", "OutputError", "SaveError", "backup_path",
    "dumps", "load", "loads", "migrate", "save", "version_backup_path", "write_output",
]
