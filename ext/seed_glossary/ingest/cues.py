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
from .words import ReaderWords, is_adverb

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
    #: the naming verb after its name ("auch X genannt"): the name ends there
    end: int | None = None


def verb_cue(clause: Sequence[Token], i: int, words: ReaderWords) -> Cue | None:
    """The naming phrase whose verb is ``clause[i]``, with the adverbs before it."""
    form = clause[i].low if clause[i].kind == "word" else ""
    found = words.verb_forms.get(form)
    if found is None or (
        form in words.verb_nouns and not _has_subject(clause, i, words)
    ):
        return None
    particle, quoted_only = found
    name_at = _after_particle(clause, i + 1, particle, words)
    if name_at is None:
        return None
    start = i
    while start > 0 and is_adverb(clause[start - 1], words):
        start -= 1
    return Cue(start, name_at, quoted_only)


def mentions_naming_verb(text: str, words: ReaderWords) -> bool:
    """A cheap test: could *text* hold a naming phrase with a verb?"""
    return not words.naming_words.isdisjoint(_LOWER_WORDS.findall(text.casefold()))


def _has_subject(clause: Sequence[Token], i: int, words: ReaderWords) -> bool:
    """ "which researchers term X": a verb. "a term coined", "the label": nouns."""
    if i == 0 or clause[i - 1].kind != "word":
        return False
    before = clause[i - 1].low
    return before not in words.determiners and not before.endswith(("'s", "’s"))


def find_verb_cue(
    clause: Sequence[Token], words: ReaderWords, begin: int = 0
) -> Cue | None:
    """The first naming phrase with a verb in ``clause[begin:]``."""
    for i in range(begin, len(clause)):
        low = clause[i].low
        if low in words.naming_words:  # the cheap test first: most words fail
            cue = verb_cue(clause, i, words) if low in words.verb_forms else None
            if low in words.final_verbs:
                # Ending its clause, the verb has no name after it: the name
                # came before it.
                cue = _final_cue(clause, i, words, begin) or cue
            if cue is not None:
                return cue
    return None


def _final_cue(
    clause: Sequence[Token], i: int, words: ReaderWords, begin: int
) -> Cue | None:
    """A naming participle after its name, ending the clause: "auch X
    genannt", "auch als X bezeichnet", "(oft „X“ genannt)".

    The name starts after the last adverb or particle before the verb (or at
    the clause's start), and the phrase at the first of the adverbs.
    """
    if any(t.kind in ("word", "quote", "bracket") for t in clause[i + 1 :]):
        return None  # the participle must end the clause

    def lead(token: Token) -> bool:
        return is_adverb(token, words) or token.low in words.final_particles

    name_at = i
    while name_at > begin and not lead(clause[name_at - 1]):
        name_at -= 1
    if name_at == i:
        return None
    start = name_at
    while start > begin and lead(clause[start - 1]):
        start -= 1
    return Cue(start, name_at, end=i)


def marker_cue(clause: Sequence[Token], words: ReaderWords) -> Cue | None:
    """A clause that opens with "or", "formerly", "aka", "Latin:" and the like.

    "or" followed by an adverb ("or simply X") names for sure; a bare "or X" may
    also start a list, which :func:`read_name` leaves to the caller to weigh.
    """
    if not clause or clause[0].kind != "word":
        return None
    first = clause[0].low
    if first in words.or_words:
        i = 1
        while i < len(clause) and is_adverb(clause[i], words):
            i += 1
        return Cue(0, i, bare=i == 1)
    if first in words.markers:
        i = 1
        if i < len(clause) and (clause[i].kind == "stop" or _glued_dot(clause, i)):
            i += 1
        return Cue(0, i, bare=True)
    if first in words.languages and len(clause) > 1:
        return Cue(0, 1, bare=True)
    return None


def _glued_dot(clause: Sequence[Token], i: int) -> bool:
    """The full stop of an abbreviated marker: "lat. X", "abk. X"."""
    return clause[i].text == "." and clause[i].start == clause[i - 1].end


def _after_particle(
    clause: Sequence[Token], i: int, particle: str | None, words: ReaderWords
) -> int | None:
    """Index after the verb's particle, or ``None`` if the particle is missing.

    "referred to as", "referred to simply as", "referred to in the literature
    as", "known colloquially as", "known to many as", "goes by".
    """
    i = _skip(clause, i, lambda t: is_adverb(t, words))
    if particle is None:
        return i + 1 if word_in(clause, i, words.optional_particles) else i
    parts = particle.split()
    for k, part in enumerate(parts):
        if k == len(parts) - 1 and part in words.as_particles:
            i = _skip_place(clause, i, part, words)
            return i + 1 if word_at(clause, i, part) else None
        if not word_at(clause, i, part):
            return None
        i += 1
        if k == 0:
            i = _skip(
                clause, i, lambda t: is_adverb(t, words) or t.low in words.pronouns
            )
    return i


def _skip_place(clause: Sequence[Token], i: int, as_: str, words: ReaderWords) -> int:
    """Skip a short phrase of place or audience before "as": "in the clinic"."""
    if not word_in(clause, i, words.place_prepositions):
        return i
    if clause[i].low in words.audience_prepositions and not word_in(
        clause, i + 1, words.audience
    ):
        return i  # "known to rise as …" is no naming
    for j in range(i + 1, min(i + 5, len(clause))):
        if word_at(clause, j, as_):
            return j
        if clause[j].kind != "word" or clause[j].low in words.conjunctions:
            return i
    return i


def _skip(clause: Sequence[Token], i: int, test: Callable[[Token], bool]) -> int:
    while i < len(clause) and test(clause[i]):
        i += 1
    return i


def word_at(clause: Sequence[Token], i: int, *words: str) -> bool:
    """Is ``clause[i]`` a word, and one of *words* (lower case) if any are given?"""
    return i < len(clause) and clause[i].is_word(*words)


def word_in(clause: Sequence[Token], i: int, group: frozenset[str]) -> bool:
    """Is ``clause[i]`` a word of *group* (lower case)? Never, for an empty group."""
    return i < len(clause) and clause[i].kind == "word" and clause[i].low in group


def attached(prefix: Sequence[Token], words: ReaderWords) -> bool:
    """Does a naming phrase after *prefix* still name the clause's subject?

    "often called", "which researchers have dubbed", "a steroid sometimes
    called" do; "a hormone released by fat tissue that is called" names
    another noun, the one after the preposition.
    """
    if len(prefix) > _MAX_PREFIX_WORDS:
        return False
    return all(t.kind == "word" and t.low not in words.prepositions for t in prefix)
