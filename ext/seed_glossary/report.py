"""What a build reports: the link report, the JSON report file, the log summary.

The log shows dropped lines only when a page is read again; the report file
(``seed_glossary_report``) holds the whole report after every build, changed
or not. Each directive's seed reports wait in its ``seeds`` sidecar (see
:mod:`.sidecar`), so the environment stays small and the report is written
one seed at a time.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from sphinx.util import logging

from . import sidecar
from ._compat import intersphinx_terms
from .catalog import key
from .domain import get_domain
from .html import html_pages, relative_path
from .ingest.seed_report import entry_to_json
from .settle import link_names

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sphinx.application import Sphinx
    from sphinx.domains.std import StandardDomain
    from sphinx.environment import BuildEnvironment

    from .domain import SeedGlossaryDomain
    from .model import SeedEntry

logger = logging.getLogger(__name__)


def save_seed_report(
    env: BuildEnvironment, docname: str, spec: str, entries: Iterable[SeedEntry]
) -> str:
    """Write one directive's seed reports to its sidecar; return the file's name."""
    path = sidecar.path(env, "seeds", docname, spec)
    sidecar.write_lines(path, (entry_to_json(entry) for entry in entries))
    return path.name


def seed_reports(app: Sphinx) -> Iterator[dict[str, Any]]:
    """Every seed's report object, with its page, one at a time."""
    domain = get_domain(app.env)
    folder = Path(app.env.doctreedir, sidecar.FOLDER)
    for docname in sorted(domain.pages):
        for page in domain.pages[docname]:
            if not page.report:
                continue
            for obj in sidecar.read_lines(folder / page.report):
                # Relative to the conf dir: the report reads the same anywhere.
                obj["file"] = relative_path(obj["file"], app.confdir)
                yield {"page": docname, **obj}


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

    One seed, and one entry of each part of the links, per line: readable,
    and written with the C encoder (``json.dumps`` with ``indent`` falls back
    to the pure Python one).
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


def link_report(env: BuildEnvironment) -> dict[str, Any]:
    """Unused entries, wanted terms and per-entry link counts, as plain data."""
    domain = get_domain(env)
    index = link_names(env, autolinks=False)
    backlinks = domain.backlinks
    std = cast("StandardDomain", env.get_domain("std"))
    # Sphinx keeps terms lower-cased; our targets are case-folded ("ß": "ss").
    std_terms = {key(name) for (kind, name) in std.objects if kind == "term"}
    external = _external_terms(env)
    wanted: dict[str, set[str]] = defaultdict(set)
    for docname, refs in domain.xrefs.items():
        for target_name, _entry in refs:
            folded = key(target_name)
            if (
                folded not in std_terms
                and index.resolve(target_name) is None
                and not _resolves_elsewhere(folded, external)
            ):
                wanted[folded].add(docname)
    autolinked: dict[str, int] = defaultdict(int)
    plain: dict[str, Counter[str]] = defaultdict(Counter)
    for plan in domain.plans.values():
        for link in plan.links:
            autolinked[link.target] += 1
        for (target, reason), count in plan.not_linked:
            plain[target][reason] += count
    explicit: dict[str, int] = defaultdict(int)
    for refs in domain.xrefs.values():
        for target_name, from_entry in refs:
            found = index.resolve(target_name)
            if found is not None and found != from_entry:
                explicit[found] += 1
    entries = {}
    for _docname, item in domain.items():
        headword = item.names[0]
        entries[headword] = {
            "page": _docname,
            "explicit": explicit.get(item.key, 0),
            "autolinks": autolinked.get(item.key, 0),
            # Mentions left plain, by reason (see seed_glossary.autolink).
            "not_linked": dict(plain[item.key].most_common()),
            "referenced_from": [
                {"page": page, "entry": index.headwords.get(e, e) if e else None}
                for page, e in backlinks.get(item.key, ())
            ],
        }
    return {
        "entries": entries,
        "unused": sorted(
            (h for h, e in entries.items() if not e["explicit"] and not e["autolinks"]),
            key=str.lower,
        ),
        "wanted": {t: sorted(pages) for t, pages in sorted(wanted.items())},
        "abbreviations": _abbreviations(domain),
        "avoided": [
            {
                "page": docname,
                "line": use.line,
                "name": use.name,
                "preferred": use.preferred,
                "kind": use.kind,
                "note": use.note,
            }
            for docname, plan in sorted(domain.plans.items())
            for use in plan.avoided
        ],
    }


def _abbreviations(domain: SeedGlossaryDomain) -> dict[str, Any]:
    """Abbreviations used before the page spells them out; shared ones."""
    early = [
        {
            "page": docname,
            "line": use.line or None,
            "entry": use.entry,
            "abbreviation": use.name,
            "stands_for": list(use.expansions),
        }
        for docname, plan in sorted(domain.plans.items())
        for use in plan.abbreviations
        if not use.spelled_before
    ]
    shared = sorted(
        {
            (name, item.expansions)
            for _docname, item in domain.items()
            if len(item.expansions) > 1
            for name in item.abbreviations
        }
    )
    return {
        "used_before_spelled_out": early,
        "shared": [{"abbreviation": n, "terms": list(t)} for n, t in shared],
    }


def _external_terms(env: BuildEnvironment) -> dict[str | None, set[str]]:
    """Lower-cased ``std:term`` names of intersphinx inventories, by inventory.

    ``None`` holds the names of all inventories together.
    """
    out: dict[str | None, set[str]] = {None: set()}
    for name, names in intersphinx_terms(env).items():
        terms = {t.lower() for t in names}
        out[name] = terms
        out[None] |= terms
    return out


def _resolves_elsewhere(target: str, external: dict[str | None, set[str]]) -> bool:
    """Would intersphinx resolve this ``:term:`` target (``inv:name`` or ``name``)?"""
    if target in external[None]:
        return True
    prefix, _, rest = target.partition(":")
    return bool(rest) and rest in external.get(prefix, ())


def log_link_summary(report: dict[str, Any]) -> None:
    """Print the report's headline figures after a build."""
    entries = report["entries"]
    explicit = sum(e["explicit"] for e in entries.values())
    auto = sum(e["autolinks"] for e in entries.values())
    logger.info(
        "seed glossary: %d entries, %d links by role, %d autolinks; "
        "%d unused, %d wanted",
        len(entries),
        explicit,
        auto,
        len(report["unused"]),
        len(report["wanted"]),
    )
    for target, pages in report["wanted"].items():
        logger.info("  wanted: %r from %s", target, ", ".join(pages))
