"""The grammar of naming: how a writer gives a thing another name.

A name is given in one of three ways:

- a **naming verb** in any inflection, with adverbs before it and its particle
  after it, then the name: "often dubbed the “X”", "has long been termed X",
  "known colloquially as X", "which researchers call X", "goes by the nickname
  “X”", "also spelled X". Between the verb and the name may stand an article,
  an owner ("the body's “X”") or a word such as *name* or *nickname*;
- a **marker** without a verb at the start of a clause: "formerly X", "aka X",
  "also X", "or simply X", "Latin: X";
- a **parenthesis** right after the term (see :func:`bracket_names`).

The name is the quoted span when there is one, and ends with its quotes; a
plain name ends at the clause, at a preposition, relative or verb. A reading
ends as names, as a *doubt* (the words might be a name, but a metaphor, a
description or scare quotes read the same; they are kept out of the aliases
and reported), or as nothing at all.

Some verbs only describe (*described as*, *billed as*, *hailed as*): they
name only a quoted span, and a quoted span after "a"/"an" describes instead
("described as a “gatekeeper”"). Metaphor verbs (*acts as*, *serves as*,
*likened to*, *like a*) name nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .sentence import Token, tokenize


def word_set(text: str) -> frozenset[str]:
    """The words of *text*, split at spaces: a word list that reads as prose."""
    return frozenset(text.split())


#: Each naming verb: its forms, the particle that must follow (``None``: an
#: optional "as" or "to"), and whether it names only quoted spans.
_VERBS: dict[str, tuple[str, str | None, bool]] = {
    "call": ("call calls called calling", None, False),
    "dub": ("dub dubs dubbed dubbing", None, False),
    "name": ("named renamed", None, False),
    "nickname": ("nickname nicknames nicknamed nicknaming", None, False),
    "term": ("term terms termed terming", None, False),
    "label": ("label labels labelled labeled labelling labeling", None, False),
    "christen": ("christen christens christened christening", None, False),
    "baptise": ("baptised baptized", None, False),
    "style": ("style styles styled", None, False),
    "brand": ("branded", None, False),
    "spell": ("spelled spelt", None, False),
    "write": ("written", None, False),
    "abbreviate": ("abbreviated", None, False),
    "shorten": ("shortened", "to", False),
    "short": ("short", "for", False),
    "know": ("known", "as", False),
    "refer": ("refer refers referred referring", "to as", False),
    "designate": ("designated", "as", False),
    "go": ("go goes went going gone", "by", False),
    "so-called": ("so-called", None, False),
    "describe": ("describe describes described describing", "as", True),
    "bill": ("billed", "as", True),
    "hail": ("hailed", "as", True),
    "tout": ("touted", "as", True),
    "characterise": ("characterised characterized", "as", True),
}
# Forms that are nouns too: verbs only after a subject ("which many term").
_NOUNS_TOO = word_set(
    "call calls label labels nickname nicknames term terms style styles"
)
_VERB_FORMS = {
    form: (lemma, particle, quoted_only)
    for lemma, (forms, particle, quoted_only) in _VERBS.items()
    for form in forms.split()
}
_VERB_FORM_SET = frozenset(_VERB_FORMS)
# Words of a text, for a cheap test of a clause before reading it.
_LOWER_WORDS = re.compile(r"[^\W\d_][\w-]*")
#: Markers that name without a verb, at the start of a clause.
_MARKERS = word_set(
    "formerly previously originally now also aka a.k.a. alias syn. synonym synonyms "
    "abbr. abbreviation"
)
#: Languages whose name of a thing is another name of it: "(Latin: X)".
_LANGUAGES = word_set(
    "latin greek german french italian spanish dutch arabic japanese chinese english"
)
PREPOSITIONS = word_set(
    "about above across after against along among amongst around at before behind "
    "below beneath beside besides between beyond by despite down during except for "
    "from in inside into like near off on onto out outside over past per since "
    "including excluding regarding concerning "
    "through throughout to toward towards under underneath unlike until up upon "
    "via with within without"
)
CONJUNCTIONS = word_set(
    "that which who whom whose where when while whereas because although though "
    "if unless as so but yet nor"
)
AUXILIARIES = word_set(
    "is are was were be been being am has have had having do does did can could "
    "may might must shall should will would"
)
DETERMINERS = word_set(
    "the a an this that these those its their his her our your my some any each "
    "every no such many most several all both"
)
_PRONOUNS = word_set("it they them he she we you one itself themselves")
# Words that may stand between a naming verb and its name.
_NAME_NOUNS = word_set(
    "name names nickname nicknames term label moniker epithet title designation "
    "so-called"
)
_ADVERBS = word_set(
    "often also sometimes still once now today more most well long even first "
    "later since then just perhaps too again"
)
# Words in -ly that are not adverbs.
_NOT_ADVERBS = word_set(
    "family anomaly assembly supply apply reply italy july jelly belly rally bully "
    "holly lily ally ugly holy oily silly monopoly homily butterfly firefly folly "
    "friendly lovely lonely likely early costly deadly elderly orderly lively daily "
    "weekly monthly yearly hourly nightly timely only"
)
# Single words that describe rather than name: "(rare)", "also present".
_ADJECTIVE_ENDINGS = (
    "al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ant", "ent", "ary",
)  # fmt: skip
# Adverbs not in -ly that may stand between a verb and its name: "called just
# “X”". Not "first": "the first “hormone”" is no name.
_FILLER_ADVERBS = word_set("just also often sometimes still")
# "known in the clinic as", "referred to by clinicians as", "known to many as".
_PLACE_PREPOSITIONS = word_set("in among to by within across throughout outside")
_AUDIENCE = word_set("many most some all the its their")
_RELATIVES = ("that", "which", "who", "whom", "whose", "where")
_MAX_NAME_WORDS = 6
_MAX_QUOTED_WORDS = 8
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


def is_adverb(token: Token) -> bool:
    """ "often", "widely", "colloquially": words that may precede a naming verb."""
    low = token.low
    if token.kind != "word" or not low.isalpha():
        return False
    if low in _ADVERBS:
        return True
    return low.endswith("ly") and len(low) > 4 and low not in _NOT_ADVERBS


def is_function_word(token: Token) -> bool:
    """A preposition, conjunction, auxiliary, determiner or pronoun."""
    low = token.low
    return token.kind == "word" and (
        low in PREPOSITIONS
        or low in CONJUNCTIONS
        or low in AUXILIARIES
        or low in DETERMINERS
        or low in _PRONOUNS
    )


def verb_cue(clause: Sequence[Token], i: int) -> Cue | None:
    """The naming phrase whose verb is ``clause[i]``, with the adverbs before it."""
    form = clause[i].low if clause[i].kind == "word" else ""
    if form not in _VERB_FORMS or (form in _NOUNS_TOO and not _has_subject(clause, i)):
        return None
    _lemma, particle, quoted_only = _VERB_FORMS[form]
    name_at = _after_particle(clause, i + 1, particle)
    if name_at is None:
        return None
    start = i
    while start > 0 and is_adverb(clause[start - 1]):
        start -= 1
    return Cue(start, name_at, quoted_only)


def mentions_naming_verb(text: str) -> bool:
    """A cheap test: could *text* hold a naming phrase with a verb?"""
    return not _VERB_FORM_SET.isdisjoint(_LOWER_WORDS.findall(text.casefold()))


def _has_subject(clause: Sequence[Token], i: int) -> bool:
    """ "which researchers term X": a verb. "a term coined", "the label": nouns."""
    if i == 0 or clause[i - 1].kind != "word":
        return False
    before = clause[i - 1].low
    return before not in DETERMINERS and not before.endswith(("'s", "’s"))


def find_verb_cue(clause: Sequence[Token], begin: int = 0) -> Cue | None:
    """The first naming phrase with a verb in ``clause[begin:]``."""
    for i in range(begin, len(clause)):
        if clause[i].low in _VERB_FORMS:  # the cheap test first: most words fail
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
    if first in _MARKERS:
        i = 1
        if i < len(clause) and clause[i].kind == "stop":
            i += 1
        return Cue(0, i, bare=True)
    if first in _LANGUAGES and len(clause) > 1:
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
        return i + 1 if _word_at(clause, i, "as", "to") else i
    words = particle.split()
    if words[0] != "as" and not _word_at(clause, i, words[0]):
        return None
    if words[0] != "as":
        i = _skip(clause, i + 1, lambda t: is_adverb(t) or t.low in _PRONOUNS)
        words = words[1:]
    if not words:
        return i
    i = _skip_place(clause, i)
    return i + 1 if _word_at(clause, i, "as") else None


def _skip_place(clause: Sequence[Token], i: int) -> int:
    """Skip a short phrase of place or audience before "as": "in the clinic"."""
    if not _word_at(clause, i, *_PLACE_PREPOSITIONS):
        return i
    if clause[i].low == "to" and not _word_at(clause, i + 1, *_AUDIENCE):
        return i  # "known to rise as …" is no naming
    for j in range(i + 1, min(i + 5, len(clause))):
        if _word_at(clause, j, "as"):
            return j
        if clause[j].kind != "word" or clause[j].low in CONJUNCTIONS:
            return i
    return i


def _skip(clause: Sequence[Token], i: int, test: Callable[[Token], bool]) -> int:
    while i < len(clause) and test(clause[i]):
        i += 1
    return i


def _word_at(clause: Sequence[Token], i: int, *words: str) -> bool:
    return i < len(clause) and clause[i].is_word(*words)


class _Name(NamedTuple):
    """One name read after a cue, where it ends, and any doubt about it."""

    names: tuple[str, ...]  #: the name, and an abbreviation in brackets after it
    end: int
    doubt: str


def read_name(text: str, clause: Sequence[Token], cue: Cue) -> Naming | None:
    """The name (or names) that *cue* gives, from the tokens after it.

    A list ("X or Y", "the “X” or the “Y”") gives one name per item, as long
    as each item reads as a name.

    :param text: the sentence the tokens come from
    :returns: ``None`` when the words after the cue are no name at all
    """
    first = _one_name(text, clause, cue, cue.name_at)
    if first is None:
        return None
    names, end = list(first.names), first.end
    while _word_at(clause, end, "or", "and"):
        item = _one_name(text, clause, cue, end + 1)
        if item is None or item.doubt:
            break
        names += item.names
        end = item.end
    if cue.bare and (first.doubt or end < len(clause)):
        return None  # "also present in the gut": a description, not a name
    return Naming(tuple(names), cue.start, end, first.doubt)


def _one_name(text: str, clause: Sequence[Token], cue: Cue, at: int) -> _Name | None:
    filler = _filler(clause, at)
    i = filler.at
    if i >= len(clause):
        return None
    if clause[i].kind == "quote":
        named = _quoted(clause, filler)
    elif cue.quoted_only or filler.stray or clause[i].kind != "word":
        return None
    elif is_function_word(clause[i]) or is_adverb(clause[i]) or clause[i].low == "of":
        return None  # "named after", "called for", "known as well"
    else:
        named = _plain(text, clause, cue, filler)
    return _with_abbreviation(clause, named)


def _with_abbreviation(clause: Sequence[Token], named: _Name) -> _Name:
    """ "or 5-hydroxytryptamine (5-HT)": the bracket abbreviates the name."""
    end = named.end
    if end < len(clause) and clause[end].kind == "bracket" and named.names:
        short = clause[end].text
        if is_abbreviation_of(short, named.names[0]):
            return _Name((*named.names, short), end + 1, named.doubt)
    return named


class _Filler(NamedTuple):
    """What stands between a naming verb and its name."""

    at: int  #: where the name starts
    owner: bool  #: an owner came first: "the body's"
    indefinite: bool  #: "a" or "an" came first
    #: other words came first; only a quoted span after them may be the name
    stray: bool


def _filler(clause: Sequence[Token], i: int) -> _Filler:
    """Skip articles, owners and words such as "the nickname" before a name."""
    owner = indefinite = stray = False
    start = i
    while i < len(clause) and clause[i].kind == "word" and i - start < 4:
        low = clause[i].low
        if low in ("a", "an"):
            indefinite = True
        elif low.endswith(("'s", "’s", "s'", "s’")) or low in ("its", "their"):
            owner = True
        elif not (low in DETERMINERS or low in _NAME_NOUNS or low in _PRONOUNS):
            if is_adverb(clause[i]) and (low.endswith("ly") or low in _FILLER_ADVERBS):
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


def _quoted(clause: Sequence[Token], filler: _Filler) -> _Name:
    """A quoted name; it ends with its quotes.

    An owner before the quotes is fine ("the body's “alarm”"); an indefinite
    article is not ("described as a “gatekeeper”" describes).
    """
    name = _clean(clause[filler.at].text)
    end = filler.at + 1
    doubt = ""
    if filler.indefinite:
        doubt = "a quoted phrase after 'a' or 'an' describes rather than names"
    elif filler.stray:
        doubt = "other words stand between the naming word and the quotes"
    elif _continues_phrase(clause, end):
        doubt = "the quotes hold only part of a phrase (scare quotes)"
    elif not name or len(name.split()) > _MAX_QUOTED_WORDS:
        doubt = "the quoted words are too long for a name"
    return _Name((name,), end, doubt)


def _continues_phrase(clause: Sequence[Token], i: int) -> bool:
    """A word after the closing quote that goes on with the same noun phrase.

    "the “good” bacteria": the quotes are scare quotes around one word. "the
    “control tower” of the gut": "of" starts a new phrase; the name is whole.
    """
    if i >= len(clause) or clause[i].kind != "word":
        return False
    token = clause[i]
    return not (
        is_function_word(token)
        or token.low in ("of", "and", "or")
        or is_adverb(token)
        or token.low in _VERB_FORMS
    )


def _plain(text: str, clause: Sequence[Token], cue: Cue, filler: _Filler) -> _Name:
    """An unquoted name: words up to the end of the clause or a function word."""
    end = _name_end(clause, filler.at)
    words = clause[filler.at : end]
    doubt = ""
    if filler.owner or filler.indefinite:
        doubt = "a plain name after 'a', 'an' or an owner reads as a description"
    elif not _name_shape(words, cue.bare):
        doubt = "the words after the naming phrase do not read as a name"
    elif _word_at(clause, end, *_RELATIVES) or _of_phrase(words):
        # "known as the enzyme that converts …", "known as the main source of
        # energy": a description of what it is, unless quoted as a name.
        doubt = "the words after the naming phrase describe rather than name"
    return _Name((_clean(_raw(text, words)),), end, doubt)


def _of_phrase(words: Sequence[Token]) -> bool:
    """ "source of energy" (a description); not "Islets of Langerhans" (a name)."""
    return any(
        w.low == "of" and (k + 1 >= len(words) or words[k + 1].text.islower())
        for k, w in enumerate(words)
    )


def _name_end(clause: Sequence[Token], i: int) -> int:
    """Where a plain name that starts at *i* ends."""
    j = i
    while j < len(clause) and clause[j].kind in ("word", "mark"):
        token = clause[j]
        if j > i and token.kind == "word" and _ends_name(token):
            break
        j += 1
    return j


def _ends_name(token: Token) -> bool:
    low = token.low
    return (
        low in PREPOSITIONS
        or low in CONJUNCTIONS
        or low in AUXILIARIES
        or low in ("and", "or")
        or low in _VERB_FORMS
    )


def _name_shape(words: Sequence[Token], strict: bool) -> bool:
    """Do these words read as a name: short, no function word first, no verb?

    *strict* (a name after a bare marker, or in brackets) also refuses a lone
    participle or adjective ("also found", "formerly rare", "(activated)"); a
    participle may start a longer name ("glycated haemoglobin").
    """
    if not words or len(words) > _MAX_NAME_WORDS:
        return False
    first = words[0]
    if first.kind != "word" or is_function_word(first) or is_adverb(first):
        return False
    if any(w.low in AUXILIARIES for w in words):
        return False
    if strict and first.text.islower() and len(words) == 1:
        return not (
            first.low.endswith(("ed", "ing", *_ADJECTIVE_ENDINGS))
            or first.low in _PARTICIPLES
        )
    return True


_PARTICIPLES = word_set(
    "found made seen known given taken built held shown grown drawn born bound "
    "kept left lost met paid sent set spent told thought understood used"
)


def _raw(text: str, tokens: Sequence[Token]) -> str:
    """The tokens as written in *text*."""
    return text[tokens[0].start : tokens[-1].end] if tokens else ""


def _clean(name: str) -> str:
    """A name without quotes, closing punctuation or a leading article."""
    previous = None
    while previous != name:
        previous = name
        name = name.strip().strip("\"“”'‘’«»„").rstrip(",.;:").strip()
        for article in ("the ", "a ", "an "):
            if name.casefold().startswith(article):
                name = name[len(article) :]
    return " ".join(name.split())


def phrase(text: str, clause: Sequence[Token], naming: Naming) -> str:
    """The naming phrase as written, for evidence and reports."""
    return _raw(text, clause[naming.start : naming.end])


def is_abbreviation_of(short: str, long: str) -> bool:
    """True if *short* abbreviates *long* (Schwartz & Hearst, 2003).

    Every letter or digit of the abbreviation must occur in the long form, in
    order, and its first character must start a word of the long form. A
    plural ``s`` ending the abbreviation ("SCFAs") may stand for the plural.
    """
    short = short.strip()
    if not (1 < len(short) <= 12) or " " in short or not short[0].isalnum():
        return False
    if not any(ch.isupper() for ch in short):
        return False
    letters = [ch.lower() for ch in short if ch.isalnum()]
    if len(letters) > 2 and short.endswith("s") and short[-2].isupper():
        letters = letters[:-1]
    long_l = long.lower()
    s, lg = len(letters) - 1, len(long_l) - 1
    while s >= 0:
        ch = letters[s]
        while lg >= 0 and (
            long_l[lg] != ch or (s == 0 and lg > 0 and long_l[lg - 1].isalnum())
        ):
            lg -= 1
        if lg < 0:
            return False
        s -= 1
        lg -= 1
    return True


def looks_abbreviated(word: str) -> bool:
    """One short token with a capital after its first letter, or a digit: "E2"."""
    return (
        1 < len(word) <= 12
        and " " not in word
        and (any(ch.isupper() for ch in word[1:]) or any(ch.isdigit() for ch in word))
        and any(ch.isalpha() for ch in word)
    )


def bracket_names(content: str, term: str) -> list[Naming]:
    """What a parenthesis right after the term says about its names.

    Its parts (split at ``;`` and ``,``) are read one by one:

    - a naming phrase or marker: "(also called X)", "(formerly X)", "(Latin: X)";
    - an abbreviation of the term: "(TSH)" after "Thyroid-stimulating hormone";
    - an abbreviation with the term's head noun: "(GL axis)" after "Gut-Liver
      axis", "(ACE inhibitor)";
    - a short noun phrase with no function word: a synonym, "(microvillus
      border)", "(1,25-dihydroxyvitamin D3)".

    A lone abbreviation that does not abbreviate the term ("(E2)" after
    "Estradiol") and a bare quoted phrase are doubts. Anything else explains
    ("(found mainly in the liver)", "(a steroid)") and names nothing.

    :returns: one :class:`Naming` per part that names or may name the term;
        token positions refer to the part, not the sentence
    """
    if is_abbreviation_of(content, term):
        # The common case, "(TSH)", settled before any tokens are made.
        return [Naming((content,), 0, 1)]
    parts = _bracket_parts(content)
    if parts and _explains(parts[0]):
        return []  # "(from the Greek leptos, “thin”)": all of it explains
    out = []
    for part in parts:
        naming = _bracket_part(content, part, term)
        if naming is not None:
            out.append(naming)
    return out


def _explains(part: Sequence[Token]) -> bool:
    """A part that opens with a preposition, an article or "e.g." ("(NO)" does not)."""
    first = part[0]
    return (
        first.kind == "word"
        and first.text.islower()
        and (
            first.low in PREPOSITIONS
            or first.low in DETERMINERS
            or first.low in _NOT_NAMES
        )
    )


def _bracket_parts(content: str) -> list[list[Token]]:
    """Split at commas and semicolons; a colon stays ("Latin: X")."""
    parts: list[list[Token]] = [[]]
    for token in tokenize(content):
        if token.kind == "comma" or token.text == ";":
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in parts if part]


def _bracket_part(text: str, part: list[Token], term: str) -> Naming | None:
    cue = find_verb_cue(part)
    if cue is not None and attached(part[: cue.start]):
        return read_name(text, part, cue)
    marker = marker_cue(part)
    if marker is not None:
        return read_name(text, part, marker)
    raw = _raw(text, part)
    whole = Naming((_clean(raw),), 0, len(part))
    if is_abbreviation_of(raw, term) or _abbreviation_with_head(part, term):
        return whole
    if len(part) == 1 and part[0].kind == "quote":
        return Naming(
            (_clean(part[0].text),),
            0,
            1,
            "a quoted phrase beside the term names it only with a naming word",
        )
    if len(part) == 1 and looks_abbreviated(raw):
        return Naming(
            whole.names,
            0,
            1,
            "an abbreviation that does not abbreviate "
            "the term; it may stand for another noun",
        )
    if _synonym_shape(part) and raw.casefold() != term.casefold():
        return whole
    return None


def _abbreviation_with_head(part: list[Token], term: str) -> bool:
    """ "(GL axis)": an abbreviation, then the last words of the term."""
    words = [t.text for t in part if t.kind == "word"]
    term_words = term.split()
    if len(words) != len(part) or len(words) < 2:
        return False
    for k in range(1, len(words)):
        tail = [w.casefold().rstrip("s") for w in words[k:]]
        if len(tail) >= len(term_words):
            continue
        term_tail = [w.casefold().rstrip("s") for w in term_words[-len(tail) :]]
        rest = " ".join(term_words[: -len(tail)])
        if tail == term_tail and is_abbreviation_of(" ".join(words[:k]), rest):
            return True
    return False


def _synonym_shape(part: Sequence[Token]) -> bool:
    """A short noun phrase: words only, none a function word, no language name."""
    if any(t.kind not in ("word", "mark") for t in part):
        return False
    words = [t for t in part if t.kind == "word"]
    if not words or (len(words) == 1 and words[0].low in _LANGUAGES):
        return False
    if any(is_function_word(w) or w.low in _NOT_NAMES for w in words):
        return False
    if all(not ch.isalpha() for w in words for ch in w.text):
        return False  # "(2000)", "(1,25)"
    return _name_shape(words, strict=True)


# Words of an explaining parenthesis, never of a name.
_NOT_NAMES = word_set("e.g. i.e. etc cf cf. see vs vs. plural singular")


def attached(prefix: Sequence[Token]) -> bool:
    """Does a naming phrase after *prefix* still name the clause's subject?

    "often called", "which researchers have dubbed", "a steroid sometimes
    called" do; "a hormone released by fat tissue that is called" names
    another noun, the one after the preposition.
    """
    if len(prefix) > _MAX_PREFIX_WORDS:
        return False
    return all(t.kind == "word" and t.low not in PREPOSITIONS for t in prefix)
