"""Run one sphinx-build in this process and record its peak memory.

    python build_one.py RESULT_JSON SPHINX_ARGS...

The parent measures wall time; this child writes its exit code, its peak
resident set size and the largest peak among the worker processes it waited
for (``-j``) to RESULT_JSON. It imports only Sphinx, so any environment that
can build the project can run it.

On Linux the peak is ``VmHWM`` of ``/proc/self/status``: ``ru_maxrss``
survives ``exec`` and starts at the parent's peak at ``fork``, so a child of
a large benchmark process would report the parent's size.
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

from sphinx.cmd.build import build_main


def peak_kib() -> int:
    """This process's peak resident set size in KiB, since its ``exec``."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    result_path, *args = sys.argv[1:]
    status = build_main(args)
    children_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(result_path, "w") as out:
        json.dump(
            {
                "status": status,
                "maxrss_kib": peak_kib(),
                "children_maxrss_kib": children_kib,
            },
            out,
        )
    sys.exit(status)
