"""Semantic diff: one readable line per added, removed or changed object or field, by id."""

from vscdesk.interop.diff import diff_documents, main
from vscdesk.interop.docio import document_text
from vscdesk.model import DocumentModel


def _edited(doc: DocumentModel, edit) -> DocumentModel:
    data = doc.model_dump(mode="json")
    edit(data)
    return DocumentModel.model_validate(data)


def _edit(d):
    d["title"] = "IT services 2"
    d["chain"]["lanes"][0]["name"] = "Planning"
    d["stakeholders"].append({"id": "auditor", "name": "Auditor", "kind": "regulator"})
    stages = d["streams"][0]["stages"]
    stages[0]["name"] = "Report it"
    stages[1]["slas"][0]["target"] = 5
    stages[1]["process_time"] = {"value": 2, "unit": "h"}
    stages.append({"id": "survey", "name": "Send a survey", "lane": "improve"})
    d["streams"][1]["stages"].reverse()
    del d["links"][1]


def test_diff_lists_every_change_in_readable_lines(example_doc):
    lines = diff_documents(example_doc, _edited(example_doc, _edit))
    assert lines == [
        '~ title: "IT services" → "IT services 2"',
        '~ lane \'plan\' name: "Plan" → "Planning"',
        "+ stakeholder 'auditor' (Auditor)",
        "+ stage 'survey' (Send a survey) in stream 'restore-service'",
        '~ stage \'report-problem\' name: "Report the problem" → "Report it"',
        "~ stage 'diagnose-fix' process_time: 90min → 2h",
        "~ stage 'diagnose-fix' slas: [Fix: lead_time<=4h (actual 3.8)] → "
        "[Fix: lead_time<=5h (actual 3.8)]",
        "~ stream 'fulfil-request': stages reordered (confirm-receipt, prepare-deliver, "
        "procure-device, approve, request-portal)",
        "- link 'fix-rework' (Not fixed)",
    ]


def test_same_document_has_no_differences(example_doc):
    assert diff_documents(example_doc, example_doc.model_copy(deep=True)) == []


def test_command_exit_codes_and_output(tmp_path, example_doc, capsys):
    a, b = tmp_path / "a.vsc.json", tmp_path / "b.vsc.json"
    a.write_text(document_text(example_doc), encoding="utf-8")
    b.write_text(document_text(_edited(example_doc, _edit)), encoding="utf-8")
    assert main([str(a), str(a)]) == 0
    assert capsys.readouterr().out == "no differences\n"
    assert main([str(a), str(b)]) == 1
    assert "+ stakeholder 'auditor' (Auditor)" in capsys.readouterr().out
    b.write_text("<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> other\n", encoding="utf-8")
    assert main([str(a), str(b)]) == 2
    assert "conflict markers" in capsys.readouterr().err
