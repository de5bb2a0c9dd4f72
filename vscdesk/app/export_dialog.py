"""File ▸ Export…: choose format, view and part of the document, see a live preview, export.

The pictures come from the same painters as the canvas (render/pages.py), so the file shows
what the window shows; a PDF of the whole document is a handout, a page per slide or stream.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QRectF, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap, QStandardItemModel
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QPushButton, QVBoxLayout)

from vscdesk.app import dialogs
from vscdesk.app.folders import start_in
from vscdesk.app.export_job import ExportRunner, ExportSettings
from vscdesk.paint.export import ExportError, export_failure, render_image
from vscdesk.storage import SaveError
from vscdesk.render.pages import SCOPES, ExportRequest, export_pages, framed
from vscdesk.render.primitives import Drawing

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

PREVIEW_W, PREVIEW_H = 520, 340
VIEWS = {"chain": "Chain view (lanes as columns)", "stream": "Stream view (stages in order)"}
KINDS = {".png": "PNG image", ".svg": "SVG drawing (vector)", ".pdf": "PDF document (vector)"}
FRAMINGS = {"": "As drawn", "16:9": "16:9 slide", "4:3": "4:3 slide", "a4": "A4 landscape",
            "letter": "Letter landscape"}


def _combo(items: dict[str, str]) -> QComboBox:
    box = QComboBox()
    for key, label in items.items():
        box.addItem(label, key)
    return box


def _checkerboard(w: int, h: int) -> QPixmap:
    """Where a transparent background shows through, as image editors draw it."""
    board = QPixmap(w, h)
    board.fill(QColor("#FFFFFF"))
    painter = QPainter(board)
    for y in range(0, h, 8):
        for x in range(0, w, 8):
            if (x // 8 + y // 8) % 2:
                painter.fillRect(x, y, 8, 8, QColor("#E4E7EB"))
    painter.end()
    return board


class ExportDialog(QDialog):
    """Options on the left, the first page's preview on the right; Export… asks for the file."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Export diagram")
        self.runner = ExportRunner(self)
        self._pages: tuple[tuple, list[Drawing]] | None = None
        self._build()
        self._set_defaults()
        for box in (self.format, self.scale, self.background, self.view, self.scope, self.stream,
                    self.framing):
            box.currentIndexChanged.connect(self.refresh)
        self.refresh()

    # -- widgets -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.format = _combo(KINDS)
        self.scale = _combo({f"{n}": f"{n}×" for n in (1, 2, 3, 4)})
        self.background = _combo({"white": "White", "transparent": "Transparent"})
        self.view = _combo(VIEWS)
        self.scope = _combo(SCOPES)
        self.stream = QComboBox()
        self.framing = _combo(FRAMINGS)
        self.framing.setToolTip("Give the picture this shape, the diagram centred in it")
        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow("Scale", self.scale)
        form.addRow("Background", self.background)
        form.addRow("View", self.view)
        form.addRow("Part", self.scope)
        form.addRow("Stream", self.stream)
        form.addRow("Framing", self.framing)
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(PREVIEW_W, PREVIEW_H)
        self.preview.setStyleSheet("QLabel { background: #F4F5F7; border: 1px solid #D5D9DE; }")
        self.info = QLabel()
        self.info.setStyleSheet("color: #5B6573;")
        right = QVBoxLayout()
        right.addWidget(self.preview)
        right.addWidget(self.info)
        body = QHBoxLayout()
        body.addLayout(form, 1)
        body.addSpacing(16)
        body.addLayout(right)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button: QPushButton = buttons.addButton(
            "Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)
        # Only once the button is inside the dialog: before, the dialog never learns of it
        # and makes Cancel (the first auto-default button) the one Enter presses.
        self.export_button.setDefault(True)

    def _set_defaults(self) -> None:
        model, selection = self.window_.document.model, self.window_.selection
        for stream in model.streams:
            self.stream.addItem(stream.name, stream.id)
        current = self.stream.findData(selection.stream_id)
        self.stream.setCurrentIndex(max(current, 0))
        self.scale.setCurrentIndex(1)
        self.view.setCurrentIndex(self.view.findData(self.window_.scene.view))
        count = len(selection.stage_ids)
        index = self.scope.findData("selection")
        self.scope.setItemText(index, f"The selected stages ({count})" if count else "The selected stages")
        items = cast(QStandardItemModel, self.scope.model())  # a combo box's own model
        items.item(index).setEnabled(bool(count))
        items.item(self.scope.findData("stream")).setEnabled(bool(model.streams))

    # -- state -------------------------------------------------------------------------------

    def suffix(self) -> str:
        return self.format.currentData()

    def request(self) -> ExportRequest:
        scope = self.scope.currentData()
        area = None
        if scope == "visible":
            view = self.window_.view
            r = view.mapToScene(view.viewport().rect()).boundingRect()
            area = (r.x(), r.y(), r.width(), r.height())
        return ExportRequest(view=self.view.currentData(), scope=scope,
                             stream=self.stream.currentData(),
                             stages=self.window_.selection.stage_ids, area=area,
                             heat=self.window_.scene.heat)

    def settings(self) -> ExportSettings:
        model = self.window_.document.model
        return ExportSettings(scale=float(self.scale.currentData()),
                              transparent=self.background.currentData() == "transparent",
                              title=model.title)

    def pages(self) -> list[Drawing]:
        """The drawings for the current choices (computed once per choice)."""
        request = self.request()
        aspect = self.framing.currentData() or None
        key = (request, self.suffix() == ".pdf", aspect)
        if self._pages is None or self._pages[0] != key:
            pages = export_pages(self.window_.document.model, request, key[1])
            self._pages = (key, [framed(page, aspect) for page in pages])
        return self._pages[1]

    def refresh(self) -> None:
        """Enable what applies to the format and part, then redraw the preview."""
        png, scope = self.suffix() == ".png", self.scope.currentData()
        self.scale.setEnabled(png)
        self.background.setEnabled(self.suffix() != ".pdf")
        self.stream.setEnabled(scope == "stream")
        if scope == "visible":  # the window shows one view: that is the one to crop
            with QSignalBlocker(self.view):
                self.view.setCurrentIndex(self.view.findData(self.window_.scene.view))
        self.view.setEnabled(scope != "visible")
        pages = self.pages()
        self._show_preview(pages[0])
        self.info.setText(self._describe(pages))

    def _describe(self, pages: list[Drawing]) -> str:
        first = pages[0]
        if self.suffix() == ".pdf":
            if len(pages) == 1:
                return "1 page, vector"
            if self.window_.document.model.slides:
                return f"{len(pages)} pages, vector, one per slide (the first is shown)"
            return f"{len(pages)} pages, vector: an overview, then one per stream (the first is shown)"
        if self.suffix() == ".svg":
            return f"{round(first.width)} × {round(first.height)}, vector"
        k = float(self.scale.currentData())
        return f"{round(first.width * k)} × {round(first.height * k)} pixels"

    def _show_preview(self, drawing: Drawing) -> None:
        ratio = self.devicePixelRatioF()  # sharp on high-density screens
        w, h = (PREVIEW_W - 16) * ratio, (PREVIEW_H - 16) * ratio
        k = min(w / max(drawing.width, 1), h / max(drawing.height, 1), ratio)
        transparent = self.settings().transparent and self.suffix() != ".pdf"
        image = render_image(drawing, k, transparent)
        picture = _checkerboard(image.width(), image.height()) if transparent else QPixmap(image.size())
        if not transparent:
            picture.fill(QColor("#FFFFFF"))
        painter = QPainter(picture)
        painter.drawImage(QRectF(0, 0, image.width(), image.height()), image)
        painter.end()
        picture.setDevicePixelRatio(ratio)
        self.preview.setPixmap(picture)

    # -- export ------------------------------------------------------------------------------

    def default_name(self) -> str:
        stem = Path(self.window_.display_name).name.split(".")[0].replace(" (example)", "")
        return start_in((stem or "diagram") + self.suffix(), self.window_.document.path)

    def export(self) -> None:
        """Ask for the file (its suffix decides the format), write it, close on success."""
        path = dialogs.ask_export_path(self, self.default_name())
        if path is None:
            return
        if path.suffix.lower() != self.suffix() and path.suffix.lower() in KINDS:
            self.format.setCurrentIndex(self.format.findData(path.suffix.lower()))
        try:
            finished = self.runner.run(self.pages(), path, self.settings())
        except (ExportError, SaveError, OSError, MemoryError) as err:
            dialogs.show_error(self, "Cannot export", export_failure(err, path))
            return
        status = self.window_.statusBar()
        if not finished:
            status.showMessage("Export cancelled; no file was written", 4000)
            return
        status.showMessage(f"Exported {path}", 4000)
        self.accept()


def open_export_dialog(window: MainWindow) -> ExportDialog:
    """Show the dialog without blocking (window-modal); it deletes itself when closed."""
    dialog = ExportDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

