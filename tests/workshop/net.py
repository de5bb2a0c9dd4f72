"""Hosts and peers over real loopback sockets for the workshop tests (random free ports)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from vscdesk.model import DocumentModel
from vscdesk.workshop.access import JoinLink
from vscdesk.workshop.host import WorkshopHost
from vscdesk.workshop.replica import Replica

TOKEN = "test-token-for-this-session"


@asynccontextmanager
async def hosting(model: DocumentModel, **options: Any) -> AsyncIterator[WorkshopHost]:
    replica = Replica()
    replica.fill(model)
    replica.read()
    host = WorkshopHost(replica, token=TOKEN, **options)
    listening = asyncio.Event()
    task = asyncio.create_task(host.run(lambda _port: listening.set()))
    await asyncio.wait_for(listening.wait(), 10)
    try:
        yield host
    finally:
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass


def link(host: WorkshopHost, token: str = TOKEN) -> JoinLink:
    return JoinLink("127.0.0.1", host.port, token, tls=host.tls is not None)


async def until(condition: Callable[[], bool], seconds: float = 20.0) -> None:
    """Wait for ``condition`` (a bound, not a timing assertion: fails only if it never holds)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    while not condition():
        if loop.time() > end:
            raise AssertionError("the peers did not converge")
        await asyncio.sleep(0.01)


def edit(replica: Replica, change: Callable[[dict[str, Any]], None]) -> None:
    data = replica.model.model_dump()
    change(data)
    replica.write(DocumentModel.model_validate(data))


def same_everywhere(*replicas: Replica) -> Callable[[], bool]:
    from vscdesk.storage import dumps

    def check() -> bool:
        texts = {dumps(replica.read()) for replica in replicas}
        return len(texts) == 1

    return check
