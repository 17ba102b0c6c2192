"""Run one sphinx-build in this process and record its peak memory.

    python build_one.py RESULT_JSON SPHINX_ARGS...

The parent measures wall time; this child writes its exit code, its peak
resident set size (``ru_maxrss``) and the largest peak among the worker
processes it waited for (``-j``) to RESULT_JSON. It imports only Sphinx, so
any environment that can build the project can run it.
"""

from __future__ import annotations

import json
import resource
import sys

from sphinx.cmd.build import build_main

if __name__ == "__main__":
    result_path, *args = sys.argv[1:]
    status = build_main(args)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(result_path, "w") as out:
        json.dump(
            {
                "status": status,
                "maxrss_kib": peak_kib,
                "children_maxrss_kib": children_kib,
            },
            out,
        )
    sys.exit(status)
