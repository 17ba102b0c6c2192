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

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..abbreviations import abbreviates
from .brackets import bracket_names
from .cues import attached, find_verb_cue, marker_cue, verb_cue
from .naming import Naming, phrase, read_name
from .sentence import Clauses, Token
from .signals import SENTENCE_END
from .subject import MAX_GENUS_WORDS, Predicate, Subject, read_subject
from .words import ReaderWords, for_language, is_adverb, is_function_word

__all__ = ["Names", "extract_names", "first_sentence"]


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
    words: ReaderWords
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


def first_sentence(text: str, words: ReaderWords | None = None) -> str:
    """The text up to the first sentence end (or all of it).

    The full stops of "a.k.a.", "e.g." or "vs." end no sentence, even before
    a capital: "X, a.k.a. Kulchitsky cells, are".

    :param words: the word classes of the text's language (English if not given)
    """
    stop = (words or for_language()).abbreviation_stop
    for match in SENTENCE_END.finditer(text):
        before = text[max(0, match.start() - 12) : match.start() + 1]
        if not stop.search(before):
            return text[: match.end()]
    return text


def extract_names(definition: str, words: ReaderWords | None = None) -> Names:
    """Read the term and its aliases from a definition paragraph.

    :param definition: the definition text; only its first sentence is used
    :param words: the word classes of its language (English if not given)
    :returns: ``term`` is ``None`` when the definition does not open with a name
    """
    words = words or for_language()
    sentence = first_sentence(definition, words)
    subject = read_subject(sentence, Clauses(sentence), words)
    if subject is None:
        return Names(None, ())
    found = _Collector(subject.term, words)
    _bracket_aliases(sentence, subject, found)
    for clause in subject.appositives:
        _appositive_aliases(sentence, clause, found)
    _predicate_aliases(sentence, subject.predicate, found)
    return found.result()


# -- where aliases stand -----------------------------------------------------


def _bracket_aliases(text: str, subject: Subject, found: _Collector) -> None:
    for bracket in subject.brackets:
        where = f"{subject.head_text} {text[bracket.start : bracket.end]}"
        for naming in bracket_names(bracket.text, subject.term, found.words):
            found.add(naming, where)
    for bracket in subject.inner_brackets:
        where = text[bracket.start : bracket.end]
        for naming in bracket_names(bracket.text, subject.term, found.words):
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
    words = found.words
    cue = find_verb_cue(clause, words)
    if cue is not None:
        naming = read_name(text, clause, cue, words)
        if naming is not None:
            far = not attached(clause[: cue.start], words)
            found.add(naming, phrase(text, clause, naming), far=far)
            return
    marker = marker_cue(clause, words)
    if marker is not None:
        naming = read_name(text, clause, marker, words)
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
    if weak and clause[0].low in found.words.or_words:
        found.doubtful.extend(n for n in naming.names if not abbreviates(n, found.term))


def _bare_quote(text: str, clause: list[Token], found: _Collector) -> None:
    """ "X, the body's “alarm,” is": a nickname without a naming word, maybe."""
    if len(clause) > 4 or clause[-1].kind != "quote":
        return
    before = clause[:-1]
    owned = bool(before) and _determiner_or_owner(before[-1], found.words)
    if not (owned or all(_determiner_or_owner(t, found.words) for t in before)):
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


def _determiner_or_owner(token: Token, words: ReaderWords) -> bool:
    """ "the", "its", "the body's": words that may stand before a nickname."""
    low = token.low
    return token.kind == "word" and (
        low in words.articles or low in words.possessives or low.endswith(("'s", "’s"))
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
            _is_genus(first, found.words) and _names_genus(text, clause, found)
        ):
            _far_names(text, clause, found)
    for k in later:
        clause = predicate.clause(k)
        if clause is not None:
            _far_names(text, clause, found)


def _after_verb(text: str, first: list[Token], found: _Collector) -> bool:
    """ "is also known as Y", "has long been dubbed “Y”", "goes by Y"."""
    words = found.words
    start = 0
    while start < len(first) and (
        first[start].low in words.auxiliaries or is_adverb(first[start], words)
    ):
        start += 1
    cue = verb_cue(first, start, words) if start < len(first) else None
    if cue is None and words.final_verbs:
        # "wird auch X genannt": the verb follows the name, after auxiliaries.
        final = find_verb_cue(first, words)
        if final is not None and final.end is not None and final.start <= start:
            cue = final
    naming = read_name(text, first, cue, words) if cue is not None else None
    if naming is None:
        return False
    found.add(naming, phrase(text, first, naming))
    return True


def _names_genus(text: str, clause: list[Token], found: _Collector) -> bool:
    """ ", often dubbed “Y”," right after "is a peptide hormone"."""
    cue = find_verb_cue(clause, found.words)
    if cue is None or cue.start > 2 or not attached(clause[: cue.start], found.words):
        return False
    naming = read_name(text, clause, cue, found.words)
    if naming is None:
        return False
    found.add(naming, phrase(text, clause, naming))
    return True


def _is_genus(clause: Sequence[Token], words: ReaderWords) -> bool:
    """ "is a peptide hormone": the verb and a short noun phrase, nothing more."""
    tokens = clause[1:]
    return (
        0 < len(tokens) <= MAX_GENUS_WORDS
        and all(t.kind == "word" for t in tokens)
        and not any(
            w.low in words.subject_relatives
            or (is_function_word(w, words) and w.low not in words.articles)
            for w in tokens
        )
    )


def _far_names(text: str, clause: list[Token], found: _Collector) -> None:
    begin = 0
    while begin < len(clause):
        cue = find_verb_cue(clause, found.words, begin)
        if cue is None:
            return
        naming = read_name(text, clause, cue, found.words)
        if naming is not None:
            found.add(naming, phrase(text, clause, naming), far=True)
            begin = max(naming.end, cue.name_at)
        else:
            begin = cue.name_at
