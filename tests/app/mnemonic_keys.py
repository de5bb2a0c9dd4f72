"""The Alt+letter mnemonics a window offers at one moment: its menu bar's and those of every
visible label (with a buddy), button, group box and tab. Two of them with the same letter make
Alt+letter do something else than its underline promises (Alt+P opened the Present menu when
"&Process time" was meant)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QTabBar, QWidget


@dataclass(frozen=True)
class Mnemonic:
    letter: str  # upper case
    text: str  # the text it is underlined in, without the &
    owner: QWidget | None

    def __str__(self) -> str:
        return f"Alt+{self.letter} ({self.text})"

    __repr__ = __str__


def letter(text: str) -> str | None:
    """The letter after a single & (&& is a literal ampersand), upper case."""
    key = QKeySequence.mnemonic(text)
    if key.isEmpty():
        return None
    return key.toString(QKeySequence.SequenceFormat.PortableText).split("+")[-1].upper()


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def visible_mnemonics(window: QMainWindow) -> list[Mnemonic]:
    """What Alt+letter can reach now: menus of the menu bar, visible widgets' underlines."""
    found: list[Mnemonic] = []

    def add(text: str, owner: QWidget | None) -> None:
        key = letter(text)
        if key:
            found.append(Mnemonic(key, _plain(text), owner))

    for action in window.menuBar().actions():
        if action.isVisible():
            add(action.text(), None)
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        buddied = isinstance(widget, QLabel) and widget.buddy() is not None
        if buddied or (isinstance(widget, QAbstractButton) and widget.isEnabled()):
            add(widget.text(), widget)
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            add(widget.title(), widget)
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    add(widget.tabText(index), widget)
    return found


def collisions(found: list[Mnemonic]) -> list[tuple[Mnemonic, Mnemonic]]:
    pairs = []
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            if a.letter == b.letter and (a.owner is not b.owner or a.owner is None):
                pairs.append((a, b))
    return pairs
