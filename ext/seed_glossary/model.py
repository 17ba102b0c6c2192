"""Plain data passed between the stages: what ingest reads, what Sphinx renders.

Everything here is a frozen dataclass of strings, ints and tuples, so it
pickles into the Sphinx environment and compares by value in tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: ``scraped`` is a ``*.txt`` page scrape, ``structured`` a curated ``*.md``
#: entry, ``override`` a ``*.md`` that completes a scraped seed (``source:``).
SeedFormat = Literal["scraped", "structured", "override"]

#: What a dropped line was taken for. The first word of every ``reason``.
#: ``replaced`` marks scraped text that a curated override replaces.
NoiseKind = Literal[
    "banner", "navigation", "tagline", "teaser", "promotion", "pattern", "replaced"
]


@dataclass(frozen=True, slots=True)
class DroppedLine:
    """A line of a seed that is not part of the entry, and why."""

    line: int  #: 1-based line number in the seed file
    text: str
    kind: NoiseKind
    signals: tuple[str, ...]  #: the evidence that dropped it, most telling first

    @property
    def reason(self) -> str:
        """The kind and its signals as one readable string, e.g. ``banner: ...``."""
        return f"{self.kind}: {'; '.join(self.signals)}"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the docs team should fix or check in a seed.

    ``subtype`` is the warning subtype (``seed_glossary.<subtype>``).
    """

    subtype: str
    message: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class AliasEvidence:
    """Why an alias is one: the phrase that names it, and its line.

    For a scraped seed the phrase is quoted from the definition ("often
    dubbed the “control tower”", "Gut-Liver axis (GL axis)"); for a curated
    seed it is the front matter key that lists it.
    """

    alias: str
    phrase: str
    line: int | None


@dataclass(frozen=True, slots=True)
class Section:
    """A headed section of an entry (``Origin``, ``Mechanism``, ...)."""

    heading: str
    text: str  #: paragraphs separated by a blank line; MyST source for ``.md``
    line: int  #: line of the heading
    body_line: int  #: line where the text starts


@dataclass(frozen=True, slots=True)
class SeedEntry:
    """One seed file, read: the glossary entry it yields and what was left out."""

    file: str  #: path of the seed file, as it was given to the reader
    format: SeedFormat
    term: str | None
    aliases: tuple[str, ...] = ()
    definition: str = ""
    sections: tuple[Section, ...] = ()
    see_also: tuple[str, ...] = ()
    dropped: tuple[DroppedLine, ...] = ()
    problems: tuple[Problem, ...] = ()
    #: doubts that are not errors: a guessed heading, an unusual line kept
    notes: tuple[Problem, ...] = ()
    term_line: int | None = None
    definition_line: int | None = None
    #: lines that are page structure, not content nor noise: a title line, a
    #: ``Meaning`` heading (line -> text)
    structure: tuple[tuple[int, str], ...] = ()
    #: for ``override`` seeds: the scraped seed this one completes; for a
    #: scraped seed completed by an override: that override's path
    source: str | None = None
    #: MyST source, not plain text (``structured`` and ``override`` seeds)
    is_markup: bool = False
    #: for each alias, in the order of ``aliases``: the phrase that names it
    alias_evidence: tuple[AliasEvidence, ...] = ()

    @property
    def has_problems(self) -> bool:
        return bool(self.problems)
