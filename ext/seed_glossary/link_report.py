"""The link report: unused entries, wanted terms, links per entry.

Written into the build report (``seed_glossary_report``) and summarised in
the build log; ``python -m seed_glossary report`` prints it again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from sphinx.util import logging

from .domain import get_domain
from .links import link_index

if TYPE_CHECKING:
    from sphinx.domains.std import StandardDomain
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def link_report(env: BuildEnvironment) -> dict[str, Any]:
    """Unused entries, wanted terms and per-entry link counts, as plain data."""
    domain = get_domain(env)
    index = link_index(env)
    backlinks = domain.data.get("backlinks", {})
    std = cast("StandardDomain", env.get_domain("std"))
    std_terms = {name.lower() for (kind, name) in std.objects if kind == "term"}
    external = _external_terms(env)
    wanted: dict[str, set[str]] = defaultdict(set)
    for docname, refs in domain.xrefs.items():
        for target_name, _entry in refs:
            if (
                target_name not in std_terms
                and target_name not in index.names
                and not _resolves_elsewhere(target_name, external)
            ):
                wanted[target_name].add(docname)
    autolinked: dict[str, int] = defaultdict(int)
    for planned in domain.autolinks.values():
        for target, _entry, _name in planned:
            autolinked[target] += 1
    explicit: dict[str, int] = defaultdict(int)
    for refs in domain.xrefs.values():
        for target_name, from_entry in refs:
            found = index.names.get(target_name)
            if found is not None and found != from_entry:
                explicit[found] += 1
    entries = {}
    for _docname, item in domain.items():
        headword = item.names[0]
        entries[headword] = {
            "page": _docname,
            "explicit": explicit.get(item.key, 0),
            "autolinks": autolinked.get(item.key, 0),
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
    }


def _external_terms(env: BuildEnvironment) -> dict[str | None, set[str]]:
    """Lower-cased ``std:term`` names of intersphinx inventories, by inventory.

    ``None`` holds the names of all inventories together.
    """
    named = getattr(env, "intersphinx_named_inventory", None) or {}
    out: dict[str | None, set[str]] = {None: set()}
    for name, inventory in named.items():
        terms = {t.lower() for t in _inventory_terms(inventory)}
        out[name] = terms
        out[None] |= terms
    return out


def _inventory_terms(inventory: Any) -> Iterable[str]:
    try:
        return list(inventory["std:term"])
    except (KeyError, TypeError, AttributeError):
        data = getattr(inventory, "data", {})
        return list(data.get("std:term", {}))


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
