"""The 34 ITIL 4 management practices, offered by a completer wherever practices are typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QWidget

GENERAL = (
    "Architecture management", "Continual improvement", "Information security management",
    "Knowledge management", "Measurement and reporting", "Organizational change management",
    "Portfolio management", "Project management", "Relationship management",
    "Risk management", "Service financial management", "Strategy management",
    "Supplier management", "Workforce and talent management",
)
SERVICE = (
    "Availability management", "Business analysis", "Capacity and performance management",
    "Change enablement", "Incident management", "IT asset management",
    "Monitoring and event management", "Problem management", "Release management",
    "Service catalogue management", "Service configuration management",
    "Service continuity management", "Service design", "Service desk",
    "Service level management", "Service request management", "Service validation and testing",
)
TECHNICAL = (
    "Deployment management", "Infrastructure and platform management",
    "Software development and management",
)
#: All ITIL 4 practices, alphabetically (general, service and technical management).
PRACTICES = tuple(sorted(GENERAL + SERVICE + TECHNICAL, key=str.casefold))


def practice_completer(parent: QWidget | None = None) -> QCompleter:
    """A case-insensitive completer that also matches inside names ("desk" finds Service desk)."""
    completer = QCompleter(list(PRACTICES), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer
