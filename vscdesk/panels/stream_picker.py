"""Which stream a stream-level panel shows: the selection's stream, chosen here or on the canvas."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from vscdesk.document import Document, Selection
from vscdesk.panels.widgets import blocked


def current_stream_id(document: Document, selection: Selection) -> str | None:
    """The selected stream if it still exists, else the first stream (None for no streams)."""
    wanted = selection.stream_id
    if wanted is not None and document.kind_of(wanted) == "stream":
        return wanted
    streams = document.model.streams
    return streams[0].id if streams else None


class StreamPicker(QComboBox):
    """Lists the streams; picking one makes it the selection's stream (the canvas follows)."""

    picked = Signal(str)

    def __init__(self, document: Document, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.setAccessibleName("Stream")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.activated.connect(self._picked)

    def refresh(self) -> str | None:
        """Re-list the streams and show the current one; returns its id."""
        current = current_stream_id(self.document, self.selection)
        with blocked(self):
            self.clear()
            for stream in self.document.model.streams:
                self.addItem(stream.name, stream.id)
            self.setCurrentIndex(self.findData(current) if current else -1)
        self.setEnabled(self.count() > 0)
        return current

    def _picked(self, index: int) -> None:
        stream_id = self.itemData(index)
        if not stream_id:
            return
        keep = [s for s in self.selection.stage_ids
                if self.document.kind_of(s) == "stage"
                and self.document.stream_of(s).id == stream_id]
        self.selection.set(keep, stream_id)
        self.picked.emit(stream_id)
