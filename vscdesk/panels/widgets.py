"""Small editing widgets the panels share: fields that commit once per edit, inline errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager

from PySide6.QtCore import QObject, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent, QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from vscdesk.document import Document

ERROR_STYLE = "color: #8C231C; background: #F8E3E0; border-radius: 3px; padding: 3px 6px;"
MIXED = "(several values)"


@contextmanager
def blocked(*objects: QObject) -> Iterator[None]:
    """Refresh widgets without their signals firing, so a refresh never creates a command."""
    with ExitStack() as stack:
        for obj in objects:
            stack.enter_context(QSignalBlocker(obj))
        yield


class ErrorLabel(QLabel):
    """A reason shown right where the invalid entry was made; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineError")
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.show()

    def clear_error(self) -> None:
        self.setText("")
        self.hide()


class ElidedLabel(QLabel):
    """Plain text that never widens its panel: each line is cut with "…" to the width the
    layout gives it, and the whole text is in the tooltip (names may be one long run of
    characters without a space, which word wrap cannot break)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._full = ""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        self._full = text
        self.setAccessibleName(text)
        self._elide()

    def text(self) -> str:
        """The whole text, not the part that fits."""
        return self._full

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(min(super().sizeHint().width(), 160), super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics, width = self.fontMetrics(), max(1, self.contentsRect().width())
        shown = "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
                          for line in self._full.split("\n"))
        if shown != super().text():
            super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


def narrow_combo(combo: QComboBox, chars: int = 12) -> QComboBox:
    """A combo box listing names does not ask for the width of its longest entry."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


def push(document: Document, build: Callable[[], QUndoCommand], errors: ErrorLabel) -> bool:
    """Build a command and push it; a ValueError from its constructor is shown, not raised."""
    try:
        command = build()
    except ValueError as err:
        errors.show_error(str(err))
        return False
    errors.clear_error()
    if not command.isObsolete():
        document.push(command)
    return True


class TextField(QLineEdit):
    """A one-line field that emits ``committed`` once per edit (Enter or leaving the field)."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self._shown = ""
        self.setPlaceholderText(placeholder)
        self._placeholder = placeholder
        self.editingFinished.connect(self._finish)

    def show_value(self, text: str | None) -> None:
        """Show the model's value; None means the selected objects differ."""
        with blocked(self):
            self._shown = text or ""
            self.setText(text or "")
            self.setPlaceholderText(MIXED if text is None else self._placeholder)
            self.setCursorPosition(0)

    def _finish(self) -> None:
        if self.text() != self._shown:
            self._shown = self.text()
            self.committed.emit(self.text())


class TextArea(QPlainTextEdit):
    """A multi-line field that commits when it loses focus or on Ctrl+Enter (Tab moves on)."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self._shown = ""
        self._placeholder = placeholder
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

    def show_value(self, text: str | None) -> None:
        with blocked(self):
            self._shown = text or ""
            self.setPlainText(text or "")
            self.setPlaceholderText(MIXED if text is None else self._placeholder)

    def commit(self) -> None:
        if self.toPlainText() != self._shown:
            self._shown = self.toPlainText()
            self.committed.emit(self._shown)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.commit()
            return
        super().keyPressEvent(event)


VARIES: object = type("Varies", (), {"__repr__": lambda self: "VARIES"})()


def common(values: list) -> object:
    """The value all selected objects share, or VARIES when they differ."""
    if values and all(v == values[0] for v in values[1:]):
        return values[0]
    return VARIES


def compact_rows(table: QTableView) -> None:
    """Rows one line of text high (the default leaves room for two)."""
    header = table.verticalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setDefaultSectionSize(table.fontMetrics().height() + 10)


class RefreshWhenShown:
    """Mixin for panels: a panel in a background tab only notes that it is stale and catches
    up when its tab comes to the front, so edits on large documents do not pay for panels
    nobody sees. The dock calls set_shown() from QDockWidget.visibilityChanged."""

    _stale = False
    _shown = True

    def refresh(self) -> None:
        if not self._shown:
            self._stale = True
            return
        self._stale = False
        self.update_view()

    def update_view(self) -> None:
        raise NotImplementedError

    def set_shown(self, shown: bool) -> None:
        self._shown = shown
        if shown and self._stale:
            self.refresh()
