"""The freedesktop files: valid for the distributions' own validators, and telling one story."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from packaging_support import APP_ID, MIME_TYPE, PACKAGING, ROOT, tool

import vscdesk
from vscdesk.bundled import example_path

DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
MIME_XML = PACKAGING / f"{APP_ID}.mime.xml"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=120)


def test_desktop_entry_passes_desktop_file_validate_without_hints():
    result = _run(tool("desktop-file-validate"), DESKTOP)
    assert result.returncode == 0, result.stdout + result.stderr
    # It prints errors, warnings and hints alike; a clean entry prints nothing.
    assert result.stdout.strip() == "", result.stdout


def test_metainfo_passes_appstreamcli_validate():
    result = _run(tool("appstreamcli"), "validate", "--no-net", "--no-color", METAINFO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "errors" not in result.stdout and "warnings" not in result.stdout, result.stdout


def test_mime_database_maps_the_glob_and_the_magic_to_our_type(tmp_path):
    mime_dir = tmp_path / "mime"
    (mime_dir / "packages").mkdir(parents=True)
    (mime_dir / "packages" / MIME_XML.name).write_bytes(MIME_XML.read_bytes())
    result = _run(tool("update-mime-database"), mime_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    globs = (mime_dir / "globs2").read_text(encoding="utf-8").splitlines()
    assert f"60:{MIME_TYPE}:*.vsc.json" in globs
    assert (mime_dir / "subclasses").read_text(encoding="utf-8").split() == [MIME_TYPE, "application/json"]
    assert b"vscdesk" in (mime_dir / "magic").read_bytes()


def test_saved_documents_start_with_the_magic_the_mime_type_looks_for():
    match = ET.parse(MIME_XML).find(".//m:magic/m:match", MIME_NS)
    assert match is not None
    end = int(match.get("offset", "0:0").split(":")[1])
    head = example_path().read_text(encoding="utf-8")[: end + len(match.get("value", ""))]
    assert match.get("value") in head


def test_desktop_entry_metainfo_and_mime_type_agree():
    entry = _desktop_entry()
    component = ET.parse(METAINFO).getroot()
    mime_types = [node.get("type") for node in ET.parse(MIME_XML).getroot()]
    script = next(iter(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]))

    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert mime_types == [MIME_TYPE]
    assert entry["MimeType"].rstrip(";").split(";") == [MIME_TYPE]
    assert component.findtext("provides/mediatype") == MIME_TYPE
    # The launcher runs the same command that the wheel installs and the bundle is named after.
    assert entry["Exec"].split()[0] == entry["TryExec"] == component.findtext("provides/binary") == script
    assert entry["Icon"] == APP_ID


def test_metainfo_describes_the_current_release():
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases and releases[0].get("version") == vscdesk.__version__



def test_running_app_names_the_desktop_entry_so_shells_show_its_icon(tmp_path):
    """On Wayland the desktop file name is the window's app id; docks match it to the entry."""
    probe = ("from vscdesk.app.application import make_application\n"
             "print(make_application().desktopFileName())\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() + ".desktop" == DESKTOP.name
