"""The workshop host: one shared map served to the participants over WebSocket.

A pycrdt-websocket ``YRoom`` holds the shared document and relays Yjs sync and awareness
messages; websockets accepts the connections. The token is checked during the HTTP
upgrade, so a peer without it is refused before any document data is sent. Incoming
messages are checked (``messages.py``) and larger ones than ``MAX_MESSAGE`` close the
connection; a peer that sends something refused is disconnected and logged, the others
carry on. Runs on an asyncio loop; ``workshop/serve.py`` runs it headless, the window in a
worker thread.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from pycrdt import create_awareness_message
from pycrdt.websocket import WebsocketServer, YRoom
from websockets.asyncio.server import ServerConnection, serve
from websockets.http11 import Request, Response

from vscdesk.workshop.access import ROOM, split_request_path, token_matches
from vscdesk.workshop.channel import SocketChannel
from vscdesk.workshop.messages import MAX_MESSAGE
from vscdesk.workshop.replica import Replica

#: at most this many participants at once; more are refused (503)
MAX_PEERS = 64

log = logging.getLogger("vscdesk.workshop")


def _log_exception(exception: Exception, logger: logging.Logger) -> bool:
    logger.warning("workshop connection ended: %s", exception)
    return True  # handled: one bad peer never stops the room


def tls_context(cert: str, key: str) -> ssl.SSLContext:
    """A server context from a certificate and key file (ssl.SSLError/OSError if unusable)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert, key)
    return context


class WorkshopHost:
    """Serves ``replica``'s document to peers that know ``token``."""

    def __init__(self, replica: Replica, *, token: str, address: str = "127.0.0.1",
                 port: int = 0, room: str = ROOM, tls: ssl.SSLContext | None = None,
                 max_message: int = MAX_MESSAGE) -> None:
        self.replica = replica
        self.token = token
        self.address = address
        self.port = port
        self.room_name = room
        self.tls = tls
        self.max_message = max_message
        self.peers = 0
        self.refused = 0
        self._server: WebsocketServer | None = None
        self.room: YRoom | None = None

    async def run(self, started: Callable[[int], None] | None = None) -> None:
        """Serve until cancelled; ``started(port)`` once the socket listens."""
        async with WebsocketServer(auto_clean_rooms=False, exception_handler=_log_exception,
                                   log=log) as server:
            self._server = server
            self.room = YRoom(ready=True, ydoc=self.replica.doc,
                              exception_handler=_log_exception, log=log)
            self.room.on_message_error = self._message_error
            server.rooms[self.room_name] = self.room
            await server.start_room(self.room)
            async with serve(self._handle, self.address, self.port, ssl=self.tls,
                             process_request=self._admit, max_size=self.max_message,
                             logger=log) as listener:
                self.port = listener.sockets[0].getsockname()[1]
                if started is not None:
                    started(self.port)
                await listener.serve_forever()

    def _admit(self, connection: ServerConnection, request: Request) -> Response | None:
        """Refuse a handshake without the token (403), for another room (404), or when
        full (503): before the upgrade, so nothing of the map is sent."""
        room, token = split_request_path(request.path)
        peer = connection.remote_address
        if not token_matches(token, self.token):
            self.refused += 1
            log.warning("refused %s: wrong or missing token", peer and peer[0])
            return connection.respond(HTTPStatus.FORBIDDEN, "wrong or missing token\n")
        if room != self.room_name:
            return connection.respond(HTTPStatus.NOT_FOUND, "no such workshop\n")
        if self.peers >= MAX_PEERS:
            return connection.respond(HTTPStatus.SERVICE_UNAVAILABLE, "workshop is full\n")
        return None

    async def _handle(self, connection: ServerConnection) -> None:
        assert self._server is not None and self.room is not None
        awareness = self.room.awareness
        channel = SocketChannel(connection, self.room_name, log)
        self.peers += 1
        try:
            # who is already here: the room relays only changes, a newcomer needs the states
            present = [client for client, state in awareness.states.items() if state]
            if present:
                await channel.send(create_awareness_message(
                    awareness.encode_awareness_update(present)))
            await self._server.serve(channel)
        finally:
            self.peers -= 1
            # whoever spoke through this connection has left: tell the others now rather
            # than when their state times out ("local": the room relays it)
            gone = [client for client in channel.clients if client != awareness.client_id]
            awareness.remove_awareness_states(gone, "local")

    async def _message_error(self, error: Exception, message: bytes, channel: Any) -> bool:
        """A message pycrdt could not apply (a well-framed but broken update): the peer goes."""
        log.warning("disconnected %s: %s", channel.peer(), error)
        await channel.close()
        return True
