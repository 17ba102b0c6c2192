"""After a build: the JSON report in the output folder, and a summary in the log.

The log shows dropped lines only when a page is read again; this file holds
the whole report after every build, changed or not. Each page's seed reports
wait in the doctree folder as JSON lines (see :func:`save_seed_report`), so
the environment stays small and the report is written one seed at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .domain import get_domain
from .ingest.report import entry_to_json
from .link_report import link_report, log_link_summary

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .model import SeedEntry

_FOLDER = "seed_glossary"


def save_seed_report(
    env: BuildEnvironment, docname: str, spec: str, entries: Iterable[SeedEntry]
) -> str:
    """Write one directive's seed reports as JSON lines; return the file's name.

    The name depends on the page and the seed folder, so a page read again
    overwrites its own file, also from a parallel reader.
    """
    digest = hashlib.sha256(f"{docname}\0{spec}".encode()).hexdigest()[:20]
    folder = Path(env.doctreedir) / _FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{digest}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for entry in entries:
            out.write(json.dumps(entry_to_json(entry), ensure_ascii=False) + "\n")
    return path.name


def seed_reports(app: Sphinx) -> Iterator[dict[str, Any]]:
    """Every seed's report object, with its page, one at a time."""
    domain = get_domain(app.env)
    folder = Path(app.env.doctreedir) / _FOLDER
    for docname in sorted(domain.pages):
        for page in domain.pages[docname]:
            try:
                lines = (folder / page.report).open(encoding="utf-8")
            except OSError:
                continue  # removed by hand; the next read writes it again
            with lines:
                for line in lines:
                    obj = json.loads(line)
                    # Relative to the conf dir: the report reads the same anywhere.
                    obj["file"] = relative_path(obj["file"], app.confdir)
                    yield {"page": docname, **obj}


def build_report(app: Sphinx) -> dict[str, Any]:
    """Seeds (with their page) and links, as written to the report file."""
    return {"seeds": list(seed_reports(app)), "links": link_report(app.env)}


def relative_path(path: str, start: os.PathLike[str] | str) -> str:
    try:
        return Path(os.path.relpath(path, start)).as_posix()
    except ValueError:  # another drive on Windows
        return path


def html_pages(builder: Builder) -> bool:
    """Does this builder write a folder of HTML pages (html, dirhtml, singlehtml)?

    Not epub: its folder is the book, zipped, and a file Sphinx does not know
    there fails the next build with -W. Not latex, text, man, ...: the report
    belongs next to the HTML pages it describes.
    """
    from sphinx.builders._epub_base import EpubBuilder

    return builder.format == "html" and not isinstance(builder, EpubBuilder)


def write_report(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: log the link summary and write the JSON report."""
    if exception is not None or not get_domain(app.env).pages:
        return
    links = link_report(app.env)
    log_link_summary(links)
    name = app.config.seed_glossary_report
    if name and html_pages(app.builder):
        with (app.outdir / name).open("w", encoding="utf-8") as out:
            _write_streaming(out, seed_reports(app), links)


def _write_streaming(
    out: IO[str], seeds: Iterable[dict[str, Any]], links: dict[str, Any]
) -> None:
    """``{"seeds": [...], "links": {...}}`` without holding all seeds at once."""
    out.write('{\n "seeds": [')
    for n, obj in enumerate(seeds):
        out.write(",\n  " if n else "\n  ")
        out.write(json.dumps(obj, ensure_ascii=False))
    out.write('\n ],\n "links": {')
    # One line per entry, as for seeds: json.dumps with indent is the pure
    # Python encoder, five times slower on 10,000 entries (0.12 s).
    for n, (name, value) in enumerate(links.items()):
        out.write(",\n  " if n else "\n  ")
        out.write(f"{json.dumps(name, ensure_ascii=False)}: ")
        if isinstance(value, dict) and value:
            out.write("{")
            for m, (item, data) in enumerate(value.items()):
                out.write(",\n   " if m else "\n   ")
                out.write(json.dumps(item, ensure_ascii=False))
                out.write(": ")
                out.write(json.dumps(data, ensure_ascii=False))
            out.write("\n  }")
        else:
            out.write(json.dumps(value, ensure_ascii=False))
    out.write("\n }\n}\n")
