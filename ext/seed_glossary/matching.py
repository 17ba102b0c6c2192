"""Find mentions of many glossary names in text at once (no Sphinx here).

One Aho–Corasick automaton holds every name in every spelling we accept:
case-insensitive, plural ``-s``/``-es``/``-ies`` and singular forms of the
last word, hyphen or space between words. Possessives need no spelling of
their own: ``’s`` starts after a word boundary. Matches must start and end on
word boundaries; among overlapping candidates the leftmost, then the longest
wins, so "intestinal permeability" beats "permeability".

Short names written with capitals inside ("SCFAs", "sIgA") are abbreviations:
they match only as written, so that "SHBG" never links the word "shbg" and an
alias like "IT" would not link "it". So do names of one letter ("A").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import ahocorasick_rs

# One definition for the reader and the link layer, re-exported for the latter.
from .abbreviations import is_abbreviation as is_abbreviation

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


def inflections(name: str) -> set[str]:
    """The name with its last word in singular and plural forms."""
    head, _, last = name.rpartition(" ")
    prefix = f"{head} " if head else ""
    lower = last.lower()
    if len(lower) < 3 or not last.isalpha():
        return {name}
    if lower.endswith("ies"):
        other = last[:-3] + "y"
    elif lower.endswith(("sses", "xes", "zes", "ches", "shes")):
        other = last[:-2]
    elif lower.endswith(("ss", "us", "is", "x", "z", "ch", "sh")):
        other = last + "es"
    elif lower.endswith("s"):
        other = last[:-1]
    elif lower.endswith("y") and lower[-2] not in "aeiou":
        other = last[:-1] + "ies"
    else:
        other = last + "s"
    return {name, prefix + other}


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
    """

    def __init__(
        self,
        names: Mapping[str, str],
        spellings: Mapping[str, tuple[str, str]] | None = None,
    ) -> None:
        found: dict[str, list[tuple[_Pattern, str]]] = {}
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
                if len(spelling) > 2 and spelling[-1] == "s" and spelling[-2].isupper():
                    forms.add(spelling[:-1])  # SCFAs -> SCFA
                pattern = _Pattern(target, name, frozenset(forms))
                for form in forms:
                    _add_form(found, form, pattern)
                continue
            pattern = _Pattern(target, name, None)  # one for all its spellings
            for form in inflections(spelling):
                for variant in separator_variants(form):
                    for typeset in typeset_variants(variant):
                        _add_form(found, typeset, pattern)
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
            return self._find_collapsed(text, haystack)
        return self._find(text, haystack)

    def _find_collapsed(self, text: str, haystack: str) -> list[Match]:
        """Runs of spaces inside a name ("leaky  gut"): search a collapsed copy."""
        positions = [
            i
            for i, ch in enumerate(haystack)
            if ch != " " or i == 0 or haystack[i - 1] != " "
        ]
        collapsed = "".join(haystack[i] for i in positions)
        original = "".join(text[i] for i in positions)
        out = []
        for m in self._find(original, collapsed):
            start = positions[m.start]
            end = positions[m.end - 1] + 1
            out.append(Match(start, end, m.target, m.name))
        return out

    def _find(self, text: str, haystack: str) -> list[Match]:
        if self._automaton is None:
            return []
        candidates = []
        for index, start, end in self._automaton.find_matches_as_indexes(
            haystack, overlapping=True
        ):
            if start and text[start - 1].isalnum():
                continue
            if end < len(text) and (text[end].isalnum() or text[end] == "_"):
                continue
            pattern = _choose(self._patterns[index], text[start:end])
            if pattern is None:
                continue
            candidates.append((start, -end, pattern))
        candidates.sort(key=lambda c: c[:2])  # leftmost first, then longest
        mentions: list[Match] = []
        position = 0
        for start, negative_end, pattern in candidates:
            if start >= position:
                mentions.append(
                    Match(start, -negative_end, pattern.target, pattern.name)
                )
                position = -negative_end
        return mentions
