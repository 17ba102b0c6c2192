"""Plain data passed between the stages: what ingest reads, what Sphinx renders.

Everything here is a frozen dataclass of strings, ints and tuples, so it
pickles into the Sphinx environment and compares by value in tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

#: ``scraped`` is a ``*.txt`` page scrape, ``structured`` a curated ``*.md``
#: entry, ``override`` a ``*.md`` that completes a scraped seed (``source:``).
SeedFormat = Literal["scraped", "structured", "override"]

#: What a dropped line was taken for. The first word of every ``reason``.
#: ``replaced`` marks scraped text that a curated override replaces.
NoiseKind = Literal[
    "banner", "navigation", "tagline", "teaser", "promotion", "pattern", "replaced"
]


class WarningSubtype(StrEnum):
    """Every warning subtype: ``suppress_warnings = ["seed_glossary.<subtype>"]``.

    :data:`WARNING_HELP` says what each means; the manual lists them from it.
    """

    # Reading seeds: something a person must fix in the seed.
    NO_TERM = "no_term"
    EMPTY_DEFINITION = "empty_definition"
    FRONT_MATTER = "front_matter"
    NOT_A_SEED = "not_a_seed"
    OVERRIDE = "override"
    ENCODING = "encoding"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too_large"
    UNSAFE_PATH = "unsafe_path"
    UNSAFE_MARKUP = "unsafe_markup"
    # Reading seeds: a guess worth checking.
    UNCERTAIN = "uncertain"
    # Putting seeds together.
    DUPLICATE_TERM = "duplicate_term"
    # The project.
    NO_SEEDS = "no_seeds"
    SPLIT = "split"
    CONFIG = "config"
    DEPRECATED_CONFIG = "deprecated_config"


#: What each warning means and what to do, for the manual's list.
WARNING_HELP: dict[WarningSubtype, str] = {
    WarningSubtype.NO_TERM: "The seed's definition names no term. Add an override "
    "(a curated seed with `source:`) that gives `term:`.",
    WarningSubtype.EMPTY_DEFINITION: "The seed holds no definition text.",
    WarningSubtype.FRONT_MATTER: "A curated seed's YAML front matter is missing, "
    "invalid, or has a key of the wrong type.",
    WarningSubtype.NOT_A_SEED: "A `*.md` file in the seed folder has no front "
    "matter with `term:`; it is not read.",
    WarningSubtype.OVERRIDE: "An override's `source:` names no scraped seed of the "
    "folders read.",
    WarningSubtype.ENCODING: "The seed is neither UTF-8 nor cp1252; undecodable "
    "bytes are shown as U+FFFD.",
    WarningSubtype.UNREADABLE: "The file cannot be read (permissions, not a "
    "regular file, binary).",
    WarningSubtype.TOO_LARGE: "The seed is larger than "
    "`seed_glossary_max_seed_bytes`; it is not read.",
    WarningSubtype.UNSAFE_PATH: "The file is a symlink that leads out of the seed "
    "folder; it is not followed.",
    WarningSubtype.UNSAFE_MARKUP: "A curated seed uses markup a seed may not use "
    "(images, downloads, meta tags, substitutions, toctrees); it is left out.",
    WarningSubtype.UNCERTAIN: "The reader made a guess worth checking (an unknown "
    "heading, a kept line that looks like promotion).",
    WarningSubtype.DUPLICATE_TERM: "Two seeds, or a seed and another page, define "
    "the same term.",
    WarningSubtype.NO_SEEDS: "The directive's folder or glob matches no seed file.",
    WarningSubtype.SPLIT: "A page of a split glossary cannot be written.",
    WarningSubtype.CONFIG: "A `seed_glossary_*` value is not allowed (the default "
    "is used), or a pattern does not compile.",
    WarningSubtype.DEPRECATED_CONFIG: "A `seed_glossary_*` value that does nothing "
    "any more is set; remove it.",
}


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

    subtype: str  #: a :class:`WarningSubtype` value
    message: str
    line: int | None = None

    def __post_init__(self) -> None:
        WarningSubtype(self.subtype)  # an unknown subtype is a bug: fail early


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

    @property
    def has_problems(self) -> bool:
        return bool(self.problems)


@dataclass(frozen=True, slots=True)
class ItemNames:
    """The names of one glossary item as rendered, for the link layer."""

    key: str  #: the item's key: its case-folded headword
    names: tuple[str, ...]  #: dt lines, headword first
    claims: tuple[str, ...]  #: every alias its seeds give, shared ones included
    anchor: str = ""  #: id of the headword's ``dt``: where links to the entry go
    #: ids of every ``dt`` (parallel to ``names``; "" where a name has none)
    anchors: tuple[str, ...] = ()
    files: tuple[str, ...] = ()  #: the seeds the entry comes from
