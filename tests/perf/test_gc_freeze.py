"""A large map's document and canvas are kept out of the garbage collector's walks while
shown; dropping them thaws the heap and leaves no cyclic garbage."""

import gc

from bench.synthetic import synthetic_data
from vscdesk.app.main_window import MainWindow
from vscdesk.app.new_document import new_document
from vscdesk.document import SetStageFields
from vscdesk.storage import dumps, loads


def _clean_slate() -> None:
    """Windows of earlier tests deleted, everything collectable collected, nothing frozen."""
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.unfreeze()
    gc.collect()


def test_only_large_documents_are_frozen(example_file):
    _clean_slate()
    loads(example_file.read_bytes())
    assert gc.get_freeze_count() == 0  # the example: the collector works as usual
    doc = loads(dumps(loads(_large_text())))
    assert gc.get_freeze_count() > 10_000  # 5,000 stages: frozen while the document lives
    del doc
    assert gc.get_freeze_count() == 0  # dropped: the collector walks everything again
    _clean_slate()


def _large_text() -> str:
    from vscdesk.model import DocumentModel

    return dumps(DocumentModel.model_validate(synthetic_data(5_000, seed=2)))


def test_dropping_large_maps_leaves_no_cyclic_garbage(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    text = _large_text()
    _clean_slate()
    frozen = []
    for turn in range(2):
        doc = loads(text)
        window.show_model(doc, None)
        frozen.append(gc.get_freeze_count())
        stage = doc.streams[3].stages[0]
        for n in range(3):
            window.document.push(SetStageFields(window.document, stage.id, name=f"n{turn}{n}"))
        window.features.analysis_runner.run_now()
        window.document.undo_stack.setClean()
        window.show_model(new_document(), None)
        qtbot.wait(10)
        del doc, stage
    assert min(frozen) > 10_000  # each map was frozen while it was shown
    assert gc.get_freeze_count() == 0  # and thawed once it was dropped
    assert gc.collect() < 1_000  # what freezing would have kept forever: next to nothing
