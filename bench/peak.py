"""Run a module as ``__main__`` and print its peak memory when it exits (``peak <MB>``).

    python -m bench.peak MODULE ARGS...

The ``startup`` case starts vscdesk and the bare window through this, so each reports the
peak of its own address space (``VmHWM``) rather than ``ru_maxrss``, which Linux carries
across ``exec`` from whatever process started it. Kept free of imports beyond the standard
library's smallest, so both timed processes pay the same few microseconds for it.
"""

import atexit
import runpy
import sys


def _report() -> None:
    try:
        with open("/proc/self/status", encoding="ascii") as lines:
            for line in lines:
                if line.startswith("VmHWM:"):
                    print(f"peak {int(line.split()[1]) / 1024:.1f}", flush=True)
                    return
    except OSError:  # not Linux: the worker falls back to ru_maxrss of its children
        pass


if __name__ == "__main__":
    atexit.register(_report)
    module = sys.argv[1]
    del sys.argv[0]  # the module sees its own name first, as with ``python -m MODULE``
    runpy.run_module(module, run_name="__main__", alter_sys=True)
