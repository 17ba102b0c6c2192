"""The headword and its aliases, as a definition's first sentence gives them.

The sentence is cut at its main verb (:mod:`.subject`). Aliases come from the
grammar of naming (:mod:`.cues`, :mod:`.naming`), looked for where a name of
the term can stand: a bracket right after the term (:mod:`.brackets`), an
appositive, a naming phrase right after the verb ("X is also called Y"), or
one right after the predicate's first noun ("X is a hormone, often dubbed
“Y”, that"). A naming phrase anywhere else in the sentence may name another
noun of it: it is reported as a doubt, never taken. Later sentences are not
read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..abbreviations import abbreviates
from .brackets import bracket_names
from .cues import attached, find_verb_cue, marker_cue, verb_cue
from .naming import Naming, phrase, read_name
from .sentence import Clauses, Token
from .signals import SENTENCE_END
from .subject import MAX_GENUS_WORDS, RELATIVES, Predicate, Subject, read_subject
from .words import AUXILIARIES, is_adverb, is_function_word

__all__ = ["Names", "extract_names", "first_sentence"]

# A full stop that ends an abbreviation: "a.k.a.", "e.g.", "cf.", "approx.".
_ABBREVIATION_STOP = re.compile(
    r"(?:\b(?:\w\.)+\w|\b(?:vs|cf|approx|ca|syn|abbr|lit|incl|resp|Dr|Prof|St|Fig))"
    r"\.$",
    re.IGNORECASE,
)
_ARTICLES = frozenset(("a", "an", "the"))


@dataclass(frozen=True, slots=True)
class Names:
    """What the first sentence says the entry is called."""

    term: str | None
    aliases: tuple[str, ...]
    #: aliases read from a weak cue (", or X,") that the term does not abbreviate
    doubtful: tuple[str, ...] = ()
    #: for each alias, in the same order, the phrase of the sentence that names it
    evidence: tuple[str, ...] = ()
    #: names kept out of the aliases, each as (name, phrase, why)
    left_out: tuple[tuple[str, str, str], ...] = ()


@dataclass
class _Collector:
    """Aliases and doubts in the order the sentence gives them."""

    term: str
    aliases: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    doubtful: list[str] = field(default_factory=list)
    left_out: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, naming: Naming, where: str, *, far: bool = False) -> None:
        """Take the names of *naming*, or keep them out with its doubt."""
        doubt = naming.doubt or (
            "the naming phrase is far from the term and may name another noun"
            if far
            else ""
        )
        for name in naming.names:
            if not name or name.casefold() == self.term.casefold():
                continue
            if doubt:
                self.left_out.append((name, where, doubt))
            elif name.casefold() not in (a.casefold() for a in self.aliases):
                self.aliases.append(name)
                self.evidence.append(where)

    def result(self) -> Names:
        taken = {a.casefold() for a in self.aliases}
        left_out = tuple(d for d in self.left_out if d[0].casefold() not in taken)
        doubtful = tuple(a for a in self.doubtful if a in self.aliases)
        return Names(
            self.term, tuple(self.aliases), doubtful, tuple(self.evidence), left_out
        )


def first_sentence(text: str) -> str:
    """The text up to the first sentence end (or all of it).

    The full stops of "a.k.a.", "e.g." or "vs." end no sentence, even before
    a capital: "X, a.k.a. Kulchitsky cells, are".
    """
    for match in SENTENCE_END.finditer(text):
        before = text[max(0, match.start() - 12) : match.start() + 1]
        if not _ABBREVIATION_STOP.search(before):
            return text[: match.end()]
    return text


def extract_names(definition: str) -> Names:
    """Read the term and its aliases from a definition paragraph.

    :param definition: the definition text; only its first sentence is used
    :returns: ``term`` is ``None`` when the definition does not open with a name
    """
    sentence = first_sentence(definition)
    subject = read_subject(sentence, Clauses(sentence))
    if subject is None:
        return Names(None, ())
    found = _Collector(subject.term)
    _bracket_aliases(sentence, subject, found)
    for clause in subject.appositives:
        _appositive_aliases(sentence, clause, found)
    _predicate_aliases(sentence, subject.predicate, found)
    return found.result()


# -- where aliases stand -----------------------------------------------------


def _bracket_aliases(text: str, subject: Subject, found: _Collector) -> None:
    for bracket in subject.brackets:
        where = f"{subject.head_text} {text[bracket.start : bracket.end]}"
        for naming in bracket_names(bracket.text, subject.term):
            found.add(naming, where)
    for bracket in subject.inner_brackets:
        where = text[bracket.start : bracket.end]
        for naming in bracket_names(bracket.text, subject.term):
            if naming.names and not naming.doubt:
                found.add(
                    Naming(
                        naming.names,
                        0,
                        0,
                        "the bracket stands inside the term and names a part of it",
                    ),
                    where,
                )


def _appositive_aliases(text: str, clause: list[Token], found: _Collector) -> None:
    """Names in a clause between the term and its verb."""
    cue = find_verb_cue(clause)
    if cue is not None:
        naming = read_name(text, clause, cue)
        if naming is not None:
            far = not attached(clause[: cue.start])
            found.add(naming, phrase(text, clause, naming), far=far)
            return
    marker = marker_cue(clause)
    if marker is not None:
        naming = read_name(text, clause, marker)
        if naming is not None:
            _add_marked(text, clause, naming, found, weak=marker.bare)
        return
    _bare_quote(text, clause, found)


def _add_marked(
    text: str, clause: list[Token], naming: Naming, found: _Collector, weak: bool
) -> None:
    """ ", or X,": a name, or the next item of a list; doubtful unless an
    abbreviation of the term."""
    found.add(naming, phrase(text, clause, naming))
    if weak and clause[0].is_word("or"):
        found.doubtful.extend(n for n in naming.names if not abbreviates(n, found.term))


def _bare_quote(text: str, clause: list[Token], found: _Collector) -> None:
    """ "X, the body's “alarm,” is": a nickname without a naming word, maybe."""
    if len(clause) > 4 or clause[-1].kind != "quote":
        return
    before = clause[:-1]
    owned = bool(before) and _determiner_or_owner(before[-1])
    if not (owned or all(_determiner_or_owner(t) for t in before)):
        return
    if any(t.kind != "word" for t in before):
        return
    name = clause[-1].text.strip()
    naming = Naming(
        (name,),
        0,
        len(clause),
        "a quoted phrase beside the term names it only with a naming word",
    )
    found.add(naming, phrase(text, clause, naming))


def _determiner_or_owner(token: Token) -> bool:
    """ "the", "its", "the body's": words that may stand before a nickname."""
    low = token.low
    return token.kind == "word" and (
        low in _ARTICLES or low in ("its", "their") or low.endswith(("'s", "’s"))
    )


def _predicate_aliases(text: str, predicate: Predicate, found: _Collector) -> None:
    """ "X is also called Y"; "X is a hormone, often dubbed “Y”, that …".

    Any other naming phrase of the sentence may name another noun: kept out.
    """
    first = predicate.first
    if not _after_verb(text, first, found):
        _far_names(text, first, found)
    later = iter(predicate.later)
    second = next(later, None)
    if second is not None:
        clause = predicate.clause(second)
        if clause is not None and not (
            _is_genus(first) and _names_genus(text, clause, found)
        ):
            _far_names(text, clause, found)
    for k in later:
        clause = predicate.clause(k)
        if clause is not None:
            _far_names(text, clause, found)


def _after_verb(text: str, first: list[Token], found: _Collector) -> bool:
    """ "is also known as Y", "has long been dubbed “Y”", "goes by Y"."""
    start = 0
    while start < len(first) and (
        first[start].low in AUXILIARIES or is_adverb(first[start])
    ):
        start += 1
    cue = verb_cue(first, start) if start < len(first) else None
    naming = read_name(text, first, cue) if cue is not None else None
    if naming is None:
        return False
    found.add(naming, phrase(text, first, naming))
    return True


def _names_genus(text: str, clause: list[Token], found: _Collector) -> bool:
    """ ", often dubbed “Y”," right after "is a peptide hormone"."""
    cue = find_verb_cue(clause)
    if cue is None or cue.start > 2 or not attached(clause[: cue.start]):
        return False
    naming = read_name(text, clause, cue)
    if naming is None:
        return False
    found.add(naming, phrase(text, clause, naming))
    return True


def _is_genus(clause: Sequence[Token]) -> bool:
    """ "is a peptide hormone": the verb and a short noun phrase, nothing more."""
    words = clause[1:]
    return (
        0 < len(words) <= MAX_GENUS_WORDS
        and all(t.kind == "word" for t in words)
        and not any(
            w.low in RELATIVES or (is_function_word(w) and w.low not in _ARTICLES)
            for w in words
        )
    )


def _far_names(text: str, clause: list[Token], found: _Collector) -> None:
    begin = 0
    while begin < len(clause):
        cue = find_verb_cue(clause, begin)
        if cue is None:
            return
        naming = read_name(text, clause, cue)
        if naming is not None:
            found.add(naming, phrase(text, clause, naming), far=True)
            begin = max(naming.end, cue.name_at)
        else:
            begin = cue.name_at
