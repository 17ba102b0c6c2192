"""The rules of sense: is a mention the glossary's concept? (no Sphinx here)

A mention is left plain when its context shows another sense: part of a
longer word or name, an identifier, a call or a manual page, a verb where the
name is a noun, part of a proper name, an ellipsis. The words the rules of
verbs look at (subjects and objects of verbs, determiners) are data of each
language (:class:`SenseWords`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .language import load

# Characters that join a word into a longer name: site-packages, module.py,
# os.path, a/b, snake_case, user@host.
_JOINERS = "-/._\\@"
# Quotation marks that may close around a name before a joiner: „Release“-Datei.
_CLOSING_QUOTES = "”’“‘\"'»«"
_LONGER_WORD_END = re.compile(r"\w\w$")
# A word with a capital inside (NumPy, GNU), or two capitalised words, right
# before: the name is the kind of a product named there.
_PROPER_NAME_BEFORE = re.compile(
    r"(?:\b[A-Za-z]*[a-z][A-Z]\w*|\b[A-Z]{2,}\w*|\b[A-Z]\w+\s+[A-Z]\w+)\s+$"
)
# What a sentence, or a quotation in it, starts after.
_OPENERS = ".!?:“‘\"'(["
# A capital after a small letter: a name spelled as its owner spells it
# ("LilyPond", "JavaScript"), the same word as the glossary's "lilypond".
_CAMEL_CASE = re.compile(r"[^\W\d_]*[a-z][A-Z]")
# A capitalised word, a comma, a space: the list "Atomicity, Consistency".
_CAPITALISED_LIST = re.compile(r"\b[A-Z]\w*,[ \u00a0]$")
_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:[’'][^\W\d_]+)?)\s+$")
_WORD_AFTER = re.compile(r"^\s+([^\W\d_]+(?:[’'][^\W\d_]+)?)")
_NUMBER_AFTER = re.compile(r"^[ \u00a0]\d")
# "to constrain, or ": an infinitive marker, a verb and a word that joins
# another verb to it (a coordinator, such as "or").
_JOINED_TO_INFINITIVE = re.compile(r"([^\W\d_]+)\s+[^\W\d_]+,?\s+([^\W\d_]+)\s+$")
_WORD_AFTER_COMMA = re.compile(r"^,?\s+([^\W\d_]+)")
# Brackets glued to the name: a call or a manual page, "open()", "git-archive(1)".
_CALL_AFTER = re.compile(r"^\(\w*\)")


@dataclass(frozen=True)
class SenseWords:
    """The words of one language that the rules of sense look at.

    Read from the language's data (see :func:`sense_words_for`);
    the rules that need words are off for a language with no such file.
    """

    verb_subjects: frozenset[str] = frozenset()
    verb_objects: frozenset[str] = frozenset()
    passive: frozenset[str] = frozenset()
    verbal_endings: tuple[str, ...] = ()
    determiners: frozenset[str] = frozenset()
    participle_prepositions: frozenset[str] = frozenset()
    to: frozenset[str] = frozenset()
    passive_endings: tuple[str, ...] = ()
    participle_endings: tuple[str, ...] = ()
    gerund_prepositions: frozenset[str] = frozenset()
    #: what, written right after a noun, makes it a verb (Japanese する)
    verb_suffixes: tuple[str, ...] = ()
    #: words that join two verbs of one infinitive ("to read or write")
    coordinators: frozenset[str] = frozenset()


def sense_words_for(language: str, folders: Iterable[str | Path] = ()) -> SenseWords:
    """The :class:`SenseWords` of *language* (a code such as ``en``), or none.

    :param folders: the project's language data (:func:`seed_glossary.language.load`)
    """
    return sense_words(load(language, folders))


def sense_words(found: Mapping[str, Any]) -> SenseWords:
    """The :class:`SenseWords` in a language's data, as :func:`.language.load`
    returns it."""
    # Apostrophes as typed and as smart quotes typeset them.
    groups = {
        name: {w for word in group["words"] for w in (word, word.replace("'", "’"))}
        for name, group in found.items()
        if name in SenseWords.__dataclass_fields__ and isinstance(group, dict)
    }
    fields: dict[str, Any] = {
        name: tuple(sorted(group))
        if name.endswith(("endings", "suffixes"))
        else frozenset(group)
        for name, group in groups.items()
    }
    return SenseWords(**fields)


def _joined_to_infinitive(before: str, after: str, words: SenseWords) -> bool:
    """Is the word after *before* a second verb of an infinitive, with an
    object after it: "to constrain, or bound, the types"?"""
    joined = _JOINED_TO_INFINITIVE.search(before)
    following = _WORD_AFTER_COMMA.match(after)
    return (
        joined is not None
        and joined.group(1).lower() in words.to
        and joined.group(2).lower() in words.coordinators
        and following is not None
        and following.group(1).lower() in words.verb_objects
    )


def glued_to_element(before: str) -> bool:
    """Is a name, with *before* between the element before its run and it,
    the end of a longer word that starts in that element ("``Stable``-Suite",
    „``Release``“-Datei)?"""
    unquoted = before.lstrip(_CLOSING_QUOTES)
    return len(unquoted) == 1 and unquoted in _JOINERS


def in_longer_name(before: str, after: str) -> bool:
    """Is a name, with *before* and *after* around it, part of a longer word
    or name ("site-packages", "module.py", "os.path", "staff-padding")? (A
    one-letter prefix, as in "C-contiguous", qualifies the name instead.)"""
    unquoted = after.lstrip(_CLOSING_QUOTES)
    return (
        before[-1:] in _JOINERS and _LONGER_WORD_END.search(before[:-1]) is not None
    ) or (unquoted[:1] in _JOINERS and unquoted[1:2].isalnum())


def _named_after(surface: str) -> bool:
    """Does only the first of several words have a capital: an adjective made
    of a name before a common noun ("a Cartesian product"), not a proper name?"""
    words = surface.split()
    return len(words) > 1 and not any(c.isupper() for w in words[1:] for c in w)


def other_sense(
    text: str,
    start: int,
    end: int,
    name: str,
    words: SenseWords,
    *,
    preceding: str = "",
) -> bool:
    """Is ``text[start:end]``, a mention of *name*, used in another sense than
    the glossary's (rule 2 of :func:`seed_glossary.autolink.plan_page`)?

    *preceding* is the text of the paragraph before *text*'s run, where the
    run starts inside a sentence (a word set in italics: "the *Largo*").
    """
    before, after = text[:start], text[end:]
    surface = text[start:end]
    if in_longer_name(before, after):
        return True
    if _NUMBER_AFTER.match(after) and not name[-1:].isdigit():
        return True  # an identifier: "PEP 8", "Python 3"
    if _CALL_AFTER.match(after):
        return True  # a command or a function, not the thing it is named for
    if words.verb_suffixes and after.startswith(words.verb_suffixes):
        return True  # a noun made a verb: ミラーする (to mirror)
    if not surface.strip(".…"):
        return True  # an ellipsis in prose is an ellipsis
    if len(surface) == 1:
        return True  # a letter says nothing of its sense ("A" or "a")
    opening = before if before.strip() else preceding + before
    at_sentence_start = not opening.strip() or opening.rstrip()[-1:] in _OPENERS
    if (
        surface[:1].isupper()
        and name[:1].islower()
        and not at_sentence_start
        and not _CAPITALISED_LIST.search(opening)
        and not _CAMEL_CASE.search(surface)
        and not _named_after(surface)
    ):
        return True  # part of a proper name: "the Python Package Index", "the
        # Staff context" (not a list of capitalised words: "Atomicity, Consistency")
    if " " in surface or not surface.isalpha():
        return False
    previous = _WORD_BEFORE.search(before)
    following = _WORD_AFTER.match(after)
    prev_word = previous.group(1) if previous else ""
    next_word = following.group(1).lower() if following else ""
    if surface.islower() and _PROPER_NAME_BEFORE.search(before):
        return True  # named by a product: "the NumPy package", "GNU Readline package"
    prev_word = prev_word.lower()
    if prev_word in words.verb_subjects:
        return True  # "you type", "can list"
    if prev_word in words.to and next_word in words.verb_objects:
        return True  # "to type the", "to list them"
    if prev_word in words.coordinators and _joined_to_infinitive(before, after, words):
        return True  # "to constrain, or bound, the types"
    if at_sentence_start and surface[:1].isupper() and next_word in words.verb_objects:
        return True  # an instruction: "Type the following"
    lower = surface.lower()
    if words.passive_endings and (
        lower.endswith(words.passive_endings) and prev_word in words.passive
    ):
        return True  # a passive verb: "are interpreted"
    if words.verbal_endings and (
        lower.endswith(words.verbal_endings)
        and next_word in words.participle_prepositions
    ):
        return True  # a verb: "interpreted as", "importing from"
    # A present participle between a determiner and a noun is an adjective:
    # "the importing module".
    return (
        bool(words.participle_endings)
        and lower.endswith(words.participle_endings)
        and prev_word in words.determiners
        and bool(following)
        and next_word not in words.participle_prepositions | words.gerund_prepositions
    )
