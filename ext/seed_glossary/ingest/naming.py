"""The name that a naming phrase gives, or the doubt about it.

After a :class:`~.cues.Cue`, the name is the quoted span when there is one,
and ends with its quotes; a plain name ends at the clause, at a preposition,
relative or verb. A reading ends as names, as a *doubt* (the words might be
a name, but a metaphor, a description or scare quotes read the same; they are
kept out of the aliases and reported), or as nothing at all.

A quoted span after "a"/"an" describes instead ("described as a
“gatekeeper”").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..abbreviations import abbreviates
from .cues import Cue, word_in
from .sentence import Token
from .words import ReaderWords, is_adverb, is_function_word

_MAX_NAME_WORDS = 6
_MAX_QUOTED_WORDS = 8


@dataclass(frozen=True, slots=True)
class Naming:
    """What a naming phrase gives, and the tokens it spans in its clause.

    With a ``doubt``, the names may be metaphors or descriptions: they are
    kept out of the aliases and reported.
    """

    names: tuple[str, ...]
    start: int
    end: int
    doubt: str = ""


class _Name(NamedTuple):
    """One name read after a cue, where it ends, and any doubt about it."""

    names: tuple[str, ...]  #: the name, and an abbreviation in brackets after it
    end: int
    doubt: str


def read_name(
    text: str, clause: Sequence[Token], cue: Cue, words: ReaderWords
) -> Naming | None:
    """The name (or names) that *cue* gives, from the tokens after it.

    A list ("X or Y", "the “X” or the “Y”") gives one name per item, as long
    as each item reads as a name.

    :param text: the sentence the tokens come from
    :param words: the word classes of the sentence's language
    :returns: ``None`` when the words after the cue are no name at all
    """
    first = _one_name(text, clause, cue, cue.name_at, words)
    if first is None:
        return None
    names, end = list(first.names), first.end
    while word_in(clause, end, words.coordinators):
        item = _one_name(text, clause, cue, end + 1, words)
        if item is None or item.doubt:
            break
        names += item.names
        end = item.end
    if cue.bare and (first.doubt or end < len(clause)):
        return None  # "also present in the gut": a description, not a name
    if cue.end is not None:
        if end != cue.end:
            return None  # "auch X der Y genannt": more than a name before the verb
        end += 1  # the phrase ends with its verb
    return Naming(tuple(names), cue.start, end, first.doubt)


def _one_name(
    text: str, clause: Sequence[Token], cue: Cue, at: int, words: ReaderWords
) -> _Name | None:
    filler = _filler(clause, at, words)
    i = filler.at
    if i >= len(clause):
        return None
    if clause[i].kind == "quote":
        named = _quoted(clause, filler, words)
    elif cue.quoted_only or filler.stray or clause[i].kind != "word":
        return None
    elif (
        is_function_word(clause[i], words)
        or is_adverb(clause[i], words)
        or clause[i].low in words.of_words
    ):
        return None  # "named after", "called for", "known as well"
    else:
        named = _plain(text, clause, cue, filler, words)
    return _with_abbreviation(clause, named)


def _with_abbreviation(clause: Sequence[Token], named: _Name) -> _Name:
    """ "or 5-hydroxytryptamine (5-HT)": the bracket abbreviates the name."""
    end = named.end
    if end < len(clause) and clause[end].kind == "bracket" and named.names:
        short = clause[end].text
        if abbreviates(short, named.names[0]):
            return _Name((*named.names, short), end + 1, named.doubt)
    return named


class _Filler(NamedTuple):
    """What stands between a naming verb and its name."""

    at: int  #: where the name starts
    owner: bool  #: an owner came first: "the body's"
    indefinite: bool  #: "a" or "an" came first
    #: other words came first; only a quoted span after them may be the name
    stray: bool


def _filler(clause: Sequence[Token], i: int, words: ReaderWords) -> _Filler:
    """Skip articles, owners and words such as "the nickname" before a name."""
    owner = indefinite = stray = False
    start = i
    while i < len(clause) and clause[i].kind == "word" and i - start < 4:
        low = clause[i].low
        if low in words.indefinite_articles:
            indefinite = True
        elif low.endswith(("'s", "’s", "s'", "s’")) or low in words.possessives:
            owner = True
        elif not (
            low in words.determiners or low in words.name_nouns or low in words.pronouns
        ):
            if is_adverb(clause[i], words) and (
                low.endswith(words.adverb_endings) or low in words.filler_adverbs
            ):
                i += 1
                continue
            if not _quote_follows(clause, i):
                break
            stray = True
        i += 1
    return _Filler(i, owner, indefinite, stray)


def _quote_follows(clause: Sequence[Token], i: int) -> bool:
    """A quoted span comes within the next few words."""
    for token in clause[i : i + 3]:
        if token.kind == "quote":
            return True
        if token.kind != "word":
            return False
    return False


def _quoted(clause: Sequence[Token], filler: _Filler, words: ReaderWords) -> _Name:
    """A quoted name; it ends with its quotes.

    An owner before the quotes is fine ("the body's “alarm”"); an indefinite
    article is not ("described as a “gatekeeper”" describes).
    """
    name = clean(clause[filler.at].text, words)
    end = filler.at + 1
    doubt = ""
    if filler.indefinite:
        doubt = "a quoted phrase after 'a' or 'an' describes rather than names"
    elif filler.stray:
        doubt = "other words stand between the naming word and the quotes"
    elif _continues_phrase(clause, end, words):
        doubt = "the quotes hold only part of a phrase (scare quotes)"
    elif not name or len(name.split()) > _MAX_QUOTED_WORDS:
        doubt = "the quoted words are too long for a name"
    return _Name((name,), end, doubt)


def _continues_phrase(clause: Sequence[Token], i: int, words: ReaderWords) -> bool:
    """A word after the closing quote that goes on with the same noun phrase.

    "the “good” bacteria": the quotes are scare quotes around one word. "the
    “control tower” of the gut": "of" starts a new phrase; the name is whole.
    """
    if i >= len(clause) or clause[i].kind != "word":
        return False
    token = clause[i]
    return not (
        is_function_word(token, words)
        or token.low in words.of_words
        or token.low in words.coordinators
        or is_adverb(token, words)
        or token.low in words.naming_words
    )


def _plain(
    text: str, clause: Sequence[Token], cue: Cue, filler: _Filler, words: ReaderWords
) -> _Name:
    """An unquoted name: words up to the end of the clause or a function word."""
    end = _name_end(clause, filler.at, words)
    tokens = clause[filler.at : end]
    doubt = ""
    if filler.owner or filler.indefinite:
        doubt = "a plain name after 'a', 'an' or an owner reads as a description"
    elif not name_shape(tokens, cue.bare, words):
        doubt = "the words after the naming phrase do not read as a name"
    elif word_in(clause, end, words.naming_relatives) or _of_phrase(tokens, words):
        # "known as the enzyme that converts …", "known as the main source of
        # energy": a description of what it is, unless quoted as a name.
        doubt = "the words after the naming phrase describe rather than name"
    return _Name((clean(as_written(text, tokens), words),), end, doubt)


def _of_phrase(tokens: Sequence[Token], words: ReaderWords) -> bool:
    """ "source of energy" (a description); not "Islets of Langerhans" (a name)."""
    return any(
        w.low in words.of_words
        and (k + 1 >= len(tokens) or tokens[k + 1].text.islower())
        for k, w in enumerate(tokens)
    )


def _name_end(clause: Sequence[Token], i: int, words: ReaderWords) -> int:
    """Where a plain name that starts at *i* ends."""
    j = i
    while j < len(clause) and clause[j].kind in ("word", "mark"):
        token = clause[j]
        if j > i and token.kind == "word" and _ends_name(token, words):
            break
        j += 1
    return j


def _ends_name(token: Token, words: ReaderWords) -> bool:
    low = token.low
    return (
        low in words.prepositions
        or low in words.conjunctions
        or low in words.auxiliaries
        or low in words.coordinators
        or low in words.naming_words
    )


def name_shape(tokens: Sequence[Token], strict: bool, words: ReaderWords) -> bool:
    """Do these words read as a name: short, no function word first, no verb?

    *strict* (a name after a bare marker, or in brackets) also refuses a lone
    participle or adjective ("also found", "formerly rare", "(activated)"); a
    participle may start a longer name ("glycated haemoglobin").
    """
    if not tokens or len(tokens) > _MAX_NAME_WORDS:
        return False
    first = tokens[0]
    if (
        first.kind != "word"
        or is_function_word(first, words)
        or is_adverb(first, words)
    ):
        return False
    if any(w.low in words.auxiliaries for w in tokens):
        return False
    if strict and first.text.islower() and len(tokens) == 1:
        return not (
            first.low.endswith(words.descriptive_endings)
            or first.low in words.participles
        )
    return True


def as_written(text: str, tokens: Sequence[Token]) -> str:
    """The tokens as written in *text*."""
    return text[tokens[0].start : tokens[-1].end] if tokens else ""


def clean(name: str, words: ReaderWords) -> str:
    """A name without quotes, closing punctuation or a leading article."""
    previous = None
    while previous != name:
        previous = name
        name = name.strip().strip("\"“”'‘’«»„").rstrip(",.;:").strip()
        for article in words.articles:
            # "the X"; an elided article is glued to its name: "l'intestin".
            prefix = article if article.endswith(("'", "’")) else f"{article} "
            if name.casefold().startswith(prefix):
                name = name[len(prefix) :]
    return " ".join(name.split())


def phrase(text: str, clause: Sequence[Token], naming: Naming) -> str:
    """The naming phrase as written, for evidence and reports."""
    return as_written(text, clause[naming.start : naming.end])
