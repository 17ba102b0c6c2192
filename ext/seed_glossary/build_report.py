"""After a build: the JSON report in the output folder, and a summary in the log.

The log shows dropped lines only when a page is read again; this file holds
the whole report after every build, changed or not.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .domain import get_domain
from .links import link_report, log_link_summary

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def build_report(app: Sphinx) -> dict[str, Any]:
    """Seeds (with their page) and links, as written to the report file."""
    domain = get_domain(app.env)
    seeds = []
    for docname, obj in domain.seed_reports():
        # Relative to the conf dir, so the report reads the same on any machine.
        seeds.append(
            {"page": docname, **obj, "file": _relative(obj["file"], app.confdir)}
        )
    return {"seeds": seeds, "links": link_report(app.env)}


def _relative(path: str, start: os.PathLike[str] | str) -> str:
    try:
        return Path(os.path.relpath(path, start)).as_posix()
    except ValueError:  # another drive on Windows
        return path


def write_report(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: log the link summary and write the JSON report."""
    if exception is not None or not get_domain(app.env).pages:
        return
    report = build_report(app)
    log_link_summary(report["links"])
    name = app.config.seed_glossary_report
    if name and app.builder.name != "dummy":
        path = app.outdir / name
        path.write_text(
            json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
