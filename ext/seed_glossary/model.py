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
    # Pages of the manual.
    DEPRECATED_TERM = "deprecated_term"
    AUTOLINK_LOST = "autolink_lost"
    # The project.
    NO_SEEDS = "no_seeds"
    SPLIT = "split"
    CONFIG = "config"
    DEPRECATED_CONFIG = "deprecated_config"


#: What each warning means and what to do, for the manual's list.
WARNING_HELP: dict[WarningSubtype, str] = {
    WarningSubtype.NO_TERM: "The seed has no headword: a scraped text that never "
    "names its term (the message shows the override to add), or a curated seed "
    "without `term`.",
    WarningSubtype.EMPTY_DEFINITION: "The seed has no definition: no prose line in "
    "a scraped seed, no text in a curated one.",
    WarningSubtype.FRONT_MATTER: "The front matter is not closed, is not valid "
    "YAML or not a mapping, has a value of the wrong type, or has an unknown key.",
    WarningSubtype.NOT_A_SEED: "A `*.md` file has no YAML front matter.",
    WarningSubtype.OVERRIDE: "An override's `source` does not name a scraped seed "
    "that the same directive reads.",
    WarningSubtype.ENCODING: "Some bytes are neither UTF-8 nor cp1252; they show as "
    "the replacement character (U+FFFD). Save the seed as UTF-8.",
    WarningSubtype.UNREADABLE: "The seed cannot be read (permissions, a symbolic "
    "link loop), is not a regular file (a FIFO, socket or device), or holds NUL "
    "bytes (a binary file).",
    WarningSubtype.TOO_LARGE: "The seed is larger than "
    "`seed_glossary_max_seed_bytes`; it was not read.",
    WarningSubtype.UNSAFE_PATH: "The seed is a symbolic link whose target is "
    "outside the seed folder, or a file in a linked folder that leads outside; "
    "it was not followed or read.",
    WarningSubtype.UNSAFE_MARKUP: "A curated seed used something it may not add to "
    "a page (a `meta` tag, an image, a download, a substitution, a page-level "
    "directive, a toctree): it was left out; or a directive that seeds may not "
    "use, or an `eval-rst` block: it is shown as text.",
    WarningSubtype.UNCERTAIN: "A doubtful decision, not an error: a prose line "
    "kept as a further paragraph, a line before the definition dropped as page "
    "structure, a title line that differs from the term the definition names, a "
    "name left out of the aliases because it may be a metaphor, a description or "
    'another noun\'s name, an alias after ", or" that may start a list.',
    WarningSubtype.DEPRECATED_TERM: "A page uses a name that a curated seed lists "
    "under `deprecated:` or `avoid:`; the message names the preferred term.",
    WarningSubtype.DUPLICATE_TERM: "Two seeds (or a seed and another page) define "
    "the same term; both definitions are shown, numbered, under one entry.",
    WarningSubtype.NO_SEEDS: "The directive found no `*.txt` or `*.md` file at its "
    "folder or glob.",
    WarningSubtype.SPLIT: "A page of a split glossary cannot be written: a file of "
    "your own is in its place.",
    WarningSubtype.CONFIG: "A `seed_glossary_*` value is not allowed (the default "
    "is used), or a pattern is not a valid regular expression (it is skipped).",
    WarningSubtype.AUTOLINK_LOST: "Autolinks planned for a page were not put "
    "in: after the page was read, another extension's transform changed the "
    "text they were planned in. The page keeps its text; the message names the "
    "page and how many links were lost.",
    WarningSubtype.DEPRECATED_CONFIG: "A `seed_glossary_*` value that does nothing "
    "any more is set; remove it from `conf.py`.",
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
class AvoidedName:
    """A name writers should not use for the term: an old one, or a wrong one."""

    name: str
    kind: Literal["deprecated", "avoid"]
    note: str = ""  #: why, or what to say instead, in the seed's words


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
    #: ``autolink:`` of a curated seed: "always", "first", "never" or None
    autolink: str | None = None
    #: aliases that abbreviate the term (initials in brackets, ``abbreviation:``)
    abbreviations: tuple[str, ...] = ()
    #: names to avoid for the term (``deprecated:``, ``avoid:``)
    avoided: tuple[AvoidedName, ...] = ()
    #: for each alias, in the order of ``aliases``: the phrase that names it
    alias_evidence: tuple[AliasEvidence, ...] = ()


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
    #: ``autolink:`` of its curated seed ("always", "first", "never"), or ""
    autolink: str = ""
    #: an entry of a glossary written by hand, not of seeds
    handwritten: bool = False
    #: names that abbreviate the headword (or, for a shared alias, the alias)
    abbreviations: tuple[str, ...] = ()
    #: what an abbreviation stands for: the headword, or a shared alias's terms
    expansions: tuple[str, ...] = ()
    #: names to avoid, with the preferred name being the headword
    avoided: tuple[AvoidedName, ...] = ()
    #: the entry has no definition of its own: only "See also" lines, or a
    #: definition that only names another entry ("See argument.")
    empty: bool = False
    #: the entry has nothing to read at all: no definition and no "See also"
    #: line (a placeholder); an autolink to it is never made
    blank: bool = False
    #: the names as the seeds give them, where the page shows them translated
    #: (gettext): text not yet translated still names the entry so
    source_names: tuple[str, ...] = ()
