"""Read a scraped glossary page (``*.txt``): structure first, then noise.

A scraped page is a list of blocks, one a line: maybe a navigation line and a
title, maybe a ``Meaning`` heading, the definition, headed sections (a
heading-shaped line followed by its paragraph), and page furniture anywhere.
Every non-blank line ends as exactly one of: title or definition heading
(``structure``), definition, section heading or text, or a dropped line with
the signals that dropped it.

The decisions, in order:

1. *Patterns* from the configuration: keep patterns win over everything,
   noise patterns drop.
2. *Banners*: a line with consent vocabulary starts a banner block; its
   neighbours join the block when they are repeated across the folder, use
   banner or first-person vocabulary, or are heading-shaped lines followed by
   more banner (a banner's own heading, not a section).
3. *Navigation*: skip links, menus and breadcrumbs.
4. *Structure*: a heading-shaped line followed by prose is a heading. The
   first prose line is the definition; heading-shaped lines before it are the
   title and the definition heading. Each heading owns the prose line after it.
5. *Extra prose*: a prose line that no heading owns (after a section's first
   paragraph, most often after the last section) is a tagline, teaser or
   promotion when it has their shape or vocabulary, else it is kept as a
   further paragraph and noted as uncertain.
6. *Repetition* alone (the same line in several seeds of the folder) drops
   lines that the structure does not claim.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Problem, SeedEntry
from .scraped_entry import assemble
from .scraped_lines import Line, NoiseOptions
from .scraped_noise import apply_patterns, mark_banners, mark_navigation
from .scraped_sections import mark_structure
from .signals import LineSignals, line_signals
from .words import ReaderWords, for_language

__all__ = ["NoiseOptions", "read_scraped"]


def read_scraped(
    file: str,
    numbered: Sequence[tuple[int, str]],
    *,
    repeats: Mapping[str, int] | None = None,
    folder_size: int = 1,
    options: NoiseOptions | None = None,
    problems: Sequence[Problem] = (),
    signals: dict[str, LineSignals] | None = None,
    words: ReaderWords | None = None,
) -> SeedEntry:
    """Turn the numbered non-blank lines of a scraped page into an entry.

    :param file: the seed's path, as it should appear in reports
    :param numbered: ``(line number, stripped text)`` of the non-blank lines
    :param repeats: for each line text, in how many other seeds it also occurs
    :param folder_size: how many seeds were read together (for messages)
    :param options: configured patterns and known headings
    :param problems: problems found while decoding, carried into the entry
    :param signals: the signals of lines already read with this one (a cache
        that the reader of a folder keeps for the folder)
    :param words: the word classes of the page's language (English if not
        given)
    """
    options = options or NoiseOptions()
    words = words or for_language()
    repeats = repeats or {}
    lines = [
        Line(n, text, line_signals(text, words, signals), repeats.get(text, 0))
        for n, text in numbered
    ]
    apply_patterns(lines, options)
    mark_banners(lines, folder_size, words.definition_headings)
    mark_navigation(lines)
    notes: list[Problem] = []
    headings = options.known_headings(words)
    mark_structure(lines, headings, words.definition_headings, notes)
    return assemble(file, lines, list(problems), notes, words)
