"""Names are plain text everywhere: a stage called <b>x</b> shows those characters."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtWidgets import QLabel

from vscdesk.document import SetLaneFields, SetStageFields, SetStakeholderFields, SetStreamFields

MARKUP = "<b>x</b> & <i>y</i>"


def _rendered_as_markup(text: str, fmt: Qt.TextFormat) -> bool:
    if fmt == Qt.TextFormat.PlainText:
        return False
    if fmt == Qt.TextFormat.RichText:
        return "<b>x</b>" in text  # raw tags inside rich text would be interpreted
    return GuiQt.mightBeRichText(text) and "<b>x</b>" in text


@pytest.fixture
def window(make_window, qtbot):
    win = make_window(name="example", shown=False)
    doc = win.document
    doc.push(SetStageFields(doc, "approve", name=MARKUP))
    doc.push(SetStreamFields(doc, "fulfil-request", name=MARKUP, trigger=MARKUP, value=MARKUP))
    doc.push(SetLaneFields(doc, "plan", name=MARKUP))
    doc.push(SetStakeholderFields(doc, "line-manager", name=MARKUP))
    win.show()
    win.selection.set(["approve"], "fulfil-request")
    for dock in win.features.docks.values():
        dock.show()
        dock.raise_()
    win.features.analysis_runner.run_now()  # the Metrics charts, titled with the stream's name
    qtbot.wait(50)
    return win


def test_labels_and_buttons_show_markup_as_characters(window):
    offenders = []
    showing = [label for label in window.findChildren(QLabel) if "<b>x</b>" in label.text()]
    assert showing, "no label shows the name: the test would prove nothing"
    for label in window.findChildren(QLabel):
        if _rendered_as_markup(label.text(), label.textFormat()):
            offenders.append(f"{label.objectName() or type(label.parent()).__name__}: {label.text()}")
    assert offenders == []


def test_tooltips_do_not_interpret_markup(window):
    from PySide6.QtWidgets import QWidget

    offenders = [w.toolTip() for w in window.findChildren(QWidget)
                 if "<b>x</b>" in w.toolTip() and GuiQt.mightBeRichText(w.toolTip())]
    assert offenders == []
