"""The headword and its aliases, as a definition's first sentence gives them.

A glossary definition opens with its subject, then its main verb:

    <Term> [(<bracket>)] [, <appositive>,]... <verb> <predicate>

The term is the head of the subject. Appositives and brackets may stand
between it and the verb ("X (XA), a steroid made by …, has long been …"), so
the verb is looked for at the start of each clause, not only in the first.

Aliases come from the grammar of naming (:mod:`.naming`), looked for where a
name of the term can stand: a bracket right after the term, an appositive,
a naming phrase right after the verb ("X is also called Y"), or one right
after the predicate's first noun ("X is a hormone, often dubbed “Y”, that").
A naming phrase anywhere else in the sentence may name another noun of it:
it is reported as a doubt, never taken. Later sentences are not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .naming import (
    AUXILIARIES,
    Naming,
    attached,
    bracket_names,
    find_verb_cue,
    is_abbreviation_of,
    is_adverb,
    is_function_word,
    marker_cue,
    mentions_naming_verb,
    phrase,
    read_name,
    verb_cue,
    word_set,
)
from .sentence import Clauses, Token
from .signals import SENTENCE_END

__all__ = ["Names", "extract_names", "first_sentence", "is_abbreviation_of"]

# Verbs that end a definition's subject (lower case only: "Act" may be a name).
_MAIN_VERBS = (AUXILIARIES - {"be", "been", "being", "am", "having"}) | word_set(
    "refers refer describes describe denotes denote means mean represents "
    "represent designates designate constitutes constitute comprises comprise "
    "consists consist defines define remains remain becomes become serves serve "
    "acts act plays play helps help occurs occur goes go went"
)
# Common verbs of a plural subject, tried where a verb must follow appositives:
# "X, often termed Y, live in the gut".
_PLURAL_VERBS = word_set(
    "live line help form make produce include contain protect regulate support "
    "work reside occur act play serve control bind carry"
)
# Relative pronouns end the head: "X, which is …", "X that …".
_RELATIVES = frozenset(("which", "who", "whom", "whose", "that"))
# A full stop that ends an abbreviation: "a.k.a.", "e.g.", "cf.", "approx.".
_ABBREVIATION_STOP = re.compile(
    r"(?:\b(?:\w\.)+\w|\b(?:vs|cf|approx|ca|syn|abbr|lit|incl|resp|Dr|Prof|St|Fig))"
    r"\.$",
    re.IGNORECASE,
)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# Subjects that describe instead of naming: "It is", "This term", "A family of".
_NOT_A_NAME = re.compile(
    r"^(?:it|its|this|these|that|those|they|he|she|we|you|there|here|such|each"
    r"|a|an|one|some|any|many|most)\b",
    re.IGNORECASE,
)
_MAX_TERM_WORDS = 8
# Words of the predicate before an appositive that names its first noun:
# "is a peptide hormone, often dubbed …".
_MAX_GENUS_WORDS = 6
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
class _Subject:
    """The first sentence cut at its main verb."""

    term: str
    head_text: str  # the term as written, with a leading "The"
    brackets: list[Token]  # brackets right after the term
    inner_brackets: list[Token]  # brackets inside the term: "X (XA) Y is"
    appositives: list[list[Token]]  # clauses between the term and the verb
    predicate: _Predicate


@dataclass
class _Predicate:
    """The main verb's clause from the verb on, and the clauses after it.

    Later clauses are read (cut into tokens) only when needed: most hold no
    naming word, and a cheap test on their text says so.
    """

    first: list[Token]
    parts: Clauses
    later: range  # indexes into parts

    def clause(self, k: int) -> list[Token] | None:
        """Later clause *k* if it may hold a naming phrase, else ``None``."""
        return self.parts[k] if mentions_naming_verb(self.parts.text(k)) else None


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
    subject = _read_subject(sentence, Clauses(sentence))
    if subject is None:
        return Names(None, ())
    found = _Collector(subject.term)
    _bracket_aliases(sentence, subject, found)
    for clause in subject.appositives:
        _appositive_aliases(sentence, clause, found)
    _predicate_aliases(sentence, subject.predicate, found)
    return found.result()


# -- the subject -------------------------------------------------------------


def _read_subject(text: str, parts: Clauses) -> _Subject | None:
    """Find the term and the main verb; ``None`` if the sentence names nothing."""
    first = _first_clause(parts)
    head_end = _head_end(first)
    if head_end == 0:
        return None
    head = first[:head_end]
    i = head_end
    brackets: list[Token] = []
    while i < len(first) and first[i].kind == "bracket":
        brackets.append(first[i])
        i += 1
    inner: list[Token] = []
    tail_end = _head_end(first, i)
    if brackets and _is_term_tail(first[i:tail_end], first[tail_end:]):
        # "Low-density lipoprotein (LDL) cholesterol is": the bracket names a
        # noun inside the term, not the term; the term is as written.
        head, inner, brackets = first[:tail_end], brackets, []
        i = tail_end
    if i < len(first) and first[i].kind == "quote":
        return None  # 'The term “X” refers to': the subject is a quotation
    head_text = text[head[0].start : head[-1].end]
    term = _LEADING_THE.sub("", head_text).strip()
    if not _looks_like_name(term):
        return None
    found = _split_at_verb(first[i:], parts)
    if found is None:
        return None
    appositives, predicate = found
    return _Subject(term, head_text, brackets, inner, appositives, predicate)


def _first_clause(parts: Clauses) -> list[Token]:
    """The term's clause; without a naming verb, read only up to the main verb.

    The words after the verb are then asked one thing only: are they a short
    genus ("is a peptide hormone", :func:`_is_genus`)? A long rest is none, and
    needs no reading: every seed's definition is read this way.
    """
    if mentions_naming_verb(parts.text(0)):
        return parts[0]
    opening = parts.opening(0, _MAIN_VERBS, 0)
    end = parts.spans[0][1]
    rest = parts.sentence[opening[-1].end : end].split() if opening else []
    if not rest or len(rest) > _MAX_GENUS_WORDS:
        return opening  # read to the end, or the rest is no genus
    return parts[0]


def _head_end(clause: Sequence[Token], start: int = 0) -> int:
    """Where the term's words that begin at *start* end.

    Words and marks count, and a bracket glued to a word ("Lipoprotein(a)",
    "alert(7)"); a bracket after a space is the term's own (an alias or an
    explanation).
    """
    i = start
    while i < len(clause) and (
        clause[i].kind in ("word", "mark") or _glued(clause, i, start)
    ):
        if i > start and clause[i].kind == "word" and _ends_head(clause, i):
            break
        i += 1
    return i


def _glued(clause: Sequence[Token], i: int, start: int) -> bool:
    return (
        i > start
        and clause[i].kind == "bracket"
        and clause[i].start == clause[i - 1].end
    )


def _ends_head(clause: Sequence[Token], i: int) -> bool:
    """A main verb, a relative pronoun or a naming phrase starts at *i*."""
    token = clause[i]
    if token.text in _MAIN_VERBS or token.text in _RELATIVES:
        return True
    j = i
    while j < len(clause) and is_adverb(clause[j]) and clause[j].text.islower():
        j += 1
    return (
        j < len(clause) and clause[j].text.islower() and verb_cue(clause, j) is not None
    )


def _is_term_tail(words: Sequence[Token], after: Sequence[Token]) -> bool:
    """Up to three plain words between a bracket and the verb: still the term.

    "Low-density lipoprotein (LDL) cholesterol is". Not "X (…) regulates
    metabolism and is": the words must lead straight to the verb.
    """
    plain = [w for w in words if w.kind == "word"]
    if not 0 < len(plain) <= 3 or (after and after[0].text not in _MAIN_VERBS):
        return False
    if not after and _looks_like_verb(plain[0].text):
        return False  # "X (…) feeds gut bacteria, and is": a verb, not the term
    return not any(
        is_function_word(w) or is_adverb(w) or w.low in ("of", "and", "or")
        for w in plain
    )


def _looks_like_name(term: str) -> bool:
    words = term.split()
    return (
        0 < len(words) <= _MAX_TERM_WORDS
        and term[0].isalnum()
        and not _NOT_A_NAME.match(term)
        and not any(ch in term for ch in '.;:!?“”"')
    )


def _split_at_verb(
    rest: list[Token], parts: Clauses
) -> tuple[list[list[Token]], _Predicate] | None:
    """Appositives before the main verb, and the predicate from it on.

    The verb is in the term's own clause ("X (XA) is"), or starts a later
    clause after the appositives ("X, a steroid …, has long been"). Failing
    both, the first main verb anywhere after the term is taken.
    """
    verb = _first_verb(rest)
    if verb is not None:
        return _nonempty([rest[:verb]]), _Predicate(
            rest[verb:], parts, range(1, len(parts))
        )
    for test in (_opens_with_verb, _opens_with_verb_loosely):
        for k in range(1, len(parts)):
            if test(parts[k]):
                before = [rest, *(parts[j] for j in range(1, k))]
                return _nonempty(before), _Predicate(
                    parts[k], parts, range(k + 1, len(parts))
                )
    for k in range(1, len(parts)):
        verb = _first_verb(parts[k])
        if verb is not None:
            before = [rest, *(parts[j] for j in range(1, k)), parts[k][:verb]]
            predicate = _Predicate(parts[k][verb:], parts, range(k + 1, len(parts)))
            return _nonempty(before), predicate
    return None


def _nonempty(parts: list[list[Token]]) -> list[list[Token]]:
    return [p for p in parts if p]


def _first_verb(clause: Sequence[Token]) -> int | None:
    for i, token in enumerate(clause):
        if token.kind == "word" and token.text in _MAIN_VERBS:
            return i
    return None


def _opens_with_verb_loosely(clause: Sequence[Token]) -> bool:
    return _opens_with_verb(clause, loose=True)


def _opens_with_verb(clause: Sequence[Token], *, loose: bool = False) -> bool:
    """Does the clause start (after adverbs) with a verb?

    *loose* also takes any word in -s for one ("regulates"): only tried when
    no clause opens with a verb of the closed list.
    """
    i = 0
    while i < len(clause) and is_adverb(clause[i]):
        i += 1
    if i >= len(clause) or clause[i].kind != "word":
        return False
    word = clause[i].text
    if word in _MAIN_VERBS:
        return True
    return loose and (_looks_like_verb(word) or word in _PLURAL_VERBS)


def _looks_like_verb(word: str) -> bool:
    """A lower-case word in -s ("regulates"), where a verb is expected."""
    return (
        word.isalpha()
        and word.islower()
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
    )


# -- where aliases stand -----------------------------------------------------


def _bracket_aliases(text: str, subject: _Subject, found: _Collector) -> None:
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
        found.doubtful.extend(
            n for n in naming.names if not is_abbreviation_of(n, found.term)
        )


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


def _predicate_aliases(text: str, predicate: _Predicate, found: _Collector) -> None:
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
        0 < len(words) <= _MAX_GENUS_WORDS
        and all(t.kind == "word" for t in words)
        and not any(
            w.low in _RELATIVES or (is_function_word(w) and w.low not in _ARTICLES)
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
