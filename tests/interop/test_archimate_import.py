"""ArchiMate import from files real tools write; unsafe, broken and oversized files refused."""

import pytest

from vscdesk.interop.archimate_import import import_archimate, import_archimate_bytes
from vscdesk.interop.errors import InteropError


def test_archi_native_file_flow_order_lanes_capabilities(archimate_dir):
    doc, report = import_archimate(archimate_dir / "onboarding.archimate")
    stream, = doc.streams
    assert stream.name == "Onboard a customer"
    # File order is billing, contract, kick-off; the flow relations decide.
    assert [s.name for s in stream.stages] == [
        "Check the contract", "Kick off the project", "Set up billing"]
    assert doc.chain.name == "Business units"
    assert [lane.name for lane in doc.chain.lanes] == ["Legal", "Projects", "Finance"]
    assert [s.lane for s in stream.stages] == ["legal", "projects", "finance"]
    assert stream.stages[0].capabilities == ["Contract management"]
    assert stream.stages[2].capabilities == ["Billing"]
    assert stream.stages[2].process_time.minutes() == 120
    assert stream.stages[0].slas[0].name == "Review" and stream.stages[0].slas[0].unit == "d"
    ref, = stream.stages[0].stakeholders
    assert (doc.stakeholders[0].name, ref.role) == ("Customer", "triggering")
    link, = doc.links
    assert (link.kind, link.label, link.source) == ("rework", "Missing data", "set-up-billing")
    assert "stream 'Onboard a customer': property 'Owner' not imported" in report
    assert any("BusinessProcess" in line and "Send welcome pack" in line for line in report)
    # The customer triggers the first stage, so the stream too; the name says external.
    assert stream.triggering_stakeholder == "customer"
    assert (doc.stakeholders[0].kind, doc.stakeholders[0].external) == ("customer", True)
    assert report[0] == ("Not imported: 1 BusinessProcess (1 element); 1 Triggering "
                         "(1 relation) — details below")


def test_exchange_file_with_aggregation_and_foreign_properties(archimate_dir):
    doc, report = import_archimate(archimate_dir / "claims-exchange.xml")
    stages = doc.streams[0].stages
    assert [s.name for s in stages] == ["Register the claim", "Assess the damage", "Pay the claimant"]
    assert [s.lane for s in stages] == ["claims", "claims", "finance"]
    assert stages[1].capabilities == ["Damage assessment"]
    assert stages[1].stakeholders[0].stakeholder == "loss-adjuster"
    adjuster, = doc.stakeholders
    assert (adjuster.kind, adjuster.external) == ("internal_team", False)  # "adjuster": staff
    assert [s.metric for s in stages[0].slas] == ["lead_time", "availability"]
    assert stages[1].wait_time is None
    assert any("'Wait time' = 'soon' left out" in line for line in report)
    assert "stream 'Settle a claim': property 'Service tier' not imported" in report
    assert any("Goal" in line and "Fast settlement" in line for line in report)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"><name>&lol3;</name></model>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE model [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"><name>&secret;</name></model>"""


@pytest.mark.parametrize("data, expected", [
    (BILLION_LAUGHS, "DTD"),
    (EXTERNAL_ENTITY, "DTD"),
    (b"<model xmlns='http://www.opengroup.org/xsd/archimate/3.0/'><name>x</nam>", "line 1"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not an ArchiMate model"),
    (b"<model xmlns='urn:other'/>", "not in an ArchiMate namespace"),
])
def test_unsafe_and_broken_files_are_refused_with_a_clear_error(data, expected):
    with pytest.raises(InteropError) as info:
        import_archimate_bytes(data, "bad.xml")
    assert expected in str(info.value) and str(info.value).startswith("bad.xml: ")
    assert "\n" not in str(info.value)


def test_oversized_file_is_refused_before_reading(tmp_path, archimate_dir):
    big = tmp_path / "big.xml"
    big.write_bytes((archimate_dir / "aoeff_3_1.xml").read_bytes())
    too_large = r"big.xml: is too large \(.* KB; vscdesk reads ArchiMate files up to 9.8 KB\)"
    with pytest.raises(InteropError, match=too_large):
        import_archimate(big, max_bytes=10_000)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(InteropError, match=r"none\.xml: file not found"):
        import_archimate(tmp_path / "none.xml")
