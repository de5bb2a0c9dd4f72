"""What the Makefile does, for machines without make (Windows): set up .venv, run, test, bundle.

    py scripts/dev.py run [FILE]         # Windows (the Python launcher); python3 elsewhere
    py scripts/dev.py test [PYTEST ARGS]  # lint first, as `make test` does
    py scripts/dev.py lint               # ruff, import-linter (the layers), mypy
    py scripts/dev.py bundle             # dist/vscdesk/ (Windows), dist/vscdesk.app (macOS)

The first command creates ``.venv`` with the Python running this script (3.11 or newer) and
installs vscdesk into it (editable, with the test tools); later ones reinstall only when
pyproject.toml changed, using the same stamp file as ``make``. Only the standard library is
used, so it runs before anything is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
STAMP = VENV / ".installed"
BUNDLE_STAMP = VENV / ".bundle-installed"


def venv_bin(name: str, windows: bool | None = None) -> Path:
    """A program inside .venv: ``Scripts\\NAME.exe`` on Windows, ``bin/NAME`` elsewhere."""
    windows = os.name == "nt" if windows is None else windows
    return VENV / "Scripts" / f"{name}.exe" if windows else VENV / "bin" / name


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    """Run a command from the project folder; stop with its exit status if it fails."""
    print("+", " ".join(str(part) for part in command), flush=True)
    status = subprocess.call([str(part) for part in command], cwd=ROOT,
                             env={**os.environ, **(env or {})})
    if status:
        sys.exit(status)


def _stale(stamp: Path) -> bool:
    return not stamp.exists() or stamp.stat().st_mtime < (ROOT / "pyproject.toml").stat().st_mtime


def install(extras: str = "test", stamp: Path | None = None) -> Path:
    """``make .venv/.installed``: the virtual environment with vscdesk installed; its python."""
    stamp = stamp or STAMP
    if sys.version_info < (3, 11):  # noqa: UP036 - run by whatever Python the user has
        sys.exit("vscdesk needs Python 3.11 or newer (on Windows: py -3.11 scripts/dev.py ...)")
    python = venv_bin("python")
    if not python.exists():
        run(sys.executable, "-m", "venv", VENV)
    if _stale(stamp):
        run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(python, "-m", "pip", "install", "--quiet", "-e", f".[{extras}]")
        stamp.touch()
    return python


def lint(python: Path) -> None:
    """``make lint``: ruff, the import-linter contracts, mypy against mypy-baseline.txt."""
    run(venv_bin("ruff"), "check", ".")
    run(venv_bin("lint-imports"))
    run(python, ROOT / "scripts" / "mypy_baseline.py")


def bundle() -> None:
    """``make bundle``: freeze the wheel with packaging/vscdesk.spec (docs/packaging.md)."""
    python = install("test,bundle", BUNDLE_STAMP)
    for old in (ROOT / "build" / "bundle", ROOT / "build" / "lib", ROOT / "dist" / "vscdesk",
                ROOT / "dist" / "vscdesk.app"):
        shutil.rmtree(old, ignore_errors=True)
    wheels = ROOT / "build" / "bundle" / "wheel"
    run(python, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", wheels, ".")
    with zipfile.ZipFile(next(wheels.glob("vscdesk-*.whl"))) as wheel:
        wheel.extractall(ROOT / "build" / "bundle" / "site")
    run(python, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", "dist",
        "--workpath", ROOT / "build" / "bundle" / "work", ROOT / "packaging" / "vscdesk.spec")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "lint", "bundle", "install"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "bundle":
        bundle()
        return 0
    python = install()
    if command == "run":
        run(venv_bin("vscdesk"), *rest)
    elif command == "lint":
        lint(python)
    elif command == "test":  # as `make test`: lint, then the suite with its slowest tests named
        lint(python)
        run(python, "-m", "pytest", "-q", "--durations=15", *rest,
            env={"QT_QPA_PLATFORM": "offscreen"})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
