"""The problem count in the status bar: the Problems panel starts hidden so the canvas keeps the
window, and this button keeps its findings in view and one click away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QToolButton, QWidget

from vscdesk.analysis.problems import SEVERITIES
from vscdesk.panels.analysis_runner import AnalysisRunner
from vscdesk.panels.severity import SEVERITY_LOOK, severity_icon

if TYPE_CHECKING:
    from vscdesk.app.docks import PanelDock
    from vscdesk.analysis.engine import Analysis
    from vscdesk.app.main_window import MainWindow


def counts_text(analysis: Analysis | None) -> tuple[str, str | None]:
    """The button's words and the worst severity found: ("2 errors · 8 warnings", "error")."""
    if analysis is None:
        return "Checking…", None
    counts = {s: sum(1 for p in analysis.problems if p.severity == s) for s in SEVERITIES}
    shown = [f"{n} {SEVERITY_LOOK[s][2] if n != 1 else SEVERITY_LOOK[s][1].lower()}"
             for s, n in counts.items() if n and s != "info"]
    worst = next((s for s in SEVERITIES if counts[s]), None)
    if not shown:
        return ("No problems" if worst is None else f"{counts['info']} info"), worst
    return " · ".join(shown), worst


class ProblemsStatus(QToolButton):
    """Shows the latest analysis' counts; a click shows the Problems panel (or hides it)."""

    def __init__(self, runner: AnalysisRunner, dock: PanelDock) -> None:
        super().__init__()
        self.setObjectName("problems-status")
        self.dock = dock
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clicked.connect(self.toggle_panel)
        runner.updated.connect(self.show_analysis)
        self.show_analysis(runner.analysis)

    def show_analysis(self, analysis: Analysis | None) -> None:
        text, worst = counts_text(analysis)
        self.setText(text)
        self.setIcon(severity_icon(worst) if worst else QIcon())
        keys = self.dock.panel_action.shortcut().toString()
        self.setToolTip(f"Problems found in the document: {text}. Click to show the Problems "
                        f"panel ({keys})" if keys else f"Problems: {text}")

    def hide_while_shown(self, page: QWidget) -> None:
        """No document is open while the welcome page covers the canvas: no counts then (the
        empty document behind the page has its own "problems", which mean nothing to a user)."""
        page.installEventFilter(self)
        self.setVisible(page.isHidden())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide) and isinstance(watched, QWidget):
            self.setVisible(watched.isHidden())
        return False

    def toggle_panel(self) -> None:
        """Hidden or behind another tab: bring it to the front; in front: hide it."""
        dock = self.dock
        if dock.isVisible() and not dock.visibleRegion().isEmpty():
            dock.hide()
            return
        dock.show()
        dock.raise_()


def install(window: MainWindow, runner: AnalysisRunner, dock: PanelDock) -> ProblemsStatus:
    button = ProblemsStatus(runner, dock)
    window.statusBar().addPermanentWidget(button)
    return button
