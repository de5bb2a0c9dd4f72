"""The quick consistency check agrees with the detailed one on every document."""

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import documents

from vscdesk.model import DocumentModel, StakeholderRef
from vscdesk.model.integrity import _consistent, all_errors


def _broken(doc: DocumentModel, how: int) -> DocumentModel:
    """A copy with one rule broken, chosen by ``how`` (unchanged when nothing applies)."""
    doc = doc.model_copy(deep=True)
    stages = [stage for stream in doc.streams for stage in stream.stages]
    if how == 0 and stages:
        stages[0].lane = "no-such-lane"
    elif how == 1 and len(stages) > 1:
        stages[1].id = stages[0].id
    elif how == 2 and stages:
        stages[-1].stakeholders = [StakeholderRef(stakeholder="nobody")]
    elif how == 3 and doc.streams:
        doc.streams[0].owner = "nobody"
    elif how == 4 and doc.links:
        doc.links[0].target = "ghost"
    elif how == 5 and doc.streams and doc.chain.lanes:
        doc.streams[-1].id = doc.chain.lanes[0].id
    return doc


@settings(max_examples=200, deadline=None)
@given(documents(), st.integers(0, 6))
def test_quick_check_says_consistent_exactly_when_no_error_is_found(doc, how):
    broken = _broken(doc, how)
    assert _consistent(broken) == (all_errors(broken) == [])
    assert how == 6 or not doc.streams or not _consistent(broken) or broken == doc
