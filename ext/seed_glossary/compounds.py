"""Compounds: names that are part of a longer name (no Sphinx, no docutils).

Two names side by side read as one name (:func:`side_by_side`). And a
manual that heads a section *Extern prelude* or *Trait objects* has a
compound term of its own there, whether the glossary has it or not. Where
the text writes that compound ("added to the extern prelude"), the name in
it (*prelude*) is half of the compound, not the glossary's entry in passing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .autolink import Mention, PageText

#: How a phrase is compared: case-folded, in the forms the build matches names
#: in (:meth:`seed_glossary.vocabulary.LinkNames.phrase_forms`).
Forms = Callable[[str], set[str]]

_WORD = r"[^\W\d_][\w’'-]*"
_WORDS = re.compile(_WORD)
# The word right before or after a name, with only spaces or a line break
# of the source between.
_WORD_BEFORE = re.compile(rf"({_WORD})\s+$")
_WORD_AFTER = re.compile(rf"^\s+({_WORD})")


def heading_phrases(
    headings: Iterable[str], forms: Forms, function_words: frozenset[str]
) -> frozenset[str]:
    """Every two- and three-word phrase of the headings, in all their forms,
    except those that start or end with a function word ("of the")."""
    found: set[str] = set()
    for heading in headings:
        words = _WORDS.findall(heading.casefold())
        for size in (2, 3):
            for start in range(len(words) - size + 1):
                window = words[start : start + size]
                if window[0] in function_words or window[-1] in function_words:
                    continue
                found |= forms(" ".join(window))
    return frozenset(found)


def in_heading_compound(
    text: str, start: int, end: int, phrases: frozenset[str], forms: Forms
) -> bool:
    """Is ``text[start:end]`` one half of a compound that a heading of the
    build names, with the word right before or after it ("extern prelude",
    "trait objects")? (A phrase with a function word at either end is in no
    heading's phrases: "the prelude" is no compound.)"""
    if not phrases:
        return False
    surface = " ".join(text[start:end].split())
    before = _WORD_BEFORE.search(text[:start])
    after = _WORD_AFTER.match(text[end:])
    candidates = [f"{before.group(1)} {surface}"] if before else []
    candidates += [f"{surface} {after.group(1)}"] if after else []
    return any(not forms(phrase).isdisjoint(phrases) for phrase in candidates)


def side_by_side(
    page: PageText, mentions: list[Mention], everyday: Callable[[Mention], bool]
) -> set[Mention]:
    """Mentions that are part of a longer name the glossary lacks.

    Two names with only a space between them read as one name, whose head
    is the second: "asynchronous generator function" links *asynchronous
    generator*, "class attribute" links neither (*class* is an everyday
    word), "statement type" neither. A name
    right after an inline element, with only a space between ("the ``gc``
    module", "*Frenched* staff"), names the kind of what the element shows:
    it is not linked. (A run of text that starts with a space, after another
    run of the same paragraph, follows such an element.)
    """
    plain: set[Mention] = set()
    for first, second in pairwise(mentions):
        if first.run != second.run:
            continue
        between = page.runs[first.run][3][first.end : second.start]
        if not between or between.strip():
            continue
        # The second name is the compound's head, the first says what kind
        # ("class attribute" is an attribute of a class): the head is never
        # linked, the kind only when it is no everyday word.
        if everyday(first):
            plain.add(first)
        plain.add(second)
    for mention in mentions:
        _ordinal, _unit, block, text = page.runs[mention.run]
        before = text[: mention.start]
        after_element = mention.run and page.runs[mention.run - 1][2] == block
        if before and not before.strip() and after_element:
            plain.add(mention)
    return plain
