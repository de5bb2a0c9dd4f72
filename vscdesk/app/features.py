"""The composition root: every feature of the main window, built once, in one order, each
given what it needs.

The window builds its own parts (document, selection, scene, view, the File/Edit/View menus,
``actions`` and ``menus``); ``compose`` then builds the features on top, in menu order, and
returns them as one typed ``Features``. Code that needs a feature receives it as an argument
here; tests and later code read it from ``window.features``. Nothing is found by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from vscdesk.app import analysis_docks, docks, edit_actions, find_bar, heat_actions
from vscdesk.app import help as help_menu
from vscdesk.app import interop_actions, meeting_actions, panel_keys, presentation_actions
from vscdesk.app import share, structure_actions, undo_history, view_actions, welcome
from vscdesk.app import welcome_cover, workspace
from vscdesk.app.autosave import Autosave
from vscdesk.app.change_bar import add_change_bar
from vscdesk.app.drop import FileDrop
from vscdesk.app.external_change import DiskState
from vscdesk.app.file_watch import FileWatch
from vscdesk.app.icons import app_icon
from vscdesk.app.locking import Locking
from vscdesk.app.session import Session
from vscdesk.app.settings import state_dir

if TYPE_CHECKING:
    from vscdesk.app.edit_actions import EditActions
    from vscdesk.app.find_bar import FindBar
    from vscdesk.app.interop_actions import InteropActions
    from vscdesk.app.main_window import MainWindow
    from vscdesk.app.presentation_actions import PresentationActions
    from vscdesk.app.problems_status import ProblemsStatus
    from vscdesk.app.share import Workshop
    from vscdesk.app.structure_actions import StructureActions
    from vscdesk.app.view_actions import ViewActions
    from vscdesk.app.welcome import WelcomePage
    from vscdesk.app.welcome_cover import WelcomeCover
    from vscdesk.panels.analysis_runner import AnalysisRunner


@dataclass(frozen=True)
class Features:
    """What ``compose`` built for one window."""

    interop: InteropActions  #: templates, import, ArchiMate and CSV export
    edit_actions: EditActions  #: Edit menu, edit toolbar, canvas gestures
    find_bar: FindBar
    view_actions: ViewActions  #: chain/stream views and their transition
    docks: docks.Docks  #: every panel dock by key (stage ... slides)
    analysis_runner: AnalysisRunner  #: the analysis behind Problems and Metrics
    problems_status: ProblemsStatus  #: the status bar's problem count
    structure: StructureActions  #: streams, lanes, links; the Lane and Link panels
    disk_state: DiskState  #: what is on disk, and changes to it while open
    autosave: Autosave
    locking: Locking  #: lock files; read-only when another instance edits
    session: Session  #: recent files, last document, window layout
    file_drop: FileDrop
    undo_dock: QDockWidget
    help_action: QAction  #: the Help menu, kept last by ``workspace.finish``
    welcome: WelcomePage
    presentation: PresentationActions
    welcome_cover: WelcomeCover  #: the document's commands greyed out behind the welcome page
    workshop: Workshop  #: Share menu: host or join a workshop (docs/collaboration.md)


def compose(window: MainWindow) -> Features:
    """Build every feature of ``window``, in menu order (later ones use earlier ones)."""
    interop = interop_actions.install(window)
    edit = edit_actions.install(window)
    meeting_actions.install(window)  # after Edit's Copy: Copy as image follows it
    find = find_bar.install(window)
    views = view_actions.install(window)
    heat_actions.install(window)
    panels = docks.install(window)  # stage, stream, stakeholders, activity loop
    runner, status = analysis_docks.install(window, panels)  # adds problems, metrics
    structure = structure_actions.install(window, edit, panels)  # adds lane, link
    # The desktop-application layer: never lose work, start where you left off.
    state = state_dir()
    disk_state = DiskState(window)
    disk_state.watch(FileWatch(window), add_change_bar(window))  # changes while open
    autosave = Autosave(window, state, lambda: disk_state.sha256)
    locking = Locking(window, state)
    session = Session(window)
    file_drop = FileDrop(window)
    undo_dock = undo_history.install(window)
    help_action = help_menu.install(window)
    page = welcome.install(window, interop)
    workspace.theme_menu(window, page)
    status.hide_while_shown(page)
    file_drop.watch(page)
    window.setWindowIcon(app_icon())
    presentation = presentation_actions.install(window, panels)  # adds slides
    workshop = share.install(window)
    panel_keys.install(window)  # every dock exists now
    cover = welcome_cover.install(window, page)  # last: every action exists
    return Features(
        interop=interop, edit_actions=edit, find_bar=find, view_actions=views, docks=panels,
        analysis_runner=runner, problems_status=status, structure=structure,
        disk_state=disk_state, autosave=autosave, locking=locking, session=session,
        file_drop=file_drop, undo_dock=undo_dock, help_action=help_action, welcome=page,
        presentation=presentation, welcome_cover=cover, workshop=workshop,
    )
