"""A lane colour picker: the palette's lane colours as swatches first, then "Other…" for any
colour (the system's colour dialog, through panels/questions.py so tests can answer it)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from vscdesk.panels import questions
from vscdesk.render.palette import LANE_INKS

SWATCH = 22


class ColorSwatches(QWidget):
    """One button per palette colour (checked when it is the lane's), the current code, and
    "Other…"; ``chosen`` carries "#RRGGBB"."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, title: str = "Lane colour") -> None:
        super().__init__(parent)
        self._title = title
        self._current = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.swatches: dict[str, QToolButton] = {}
        for color in LANE_INKS:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setFixedSize(QSize(SWATCH, SWATCH))
            button.setToolTip(color)
            button.setAccessibleName(f"Colour {color}")
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setStyleSheet(
                f"QToolButton {{ background: {color}; border: 2px solid {color};"
                " border-radius: 3px; }"
                # the theme's text colour rings the lane's colour, in light and dark themes
                " QToolButton:checked { border: 2px solid palette(text); }"
                " QToolButton:focus { border: 2px dashed palette(text); }")
            button.clicked.connect(lambda _c=False, value=color: self._pick(value))
            self.swatches[color] = button
            row.addWidget(button)
        self.code = QLabel(self)
        self.code.setMinimumWidth(self.code.fontMetrics().horizontalAdvance("#DDDDDD") + 4)
        self.other = QToolButton(self)
        self.other.setText("Other…")
        self.other.setToolTip("Any colour")
        self.other.clicked.connect(self._ask)
        row.addSpacing(6)
        row.addWidget(self.code)
        row.addWidget(self.other)
        row.addStretch(1)

    def show_value(self, color: str) -> None:
        self._current = color.upper()
        for value, button in self.swatches.items():
            button.setChecked(value == self._current)
        self.code.setText(self._current)

    def _pick(self, color: str) -> None:
        self.show_value(self._current)  # the check follows the model, not the click
        if color.upper() != self._current:
            self.chosen.emit(color.upper())

    def _ask(self) -> None:
        color = questions.ask_color(self, self._current or None, self._title)
        if color is not None:
            self._pick(color)
