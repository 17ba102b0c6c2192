"""The subject of a definition's first sentence: the term, cut at its main verb.

A glossary definition opens with its subject, then its main verb:

    <Term> [(<bracket>)] [, <appositive>,]... <verb> <predicate>

The term is the head of the subject. Appositives and brackets may stand
between it and the verb ("X (XA), a steroid made by …, has long been …"), so
the verb is looked for at the start of each clause, not only in the first.
:func:`read_subject` gives the term, the brackets after it, the appositives
and the predicate; :mod:`.names` looks for aliases in them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .cues import mentions_naming_verb, verb_cue
from .sentence import Clauses, Token
from .words import ReaderWords, is_adverb, is_function_word

_MAX_TERM_WORDS = 8
# Words of the predicate before an appositive that names its first noun:
# "is a peptide hormone, often dubbed …".
MAX_GENUS_WORDS = 6


@dataclass
class Subject:
    """The first sentence cut at its main verb."""

    term: str
    head_text: str  # the term as written, with a leading "The"
    brackets: list[Token]  # brackets right after the term
    inner_brackets: list[Token]  # brackets inside the term: "X (XA) Y is"
    appositives: list[list[Token]]  # clauses between the term and the verb
    predicate: Predicate


@dataclass
class Predicate:
    """The main verb's clause from the verb on, and the clauses after it.

    Later clauses are read (cut into tokens) only when needed: most hold no
    naming word, and a cheap test on their text says so.
    """

    first: list[Token]
    parts: Clauses
    later: range  # indexes into parts
    words: ReaderWords

    def clause(self, k: int) -> list[Token] | None:
        """Later clause *k* if it may hold a naming phrase, else ``None``."""
        text = self.parts.text(k)
        return self.parts[k] if mentions_naming_verb(text, self.words) else None


def read_subject(text: str, parts: Clauses, words: ReaderWords) -> Subject | None:
    """Find the term and the main verb; ``None`` if the sentence names nothing.

    :param words: the word classes of the sentence's language
    """
    first = _first_clause(parts, words)
    head_end = _head_end(first, words)
    if head_end == 0:
        return None
    head = first[:head_end]
    i = head_end
    brackets: list[Token] = []
    while i < len(first) and first[i].kind == "bracket":
        brackets.append(first[i])
        i += 1
    inner: list[Token] = []
    tail_end = _head_end(first, words, i)
    if brackets and _is_term_tail(first[i:tail_end], first[tail_end:], words):
        # "Low-density lipoprotein (LDL) cholesterol is": the bracket names a
        # noun inside the term, not the term; the term is as written.
        head, inner, brackets = first[:tail_end], brackets, []
        i = tail_end
    if i < len(first) and first[i].kind == "quote":
        return None  # 'The term “X” refers to': the subject is a quotation
    head_text = text[head[0].start : head[-1].end]
    term = words.leading_article.sub("", head_text).strip()
    if not _looks_like_name(term, words):
        return None
    found = _split_at_verb(first[i:], parts, words)
    if found is None:
        return None
    appositives, predicate = found
    return Subject(term, head_text, brackets, inner, appositives, predicate)


def _first_clause(parts: Clauses, words: ReaderWords) -> list[Token]:
    """The term's clause; without a naming verb, read only up to the main verb.

    The words after the verb are then asked one thing only: are they a short
    genus ("is a peptide hormone", :func:`_is_genus`)? A long rest is none, and
    needs no reading: every seed's definition is read this way.
    """
    if mentions_naming_verb(parts.text(0), words):
        return parts[0]
    opening = parts.opening(0, words.subject_verbs, 0)
    end = parts.spans[0][1]
    rest = parts.sentence[opening[-1].end : end].split() if opening else []
    if not rest or len(rest) > MAX_GENUS_WORDS:
        return opening  # read to the end, or the rest is no genus
    return parts[0]


def _head_end(clause: Sequence[Token], words: ReaderWords, start: int = 0) -> int:
    """Where the term's words that begin at *start* end.

    Words and marks count, and a bracket glued to a word ("Lipoprotein(a)",
    "alert(7)"); a bracket after a space is the term's own (an alias or an
    explanation).
    """
    i = start
    while i < len(clause) and (
        clause[i].kind in ("word", "mark") or _glued(clause, i, start)
    ):
        if i > start and clause[i].kind == "word" and _ends_head(clause, i, words):
            break
        i += 1
    return i


def _glued(clause: Sequence[Token], i: int, start: int) -> bool:
    return (
        i > start
        and clause[i].kind == "bracket"
        and clause[i].start == clause[i - 1].end
    )


def _ends_head(clause: Sequence[Token], i: int, words: ReaderWords) -> bool:
    """A main verb, a relative pronoun or a naming phrase starts at *i*."""
    token = clause[i]
    if token.text in words.subject_verbs or token.text in words.subject_relatives:
        return True
    j = i
    while j < len(clause) and is_adverb(clause[j], words) and clause[j].text.islower():
        j += 1
    return (
        j < len(clause)
        and clause[j].text.islower()
        and verb_cue(clause, j, words) is not None
    )


def _is_term_tail(
    tokens: Sequence[Token], after: Sequence[Token], words: ReaderWords
) -> bool:
    """Up to three plain words between a bracket and the verb: still the term.

    "Low-density lipoprotein (LDL) cholesterol is". Not "X (…) regulates
    metabolism and is": the words must lead straight to the verb.
    """
    plain = [w for w in tokens if w.kind == "word"]
    if not 0 < len(plain) <= 3 or (after and after[0].text not in words.subject_verbs):
        return False
    if not after and _looks_like_verb(plain[0].text, words):
        return False  # "X (…) feeds gut bacteria, and is": a verb, not the term
    return not any(
        is_function_word(w, words)
        or is_adverb(w, words)
        or w.low in words.of_words
        or w.low in words.coordinators
        for w in plain
    )


def _looks_like_name(term: str, words: ReaderWords) -> bool:
    return (
        0 < len(term.split()) <= _MAX_TERM_WORDS
        and term[0].isalnum()
        and not words.not_a_name.match(term)
        and not any(ch in term for ch in '.;:!?“”"')
    )


def _split_at_verb(
    rest: list[Token], parts: Clauses, words: ReaderWords
) -> tuple[list[list[Token]], Predicate] | None:
    """Appositives before the main verb, and the predicate from it on.

    The verb is in the term's own clause ("X (XA) is"), or starts a later
    clause after the appositives ("X, a steroid …, has long been"). Failing
    both, the first main verb anywhere after the term is taken.
    """
    verb = _first_verb(rest, words)
    if verb is not None:
        return _nonempty([rest[:verb]]), Predicate(
            rest[verb:], parts, range(1, len(parts)), words
        )
    for test in (_opens_with_verb, _opens_with_verb_loosely):
        for k in range(1, len(parts)):
            if test(parts[k], words):
                before = [rest, *(parts[j] for j in range(1, k))]
                return _nonempty(before), Predicate(
                    parts[k], parts, range(k + 1, len(parts)), words
                )
    for k in range(1, len(parts)):
        verb = _first_verb(parts[k], words)
        if verb is not None:
            before = [rest, *(parts[j] for j in range(1, k)), parts[k][:verb]]
            predicate = Predicate(
                parts[k][verb:], parts, range(k + 1, len(parts)), words
            )
            return _nonempty(before), predicate
    return None


def _nonempty(parts: list[list[Token]]) -> list[list[Token]]:
    return [p for p in parts if p]


def _first_verb(clause: Sequence[Token], words: ReaderWords) -> int | None:
    for i, token in enumerate(clause):
        if token.kind == "word" and token.text in words.subject_verbs:
            return i
    return None


def _opens_with_verb_loosely(clause: Sequence[Token], words: ReaderWords) -> bool:
    return _opens_with_verb(clause, words, loose=True)


def _opens_with_verb(
    clause: Sequence[Token], words: ReaderWords, *, loose: bool = False
) -> bool:
    """Does the clause start (after adverbs) with a verb?

    *loose* also takes any word in -s for one ("regulates"): only tried when
    no clause opens with a verb of the closed list.
    """
    i = 0
    while i < len(clause) and is_adverb(clause[i], words):
        i += 1
    if i >= len(clause) or clause[i].kind != "word":
        return False
    word = clause[i].text
    if word in words.subject_verbs:
        return True
    return loose and (_looks_like_verb(word, words) or word in words.plural_verbs)


def _looks_like_verb(word: str, words: ReaderWords) -> bool:
    """A lower-case word in -s ("regulates"), where a verb is expected."""
    return (
        word.isalpha()
        and word.islower()
        and len(word) > 3
        and word.endswith(words.verb_endings)
        and not word.endswith(words.not_verb_endings)
    )
