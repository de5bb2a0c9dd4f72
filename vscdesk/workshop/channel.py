"""A WebSocket connection as the ``Channel`` pycrdt's rooms and providers read and write,
with every incoming message checked first (``messages.check_message``)."""

from __future__ import annotations

import logging
from typing import Any

from websockets.exceptions import ConnectionClosed

from vscdesk.workshop.messages import BadMessage, check_message

#: WebSocket close code 1008: "policy violation"
POLICY = 1008


class SocketChannel:
    """Iterates over a peer's messages until it leaves or sends something refused."""

    def __init__(self, connection: Any, room: str, log: logging.Logger,
                 check: bool = True) -> None:
        self._connection = connection
        self._room = room
        self._log = log
        self._check = check
        self.refused: str | None = None
        #: the participants this connection spoke for in awareness messages
        self.clients: set[int] = set()

    @property
    def path(self) -> str:
        return self._room

    def __aiter__(self) -> SocketChannel:
        return self

    async def __anext__(self) -> bytes:
        try:
            return await self.recv()
        except ConnectionClosed:
            raise StopAsyncIteration from None
        except BadMessage as error:
            self.refused = str(error)
            self._log.warning("disconnected %s: %s", self.peer(), error)
            await self._connection.close(POLICY, "refused message")
            raise StopAsyncIteration from None

    async def recv(self) -> bytes:
        message = await self._connection.recv()
        if self._check:
            self.clients.update(check_message(message))
        return bytes(message)

    async def send(self, message: bytes) -> None:
        try:
            await self._connection.send(message)
        except ConnectionClosed:
            pass  # the peer left; its own loop ends the session

    async def close(self) -> None:
        await self._connection.close(POLICY, "refused message")

    def peer(self) -> str:
        address = getattr(self._connection, "remote_address", None)
        return f"{address[0]}:{address[1]}" if address else "a peer"
