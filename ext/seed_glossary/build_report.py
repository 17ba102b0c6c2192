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
            out.write(_json(entry_to_json(entry)) + "\n")
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
    """``{"seeds": [...], "links": {...}}`` without holding all seeds at once.

    One seed, and one entry of each part of the links, per line: json.dumps
    with ``indent`` is the pure Python encoder, five times slower on 10,000
    entries (0.12 s).
    """
    out.write('{\n "seeds": [')
    _write_one_per_line(out, (_json(seed) for seed in seeds))
    out.write('\n ],\n "links": {')
    _write_one_per_line(
        out, (f"{_json(name)}: {_json_part(value)}" for name, value in links.items())
    )
    out.write("\n }\n}\n")


def _write_one_per_line(out: IO[str], pieces: Iterable[str]) -> None:
    """Write JSON *pieces* separated by commas, each on a line of its own."""
    for n, piece in enumerate(pieces):
        out.write(",\n  " if n else "\n  ")
        out.write(piece)


def _json_part(value: Any) -> str:
    """A part of the links: a dict one entry per line, anything else on one."""
    if not (isinstance(value, dict) and value):
        return _json(value)
    entries = ",".join(
        f"\n   {_json(key)}: {_json(data)}" for key, data in value.items()
    )
    return f"{{{entries}\n  }}"


def _json(value: Any) -> str:
    """*value* as compact JSON, characters as they are (the files are UTF-8)."""
    return json.dumps(value, ensure_ascii=False)
