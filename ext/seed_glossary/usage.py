"""How the whole build uses each name: the figures behind a :class:`.Policy`.

Plain data, no Sphinx. Each page tells which entries its prose names and
which entries each of its glossary entries names (:func:`page_mentions`);
from all pages together come the entries that many units name
(:func:`common_entries`) and the pairs of related entries
(:func:`related_entries`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from .autolink import Mention, PageText
from .vocabulary import LinkNames


class PageMentions(NamedTuple):
    """What a page tells the rules of the whole build (see :class:`Policy`)."""

    prose: bool  #: the page has prose (text outside glossary entries)
    entries: int  #: glossary entries on the page
    named: frozenset[str]  #: entries its prose names
    #: entry key -> the entries its definition names (entries on this page)
    in_entries: dict[str, frozenset[str]]
    #: entry key -> the entries its "See" and "See also" lines name
    see: dict[str, frozenset[str]]
    #: the titles of its sections: compounds the manual names
    headings: tuple[str, ...] = ()


def page_mentions(
    page: PageText, mentions: Iterable[Mention], names: LinkNames
) -> PageMentions:
    """Which entries the page's prose names, and which each of its entries name.

    Every page's prose counts, linked or not: the manual's own text tells
    which words of its field a reader meets everywhere, whether the project
    links its pages or only its glossary.
    """
    named: set[str] = set()
    in_entries: dict[str, set[str]] = {}
    for mention in mentions:
        entry = page.units[page.runs[mention.run][1]].entry
        if entry is not None:
            in_entries.setdefault(entry, set()).add(mention.target)
        else:
            named.add(mention.target)
    see: dict[str, set[str]] = {}
    for unit, name in page.see:
        entry, target = page.units[unit].entry, names.resolve(name)
        if entry is not None and target is not None:
            see.setdefault(entry, set()).add(target)
    has_prose = any(unit.entry is None for unit in page.units)
    return PageMentions(
        has_prose,
        sum(unit.entry is not None for unit in page.units),
        frozenset(named),
        {entry: frozenset(found) for entry, found in in_entries.items()},
        {entry: frozenset(found) for entry, found in see.items()},
        page.headings,
    )


def common_entries(
    pages: Iterable[PageMentions],
    share: float,
    min_units: int,
    *,
    entries: bool = False,
) -> frozenset[str]:
    """Entries named in at least *share* of the build's units (given enough).

    :param entries: count glossary entries as units too, besides the prose
        of every page. Linking inside entries asks
        without them: a glossary that uses its own terms in every entry makes
        them no less worth linking there. Linking in prose asks with them: a
        name that most entries use is a word of the field that prose uses in
        passing.
    """
    total, named = 0, Counter[str]()
    for page in pages:
        total += page.prose
        named.update(page.named)
        if entries:
            total += page.entries
            for found in page.in_entries.values():
                named.update(found)
    if total < min_units or share <= 0:
        return frozenset()
    return frozenset(t for t, n in named.items() if n / total >= share)


def related_entries(pages: Iterable[PageMentions]) -> frozenset[tuple[str, str]]:
    """``(a, b)`` pairs of related entries: their definitions name each other,
    or one's "See also" line names the other (both ways)."""
    named: dict[str, frozenset[str]] = {}
    pairs: set[tuple[str, str]] = set()
    for page in pages:
        named.update(page.in_entries)
        for entry, others in page.see.items():
            pairs.update((entry, other) for other in others)
            pairs.update((other, entry) for other in others)
    pairs.update(
        (entry, other)
        for entry, others in named.items()
        for other in others
        if other != entry and entry in named.get(other, ())
    )
    return frozenset(pairs)
