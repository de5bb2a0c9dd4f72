"""The Problems panel: the analysis' findings, live (recomputed shortly after each edit), filtered
by severity; activating one (double-click or Enter) selects its object on the canvas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vscdesk.analysis.problems import SEVERITIES, Problem
from vscdesk.document import Document, Selection
from vscdesk.panels.analysis_runner import AnalysisRunner
from vscdesk.panels.problem_targets import object_label, stages_to_select
from vscdesk.panels.severity import SEVERITY_LOOK, severity_icon
from vscdesk.panels.widgets import RefreshWhenShown

if TYPE_CHECKING:
    from vscdesk.analysis.engine import Analysis

ROLE = Qt.ItemDataRole.UserRole
#: narrower than this: only the message column, wrapped (it names its object anyway)
NARROW = 640
#: rows listed at most: thousands of rows cost a second to build and nobody reads them
MAX_ROWS = 500


class _WrappedMessages(QStyledItemDelegate):
    """Rows as tall as their wrapped message in the first column (QTreeView will not size them)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        view = self.parent()
        if index.column() != 0 or not isinstance(view, QTreeWidget):
            return hint
        width = view.columnWidth(0) - view.iconSize().width() - 30  # icon, margins, frame
        text = str(index.data() or "")
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, max(width, 40), 10_000),
                                                 int(Qt.TextFlag.TextWordWrap), text)
        return QSize(hint.width(), max(hint.height(), bounds.height() + 6))


class ProblemsPanel(RefreshWhenShown, QWidget):
    """A list of problems with one toggle per severity; the dock title carries the count."""

    #: (object kind, object id) after a problem was activated and its object selected
    activated = Signal(str, str)
    #: the dock title, e.g. "Problems (13)"
    title_changed = Signal(str)

    def __init__(self, runner: AnalysisRunner, document: Document, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.document = document
        self.selection = selection
        self.analysis: Analysis | None = None
        self.filters: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setSpacing(4)
        for severity in SEVERITIES:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(severity_icon(severity))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setToolTip(f"Show or hide {SEVERITY_LOOK[severity][2]}")
            button.toggled.connect(self.refresh)
            self.filters[severity] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Problem", "Object", "Code"])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)  # a narrow dock wraps messages (see resizeEvent)
        self.tree.setItemDelegate(_WrappedMessages(self.tree))
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, 240)
        self.tree.itemActivated.connect(self._activate)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        runner.updated.connect(self._analysed)
        if runner.analysis is not None:
            self._analysed(runner.analysis)
        else:
            self._show_counts()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        narrow = self.width() < NARROW
        self.tree.setHeaderHidden(narrow)
        for column in (1, 2):
            self.tree.setColumnHidden(column, narrow)
        self.tree.doItemsLayout()  # row heights follow the new width of wrapped messages

    # -- refresh -----------------------------------------------------------------------------

    def _analysed(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self._show_counts()
        self.refresh()

    def _show_counts(self) -> None:
        problems = self.analysis.problems if self.analysis else ()
        for severity, button in self.filters.items():
            n = sum(1 for p in problems if p.severity == severity)
            singular, plural = SEVERITY_LOOK[severity][1].lower(), SEVERITY_LOOK[severity][2]
            button.setText(f"{n} {singular if n == 1 else plural}")
        self.title_changed.emit(self.title())

    def title(self) -> str:
        if self.analysis is None:
            return "Problems"
        return f"Problems ({len(self.analysis.problems)})"

    def shown_severities(self) -> set[str]:
        return {s for s, button in self.filters.items() if button.isChecked()}

    def update_view(self) -> None:
        current = self.tree.currentItem()
        keep = current.data(0, ROLE) if current is not None else None
        problems = self.analysis.problems if self.analysis else ()
        shown = [p for p in problems if p.severity in self.shown_severities()]
        self.tree.clear()
        items = [self._item(p) for p in shown[:MAX_ROWS]]
        if len(shown) > MAX_ROWS:
            more = QTreeWidgetItem([f"… {len(shown) - MAX_ROWS} more, not listed: hide a "
                                    "severity above to see the others"])
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            items.append(more)
        self.tree.addTopLevelItems(items)
        for item in items:
            if item.data(0, ROLE) == keep:
                self.tree.setCurrentItem(item)
        if shown:
            self.stack.setCurrentWidget(self.tree)
        elif self.analysis is None:
            self.empty.setText("Analysing…")
            self.stack.setCurrentWidget(self.empty)
        else:
            hidden = len(problems)
            self.empty.setText("✓  No problems found." if not hidden else
                               f"All {hidden} problems are hidden by the filter above.")
            self.stack.setCurrentWidget(self.empty)

    def _item(self, problem: Problem) -> QTreeWidgetItem:
        where = object_label(self.document, problem.object_kind, problem.object_id)
        item = QTreeWidgetItem([problem.message, where, problem.code])
        item.setIcon(0, severity_icon(problem.severity))
        item.setData(0, ROLE, problem)
        label = SEVERITY_LOOK[problem.severity][1]
        item.setToolTip(0, f"{label}: {problem.message}")
        item.setToolTip(1, where)
        return item

    # -- activation --------------------------------------------------------------------------

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        problem: Problem | None = item.data(0, ROLE)
        if problem is not None:
            self.select_object(problem.object_kind, problem.object_id)

    def select_object(self, kind: str, ident: str | None) -> None:
        """Select what a problem concerns: a stage, a stream's or lane's stages, a link's ends."""
        found = stages_to_select(self.document, kind, ident)
        if found is None or ident is None:
            return
        stages, stream = found
        self.selection.set(stages, stream)
        self.activated.emit(kind, ident)
