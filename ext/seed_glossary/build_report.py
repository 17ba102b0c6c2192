"""After a build: the JSON report in the output folder, and a summary in the log.

The log shows dropped lines only when a page is read again; this file holds
the whole report after every build, changed or not.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .domain import get_domain
from .ingest.report import entry_to_json
from .links import link_report, log_link_summary

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def build_report(app: Sphinx) -> dict[str, Any]:
    """Seeds (with their page) and links, as written to the report file."""
    domain = get_domain(app.env)
    return {
        "seeds": [
            {"page": docname, **entry_to_json(entry)}
            for docname, entry in domain.entries()
        ],
        "links": link_report(app.env),
    }


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
