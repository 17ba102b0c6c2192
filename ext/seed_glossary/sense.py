"""The rules of sense: is a mention the glossary's concept? (no Sphinx here)

A mention is left plain when its context shows another sense: part of a
longer word or name, an identifier, a call or a manual page, a verb where the
name is a noun, part of a proper name, an ellipsis. The words these rules
look at (subjects and objects of verbs, determiners) are English.
"""

from __future__ import annotations

import re

# Characters that join a word into a longer name: site-packages, module.py,
# os.path, a/b, snake_case, user@host.
_JOINERS = "-/._\\@"
_LONGER_WORD_END = re.compile(r"\w\w$")
# A word with a capital inside (NumPy, GNU), or two capitalised words, right
# before: the name is the kind of a product named there.
_PROPER_NAME_BEFORE = re.compile(
    r"(?:\b[A-Za-z]*[a-z][A-Z]\w*|\b[A-Z]{2,}\w*|\b[A-Z]\w+\s+[A-Z]\w+)\s+$"
)
# What a sentence, or a quotation in it, starts after.
_OPENERS = ".!?:“‘\"'(["
# A capitalised word, a comma, a space: the list "Atomicity, Consistency".
_CAPITALISED_LIST = re.compile(r"\b[A-Z]\w*,[ \u00a0]$")
_WORD_BEFORE = re.compile(r"([A-Za-z’']+)\s+$")
_WORD_AFTER = re.compile(r"^\s+([A-Za-z’']+)")
_NUMBER_AFTER = re.compile(r"^[ \u00a0]\d")
# Brackets glued to the name: a call or a manual page, "open()", "git-archive(1)".
_CALL_AFTER = re.compile(r"^\(\w*\)")
# Words after which a single-word name is a verb: modals, subject pronouns.
_VERB_SUBJECTS = frozenset(
    [
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "must",
        "may",
        "might",
        "cannot",
        "you",
        "we",
        "they",
        "i",
        "please",
        "don’t",
        "don't",
        "doesn’t",
        "doesn't",
        "didn’t",
        "didn't",
        "won’t",
        "won't",
        "let’s",
        "let's",
    ]
)
# Words that follow a verb, not a noun: determiners, object pronouns, particles.
_VERB_OBJECTS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "these",
        "that",
        "those",
        "your",
        "my",
        "our",
        "their",
        "it",
        "them",
        "in",
        "out",
        "into",
        "up",
    ]
)
_PASSIVE = frozenset(["is", "are", "was", "were", "be", "been", "being", "get", "gets"])
# Endings of verb forms. Not "-able": an entry such as "reachable" or
# "callable" is that adjective, and "reachable from" is its own sense.
_VERBAL_ENDINGS = ("ed", "ing")
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "its", "their", "each"])
_PARTICIPLE_PREPOSITIONS = frozenset(["as", "by", "into", "from", "with", "between"])


def other_sense(text: str, start: int, end: int, name: str) -> bool:
    """Is ``text[start:end]``, a mention of *name*, used in another sense than
    the glossary's (rule 2 of :func:`seed_glossary.autolink.plan_page`)?"""
    before, after = text[:start], text[end:]
    surface = text[start:end]
    if (before[-1:] in _JOINERS and _LONGER_WORD_END.search(before[:-1])) or (
        after[:1] in _JOINERS and after[1:2].isalnum()
    ):
        return True  # part of a longer word or name (a one-letter prefix, as
        # in "C-contiguous", qualifies the name instead)
    if _NUMBER_AFTER.match(after) and not name[-1:].isdigit():
        return True  # an identifier: "PEP 8", "Python 3"
    if _CALL_AFTER.match(after):
        return True  # a command or a function, not the thing it is named for
    if not surface.strip(".…"):
        return True  # an ellipsis in prose is an ellipsis
    if len(surface) == 1:
        return True  # a letter says nothing of its sense ("A" or "a")
    at_sentence_start = not before.strip() or before.rstrip()[-1:] in _OPENERS
    if (
        surface[:1].isupper()
        and name[:1].islower()
        and not at_sentence_start
        and not _CAPITALISED_LIST.search(before)
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
    if prev_word in _VERB_SUBJECTS:
        return True  # "you type", "can list"
    if prev_word == "to" and next_word in _VERB_OBJECTS:
        return True  # "to type the", "to list them"
    if at_sentence_start and surface[:1].isupper() and next_word in _VERB_OBJECTS:
        return True  # an instruction: "Type the following"
    lower = surface.lower()
    if lower.endswith("ed") and prev_word in _PASSIVE:
        return True  # a passive verb: "are interpreted"
    if lower.endswith(_VERBAL_ENDINGS) and next_word in _PARTICIPLE_PREPOSITIONS:
        return True  # a verb: "interpreted as", "importing from"
    # A present participle between a determiner and a noun is an adjective:
    # "the importing module".
    return (
        lower.endswith("ing")
        and prev_word in _DETERMINERS
        and bool(following)
        and next_word not in _PARTICIPLE_PREPOSITIONS | {"of"}
    )
