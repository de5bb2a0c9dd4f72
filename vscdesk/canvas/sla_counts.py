"""What the title and legend count over all stages, kept up to date per edited stage.

The title counts stage SLAs by status; the legend's INITIALS list the stakeholders some stage
names. Recounting every stage of a 10,000-stage map after each rename would make an edit
cost grow with the map; the scene remembers what each stage contributed and adjusts the
totals instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from vscdesk.analysis.status import sla_status
from vscdesk.model import DocumentModel, Stage


def _statuses(stage: Stage) -> tuple[str, ...]:
    return tuple(sla_status(sla) for sla in stage.slas)


def _people(stage: Stage) -> frozenset[str]:
    return frozenset(ref.stakeholder for ref in stage.stakeholders)


def _keys(stage: Stage, external: dict[str, bool]) -> frozenset[str]:
    """What this stage's card adds to the legend: its pill's status and its badge styles
    (the legend lists only what the drawing shows, see render/legend.py::drawn_keys)."""
    from vscdesk.render.labels import headline_sla

    keys = {f"badge:{'external' if external[ref.stakeholder] else 'team'}"
            for ref in stage.stakeholders if ref.stakeholder in external}
    shown = headline_sla(stage.slas)
    if shown is not None:
        keys.add(f"sla:{shown[1]}")
    return frozenset(keys)


class SlaCounts:
    """SLA totals by status and stakeholder use, plus what each stage contributed to them."""

    def __init__(self, doc: DocumentModel) -> None:
        stages = [st for s in doc.streams for st in s.stages]
        self.by_stage = {st.id: _statuses(st) for st in stages}
        self.totals: Counter[str] = Counter(x for statuses in self.by_stage.values()
                                            for x in statuses)
        self.people_by_stage = {st.id: _people(st) for st in stages}
        self.people: Counter[str] = Counter(p for ids in self.people_by_stage.values()
                                            for p in ids)
        self.external = {p.id: p.external for p in doc.stakeholders}
        self.keys_by_stage = {st.id: _keys(st, self.external) for st in stages}
        self.keys: Counter[str] = Counter(k for keys in self.keys_by_stage.values() for k in keys)

    def legend_keys(self) -> frozenset[str]:
        """The SLA statuses and badge styles some card shows (the legend explains them)."""
        return frozenset(k for k, n in self.keys.items() if n > 0)

    def used_people(self) -> frozenset[str]:
        """The stakeholders at least one stage names (the legend lists their initials)."""
        return frozenset(p for p, n in self.people.items() if n > 0)

    def update(self, stages: Iterable[Stage]) -> Counter[str]:
        """The SLA totals after ``stages`` changed (each counted once, whatever it held before);
        the stakeholder counts follow too."""
        for stage in stages:
            new = _statuses(stage)
            self.totals.subtract(self.by_stage.get(stage.id, ()))
            self.totals.update(new)
            self.by_stage[stage.id] = new
            people = _people(stage)
            self.people.subtract(self.people_by_stage.get(stage.id, ()))
            self.people.update(people)
            self.people_by_stage[stage.id] = people
            keys = _keys(stage, self.external)
            self.keys.subtract(self.keys_by_stage.get(stage.id, ()))
            self.keys.update(keys)
            self.keys_by_stage[stage.id] = keys
        return self.totals
