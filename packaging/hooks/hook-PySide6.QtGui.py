"""PyInstaller's own QtGui hook, minus the Qt plugins and translations vscdesk never loads.

A user hook replaces the built-in one, so the dropped plugins' own libraries (the GTK stack behind
the gtk3 theme, the EGLFS device integrations) are never pulled into the bundle either.
"""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# plugin folder -> plugin files to drop (None: the whole folder)
UNUSED_PLUGINS: dict[str, set[str] | None] = {
    # Framebuffer/embedded back ends and their input drivers; a desktop has X11 or Wayland.
    "platforms": {"libqeglfs.so", "libqlinuxfb.so", "libqvnc.so", "libqvkkhrdisplay.so", "libqminimalegl.so"},
    "egldeviceintegrations": None,
    "generic": None,
    # The GTK theme drags GTK's stack along; the xdg-desktop-portal theme gives native dialogs.
    "platformthemes": {"libqgtk3.so"},
}


def _used(source: str) -> bool:
    """Whether a collected file is something vscdesk loads (English only: no Qt translations)."""
    path = PurePath(source)
    if "translations" in path.parts:
        return False
    if "plugins" not in path.parts or path.parent.name not in UNUSED_PLUGINS:
        return True
    dropped = UNUSED_PLUGINS[path.parent.name]
    return dropped is not None and path.name not in dropped


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if _used(entry[0])]
datas = [entry for entry in datas if _used(entry[0])]
