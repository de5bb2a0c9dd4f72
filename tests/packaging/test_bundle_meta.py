"""The one spec builds Linux, Windows and macOS bundles; their icons and metadata are complete.

PyInstaller cannot build a Windows or macOS app here, so the spec itself runs with PyInstaller's
build steps recorded instead of performed, once per system; what the real build does with
those steps is PyInstaller's, checked by the CI runners.
"""

from __future__ import annotations

import plistlib
import runpy
import struct
import sys
import types
from pathlib import Path
from typing import ClassVar

import pytest
from packaging_support import MIME_TYPE, PACKAGING, ROOT, missing

sys.path.insert(0, str(PACKAGING))
import bundle_meta  # noqa: E402
import make_icons  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n"


class Step:
    """One PyInstaller build step the spec asked for."""

    log: ClassVar[list[Step]] = []

    def __init__(self, *args, **kwargs):
        self.kind = type(self).__name__
        self.args, self.kwargs = args, kwargs
        Step.log.append(self)

    def __getattr__(self, name):  # a.pure, a.binaries...
        return []


def _steps():
    return {name: type(name, (Step,), {}) for name in ("Analysis", "PYZ", "EXE", "COLLECT",
                                                       "BUNDLE")}


@pytest.fixture
def run_spec(tmp_path, monkeypatch):
    """Run packaging/vscdesk.spec as on ``system``; returns the steps it asked for."""
    site = tmp_path / "site"
    (site / "vscdesk" / "resources" / "examples").mkdir(parents=True)
    (site / "vscdesk" / "__init__.py").write_text('__version__ = "1.2.3"\n')
    monkeypatch.setenv("VSCDESK_BUNDLE_SITE", str(site))
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda *a, **k: []
    hooks.collect_submodules = lambda *a, **k: []
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(bundle_meta, "windows_version_info", lambda version: ("VERSION", version))
    monkeypatch.setitem(sys.modules, "bundle_meta", bundle_meta)
    monkeypatch.setattr(sys, "path", list(sys.path))

    def run(platform: str) -> dict[str, list[Step]]:
        Step.log = []
        monkeypatch.setattr(sys, "platform", platform)
        runpy.run_path(str(PACKAGING / "vscdesk.spec"),
                       init_globals={"SPECPATH": str(PACKAGING), **_steps()})
        steps: dict[str, list[Step]] = {}
        for step in Step.log:
            steps.setdefault(step.kind, []).append(step)
        return steps

    return run


def test_linux_bundle_is_built_as_before(run_spec):
    steps = run_spec("linux")
    [exe] = steps["EXE"]
    assert exe.kwargs["name"] == "vscdesk" and exe.kwargs["console"] is True
    assert exe.kwargs["strip"] is True and "icon" not in exe.kwargs
    [coll] = steps["COLLECT"]
    assert coll.kwargs["name"] == "vscdesk" and coll.kwargs["strip"] is True
    assert "BUNDLE" not in steps


def test_windows_gets_a_window_program_and_a_console_one_with_icon_and_version(run_spec):
    steps = run_spec("win32")
    programs = {exe.kwargs["name"]: exe.kwargs for exe in steps["EXE"]}
    assert programs["vscdesk"]["console"] is False and programs["vscdesk-cli"]["console"] is True
    for kwargs in programs.values():
        assert Path(kwargs["icon"]) == PACKAGING / "vscdesk.ico" and Path(kwargs["icon"]).is_file()
        assert kwargs["version"] == ("VERSION", "1.2.3")
    [coll] = steps["COLLECT"]
    assert coll.kwargs["name"] == "vscdesk" and len(coll.args) >= 2
    assert "BUNDLE" not in steps


def test_macos_gets_an_app_that_registers_vsc_json(run_spec):
    steps = run_spec("darwin")
    [bundle] = steps["BUNDLE"]
    kwargs = bundle.kwargs
    assert kwargs["name"] == "vscdesk.app" and kwargs["bundle_identifier"] == "org.vscdesk.vscdesk"
    assert kwargs["version"] == "1.2.3" and Path(kwargs["icon"]).is_file()
    plist = kwargs["info_plist"]
    [declared] = plist["UTExportedTypeDeclarations"]
    assert declared["UTTypeTagSpecification"]["public.filename-extension"] == ["vsc.json"]
    assert declared["UTTypeTagSpecification"]["public.mime-type"] == [MIME_TYPE]
    assert "public.json" in declared["UTTypeConformsTo"]
    owner = [t for t in plist["CFBundleDocumentTypes"] if t["LSHandlerRank"] == "Owner"]
    assert owner[0]["LSItemContentTypes"] == [declared["UTTypeIdentifier"]]
    assert owner[0]["CFBundleTypeRole"] == "Editor"
    assert plist["CFBundleShortVersionString"] == "1.2.3"
    plistlib.loads(plistlib.dumps(plist))  # every value is one a plist can hold
    [exe] = steps["EXE"]
    assert exe.kwargs["argv_emulation"] is False  # file-open events are handled by the app


def test_the_mime_type_is_the_one_the_linux_desktop_files_declare():
    assert MIME_TYPE in (PACKAGING / "org.vscdesk.vscdesk.mime.xml").read_text()


def test_version_numbers_for_windows():
    assert bundle_meta.version_numbers("0.1.0") == (0, 1, 0, 0)
    assert bundle_meta.version_numbers("2.10.3.dev4") == (2, 10, 3, 4)
    assert bundle_meta.version_numbers("1") == (1, 0, 0, 0)


def test_windows_version_resource_builds(monkeypatch):
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        missing("PyInstaller is not installed; `make bundle` installs it")
    if "pefile" not in sys.modules:
        # PyInstaller's Windows helpers (pefile, win32api) exist on Windows only; building the
        # resource's objects uses neither
        import PyInstaller.compat

        monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
        monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    info = bundle_meta.windows_version_info("0.1.0")
    text = str(info)
    assert "ProductName" in text and "'0.1.0'" in text and "(0, 1, 0, 0)" in text


def _ico_sizes(data: bytes) -> list[int]:
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset:offset + 8] == PNG and offset + length <= len(data)
        sizes.append(width or 256)
    return sizes


def _icns_types(data: bytes) -> dict[bytes, bytes]:
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    found, at = {}, 8
    while at < len(data):
        kind, length = data[at:at + 4], struct.unpack_from(">I", data, at + 4)[0]
        found[kind] = data[at + 8:at + length]
        at += length
    assert at == len(data)
    return found


def test_committed_icons_hold_every_size():
    assert _ico_sizes((PACKAGING / "vscdesk.ico").read_bytes()) == list(make_icons.ICO_SIZES)
    elements = _icns_types((PACKAGING / "vscdesk.icns").read_bytes())
    assert set(elements) == {kind for kind, _ in make_icons.ICNS_TYPES}
    assert all(png.startswith(PNG) for png in elements.values())
    for kind, size in make_icons.ICNS_TYPES:  # the PNG's own header says its size
        width, height = struct.unpack_from(">II", elements[kind], 16)
        assert (width, height) == (size, size), kind


def test_icon_containers_round_trip():
    images = {16: PNG + b"a" * 30, 256: PNG + b"b" * 50}
    assert _ico_sizes(make_icons.ico_bytes(images)) == [16, 256]
    assert ROOT.joinpath("resources", "icons", "vscdesk.svg").is_file()
