"""What the user has selected: shared by the canvas and the panels, which never import each other."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

#: what a header pick names: a stream's label, a lane's header, or the diagram's title
HEADER_KINDS = ("stream", "lane", "title")


class Selection(QObject):
    """The selected stages (in selection order) and links, the current stream, and a picked
    header.

    The canvas sets it from its items; panels follow it and may set it too (clicking a step in
    the activity loop selects that stage). A header pick (a stream label, a lane header or the
    title clicked on the canvas) stands alone: it is what Delete, F2 and the move keys act on,
    and selecting stages or links drops it. ``changed`` fires only on a real change, so a view
    that mirrors the selection cannot start a ping-pong.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stages: tuple[str, ...] = ()
        self._links: tuple[str, ...] = ()
        self._stream: str | None = None
        self._lane: str | None = None
        self._header: tuple[str, str] | None = None

    @property
    def stage_ids(self) -> tuple[str, ...]:
        return self._stages

    @property
    def link_ids(self) -> tuple[str, ...]:
        return self._links

    @property
    def stream_id(self) -> str | None:
        return self._stream

    @property
    def lane_id(self) -> str | None:
        """The lane whose header was picked last (the Lane panel shows it)."""
        return self._lane

    @property
    def header(self) -> tuple[str, str] | None:
        """("stream" | "lane" | "title", id) while a header is picked, else None."""
        return self._header

    def set(self, stage_ids: Iterable[str], stream_id: str | None = None,
            links: Iterable[str] = ()) -> None:
        self._update(tuple(dict.fromkeys(stage_ids)), tuple(dict.fromkeys(links)), stream_id,
                     self._lane, None)

    def pick(self, kind: str, ident: str) -> None:
        """Pick one header alone: a stream's label, a lane's header or the title ("")."""
        if kind not in HEADER_KINDS:
            raise ValueError(f"cannot pick a {kind} header")
        stream = ident if kind == "stream" else self._stream
        lane = ident if kind == "lane" else self._lane
        self._update((), (), stream, lane, (kind, ident))

    def clear(self) -> None:
        self._update((), (), None, self._lane, None)

    def forget(self, ids: Iterable[str]) -> None:
        """Drop removed objects (after a delete or a reset)."""
        gone = set(ids)
        header = self._header if self._header is None or self._header[1] not in gone else None
        self._update(tuple(s for s in self._stages if s not in gone),
                     tuple(k for k in self._links if k not in gone),
                     None if self._stream in gone else self._stream,
                     None if self._lane in gone else self._lane, header)

    def _update(self, stages: tuple[str, ...], links: tuple[str, ...], stream: str | None,
                lane: str | None, header: tuple[str, str] | None) -> None:
        new = (stages, links, stream, lane, header)
        if new != (self._stages, self._links, self._stream, self._lane, self._header):
            self._stages, self._links, self._stream, self._lane, self._header = new
            self.changed.emit()
