"""Every kind of output written onto a really full disk (a small tmpfs in a private user
namespace), by the real command line: exit status 2, one line naming the file (never a
temporary one), the old file byte-identical and no file left behind. Where namespaces are not
available, tests/cli/test_output_safety.py runs the same outputs with a writer that fails
part-way."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.storage.test_save_faults import _namespaces_work

SCRIPT = Path(__file__).parent / "scripts" / "full_disk_outputs.py"
KINDS = ["png", "svg", "pdf", "pptx", "csv", "xml", "vsc.json", "schema.json", "merge.vsc.json",
         "new.vsc.json", "flow.vsc.json", "merge-driver", "autosave"]


@pytest.fixture(scope="module")
def full_disk(tmp_path_factory, example_file_module):
    mount = tmp_path_factory.mktemp("full") / "mnt"
    mount.mkdir()
    run = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", sys.executable, str(SCRIPT),
         str(mount), str(example_file_module)],
        capture_output=True, text=True, timeout=600, env=_env(tmp_path_factory))
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def example_file_module():
    from vscdesk.bundled import example_path

    return example_path()


def _env(factory) -> dict:
    import os

    home = factory.mktemp("home")
    return dict(os.environ, XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"),
                XDG_CONFIG_HOME=str(home / "config"), TMPDIR=str(home))


@pytest.mark.skipif(not _namespaces_work(), reason="needs unprivileged user namespaces")
@pytest.mark.parametrize("kind", KINDS)
def test_every_output_on_a_full_disk_fails_cleanly(full_disk, kind):
    result = full_disk[kind]
    lines = result["stderr"].strip().splitlines()
    assert result["rc"] == 2, result
    assert len(lines) == 1 and "Traceback" not in result["stderr"], result["stderr"]
    assert "the disk is full" in lines[0] and ".tmp" not in lines[0], lines[0]
    assert "wrote" not in result["stdout"]
    assert result["unchanged"] and result["same_names"], result
