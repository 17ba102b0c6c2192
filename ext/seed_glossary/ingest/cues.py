"""Where a naming phrase starts: a verb of naming, or a marker.

A name is given in one of three ways:

- a **naming verb** in any inflection, with adverbs before it and its particle
  after it, then the name: "often dubbed the “X”", "has long been termed X",
  "known colloquially as X", "which researchers call X", "goes by the nickname
  “X”", "also spelled X". Between the verb and the name may stand an article,
  an owner ("the body's “X”") or a word such as *name* or *nickname*;
- a **marker** without a verb at the start of a clause: "formerly X", "aka X",
  "also X", "or simply X", "Latin: X";
- a **parenthesis** right after the term (:mod:`.brackets`).

This module finds the first two, as a :class:`Cue`: where the phrase starts
and where its name starts. :mod:`.naming` reads the name.

Some verbs only describe (*described as*, *billed as*, *hailed as*): they
name only a quoted span. Metaphor verbs (*acts as*, *serves as*, *likened
to*, *like a*) name nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .sentence import Token
from .words import (
    AUDIENCE,
    CONJUNCTIONS,
    DETERMINERS,
    LANGUAGES,
    MARKERS,
    NOUNS_TOO,
    PLACE_PREPOSITIONS,
    PREPOSITIONS,
    PRONOUNS,
    VERB_FORM_SET,
    VERB_FORMS,
    is_adverb,
)

# Words of a text, for a cheap test of a clause before reading it.
_LOWER_WORDS = re.compile(r"[^\W\d_][\w-]*")
# How far before a naming verb its clause may start and still name the term.
_MAX_PREFIX_WORDS = 5


@dataclass(frozen=True, slots=True)
class Cue:
    """A naming phrase in a clause: its first token and where its name starts."""

    start: int
    name_at: int
    quoted_only: bool = False
    #: a marker without a verb ("formerly X"): the name must fill the clause
    bare: bool = False


def verb_cue(clause: Sequence[Token], i: int) -> Cue | None:
    """The naming phrase whose verb is ``clause[i]``, with the adverbs before it."""
    form = clause[i].low if clause[i].kind == "word" else ""
    if form not in VERB_FORMS or (form in NOUNS_TOO and not _has_subject(clause, i)):
        return None
    _lemma, particle, quoted_only = VERB_FORMS[form]
    name_at = _after_particle(clause, i + 1, particle)
    if name_at is None:
        return None
    start = i
    while start > 0 and is_adverb(clause[start - 1]):
        start -= 1
    return Cue(start, name_at, quoted_only)


def mentions_naming_verb(text: str) -> bool:
    """A cheap test: could *text* hold a naming phrase with a verb?"""
    return not VERB_FORM_SET.isdisjoint(_LOWER_WORDS.findall(text.casefold()))


def _has_subject(clause: Sequence[Token], i: int) -> bool:
    """ "which researchers term X": a verb. "a term coined", "the label": nouns."""
    if i == 0 or clause[i - 1].kind != "word":
        return False
    before = clause[i - 1].low
    return before not in DETERMINERS and not before.endswith(("'s", "’s"))


def find_verb_cue(clause: Sequence[Token], begin: int = 0) -> Cue | None:
    """The first naming phrase with a verb in ``clause[begin:]``."""
    for i in range(begin, len(clause)):
        if clause[i].low in VERB_FORMS:  # the cheap test first: most words fail
            cue = verb_cue(clause, i)
            if cue is not None:
                return cue
    return None


def marker_cue(clause: Sequence[Token]) -> Cue | None:
    """A clause that opens with "or", "formerly", "aka", "Latin:" and the like.

    "or" followed by an adverb ("or simply X") names for sure; a bare "or X" may
    also start a list, which :func:`read_name` leaves to the caller to weigh.
    """
    if not clause or clause[0].kind != "word":
        return None
    first = clause[0].low
    if first == "or":
        i = 1
        while i < len(clause) and is_adverb(clause[i]):
            i += 1
        return Cue(0, i, bare=i == 1)
    if first in MARKERS:
        i = 1
        if i < len(clause) and clause[i].kind == "stop":
            i += 1
        return Cue(0, i, bare=True)
    if first in LANGUAGES and len(clause) > 1:
        return Cue(0, 1, bare=True)
    return None


def _after_particle(
    clause: Sequence[Token], i: int, particle: str | None
) -> int | None:
    """Index after the verb's particle, or ``None`` if the particle is missing.

    "referred to as", "referred to simply as", "referred to in the literature
    as", "known colloquially as", "known to many as".
    """
    i = _skip(clause, i, is_adverb)
    if particle is None:
        return i + 1 if word_at(clause, i, "as", "to") else i
    words = particle.split()
    if words[0] != "as" and not word_at(clause, i, words[0]):
        return None
    if words[0] != "as":
        i = _skip(clause, i + 1, lambda t: is_adverb(t) or t.low in PRONOUNS)
        words = words[1:]
    if not words:
        return i
    i = _skip_place(clause, i)
    return i + 1 if word_at(clause, i, "as") else None


def _skip_place(clause: Sequence[Token], i: int) -> int:
    """Skip a short phrase of place or audience before "as": "in the clinic"."""
    if not word_at(clause, i, *PLACE_PREPOSITIONS):
        return i
    if clause[i].low == "to" and not word_at(clause, i + 1, *AUDIENCE):
        return i  # "known to rise as …" is no naming
    for j in range(i + 1, min(i + 5, len(clause))):
        if word_at(clause, j, "as"):
            return j
        if clause[j].kind != "word" or clause[j].low in CONJUNCTIONS:
            return i
    return i


def _skip(clause: Sequence[Token], i: int, test: Callable[[Token], bool]) -> int:
    while i < len(clause) and test(clause[i]):
        i += 1
    return i


def word_at(clause: Sequence[Token], i: int, *words: str) -> bool:
    return i < len(clause) and clause[i].is_word(*words)


def attached(prefix: Sequence[Token]) -> bool:
    """Does a naming phrase after *prefix* still name the clause's subject?

    "often called", "which researchers have dubbed", "a steroid sometimes
    called" do; "a hormone released by fat tissue that is called" names
    another noun, the one after the preposition.
    """
    if len(prefix) > _MAX_PREFIX_WORDS:
        return False
    return all(t.kind == "word" and t.low not in PREPOSITIONS for t in prefix)
