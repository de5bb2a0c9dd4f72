"""A hypothesis state machine of concurrent workshop operations: three peers edit, sync in
pairs and read; after every step every peer's map is valid, and whenever all have talked to
each other they hold the same map, byte for byte as saved."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from tests.strategies import documents
from tests.workshop.edits import peers, random_edit, sync
from vscdesk.model import integrity_errors
from vscdesk.storage import dumps, loads

PEERS = 3


class ConcurrentWorkshop(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.replicas: list = []
        self.synced = True

    @initialize(model=documents(max_streams=3, max_stages=4))
    def start(self, model):
        self.replicas = peers(model, PEERS)
        self.synced = True

    @rule(peer=st.integers(0, PEERS - 1), data=st.data())
    def edit(self, peer, data):
        replica = self.replicas[peer]
        replica.write(random_edit(data.draw, replica.model))
        self.synced = False

    @rule(a=st.integers(0, PEERS - 1), b=st.integers(0, PEERS - 1))
    def talk(self, a, b):
        if a != b:
            sync(self.replicas[a], self.replicas[b])
            self.replicas[a].read()
            self.replicas[b].read()

    @rule()
    def everyone_talks(self):
        sync(*self.replicas)
        self.synced = True

    @invariant()
    def every_map_is_valid(self):
        for replica in self.replicas:
            assert integrity_errors(replica.model) == []

    @precondition(lambda self: self.synced and self.replicas)
    @invariant()
    def all_talked_means_one_map(self):
        texts = {dumps(replica.read()) for replica in self.replicas}
        assert len(texts) == 1
        assert loads(texts.pop()).model_dump() == self.replicas[0].model.model_dump()


ConcurrentWorkshop.TestCase.settings = settings(
    max_examples=40, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
test_concurrent_workshop = ConcurrentWorkshop.TestCase
