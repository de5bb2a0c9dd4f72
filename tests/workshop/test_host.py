"""The workshop host over real loopback sockets: peers converge, tokens are checked before
anything is sent, hostile peers are disconnected and the others carry on."""

from __future__ import annotations

import asyncio
import socket

import pytest
from websockets.asyncio.client import connect as ws_connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from tests.workshop.net import TOKEN, edit, hosting, link, same_everywhere, until
from vscdesk.storage import dumps
from vscdesk.workshop.peer import connect
from vscdesk.workshop.replica import Replica


def _stage(data, index=0):
    return data["streams"][0]["stages"][index]


@pytest.mark.parametrize("count", [2, 3])
def test_peers_editing_the_same_and_different_stages_save_identical_json(example_model, count):
    async def scenario():
        async with hosting(example_model) as host:
            peers = [Replica() for _ in range(count)]
            async with asyncio.timeout(60):
                async with connect(link(host), peers[0]), connect(link(host), peers[1]), \
                        connect(link(host), peers[-1]):
                    for peer in peers:
                        assert dumps(peer.read()) == dumps(example_model)
                    edit(peers[0], lambda d: _stage(d).update(name="Renamed by 0"))
                    edit(peers[1], lambda d: _stage(d).update(name="Renamed by 1"))
                    edit(peers[1], lambda d: _stage(d, 1).update(description="Said by 1"))
                    edit(peers[-1], lambda d: d["chain"]["lanes"].reverse())
                    await until(same_everywhere(host.replica, *peers))
            merged = host.replica.read()
            assert _stage(merged.model_dump())["name"] in {"Renamed by 0", "Renamed by 1"}
            assert _stage(merged.model_dump(), 1)["description"] == "Said by 1"
            assert [x.id for x in merged.chain.lanes] == [
                x.id for x in reversed(example_model.chain.lanes)]
            return {dumps(p.read()) for p in peers} | {dumps(merged)}

    assert len(asyncio.run(scenario())) == 1


def _handshake(port: int, path: str) -> bytes:
    """A raw WebSocket upgrade request; everything the server answers before closing."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        raw.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                     "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        answer = b""
        while chunk := raw.recv(65536):
            answer += chunk
        return answer


@pytest.mark.parametrize("path", ["/map", "/map?token=", "/map?token=wrong", "/map?token=x&token=y",
                                  f"/map?token={TOKEN}x"])
def test_a_wrong_or_missing_token_is_refused_before_any_map_data(example_model, path):
    async def scenario():
        async with hosting(example_model) as host:
            answer = await asyncio.to_thread(_handshake, host.port, path)
            assert host.refused == 1 and host.peers == 0
            return answer

    answer = asyncio.run(scenario())
    assert answer.startswith(b"HTTP/1.1 403")
    assert example_model.streams[0].stages[0].name.encode() not in answer
    assert b"Upgrade: websocket" not in answer


def test_the_right_token_for_another_room_is_not_found(example_model):
    async def scenario():
        async with hosting(example_model) as host:
            return await asyncio.to_thread(_handshake, host.port, f"/other?token={TOKEN}")

    assert asyncio.run(scenario()).startswith(b"HTTP/1.1 404")


def test_a_client_with_a_wrong_token_cannot_connect(example_model):
    async def scenario():
        async with hosting(example_model) as host:
            with pytest.raises(InvalidStatus):
                async with connect(link(host, "guess"), Replica()):
                    pass

    asyncio.run(scenario())


HOSTILE = [
    b"",                                  # too short
    b"\x07\x00\x00",                      # unknown message type
    b"\x00\x05\x00",                      # unknown sync message type
    b"\x00\x00\xff\xff\xff\xff\x0f",      # length past the end
    b"\x00\x02\x03abcdef",                # bytes left over
    b"\x00\x02\x05\x00\x01\x02\x03\x04",  # well framed, but not a Yjs update
    b"\x01\x06\x01\x01\x01\x01[",          # awareness state that is not JSON
    "text frame",                          # text instead of binary
]


@pytest.mark.parametrize("message", HOSTILE, ids=range(len(HOSTILE)))
def test_a_hostile_message_disconnects_that_peer_and_the_others_carry_on(example_model, message):
    async def scenario():
        async with hosting(example_model) as host:
            good = Replica()
            async with asyncio.timeout(60), connect(link(host), good):
                async with ws_connect(link(host).url()) as bad:
                    await bad.recv()  # the host's sync step 1
                    await bad.send(message)
                    with pytest.raises(ConnectionClosed):
                        while True:
                            await bad.recv()
                edit(good, lambda d: d.update(title="Still working"))
                await until(lambda: host.replica.read().title == "Still working")

    asyncio.run(scenario())


def test_an_oversized_message_closes_the_connection(example_model):
    async def scenario():
        async with hosting(example_model, max_message=4096) as host:
            async with ws_connect(link(host).url(), max_size=None) as bad:
                await bad.recv()
                await bad.send(b"\x00\x02" + b"\x80" * 10_000)
                with pytest.raises(ConnectionClosed) as closed:
                    while True:
                        await bad.recv()
                assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
            other = Replica()
            async with connect(link(host), other):
                assert dumps(other.read()) == dumps(example_model)

    asyncio.run(scenario())


def test_a_peer_that_drops_out_keeps_editing_and_merges_on_reconnect(example_model):
    async def scenario():
        async with hosting(example_model) as host:
            away, staying = Replica(), Replica()
            async with asyncio.timeout(60), connect(link(host), staying):
                async with connect(link(host), away):
                    await until(same_everywhere(host.replica, away, staying))
                # the connection is gone: both sides go on editing
                edit(away, lambda d: _stage(d).update(name="Offline edit"))
                edit(away, lambda d: d["stakeholders"].append({"id": "auditor", "name": "Auditor"}))
                edit(staying, lambda d: _stage(d, 1).update(name="Online edit"))
                await until(lambda: _stage(host.replica.read().model_dump(), 1)["name"]
                            == "Online edit")
                async with connect(link(host), away):
                    await until(same_everywhere(host.replica, away, staying))
            merged = host.replica.read().model_dump()
            assert _stage(merged)["name"] == "Offline edit"
            assert _stage(merged, 1)["name"] == "Online edit"
            assert "auditor" in {p["id"] for p in merged["stakeholders"]}

    asyncio.run(scenario())
