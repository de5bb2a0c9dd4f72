"""A participant's connection: a replica kept in sync with the host over WebSocket.

The Yjs sync runs through pycrdt's ``Provider``; awareness messages (who is there, their
colour and selection) are taken out of the stream before it and applied to an
``Awareness``, and this peer's own state is sent whenever it changes. A connection that
drops ends ``connect``; the replica keeps every edit, and the next ``connect`` exchanges
what each side missed (Yjs sync step 1 and 2), which is the whole of the reconnect merge.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from pycrdt import Awareness, Provider, create_awareness_message, read_message
from websockets.asyncio.client import ClientConnection
from websockets.asyncio.client import connect as ws_connect

from vscdesk.workshop.access import JoinLink
from vscdesk.workshop.channel import SocketChannel
from vscdesk.workshop.messages import AWARENESS, MAX_MESSAGE
from vscdesk.workshop.replica import Replica

log = logging.getLogger("vscdesk.workshop")


class PeerChannel(SocketChannel):
    """Hands awareness messages to ``awareness`` and everything else to the provider."""

    def __init__(self, connection: Any, room: str, awareness: Awareness | None) -> None:
        super().__init__(connection, room, log)
        self._awareness = awareness

    async def recv(self) -> bytes:
        while True:
            message = await super().recv()
            if message[0] != AWARENESS:
                return message
            if self._awareness is not None:
                self._awareness.apply_awareness_update(read_message(message[1:]), "remote")


def client_tls(link: JoinLink, cafile: str | None) -> ssl.SSLContext | None:
    """The TLS context for a ``wss://`` link: the system's trust, or the host's own
    certificate file (a self-signed one, shared with the room)."""
    if not link.tls:
        return None
    return ssl.create_default_context(cafile=cafile)


@asynccontextmanager
async def connect(link: JoinLink, replica: Replica, awareness: Awareness | None = None,
                  cafile: str | None = None) -> AsyncIterator[ClientConnection]:
    """Connected and synced with the host inside the block (the connection's
    ``wait_closed()`` tells when it drops); raises OSError or a websockets error when the
    host cannot be reached or refuses the token."""
    async with ws_connect(link.url(), max_size=MAX_MESSAGE, ssl=client_tls(link, cafile),
                          open_timeout=10, logger=log) as connection:
        channel = PeerChannel(connection, link.room, awareness)
        subscription = None
        if awareness is not None:
            async def share(topic: str, changes: tuple[dict[str, Any], Any]) -> None:
                if topic == "update" and changes[1] == "local":
                    await channel.send(create_awareness_message(
                        awareness.encode_awareness_update([awareness.client_id])))

            subscription = awareness.observe(_sync_callback(share))
        try:
            async with Provider(replica.doc, channel, log=log) as provider:
                await provider.synced.wait()
                if awareness is not None:
                    await channel.send(create_awareness_message(
                        awareness.encode_awareness_update([awareness.client_id])))
                yield connection
        finally:
            if subscription is not None and awareness is not None:
                awareness.unobserve(subscription)


def _sync_callback(coroutine: Any) -> Any:
    """Awareness calls its observers synchronously; send from a task of the running loop."""
    import asyncio

    tasks: set[asyncio.Task[None]] = set()

    def callback(topic: str, changes: tuple[dict[str, Any], Any]) -> None:
        task = asyncio.get_running_loop().create_task(coroutine(topic, changes))
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    return callback
