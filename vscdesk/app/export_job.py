"""Writing an export from the window: page by page, group by group, with a cancellable progress
dialog. The file appears only when complete (paint/export.py writes through a temp file)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from vscdesk.paint.export import ExportCancelled, write_pdf, write_png, write_svg
from vscdesk.render.primitives import Drawing

FORMATS = {".png": "PNG image", ".svg": "SVG drawing", ".pdf": "PDF document"}


@dataclass(frozen=True)
class ExportSettings:
    """How to write: the format comes from the file name's suffix."""

    scale: float = 2.0
    transparent: bool = False
    title: str = ""


class ExportRunner(QObject):
    """Runs one export at a time; ``progressed`` lets tests (and a status bar) follow it."""

    progress_shown = Signal(object)  # the QProgressDialog of the export that is starting
    progressed = Signal(int, int)  # groups painted, groups in all pages

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.show_after_ms = 400  # quick exports finish before any dialog flashes up

    def run(self, pages: list[Drawing], path: Path, settings: ExportSettings) -> bool:
        """Write ``path``; False when cancelled (nothing written). ExportError/OSError pass up."""
        suffix = path.suffix.lower()
        if suffix == ".svg":  # a text dump: quick even for large documents
            write_svg(pages[0], path, settings.transparent)
            return True
        drawn = pages if suffix == ".pdf" else pages[:1]
        total = max(1, sum(len(page.groups) for page in drawn))
        progress = QProgressDialog("Exporting…", "Cancel", 0, total, self.parent_widget)
        progress.setWindowTitle("Export")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(self.show_after_ms)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.progress_shown.emit(progress)
        done = 0

        def tick() -> bool:
            nonlocal done
            done += 1
            if done % 8 == 0 or done == total:  # setValue runs the event loop: not every group
                progress.setLabelText(f"Exporting {path.name}…")
                progress.setValue(done)
                self.progressed.emit(done, total)
            return not progress.wasCanceled()

        try:
            if suffix == ".pdf":
                write_pdf(drawn, path, tick, title=settings.title or None)
            else:
                write_png(drawn[0], path, settings.scale, settings.transparent, tick)
        except ExportCancelled:
            return False
        finally:
            progress.close()
            progress.deleteLater()
        return True
