"""Where the main window's features plug in: each installer adds its actions, menus and docks.

The window builds the document, selection, scene and view; everything else is wired here, one
readable line per feature, so features stay in their own modules and the window stays small.
Installers receive the window and use its public parts: ``document``, ``selection``, ``scene``,
``view``, ``actions`` (name -> QAction), ``menus`` ("file", "edit", "view", ...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vscdesk.app import interop_actions
from vscdesk.app import docks, edit_actions, heat_actions, presentation_actions, view_actions
from vscdesk.app import workspace
from vscdesk.app import analysis_docks
from vscdesk.app import find_bar
from vscdesk.app import structure_actions
from vscdesk.app import meeting_actions
from vscdesk.app import panel_keys

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow


def install_extensions(window: MainWindow) -> None:
    """Install every feature, in menu order."""
    interop_actions.install(window)
    edit_actions.install(window)
    meeting_actions.install(window)
    find_bar.install(window)
    view_actions.install(window)
    heat_actions.install(window)
    docks.install(window)
    analysis_docks.install(window)
    structure_actions.install(window)
    workspace.install(window)
    presentation_actions.install(window)
    panel_keys.install(window)  # last: every dock exists
