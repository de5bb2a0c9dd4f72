"""Problems with SLAs: units that do not fit, breaches, promises the stages or links cannot keep."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from vscdesk.analysis.lean import LeanMetrics
from vscdesk.analysis.problems import Problem, problem
from vscdesk.analysis.rollup import LooseLink, SlaCheck, StreamRollup
from vscdesk.analysis.units import PERCENT, TIME_METRICS, format_minutes, time_unit
from vscdesk.model import Stream

_READABLE = {"lead_time": "lead time", "process_time": "process time", "wait_time": "wait time"}


def unit_mismatch(metric: str, unit: str, target: float) -> str | None:
    """Why ``unit`` does not fit ``metric`` (and ``target``), or None when it does."""
    text = unit.strip()
    is_time = time_unit(text) is not None
    if metric in TIME_METRICS and not is_time:
        shown = f"not '{text}'" if text else "but has no unit"
        return f"{_READABLE[metric]} needs a time unit (s, min, h, d or wk), {shown}"
    if is_time and target < 0:
        return f"a time cannot be negative: {target:g} {text}"
    if metric in ("availability", "quality") and is_time:
        return f"{metric} is a share, not a time: '{text}' does not fit"
    if metric == "throughput" and (is_time or text == PERCENT):
        return f"throughput counts items per time (such as 'items/d'), not '{text}'"
    if text == PERCENT and not 0 <= target <= 100:
        return f"a percentage target must lie between 0 and 100, not {target:g}"
    return None


def sla_problems(checks: Iterable[SlaCheck], names: Mapping[str, str]) -> Iterator[Problem]:
    """Unit mismatches, breaches and SLAs at risk, one problem per SLA at most."""
    for check in checks:
        owner = f"{check.owner_kind} '{names.get(check.owner_id, check.owner_id)}'"
        label = f"SLA '{check.name}' of {owner}"
        why = unit_mismatch(check.metric, check.unit, check.target)
        if why is not None:
            yield problem("sla-unit-mismatch", f"{label}: {why}.", check.owner_id, check.owner_kind)
        elif check.status in ("breached", "at_risk") and check.actual is not None:
            unit = f" {check.unit.strip()}" if check.unit.strip() else ""
            target = f"{check.comparator} {check.target:g}{unit}"
            figures = f"actual {check.actual:g}{unit}, target {target}"
            code, state = ("sla-breached", "breached") if check.status == "breached" else (
                "sla-at-risk", "at risk")
            yield problem(code, f"{label} is {state}: {figures}.", check.owner_id, check.owner_kind)


def rollup_problems(stream: Stream, rollup: StreamRollup, lean: LeanMetrics) -> Iterator[Problem]:
    """Stage targets that cannot add up to the promise, and mapped lead times over their targets."""
    if rollup.exceeds:
        yield problem(
            "sla-rollup-exceeds",
            f"The stages cannot meet the promise of '{stream.name}': their lead-time targets add "
            f"up to {format_minutes(rollup.stage_sum_minutes)}, the stream promises "
            f"{format_minutes(rollup.target_minutes)}.",
            stream.id,
            "stream",
        )
    if rollup.target_minutes is not None and lean.lead_minutes > rollup.target_minutes:
        yield problem(
            "lead-time-over-target",
            f"The mapped lead time of '{stream.name}' is {format_minutes(lean.lead_minutes)}, "
            f"longer than its target of {format_minutes(rollup.target_minutes)}.",
            stream.id,
            "stream",
        )
    for stage, timing in zip(stream.stages, lean.ladder):
        target = rollup.stage_targets.get(stage.id)
        lead = timing.process_minutes + timing.wait_minutes
        if target is not None and lead > target:
            yield problem(
                "lead-time-over-target",
                f"The mapped lead time of stage '{stage.name}' is {format_minutes(lead)}, "
                f"longer than its target of {format_minutes(target)}.",
                stage.id,
                "stage",
            )


def link_problems(loose: Iterable[LooseLink], names: Mapping[str, str]) -> Iterator[Problem]:
    """Integration links that promise less than the stage depending on them needs."""
    for item in loose:
        if item.unit == "min":
            link, stage = format_minutes(item.link_target), format_minutes(item.stage_target)
        else:
            link, stage = f"{item.link_target:g} {item.unit}", f"{item.stage_target:g} {item.unit}"
        yield problem(
            "link-sla-looser",
            f"Integration '{names.get(item.link_id, item.link_id)}' promises {link} "
            f"('{item.link_sla}'), looser than the {stage} that stage "
            f"'{names.get(item.stage_id, item.stage_id)}' needs ('{item.stage_sla}').",
            item.link_id,
            "link",
        )
