"""Which mentions of glossary names become links (no Sphinx, no docutils).

The Sphinx layer hands over a page's linkable text as plain data
(:class:`PageText`: the text pieces in document order, each in its *unit*,
an entry or a section, and the ``:term:`` links written there); this module
finds the names in it and decides which mentions to link
(:class:`PlannedLink`). The rules:

* a unit links each entry once, at its first mention;
* an entry never links itself, nor an entry whose alias it claims;
* a term the author already linked in the unit counts as mentioned;
* excluded names (``seed_glossary_autolink_exclude``) are never linked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from .catalog import key
from .matching import TermMatcher
from .model import ItemNames


@dataclass(frozen=True, slots=True)
class Unit:
    """Where "first mention" counts: a glossary entry, a section or a page."""

    ident: str
    entry: str | None = None  #: the entry's key, for entries


@dataclass(frozen=True, slots=True)
class PageText:
    """A page's linkable text, as read.

    ``texts`` holds ``(ordinal, unit index, text)``: the ordinal counts every
    text node the walk of the page meets, so the links can be put back into
    the same nodes at write time.
    """

    units: tuple[Unit, ...] = ()
    texts: tuple[tuple[int, int, str], ...] = ()
    #: ``(unit index, key of the target name)`` of each ``:term:`` link
    xrefs: tuple[tuple[int, str], ...] = ()


class PlannedLink(NamedTuple):
    """One autolink: ``text[start:end]`` of text node *text* links *name*."""

    text: int  #: the text node's ordinal in the page walk
    start: int
    end: int
    surface: str  #: the words linked, as written
    name: str  #: the registered name, the link's target
    target: str  #: the key of the entry linked to
    entry: str | None  #: the key of the entry the link is in (None in prose)


@dataclass
class LinkNames:
    """Every name that can be linked, and to which entry (one build).

    :param items: the glossary items of every page, in page order
    :param exclude: names never autolinked (``seed_glossary_autolink_exclude``)
    :param setting: the autolink setting, as text: part of :attr:`digest`
    """

    items: Iterable[ItemNames]
    exclude: Iterable[str] = ()
    setting: str = ""
    #: folded name -> key of its entry (the first page's, if two define it)
    names: dict[str, str] = field(init=False)
    #: entry key -> its headword
    headwords: dict[str, str] = field(init=False)
    #: entry key -> entries it must not link (itself, those its aliases name)
    own_of: dict[str, frozenset[str]] = field(init=False)
    #: folded names and entry keys never linked
    excluded: frozenset[str] = field(init=False)
    #: changes whenever a name, its entry, the exclusions or the setting change
    digest: str = field(init=False)

    def __post_init__(self) -> None:
        items = list(self.items)
        self.names, self.headwords, pairs = {}, {}, []
        for item in items:
            for name in item.names:
                self.names.setdefault(key(name), item.key)
                pairs.append((name, item.key))
            self.headwords.setdefault(item.key, item.names[0])
        self.own_of = {}
        for item in items:
            claimed = {self.names.get(key(alias)) for alias in item.claims}
            self.own_of[item.key] = frozenset({item.key} | {c for c in claimed if c})
        excluded = {key(n) for n in self.exclude}
        # An excluded headword excludes its entry under every name.
        excluded |= {self.names[n] for n in excluded if self.names.get(n) == n}
        self.excluded = frozenset(excluded)
        self._pairs = dict(pairs)
        digest = hashlib.sha256()
        for name, target in sorted(pairs):
            digest.update(f"{name}\0{target}\n".encode())
        digest.update(f"\0{self.setting}\0{sorted(self.excluded)}".encode())
        self.digest = digest.hexdigest()

    @cached_property
    def matcher(self) -> TermMatcher:
        """Built on first use: a build that plans no page never needs it."""
        return TermMatcher(self._pairs)

    def target_of(self, name: str) -> str | None:
        """The key of the entry *name* (any case and spacing) belongs to."""
        return self.names.get(key(name))


def plan_page(
    page: PageText, names: LinkNames, *, prose: bool
) -> tuple[PlannedLink, ...]:
    """The autolinks of one page, in document order.

    :param page: the page's linkable text
    :param names: every name of the build
    :param prose: link in the page's prose too, not only inside entries
    """
    mentioned: dict[int, set[str]] = {}
    for unit_index, target_name in page.xrefs:
        target = names.names.get(target_name)
        if target is not None:
            mentioned.setdefault(unit_index, set()).add(target)
    planned = []
    for ordinal, unit_index, text in page.texts:
        unit = page.units[unit_index]
        if unit.entry is None and not prose:
            continue
        own = (
            names.own_of.get(unit.entry, frozenset({unit.entry})) if unit.entry else ()
        )
        seen = mentioned.setdefault(unit_index, set())
        for mention in names.matcher.find(text):
            if (
                mention.target in own
                or mention.target in seen
                or mention.target in names.excluded
                or key(mention.name) in names.excluded
            ):
                continue
            seen.add(mention.target)
            planned.append(
                PlannedLink(
                    ordinal,
                    mention.start,
                    mention.end,
                    text[mention.start : mention.end],
                    mention.name,
                    mention.target,
                    unit.entry,
                )
            )
    return tuple(planned)
