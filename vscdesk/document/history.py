"""The undo history of one document: the only code that touches its QUndoStack.

Every edit passes ``History.push``, ``macro`` or ``amend_last``, and each of them asks the
one question ``editable()`` first, so a read-only document records nothing: no step, no
empty macro, no '*' in the title.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

C = TypeVar("C", bound=QUndoCommand)


class HistoryView(Protocol):
    """What ``show_in`` needs of a QUndoView (a widget: document/ does not import QtWidgets)."""

    def setStack(self, stack: QUndoStack) -> None: ...


@dataclass
class _Macro:
    text: str
    begun: bool = False  # begun on the stack: only once its first edit is pushed


class History:
    """Records edits for undo; refuses all of them while ``editable()`` says no."""

    def __init__(self, parent: QObject, editable: Callable[[], bool]) -> None:
        self.stack = QUndoStack(parent)
        self._editable = editable
        self._macros: list[_Macro] = []
        #: in a workshop: edits run but are not recorded (undo is the workshop's, per person)
        self.collaborative = False

    def push(self, command: QUndoCommand) -> bool:
        """Run an edit and record it (the stack takes ownership); False if refused."""
        if not self._editable():
            return False
        if self.collaborative:
            command.redo()
            self.touched()
            return True
        for macro in self._macros:
            if not macro.begun:
                self.stack.beginMacro(macro.text)
                macro.begun = True
        self.stack.push(command)
        return True

    @contextmanager
    def macro(self, text: str) -> Iterator[None]:
        """Edits pushed inside are one undo step named ``text``; none pushed, no step."""
        macro = _Macro(text)
        self._macros.append(macro)
        try:
            yield
        finally:
            self._macros.remove(macro)
            if macro.begun:
                self.stack.endMacro()

    def touched(self) -> None:
        """The model changed without a recorded step: it differs from the saved file."""
        self.stack.resetClean()

    def forget(self) -> None:
        """Drop every recorded step, keeping whether the document is modified."""
        modified = not self.stack.isClean()
        self.stack.clear()
        if modified:
            self.stack.resetClean()

    def mark(self) -> int:
        """Where the history stands now, to ask later whether it moved on."""
        return self.stack.index()

    def amend_last(self, mark: int, build: Callable[[], C]) -> C | None:
        """Undo the last step and record ``build()`` in its place, as one step.

        Only while the last step is still the one done at ``mark`` (nothing done, undone or
        redone since, no macro open) and edits are allowed; else nothing changes and None is
        returned. If ``build`` raises, the last step is done again and the error propagates.
        """
        stack = self.stack
        if (not self._editable() or self._macros or self.collaborative
                or not stack.index() == mark == stack.count()):
            return None
        stack.undo()
        try:
            command = build()
        except BaseException:
            stack.redo()
            raise
        stack.push(command)
        return command

    def undo_action(self, parent: QObject, text: str) -> QAction:
        """An Undo action that follows the history (its text names the step)."""
        return self.stack.createUndoAction(parent, text)

    def redo_action(self, parent: QObject, text: str) -> QAction:
        return self.stack.createRedoAction(parent, text)

    def show_in(self, view: HistoryView) -> None:
        """Let a QUndoView list the steps (clicking one goes back to it)."""
        view.setStack(self.stack)
