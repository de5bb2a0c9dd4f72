"""Who may join: a random token per session, carried in the join link.

The join link is the WebSocket address itself, ``ws://HOST:PORT/ROOM?token=TOKEN``
(``wss://`` with TLS), so any Yjs client can use it; vscdesk shows it only to the host."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

ROOM = "map"


def new_token() -> str:
    """A fresh token (128 random bits); a new one every session."""
    return secrets.token_urlsafe(16)


def token_matches(given: str | None, expected: str) -> bool:
    """Compare in constant time, so timing tells nothing about the token."""
    return given is not None and secrets.compare_digest(given.encode(), expected.encode())


@dataclass(frozen=True)
class JoinLink:
    host: str
    port: int
    token: str
    room: str = ROOM
    tls: bool = False

    def url(self) -> str:
        scheme = "wss" if self.tls else "ws"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{host}:{self.port}/{quote(self.room)}?token={quote(self.token)}"

    @staticmethod
    def parse(text: str) -> JoinLink:
        """A link as the host's window shows it; ValueError with one line if it is not one."""
        try:
            parts = urlsplit(text.strip())
            port = parts.port
        except ValueError:
            raise ValueError("not a workshop link (ws://host:port/room?token=...)") from None
        if parts.scheme not in ("ws", "wss") or not parts.hostname or port is None:
            raise ValueError("not a workshop link (ws://host:port/room?token=...)")
        tokens = parse_qs(parts.query).get("token", [])
        if len(tokens) != 1 or not tokens[0]:
            raise ValueError("the workshop link has no token")
        room = parts.path.lstrip("/") or ROOM
        return JoinLink(parts.hostname, port, tokens[0], room, parts.scheme == "wss")


def split_request_path(path: str) -> tuple[str, str | None]:
    """(room, token) from the request path of a WebSocket handshake."""
    parts = urlsplit(path)
    tokens = parse_qs(parts.query).get("token", [])
    return parts.path.lstrip("/"), tokens[0] if len(tokens) == 1 else None
