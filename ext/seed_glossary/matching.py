"""Find mentions of many glossary names in text at once (no Sphinx here).

One Aho–Corasick automaton holds every name in every spelling we accept:
case-insensitive, plural ``-s``/``-es``/``-ies`` and singular forms of the
last word, hyphen or space between words. Possessives need no spelling of
their own: ``’s`` starts after a word boundary. Matches must start and end on
word boundaries; among overlapping candidates the leftmost, then the longest
wins, so "intestinal permeability" beats "permeability".

Short names written with capitals inside ("SCFAs", "sIgA") are abbreviations:
they match only as written, so that "SHBG" never links the word "shbg" and an
alias like "IT" would not link "it".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import ahocorasick_rs

_SEPARATOR = re.compile(r"[ -]")
# Whitespace that stands for a space between words; one character each, so
# replacing it keeps offsets (a regex pass is twice as fast as str.translate).
_SPACES = re.compile("[\t\n\r\x0b\x0c\xa0\u2007\u202f]")
_MAX_SEPARATOR_VARIANTS = 4  # 2**4 spellings at most per inflected name


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in a text: ``text[start:end]`` refers to ``target``."""

    start: int
    end: int
    target: str  #: the key of the entry the name belongs to
    name: str  #: the registered name to link (a term or alias as defined)


@dataclass(frozen=True, slots=True)
class _Pattern:
    target: str
    name: str
    exact: frozenset[str] | None  # for abbreviations: the accepted spellings


def is_abbreviation(name: str) -> bool:
    """Short, one word, with a capital after its first letter: SCFA, sIgA, IgA."""
    return (
        " " not in name
        and len(name) <= 8
        and sum(ch.isupper() for ch in name[1:]) >= 1
        and any(ch.isalpha() for ch in name)
    )


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
    """

    def __init__(self, names: Mapping[str, str]) -> None:
        patterns: dict[str, _Pattern] = {}
        for name, target in sorted(names.items()):
            name = " ".join(name.split())
            if not name:
                continue
            if is_abbreviation(name):
                spellings = {name, name + "s"}
                if len(name) > 2 and name.endswith("s") and name[-2].isupper():
                    spellings.add(name[:-1])  # SCFAs -> SCFA
                for spelling in spellings:
                    patterns.setdefault(
                        spelling.lower(), _Pattern(target, name, frozenset(spellings))
                    )
                continue
            pattern = _Pattern(target, name, None)  # one for all its spellings
            for form in inflections(name):
                for variant in separator_variants(form):
                    for typeset in typeset_variants(variant):
                        patterns.setdefault(typeset.lower(), pattern)
        self._keys = list(patterns)
        self._patterns = [patterns[k] for k in self._keys]
        self._automaton = (
            ahocorasick_rs.AhoCorasick(
                self._keys, matchkind=ahocorasick_rs.MatchKind.Standard
            )
            if self._keys
            else None
        )

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, text: str) -> list[Mention]:
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

    def _find_collapsed(self, text: str, haystack: str) -> list[Mention]:
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
            out.append(Mention(start, end, m.target, m.name))
        return out

    def _find(self, text: str, haystack: str) -> list[Mention]:
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
            exact = self._patterns[index].exact
            if exact is not None and text[start:end] not in exact:
                continue
            candidates.append((start, -end, index))
        candidates.sort()  # leftmost first, then longest
        mentions: list[Mention] = []
        position = 0
        for start, negative_end, index in candidates:
            if start >= position:
                pattern = self._patterns[index]
                mentions.append(
                    Mention(start, -negative_end, pattern.target, pattern.name)
                )
                position = -negative_end
        return mentions
