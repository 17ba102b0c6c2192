"""From read seeds to glossary items: who owns which name.

Plain data, no Sphinx. Decides, for the whole glossary at once:

* which names become ``dt`` lines of which entry (a term and its own aliases);
* seeds that define the same term share one item and show each definition,
  with a ``duplicate_term`` problem; terms whose case differs past the first
  letter ("head" and "HEAD") are two entries, as Sphinx keeps them apart;
* an alias that several terms claim becomes an item of its own that points to
  each of them, and those terms point to each other under "See also";
* an alias that is another entry's term links to that entry under "See also".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from .collation import Collation
from .model import Problem, SeedEntry


@dataclass(frozen=True, slots=True)
class CatalogItem:
    """One ``definition_list_item`` of the glossary."""

    names: tuple[str, ...]  #: the ``dt`` lines; ``names[0]`` is the headword
    entries: tuple[SeedEntry, ...]  #: the definitions (several for duplicates)
    see_also: tuple[str, ...] = ()  #: related terms, linked
    see: tuple[str, ...] = ()  #: for a shared alias: the terms it stands for
    #: seed and line that the ``dt`` lines point at in warnings
    origin: tuple[str, int] = ("", 0)


@dataclass(frozen=True, slots=True)
class CatalogProblem:
    """A problem that only shows when seeds are put together."""

    file: str
    problem: Problem


@dataclass
class _Group:
    entries: list[SeedEntry]
    own_aliases: list[str] = field(default_factory=list)
    see_also: list[str] = field(default_factory=list)

    @property
    def term(self) -> str:
        return self.entries[0].term or ""


def written(name: str) -> str:
    """A name as written, compared: NFC, single spaces, case kept."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def key(name: str) -> str:
    """How names are compared: NFC, case-folded, single spaces."""
    return written(name).casefold()


def entry_key(headword: str) -> str:
    """The key of the entry that *headword* names, the same across the build.

    :func:`key` of the headword, unless its case says more than where a
    sentence starts: "Butyrate" and "butyrate" are one entry, "HEAD" and
    "head" are two, as Sphinx keeps glossary terms apart whose case differs
    (sphinx-doc/sphinx#7418).
    """
    name = written(headword)
    return name.casefold() if name[1:] == name[1:].lower() else name


def only_refers(item: CatalogItem, names: set[str]) -> bool:
    """Is the item's whole definition one word and another entry's name
    ("See argument.", "Siehe Argument.")? Such an entry has no definition of
    its own, as one with only "See also" lines. *names*: every name of the
    glossary, casefolded."""
    texts = [e.definition.strip() for e in item.entries if e.definition.strip()]
    if len(texts) != 1 or any(e.sections for e in item.entries):
        return False
    words = _TERM_ROLE.sub(r"\1", texts[0].rstrip(".")).split(maxsplit=1)
    if len(words) != 2:
        return False
    named = words[1].casefold()
    return named in names and all(named != own.casefold() for own in item.names)


# A term role, in MyST or reStructuredText, with or without a target.
_TERM_ROLE = re.compile(r"(?:\{term\}|:term:)`(?:[^`<]*<)?([^`>]*)>?`")


def build_catalog(
    entries: Iterable[SeedEntry], collation: Collation | None = None
) -> tuple[list[CatalogItem], list[CatalogProblem]]:
    """Resolve names across all entries and return sorted glossary items.

    :param entries: read seeds; those without a term are skipped (their
        ``no_term`` problem is already reported by the reader)
    :param collation: the order of the manual's language (A to Z by default)
    """
    sort_key = (collation or Collation()).key
    groups: dict[str, _Group] = {}
    problems: list[CatalogProblem] = []
    for entry in entries:
        if not entry.term or entry.format == "override":
            continue
        group = groups.get(entry_key(entry.term))
        if group is None:
            groups[entry_key(entry.term)] = _Group([entry])
            continue
        first = group.entries[0]
        group.entries.append(entry)
        problems.append(
            CatalogProblem(
                entry.file,
                Problem(
                    "duplicate_term",
                    f"term {entry.term!r} is also defined by {first.file}; both "
                    "definitions are shown under one entry. Merge the seeds, or give "
                    "one a different term with an override",
                    entry.term_line,
                ),
            )
        )

    claims: dict[str, list[str]] = {}
    spelling: dict[str, str] = {}
    for group_key, group in groups.items():
        for entry in group.entries:
            for alias in entry.aliases:
                alias_key = entry_key(alias)
                if alias_key == group_key:
                    continue
                if alias_key in groups:
                    # The alias is another entry's headword: relate, don't claim.
                    _add(group.see_also, groups[alias_key].term)
                    continue
                spelling.setdefault(alias_key, alias)
                owners = claims.setdefault(alias_key, [])
                if group_key not in owners:
                    owners.append(group_key)
        for entry in group.entries:
            for related in entry.see_also:
                if entry_key(related) != group_key:
                    _add(group.see_also, related)

    shared: list[CatalogItem] = []
    for alias_key, owners in claims.items():
        if len(owners) == 1:
            _add(groups[owners[0]].own_aliases, spelling[alias_key])
            continue
        terms = sorted((groups[o].term for o in owners), key=sort_key)
        for owner in owners:
            for other in terms:
                if entry_key(other) != owner:
                    _add(groups[owner].see_also, other)
        first = groups[owners[0]].entries[0]
        shared.append(
            CatalogItem(
                names=(spelling[alias_key],),
                entries=(),
                see=tuple(terms),
                origin=(first.file, first.term_line or 1),
            )
        )

    items = [
        CatalogItem(
            names=(group.term, *group.own_aliases),
            entries=tuple(group.entries),
            see_also=tuple(group.see_also),
            origin=(group.entries[0].file, group.entries[0].term_line or 1),
        )
        for group in groups.values()
    ]
    items.extend(shared)
    items.sort(key=lambda item: sort_key(item.names[0]))
    return items, problems


def _add(names: list[str], name: str) -> None:
    if entry_key(name) not in {entry_key(n) for n in names}:
        names.append(name)
