"""What the host accepts from a peer before pycrdt sees it: Yjs sync and awareness messages
whose framing is exact, within size limits. Anything else disconnects the peer."""

from __future__ import annotations

import json

#: the largest message a peer may send (the whole map as one sync step: files are at most
#: 64 MiB, and their shared form is smaller)
MAX_MESSAGE = 64 * 1024 * 1024
#: the largest awareness state of one participant (name, colour, selection)
MAX_AWARENESS_STATE = 64 * 1024
MAX_AWARENESS_CLIENTS = 1000

SYNC, AWARENESS = 0, 1
SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE = 0, 1, 2


class BadMessage(ValueError):
    """A message the host refuses; the text says why in one line."""


class _Reader:
    def __init__(self, data: bytes, start: int) -> None:
        self.data, self.at = data, start

    def uint(self) -> int:
        value, shift = 0, 0
        while True:
            if self.at >= len(self.data):
                raise BadMessage("message ends inside a number")
            byte = self.data[self.at]
            self.at += 1
            value |= (byte & 0x7F) << shift
            if byte < 0x80:
                return value
            shift += 7
            if shift > 63:
                raise BadMessage("number too long")

    def chunk(self) -> bytes:
        size = self.uint()
        if size > len(self.data) - self.at:
            raise BadMessage("length runs past the end of the message")
        part = self.data[self.at:self.at + size]
        self.at += size
        return part

    def end(self) -> None:
        if self.at != len(self.data):
            raise BadMessage("bytes left over after the message")


def check_message(message: object) -> list[int]:
    """Raise ``BadMessage`` unless ``message`` is a well-framed sync or awareness message;
    returns the participants an awareness message speaks for (none for sync messages)."""
    if not isinstance(message, bytes):
        raise BadMessage("text frames are not part of the protocol")
    if len(message) > MAX_MESSAGE:
        raise BadMessage(f"message of {len(message)} bytes is over the limit")
    if len(message) < 2:
        raise BadMessage("message too short")
    if message[0] == SYNC:
        if message[1] not in (SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE):
            raise BadMessage(f"unknown sync message type {message[1]}")
        reader = _Reader(message, 2)
        reader.chunk()
        reader.end()
        return []
    if message[0] == AWARENESS:
        reader = _Reader(message, 1)
        clients = _check_awareness(reader.chunk())
        reader.end()
        return clients
    raise BadMessage(f"unknown message type {message[0]}")


def _check_awareness(update: bytes) -> list[int]:
    reader = _Reader(update, 0)
    count = reader.uint()
    if count > MAX_AWARENESS_CLIENTS:
        raise BadMessage("awareness update names too many participants")
    clients = []
    for _ in range(count):
        clients.append(reader.uint())
        reader.uint()  # clock
        state = reader.chunk()
        if len(state) > MAX_AWARENESS_STATE:
            raise BadMessage("awareness state too large")
        if state:
            try:
                value = json.loads(state.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise BadMessage("awareness state is not JSON") from None
            if value is not None and not isinstance(value, dict):
                raise BadMessage("awareness state is not an object")
    reader.end()
    return clients
