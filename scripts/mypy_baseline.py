"""Run mypy (settings in pyproject.toml) and fail only on errors not in mypy-baseline.txt.

The baseline lists the type errors the code had when the checks were switched on, one per
line as ``path: message  [code]`` without line numbers, so an edit above an old error does
not count as a new one. The baseline only shrinks:

- a new error (not in the baseline) fails ``make lint``; fix it;
- a baseline entry that no longer occurs fails it too, named, so that the fixed error cannot
  come back unnoticed: ``python scripts/mypy_baseline.py --update`` drops it;
- ``--update`` only ever removes entries; it never adds a new error (with no baseline file
  at all it writes every current error, to start one).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "mypy-baseline.txt"
ERROR = re.compile(r"^(?P<path>[^:\s]+\.py):\d+(?::\d+)?: error: (?P<message>.*)$")


def _errors(output: str) -> tuple[Counter[str], dict[str, list[str]]]:
    """Each error without its line number, and the full lines that gave it."""
    keys: Counter[str] = Counter()
    lines: dict[str, list[str]] = {}
    for line in output.splitlines():
        match = ERROR.match(line)
        if match:
            key = f"{match['path']}: {match['message']}"
            keys[key] += 1
            lines.setdefault(key, []).append(line)
    return keys, lines


def main(argv: list[str]) -> int:
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                          text=True)
    current, lines = _errors(done.stdout)
    if done.returncode not in (0, 1) or (done.returncode == 1 and not current):
        print(done.stdout + done.stderr, end="")  # mypy itself failed: say why
        return 2
    start = not BASELINE.exists()
    known = current if start else Counter(BASELINE.read_text(encoding="utf-8").splitlines())
    new, fixed = current - known, known - current
    for key in sorted(new):
        print("\n".join(lines[key][-new[key]:]))
    if new:
        print(f"mypy: {sum(new.values())} new errors (not in mypy-baseline.txt)")
    if "--update" in argv:
        kept = known & current  # never grows: a new error stays an error
        BASELINE.write_text("".join(f"{key}\n" for key in sorted(kept.elements())),
                            encoding="utf-8")
        print(f"mypy: {sum(fixed.values())} fixed errors dropped, "
              f"{sum(kept.values())} left in the baseline")
        return 1 if new else 0
    for key in sorted(fixed):
        times = f" (x{fixed[key]})" if fixed[key] > 1 else ""
        print(f"fixed, still in mypy-baseline.txt: {key}{times}")
    if fixed:
        print(f"mypy: {sum(fixed.values())} errors of the baseline no longer occur; "
              "run `python scripts/mypy_baseline.py --update` to drop them from it")
    if new or fixed:
        return 1
    print(f"mypy: no new errors ({sum(current.values())} known in mypy-baseline.txt)")
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
