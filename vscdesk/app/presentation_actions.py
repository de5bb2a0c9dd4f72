"""The Present menu: present (F5), save the current view as a slide, the theme, the dock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from vscdesk.app.docks import Docks, make_dock
from vscdesk.app.platform_keys import panel_shortcut
from vscdesk.app.settings import settings
from vscdesk.app.view_actions import animations_enabled
from vscdesk.render.slides import SlideSpec, describe, framing, slide_sequence
from vscdesk.document import AddSlide
from vscdesk.panels.slides_panel import SlidesPanel

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow
    from vscdesk.canvas.presentation import PresentationWindow

THEME_KEY = "presentation/theme"
MIN_ZOOM, MAX_ZOOM = 0.25, 8.0


class PresentationActions(QObject):
    """Starts and ends presentations and keeps the saved slides in step with the editor."""

    def __init__(self, window: MainWindow, panels: Docks) -> None:
        super().__init__(window)
        self.window = window
        self.presentation: PresentationWindow | None = None
        self._closed: PresentationWindow | None = None
        self.panel = SlidesPanel(window.document)
        self.dock = make_dock(window, "slides", "Slides", self.panel, panel_shortcut(5))
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()  # shown when a slide is added, or from Present / View ▸ Panels
        panels["slides"] = self.dock
        if "panels" in window.menus:
            window.menus["panels"].addAction(self.dock.panel_action)
        self.panel.add_requested.connect(self.add_slide)
        self.panel.present_requested.connect(self.present)
        self._build_menu(window)

    def _build_menu(self, window: MainWindow) -> None:
        menu = window.menus["present"] = QMenu("&Present", window)
        help_menu = window.menus.get("help")  # Help stays last, where users look for it
        if help_menu is not None:
            window.menuBar().insertMenu(help_menu.menuAction(), menu)
        else:
            window.menuBar().addMenu(menu)
        start = QAction("&Start presentation", window)
        start.setShortcut(QKeySequence("F5"))
        start.setStatusTip("Full screen; arrow keys step through the slides, Esc leaves")
        start.triggered.connect(lambda: self.present(0))
        here = QAction("Present from the &current view", window)
        here.setShortcut(QKeySequence("Shift+F5"))
        here.setStatusTip("Full screen from the slide nearest to what the canvas shows now")
        here.triggered.connect(lambda: self.present(self.current_slide_index()))
        add = QAction("&Add current view as slide", window)
        add.setStatusTip("Save the view kind, the selected stream or stage, and the zoom")
        add.triggered.connect(self.add_slide)
        window.actions.update(present=start, present_here=here, add_slide=add)
        for action in (start, here, add):
            menu.addAction(action)
        menu.addSeparator()
        theme_menu = menu.addMenu("Presentation &theme")
        self.themes = QActionGroup(self)
        chosen = self.theme()
        for theme, text in (("light", "&Light"), ("dark", "&Dark")):
            action = QAction(text, window)
            action.setCheckable(True)
            action.setChecked(theme == chosen)
            action.triggered.connect(lambda _c=False, t=theme: settings().setValue(THEME_KEY, t))
            self.themes.addAction(action)
            theme_menu.addAction(action)
            window.actions[f"presentation_{theme}"] = action
        menu.addAction(self.dock.panel_action)
        window.actions["panel_slides"] = self.dock.panel_action

    def theme(self) -> str:
        value = settings().value(THEME_KEY, "light")
        return value if value in ("light", "dark") else "light"

    # -- presenting --------------------------------------------------------------------------

    def present(self, start: int = 0, full_screen: bool = True) -> PresentationWindow:
        """Open the presentation window at slide ``start``."""
        from vscdesk.canvas.presentation import PresentationWindow  # on the first F5, not at start

        if self.presentation is not None:
            self.presentation.close()
        self.presentation = PresentationWindow(self.window.document, self.theme(), start,
                                               animate=animations_enabled())
        self.presentation.finished.connect(self._ended)
        # Present on the screen the editor is on: drag the editor to the projector first.
        self.presentation.setScreen(self.window.screen())
        self.presentation.move(self.window.screen().geometry().topLeft())
        self.presentation.start(full_screen)
        return self.presentation

    def _ended(self, _index: int) -> None:
        # Python owns the parentless window. Freeing it here would delete it inside its own
        # closeEvent, so it is kept until the next presentation ends.
        self._closed, self.presentation = self.presentation, None
        self.window.activateWindow()

    def current_view(self) -> SlideSpec:
        """The editor's view as a slide: kind, selected stream or stage, zoom over its framing."""
        window = self.window
        stage_ids = window.scene.selected_stage_ids()
        stage = stage_ids[0] if len(stage_ids) == 1 else None
        stream = window.selection.stream_id
        if stage is not None:
            stream = window.document.stream_of(stage).id
        view_kind = window.scene.view
        spec = SlideSpec(view_kind, "", stream, stage)
        zoom = 1.0
        if not window.view.fitting:
            _, _, w, h = framing(spec, window.scene.current_drawing(), window.document.model)
            viewport = window.view.viewport()
            natural = min(viewport.width() / max(w, 1.0), viewport.height() / max(h, 1.0))
            zoom = round(min(max(window.view.zoom() / natural, MIN_ZOOM), MAX_ZOOM), 2)
        name = describe(view_kind, window.document.model, stream, stage)
        return SlideSpec(view_kind, name, stream, stage, zoom)

    def current_slide_index(self) -> int:
        """The slide of the sequence closest to what the editor shows."""
        here = self.current_view()
        slides = slide_sequence(self.window.document.model)
        for match in (lambda s: (s.view, s.stream, s.stage) == (here.view, here.stream, here.stage),
                      lambda s: (s.view, s.stream) == (here.view, here.stream),
                      lambda s: s.view == here.view):
            found = [i for i, s in enumerate(slides) if match(s)]
            if found:
                return found[0]
        return 0

    def add_slide(self) -> str:
        """Save the current view as a new slide at the end; returns its id."""
        spec = self.current_view()
        document = self.window.document
        slide_id = document.new_id(spec.title, "slide")
        document.push(AddSlide(document, {"id": slide_id, "name": spec.title, "view": spec.view,
                                          "stream": spec.stream, "stage": spec.stage,
                                          "zoom": spec.zoom}))
        self.dock.show()
        self.dock.raise_()
        self.panel.select(slide_id)
        self.window.statusBar().showMessage(f"Added slide “{spec.title}”", 4000)
        return slide_id


def install(window: MainWindow, panels: Docks) -> PresentationActions:
    return PresentationActions(window, panels)
