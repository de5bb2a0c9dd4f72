"""The Metrics panel never shows 0 for what nobody measured: a partly measured stream gives
bounds with how many stages they rest on; a stream without timings says "not measured"."""

from __future__ import annotations

from vscdesk.model import DocumentModel
from vscdesk.storage import load


def _panel(window, qtbot, stream_id: str):
    window.features.analysis_runner.run_now()
    window.features.docks["metrics"].raise_()
    panel = window.features.docks["metrics"].widget()
    qtbot.waitUntil(lambda: panel.charts is not None)
    window.selection.set([], stream_id)
    return panel


def _show(window, example_file, blank: int) -> None:
    """The example with the timings and %C&A of the last ``blank`` stages of its first stream
    removed."""
    data = load(example_file).model_dump(mode="json")
    stages = data["streams"][0]["stages"]
    for stage in stages[len(stages) - blank:]:
        stage["process_time"] = stage["wait_time"] = stage["percent_complete_accurate"] = None
    window.show_model(DocumentModel.model_validate(data), None, "partly measured")


def test_partly_measured_figures_are_bounds_with_their_stages(window, qtbot, example_file):
    _show(window, example_file, blank=3)  # restore-service keeps only its first stage's
    panel = _panel(window, qtbot, "restore-service")
    values = {k: v.text() for k, v in panel.figures.values.items()}
    notes = {k: v.text() for k, v in panel.figures.notes.items() if v.isVisibleTo(panel)}
    assert values["lead"].startswith("≥ ") and values["process"] == "≥ 5 min"
    assert values["pca"].startswith("≤ ")
    assert notes["lead"] == "measured in 1 of 4 stages"
    assert set(notes) == {"lead", "process", "wait", "ratio", "pca", "bottleneck"}
    assert "lead time ≥ " in panel.charts.ladder.heading.text()


def test_a_stream_without_timings_says_not_measured(window, qtbot, example_file):
    _show(window, example_file, blank=4)
    panel = _panel(window, qtbot, "restore-service")
    values = {k: v.text() for k, v in panel.figures.values.items()}
    assert set(values.values()) == {"not measured"}
    assert not any(v.isVisibleTo(panel) for v in panel.figures.notes.values())
