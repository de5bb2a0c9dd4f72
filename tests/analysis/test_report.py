"""The text rows `vscdesk metrics` and `vscdesk check` print, from the bundled example."""

from vscdesk.analysis import analyse, metrics_rows, problem_lines


def test_metrics_rows_read_like_the_map(example_doc):
    rows = metrics_rows(example_doc, analyse(example_doc))
    assert rows[0] == {
        "stream": "Restore service for a user", "process": "7.75 h", "wait": "9.36 d",
        "lead": "9.68 d", "activity ratio": "3.3 %", "rolled %C&A": "51.3 %",
        "bottleneck": "Review the root cause", "stage targets": "11.2 d", "promise": "8 h",
        "loop-backs": "2"}  # as the stream's header says: "2 loop-backs"
    assert [r["lead"] for r in rows] == ["9.68 d", "6.6 d", "74 d"]


def test_problem_lines_most_severe_first(clean_data):
    from vscdesk.model import DocumentModel

    clean_data["chain"]["lanes"].append({"id": "d", "name": "D"})
    clean_data["streams"][0]["stages"][2].pop("lane")
    assert problem_lines(analyse(DocumentModel.model_validate(clean_data))) == [
        "error   stage-no-lane s3: Stage 'Close' of 'Serve' is in no lane.",
        "info    lane-empty d: No stage is in lane 'D'.",
    ]
