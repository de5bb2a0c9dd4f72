"""packaging/install.sh puts the bundle and its desktop files where desktops look for them."""

from __future__ import annotations

import os
import subprocess
import xml.etree.ElementTree as ET

from packaging_support import APP_ID, MIME_TYPE, PACKAGING, tool

from vscdesk.bundled import example_path


def test_install_script_installs_a_working_command_and_the_desktop_integration(bundle_dir, tmp_path):
    prefix = tmp_path / "prefix"
    env = {**os.environ, "BUNDLE": str(bundle_dir)}
    done = subprocess.run(["bash", str(PACKAGING / "install.sh"), str(prefix)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    share = prefix / "share"

    # The command is a symlink into lib/vscdesk; the frozen binary still finds its _internal/.
    command = prefix / "bin" / "vscdesk"
    assert command.is_symlink()
    out = tmp_path / "example.png"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    exported = subprocess.run([str(command), "export", str(example_path()), "-o", str(out)], cwd=tmp_path,
                              env=clean, capture_output=True, text=True, timeout=120)
    assert exported.returncode == 0, exported.stderr
    assert out.read_bytes().startswith(b"\x89PNG")

    entry = share / "applications" / f"{APP_ID}.desktop"
    validated = subprocess.run([tool("desktop-file-validate"), str(entry)], capture_output=True, text=True)
    assert validated.returncode == 0 and validated.stdout == "", validated.stdout
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    icon = share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert ET.parse(icon).getroot().tag.endswith("svg")
    globs = (share / "mime" / "globs2").read_text(encoding="utf-8")
    assert f"{MIME_TYPE}:*.vsc.json" in globs
