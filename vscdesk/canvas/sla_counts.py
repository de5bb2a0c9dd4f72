"""The title's count of stage SLAs by status, kept up to date per edited stage.

Recounting every SLA of a 10,000-stage map after each rename would make an edit cost grow
with the map; the scene remembers each stage's statuses and adjusts the totals instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from vscdesk.analysis.status import sla_status
from vscdesk.model import DocumentModel, Stage


def _statuses(stage: Stage) -> tuple[str, ...]:
    return tuple(sla_status(sla) for sla in stage.slas)


class SlaCounts:
    """Totals by status, plus the statuses of each stage they were counted from."""

    def __init__(self, doc: DocumentModel) -> None:
        self.by_stage = {st.id: _statuses(st) for s in doc.streams for st in s.stages}
        self.totals: Counter[str] = Counter(x for statuses in self.by_stage.values()
                                            for x in statuses)

    def update(self, stages: Iterable[Stage]) -> Counter[str]:
        """The totals after ``stages`` changed (each counted once, whatever it held before)."""
        for stage in stages:
            new = _statuses(stage)
            self.totals.subtract(self.by_stage.get(stage.id, ()))
            self.totals.update(new)
            self.by_stage[stage.id] = new
        return self.totals
