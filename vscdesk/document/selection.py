"""What the user has selected: shared by the canvas and the panels, which never import each other."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """The selected stages (in selection order) and the current stream.

    The canvas sets it from its items; panels follow it and may set it too (clicking a step in
    the activity loop selects that stage). ``changed`` fires only on a real change, so a view
    that mirrors the selection cannot start a ping-pong.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stages: tuple[str, ...] = ()
        self._stream: str | None = None

    @property
    def stage_ids(self) -> tuple[str, ...]:
        return self._stages

    @property
    def stream_id(self) -> str | None:
        return self._stream

    def set(self, stage_ids: Iterable[str], stream_id: str | None = None) -> None:
        stages = tuple(dict.fromkeys(stage_ids))
        if (stages, stream_id) != (self._stages, self._stream):
            self._stages, self._stream = stages, stream_id
            self.changed.emit()

    def clear(self) -> None:
        self.set((), None)

    def forget(self, ids: Iterable[str]) -> None:
        """Drop removed objects (after a delete or a reset)."""
        gone = set(ids)
        self.set([s for s in self._stages if s not in gone],
                 None if self._stream in gone else self._stream)
