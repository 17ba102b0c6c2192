"""Find mentions of many glossary names in text at once (no Sphinx here).

One Aho–Corasick automaton holds every name in every spelling we accept:
case-insensitive, hyphen or space between words, and in English the plural
and singular forms of the last word. Possessives need no spelling of their
own: ``’s`` starts after a word boundary. In other languages a second
automaton holds each name as the lemmas of its words, and finds the name in
any of its forms ("Datenbanken" for "Datenbank"; see
:mod:`seed_glossary.inflection`). Matches must start and end on word
boundaries; among overlapping candidates the leftmost, then the longest wins,
so "intestinal permeability" beats "permeability". Scripts written without
spaces (Chinese, Japanese) have no word boundaries to test: a name there ends
where the script changes or the text does, except inside a run of katakana,
which is one word.

Short names written with capitals inside ("SCFAs", "sIgA") are abbreviations:
they match only as written, so that "SHBG" never links the word "shbg" and an
alias like "IT" would not link "it". So do names of one letter ("A").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import ahocorasick_rs

from .abbreviations import is_abbreviation, singular_abbreviation
from .inflection import Lemmas, english_forms

_SEPARATOR = re.compile(r"[ -]")
# Whitespace that stands for a space between words; one character each, so
# replacing it keeps offsets.
_SPACES = re.compile("[\t\n\r\x0b\x0c\xa0\u2007\u202f]")
_MAX_SEPARATOR_VARIANTS = 4  # 2**4 spellings at most per inflected name


@dataclass(frozen=True, slots=True)
class Match:
    """A name found in a text: ``text[start:end]`` refers to ``target``.

    (:class:`seed_glossary.autolink.Mention` is a match placed in a page.)
    """

    start: int
    end: int
    target: str  #: the key of the entry the name belongs to
    name: str  #: the registered name to link (a term or alias as defined)


@dataclass(frozen=True, slots=True)
class _Pattern:
    target: str
    name: str
    exact: frozenset[str] | None  # for abbreviations: the accepted spellings


#: Names that fold to the same text ("head", "HEAD"): each pattern with the
#: forms it was written in, so the one written as in the text wins.
_Candidates = tuple[tuple[_Pattern, frozenset[str]], ...]


_NO_FORMS: frozenset[str] = frozenset()


def _add_form(
    found: dict[str, list[tuple[_Pattern, str]]], form: str, pattern: _Pattern
) -> None:
    found.setdefault(form.lower(), []).append((pattern, form))


def _ranked(candidates: list[tuple[_Pattern, str]]) -> _Candidates:
    """One entry per pattern, with its forms; lower-case names first, as the
    fallback for a text written in neither case ("Head" at a sentence start)."""
    forms: dict[_Pattern, set[str]] = {}
    for pattern, form in candidates:
        forms.setdefault(pattern, set()).add(form)
    if len(forms) == 1:  # the usual case: no forms needed to choose
        return ((candidates[0][0], _NO_FORMS),)
    order = sorted(forms, key=lambda p: (p.exact is not None, p.name != p.name.lower()))
    return tuple((p, frozenset(forms[p])) for p in order)


def _choose(candidates: _Candidates, written: str) -> _Pattern | None:
    """The pattern for the text as written: exact case first, as Sphinx
    resolves ``:term:`` (sphinx-doc/sphinx#7418), then any that allows it."""
    if len(candidates) == 1:
        pattern = candidates[0][0]
        ok = pattern.exact is None or written in pattern.exact
        return pattern if ok else None
    for pattern, forms in candidates:
        if written in forms:
            return pattern
    return next((p for p, _forms in candidates if p.exact is None), None)


def long_vowel_variants(name: str) -> set[str]:
    """A name that ends in katakana with and without the long vowel mark:
    ディレクトリ and ディレクトリー are one word, spelled by two conventions."""
    if len(name) < 3 or spaceless_script(name[-2]) != "katakana":
        return {name}
    if name[-1] == "ー":
        return {name, name[:-1]}
    return {name, name + "ー"} if spaceless_script(name[-1]) == "katakana" else {name}


def separator_variants(name: str) -> set[str]:
    """ "short-chain fatty acid" also as "short chain fatty acid", and back."""
    parts = _SEPARATOR.split(name)
    seps = _SEPARATOR.findall(name)
    if not seps:
        return {name}
    if len(seps) > _MAX_SEPARATOR_VARIANTS:
        return {name, " ".join(parts), "-".join(parts)}
    variants = set()
    for mask in range(2 ** len(seps)):
        out = [parts[0]]
        for i, part in enumerate(parts[1:]):
            out.append("-" if mask >> i & 1 else " ")
            out.append(part)
        variants.add("".join(out))
    return variants


# What smart quotes make of plain punctuation in text (docutils' SmartQuotes):
# a name written with the plain characters is found in the typeset text too.
_TYPESET = (("...", "…"), ("---", "—"), ("--", "–"), ("'", "’"))
_QUOTED = re.compile(r'"([^"]*)"')


def typeset_variants(name: str) -> set[str]:
    """The name as smart quotes typeset it, and as written."""
    typeset = name
    for plain, fancy in _TYPESET:
        typeset = typeset.replace(plain, fancy)
    typeset = _QUOTED.sub("“\\1”", typeset)
    return {name, typeset}


class TermMatcher:
    """Finds glossary names in text; build once, use for every text node.

    :param names: each name to find, mapped to the key of its entry
    :param spellings: more words to find, each mapped to ``(name, key)``: the
        registered name it stands for (the link's target) and its entry
    :param english: add the English plural or singular of each name
    :param lemmas: the language's lemmas: find names in any inflected form
    :param nouns_capitalised: the language writes nouns with a capital
        (German): an inflected form must be written in the case of the name,
        so that "rechnen" is not the entry "Rechner"
    """

    def __init__(
        self,
        names: Mapping[str, str],
        spellings: Mapping[str, tuple[str, str]] | None = None,
        *,
        english: bool = True,
        lemmas: Lemmas | None = None,
        nouns_capitalised: bool = False,
    ) -> None:
        found: dict[str, list[tuple[_Pattern, str]]] = {}
        self._lemma_index = (
            _LemmaIndex(lemmas, nouns_capitalised) if lemmas is not None else None
        )
        every = [(name, name, target) for name, target in names.items()]
        every += [(word, *named) for word, named in (spellings or {}).items()]
        for spelling, name, target in sorted(every):
            spelling = " ".join(spelling.split())
            if not spelling:
                continue
            if len(spelling) == 1:
                # A letter ("A", a note or a grade) is never the word "a".
                pattern = _Pattern(target, name, frozenset({spelling}))
                _add_form(found, spelling, pattern)
                continue
            if is_abbreviation(spelling):
                forms = {spelling, spelling + "s"}
                if singular := singular_abbreviation(spelling):
                    forms.add(singular)
                pattern = _Pattern(target, name, frozenset(forms))
                for form in forms:
                    _add_form(found, form, pattern)
                continue
            pattern = _Pattern(target, name, None)  # one for all its spellings
            forms = english_forms(spelling) if english else {spelling}
            for form in {v for f in forms for v in long_vowel_variants(f)}:
                for variant in separator_variants(form):
                    for typeset in typeset_variants(variant):
                        _add_form(found, typeset, pattern)
            if self._lemma_index is not None:
                self._lemma_index.add(spelling, pattern)
        self._keys = list(found)
        self._patterns = [_ranked(found[k]) for k in self._keys]
        self._automaton = (
            ahocorasick_rs.AhoCorasick(
                self._keys, matchkind=ahocorasick_rs.MatchKind.Standard
            )
            if self._keys
            else None
        )

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping mentions in *text*, leftmost-longest, on word boundaries."""
        if self._automaton is None or not text:
            return []
        haystack = text.lower()
        if len(haystack) != len(text):
            # A few characters lower-case to two ("İ"); keep offsets aligned.
            haystack = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        # Line breaks, tabs and no-break spaces between words count as one
        # space, as in the names; same length, so offsets stay valid.
        haystack = _SPACES.sub(" ", haystack)
        if "  " in haystack:
            candidates = self._collapsed(text, haystack)
        else:
            candidates = self._candidates(text, haystack)
        if self._lemma_index is not None:
            candidates += self._lemma_index.find(text)
        return _leftmost_longest(candidates)

    def _collapsed(self, text: str, haystack: str) -> list[_Candidate]:
        """Runs of spaces inside a name ("leaky  gut"): search a collapsed copy."""
        positions = [
            i
            for i, ch in enumerate(haystack)
            if ch != " " or i == 0 or haystack[i - 1] != " "
        ]
        collapsed = "".join(haystack[i] for i in positions)
        original = "".join(text[i] for i in positions)
        return [
            (positions[start], -(positions[-negative_end - 1] + 1), pattern)
            for start, negative_end, pattern in self._candidates(original, collapsed)
        ]

    def _candidates(self, text: str, haystack: str) -> list[_Candidate]:
        if self._automaton is None:
            return []
        candidates = []
        for index, start, end in self._automaton.find_matches_as_indexes(
            haystack, overlapping=True
        ):
            if start and text[start - 1].isalnum() and _joined(text, start):
                continue
            if (
                end < len(text)
                and (text[end].isalnum() or text[end] == "_")
                and _joined(text, end)
            ):
                continue
            pattern = _choose(self._patterns[index], text[start:end])
            if pattern is None:
                continue
            candidates.append((start, -end, pattern))
        return candidates


#: A name found: start, minus its end (so that sorting puts longer first), pattern.
_Candidate = tuple[int, int, _Pattern]


def _leftmost_longest(candidates: list[_Candidate]) -> list[Match]:
    candidates.sort(key=lambda c: c[:2])  # leftmost first, then longest
    mentions: list[Match] = []
    position = 0
    for start, negative_end, pattern in candidates:
        if start >= position:
            mentions.append(Match(start, -negative_end, pattern.target, pattern.name))
            position = -negative_end
    return mentions


# Scripts written without spaces between words.
_SPACELESS = (
    (0x3040, 0x309F, "kana"),  # hiragana
    (0x30A0, 0x30FF, "katakana"),
    (0x31F0, 0x31FF, "katakana"),  # small katakana for Ainu
    (0xFF66, 0xFF9F, "katakana"),  # half-width
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xF900, 0xFAFF, "han"),
    (0x20000, 0x3FFFF, "han"),
)


def spaceless_script(ch: str) -> str:
    """The script of a character written without spaces, or ``""``."""
    code = ord(ch)
    if code < 0x3040:
        return ""
    return next((s for lo, hi, s in _SPACELESS if lo <= code <= hi), "")


def _joined(text: str, at: int) -> bool:
    """Are the letters before and at *at* one word? Always, unless one is of
    a script written without spaces: then only inside a run of katakana."""
    first, second = spaceless_script(text[at - 1]), spaceless_script(text[at])
    if first or second:
        return first == second == "katakana"
    return True


_LEMMA_WORD = re.compile(r"[^\W_]+")
# Text between two words of one name: spaces or one hyphen.
_NAME_GAP = re.compile(r"\s+|\s*-\s*")
_SENTENCE_END = re.compile(r"[.!?:]\s*$")


class _LemmaIndex:
    """Names as the lemmas of their words, found in any inflected form."""

    def __init__(self, lemmas: Lemmas, nouns_capitalised: bool) -> None:
        self.lemmas = lemmas
        self.nouns_capitalised = nouns_capitalised
        # lemmas joined by spaces -> (pattern, which words are capitalised)
        self._found: dict[str, list[tuple[_Pattern, tuple[bool, ...]]]] = {}
        self._automaton: ahocorasick_rs.AhoCorasick | None = None
        self._keys: list[str] = []

    def add(self, spelling: str, pattern: _Pattern) -> None:
        words = _LEMMA_WORD.findall(spelling)
        if not words or any(spaceless_script(w[0]) for w in words):
            return
        capitals = tuple(w[:1].isupper() for w in words)
        # Under its lemmas, and as written: a word whose dictionary form the
        # lemmatiser does not know may still be the lemma of its inflected
        # forms ("Paketquelle" is "paketquell", "Paketquellen" "paketquelle").
        lemma_key = " ".join(self.lemmas(w) for w in words)
        for found_key in dict.fromkeys((lemma_key, " ".join(words).casefold())):
            self._found.setdefault(found_key, []).append((pattern, capitals))
        self._automaton = None

    def find(self, text: str) -> list[_Candidate]:
        if not self._found:
            return []
        if self._automaton is None:
            self._keys = list(self._found)
            self._automaton = ahocorasick_rs.AhoCorasick(
                self._keys, matchkind=ahocorasick_rs.MatchKind.Standard
            )
        words = list(_LEMMA_WORD.finditer(text))
        pieces: list[str] = []
        at: dict[int, int] = {}  # offset in the haystack -> index of its word
        offset = 0
        for n, word in enumerate(words):
            if n:
                gap = text[words[n - 1].end() : word.start()]
                pieces.append(" " if _NAME_GAP.fullmatch(gap) else "\0")
                offset += 1
            lemma = self.lemmas(word.group())
            at[offset] = n
            pieces.append(lemma)
            offset += len(lemma)
        haystack = "".join(pieces)
        out: list[_Candidate] = []
        for index, start, end in self._automaton.find_matches_as_indexes(
            haystack, overlapping=True
        ):
            if start not in at or (end < len(haystack) and haystack[end] not in " \0"):
                continue
            first = at[start]
            names = self._found[self._keys[index]]
            count = len(names[0][1])
            found = words[first : first + count]
            pattern = self._written_as(names, text, found)
            if pattern is not None:
                out.append((found[0].start(), -found[-1].end(), pattern))
        return out

    def _written_as(
        self,
        names: list[tuple[_Pattern, tuple[bool, ...]]],
        text: str,
        found: list[re.Match[str]],
    ) -> _Pattern | None:
        """The name whose case the words found are written in, if any."""
        if not self.nouns_capitalised:
            return names[0][0]
        sentence_start = not text[: found[0].start()].strip() or bool(
            _SENTENCE_END.search(text[: found[0].start()])
        )
        for pattern, capitals in names:
            if all(
                word.group()[:1].isupper() == capital
                or (n == 0 and sentence_start and not capital)
                for n, (word, capital) in enumerate(zip(found, capitals, strict=True))
            ):
                return pattern
        return None
