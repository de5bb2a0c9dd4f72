"""File menu: New from template, Import with its report, Export ArchiMate… and Export CSV…."""

import shutil
from pathlib import Path

import xmlschema

from vscdesk.app import dialogs, interop_actions
from vscdesk.app.import_report import ImportReportDialog
from vscdesk.document import SetStageFields
from vscdesk.interop.stages_csv import read_stages_csv
from vscdesk.interop.templates import template_names

DATA = Path(__file__).resolve().parent.parent / "data"



def _answer_import(monkeypatch, path):
    monkeypatch.setattr(interop_actions, "ask_import_path", lambda parent, kind: path)


def _report(window) -> ImportReportDialog:
    report = window.findChild(ImportReportDialog)
    assert report is not None and report.isVisible()
    return report


def test_file_menu_offers_every_template_and_format(window):
    file_texts = [a.text() for a in window.menus["file"].actions()]
    assert file_texts.index("New from &template") < file_texts.index("&Open…")
    assert file_texts.index("&Import") < file_texts.index("E&xport") < file_texts.index("&Print…")
    export_texts = [a.text() for a in window.menus["export"].actions()]
    assert export_texts == ["&Diagram (PNG, SVG, PDF)…", "&Presentation (.pptx)…",
                            "&ArchiMate exchange file…", "&CSV, one row per stage…"]
    assert len(window.menus["templates"].actions()) == len(template_names())
    assert len(window.menus["import"].actions()) == 3


def test_new_from_template_asks_before_dropping_edits(window, monkeypatch):
    window.document.push(SetStageFields(window.document, "approve", name="Approve budget"))
    asked = []
    monkeypatch.setattr(dialogs, "ask_discard", lambda *a: asked.append(a) or
                        dialogs.QMessageBox.StandardButton.Cancel)
    window.actions["template_it4it"].trigger()
    assert asked and window.document.stage("approve").name == "Approve budget"
    monkeypatch.setattr(dialogs, "ask_discard", lambda *a: dialogs.QMessageBox.StandardButton.Discard)
    window.actions["template_it4it"].trigger()
    names = [s.name for s in window.document.model.streams]
    assert "Detect to Correct" in names and window.document.path is None


def test_import_exchange_file_shows_the_report(window, monkeypatch, tmp_path):
    source = tmp_path / "claims.xml"
    shutil.copy(DATA / "archimate" / "claims-exchange.xml", source)
    _answer_import(monkeypatch, source)
    window.actions["import_exchange"].trigger()
    assert [s.name for s in window.document.model.streams] == ["Settle a claim"]
    assert window.isWindowModified() and window.windowTitle().startswith("claims (imported)")
    report = _report(window)
    assert report.summary.text().startswith("Imported 1 stream with 3 stages")
    lines = [report.list.item(i).text() for i in range(report.list.count())]
    assert any("Fast settlement" in line for line in lines)


def test_import_archi_model_file(window, monkeypatch):
    _answer_import(monkeypatch, DATA / "archimate" / "onboarding.archimate")
    window.actions["import_archi"].trigger()
    assert window.document.model.streams[0].name == "Onboard a customer"
    assert _report(window).list.count() > 0


def test_import_csv_matches_current_lanes_and_reports_new_ones(window, monkeypatch, tmp_path):
    source = tmp_path / "stages.csv"
    source.write_text("stream,stage,lane,stakeholders\nOnboard,Sign,legal,User (triggering)\n"
                      "Onboard,Set up,DELIVER & support,\n", encoding="utf-8")
    _answer_import(monkeypatch, source)
    window.actions["import_csv"].trigger()
    model = window.document.model
    stages = model.streams[0].stages
    assert stages[1].lane == "deliver-support"  # matched to the example's lane by name
    assert stages[0].stakeholders[0].stakeholder == "user"  # matched to the example's stakeholder
    lines = _report(window).lines
    assert lines == ["lane added (no lane of 'ITIL 4 service value chain' has its name): legal"]


def test_a_broken_import_says_why_and_keeps_the_document(window, monkeypatch, tmp_path):
    source = tmp_path / "broken.xml"
    source.write_text("<model><elements>", encoding="utf-8")
    _answer_import(monkeypatch, source)
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append(message))
    window.actions["import_exchange"].trigger()
    assert len(shown) == 1 and "broken.xml" in shown[0] and "not well-formed" in shown[0]
    assert window.document.model.title == "IT services"
    assert window.findChild(ImportReportDialog) is None


def test_export_archimate_is_valid_against_the_xsd(window, monkeypatch, tmp_path):
    out = tmp_path / "it"
    monkeypatch.setattr(interop_actions, "ask_save_path", lambda parent, title, start, f, suffix:
                        Path(str(out) + suffix))
    window.actions["export_archimate"].trigger()
    xsd = DATA / "archimate-xsd"
    schema = xmlschema.XMLSchema(str(xsd / "archimate3_Diagram.xsd"),
                                 locations=[("http://www.w3.org/XML/1998/namespace", str(xsd / "xml.xsd"))])
    data = (tmp_path / "it.xml").read_text(encoding="utf-8")
    assert list(schema.iter_errors(data)) == []
    assert "Restore service for a user" in data


def test_export_csv_reads_back_the_same_stages(window, monkeypatch, tmp_path):
    out = tmp_path / "it.csv"
    monkeypatch.setattr(interop_actions, "ask_save_path", lambda *a: out)
    window.actions["export_csv"].trigger()
    again = read_stages_csv(out, window.document.model.chain)
    assert [[s.name for s in st.stages] for st in again.streams] == \
           [[s.name for s in st.stages] for st in window.document.model.streams]
    assert "Exported" in window.statusBar().currentMessage()
