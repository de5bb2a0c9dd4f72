"""A negative time target is refused by the panels; in a file it is reported as an error."""

from vscdesk.analysis import analyse
from vscdesk.model import DocumentModel, Lane, Sla, Stage, Stream


def test_negative_lead_time_target_is_an_error():
    stage = Stage(id="s", name="S", lane="a",
                  slas=[Sla(name="Fix", metric="lead_time", target=-4, unit="h")])
    doc = DocumentModel(chain={"lanes": [Lane(id="a", name="A")]},
                        streams=[Stream(id="x", name="X", trigger="t", value="v", stages=[stage])])
    found = [p for p in analyse(doc).problems if p.code == "sla-unit-mismatch"]
    assert len(found) == 1 and "negative" in found[0].message and found[0].severity == "error"
