"""Abbreviations and names to avoid, found in a page's text (no Sphinx).

Both work on the same saved text of a page as autolinking
(:class:`~seed_glossary.autolink.PageText`) and report what they find with
its line, for the link report and for warnings:

* :func:`abbreviation_uses`: the first use of each abbreviation on a page,
  and whether the page spelled the term out before it;
* :meth:`AvoidedNames.uses`: every use, in prose, of a name that a curated
  seed lists under ``deprecated:`` or ``avoid:``;
* :func:`vale_style`: the same names as a Vale style, for writers' editors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property
from typing import NamedTuple

from .abbreviations import is_abbreviation
from .autolink import Mention, PageText
from .catalog import key
from .matching import TermMatcher
from .model import ItemNames
from .vocabulary import LinkNames


class AbbreviationUse(NamedTuple):
    """The first use of an abbreviation on a page."""

    name: str  #: the abbreviation as registered
    expansions: tuple[str, ...]  #: what it stands for
    line: int  #: in the page's source (0 inside a glossary entry: see ``entry``)
    spelled_before: bool  #: the page named the term before this use
    run: int  #: the ordinal of its run of text (see PlannedLink.run)
    end: int  #: where it ends in the run
    entry: str | None = None  #: the glossary entry it is in


class AvoidedUse(NamedTuple):
    """A use, in prose, of a name to avoid."""

    name: str  #: as written on the page
    preferred: str  #: the headword to use instead
    kind: str  #: "deprecated" or "avoid"
    note: str
    line: int


def abbreviation_uses(
    page: PageText, mentions: Iterable[Mention], names: LinkNames
) -> tuple[AbbreviationUse, ...]:
    """The first use of each abbreviation in *page*, in document order."""
    spelled: set[str] = set()
    done: set[str] = set()
    found = []
    for mention in mentions:
        folded = key(mention.name)
        expansions = names.abbreviations.get(folded)
        if expansions is None:
            spelled.add(mention.target)
        elif folded not in done:
            done.add(folded)
            ordinal, unit, _block, _text = page.runs[mention.run]
            entry = page.units[unit].entry
            found.append(
                AbbreviationUse(
                    mention.name,
                    expansions,
                    0 if entry else page.line_of(mention),
                    mention.target in spelled,
                    ordinal,
                    mention.end,
                    entry,
                )
            )
    return tuple(found)


class AvoidedNames:
    """The names to avoid of a build, and a matcher for them."""

    def __init__(self, names: LinkNames, ignore: Iterable[str] = ()) -> None:
        ignored = {key(n) for n in ignore}
        self.names = names
        self.by_name = {
            name: (preferred, avoided)
            for name, (preferred, avoided) in names.avoided.items()
            if name not in ignored and key(preferred) not in ignored
        }

    @cached_property
    def matcher(self) -> TermMatcher:
        return self.names.new_matcher(
            {avoided.name: name for name, (_p, avoided) in self.by_name.items()}
        )

    def uses(self, page: PageText) -> tuple[AvoidedUse, ...]:
        """Every use of a name to avoid in the page's prose (not in entries)."""
        if not self.by_name:
            return ()
        found = []
        for index, (_ordinal, unit, _block, text) in enumerate(page.runs):
            if page.units[unit].entry is not None:
                continue  # an entry may name its old names
            for match in self.matcher.find(text):
                preferred, avoided = self.by_name[match.target]
                mention = Mention(
                    index, match.start, match.end, match.name, match.target
                )
                found.append(
                    AvoidedUse(
                        text[match.start : match.end],
                        preferred,
                        avoided.kind,
                        avoided.note,
                        page.line_of(mention),
                    )
                )
        return tuple(found)


# -- Vale ---------------------------------------------------------------------------


def vale_style(items: Iterable[ItemNames], style: str) -> dict[str, str]:
    """A Vale style from the glossary: file path (relative) -> file text.

    * ``styles/<style>/Terms.yml``: a ``substitution`` rule from every name to
      avoid to its preferred term (Vale's ``swap`` map; keys are regular
      expressions, matched case-insensitively);
    * ``styles/config/vocabularies/<style>/accept.txt``: every term and alias,
      one regular expression a line, so Vale's spelling checks accept them.
      Vale also enforces their case (``Vale.Terms``): abbreviations keep
      theirs, other names are accepted in any case (``(?i)``), since a
      headword written "Gut permeability" is "gut permeability" in a sentence.

    Point Vale at it with ``StylesPath = styles``, ``Vocab = <style>`` and
    ``BasedOnStyles = <style>`` in ``.vale.ini``.
    """
    items = list(items)
    swap: dict[str, str] = {}
    notes: list[str] = []
    for item in items:
        for avoided in item.avoided:
            swap.setdefault(_pattern(avoided.name), item.names[0])
            if avoided.note:
                notes.append(f"# {avoided.name}: {avoided.note}")
    accepted = sorted(
        {_accepted(name) for item in items for name in item.names}, key=str.lower
    )
    rule = [
        "# Generated by sphinx-seed-glossary from the glossary's seeds.",
        *notes,
        "extends: substitution",
        "message: \"Use '%s' instead of '%s'.\"",
        "level: warning",
        "ignorecase: true",
        "swap:",
        *(f"  {_yaml(old)}: {_yaml(new)}" for old, new in sorted(swap.items())),
    ]
    if not swap:
        rule[-1] = "swap: {}"
    return {
        f"styles/{style}/Terms.yml": "\n".join(rule) + "\n",
        f"styles/config/vocabularies/{style}/accept.txt": "".join(
            f"{pattern}\n" for pattern in accepted
        ),
    }


def _accepted(name: str) -> str:
    pattern = _pattern(name)
    return pattern if is_abbreviation(name) else f"(?i){pattern}"


def _pattern(name: str) -> str:
    """A name as a regular expression that matches it, spaces as any blank."""
    return r"\s+".join(re.escape(word) for word in name.split())


def _yaml(text: str) -> str:
    """A YAML scalar in single quotes (a quote inside is doubled)."""
    return "'" + text.replace("'", "''") + "'"
