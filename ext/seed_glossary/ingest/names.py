"""The headword and its aliases, as a definition's first sentence gives them.

A glossary definition opens with its subject: ``<Term>[ (<ABBR>)][, <cue>
<alias>,] is ...``. We take the subject before the first main verb, then read
the appositives between the term and that verb. Only appositives that open with
a naming cue ("often called", "also known as", ", or") or a parenthesised
abbreviation *of the term itself* name aliases; quoted metaphors elsewhere in
the sentence, abbreviations of other things and names in later sentences do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .signals import SENTENCE_END

# The main verb that ends a definition's subject.
_VERB = re.compile(
    r"\s(?:is|are|was|were|refers?\s+to|describes?|denotes?|means|represents?"
    r"|designates?|constitutes?|comprises?|consists\s+of|can\s+be\s+defined\s+as"
    r"|defines?)\b"
)
# "often clinically referred to as", "also known as", "sometimes informally
# called", "occasionally nicknamed": adverbs, then a naming verb.
_CUE = re.compile(
    r"^(?:(?:\w+ly|often|also|sometimes|still|more|most|now|today|and)\s+)*"
    r"(?:referred\s+to\s+as|termed|called|known\s+as|nicknamed|dubbed|named"
    r"|abbreviated(?:\s+as|\s+to)?|shortened\s+to|short\s+for)\s+(?P<alias>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_PREDICATE_CUE = re.compile(
    r"^(?:is|are)\s+(?:(?:\w+ly|often|also|sometimes)\s+)*"
    r"(?:called|known\s+as|referred\s+to\s+as|termed|nicknamed)\s+(?P<alias>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_OR = re.compile(r"^or\s+(?P<alias>.+)$", re.IGNORECASE | re.DOTALL)
_PARENS = re.compile(r"\s*\(([^()]{1,40})\)\s*$")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_QUOTES = "\"“”'‘’«»"
# Subjects that describe instead of naming: "It is", "This term", "A family of".
_NOT_A_NAME = re.compile(
    r"^(?:it|its|this|these|that|those|they|he|she|we|you|there|here|such|each"
    r"|a|an|one|some|any|many|most)\b",
    re.IGNORECASE,
)
_MAX_TERM_WORDS = 8


@dataclass(frozen=True, slots=True)
class Names:
    """What the first sentence says the entry is called."""

    term: str | None
    aliases: tuple[str, ...]
    #: aliases read from a weak cue (", or X,") that the term does not abbreviate
    doubtful: tuple[str, ...] = ()


def first_sentence(text: str) -> str:
    """The text up to the first sentence end (or all of it)."""
    match = SENTENCE_END.search(text)
    return text[: match.end()] if match else text


def split_top_level(text: str, sep: str = ",") -> list[str]:
    """Split on *sep* outside parentheses and quotes.

    A separator inside a closing curly quote, as in ``“leaky gut,”``, stays in
    the quoted part: scraped pages put the comma inside the quotes.
    """
    parts, depth, quoted, start = [], 0, False, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in "“":
            quoted = True
        elif ch in "”":
            quoted = False
        elif ch == '"':
            quoted = not quoted
        elif ch == sep and not depth and not quoted:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


def clean_alias(text: str) -> str:
    """Strip quotes, a trailing comma or full stop, and a leading article."""
    previous = None
    while previous != text:
        previous = text
        text = text.strip().strip(_QUOTES).rstrip(",.;:").strip()
        text = _LEADING_ARTICLE.sub("", text)
    return text


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


def extract_names(definition: str) -> Names:
    """Read the term and its aliases from a definition paragraph.

    :param definition: the definition text; only its first sentence is used
    :returns: ``term`` is ``None`` when the definition does not open with a name
    """
    sentence = first_sentence(definition)
    subject, predicate = _split_subject(sentence)
    if subject is None:
        return Names(None, ())
    head, *appositives = split_top_level(subject)
    aliases: list[str] = []
    abbreviation = _PARENS.search(head)
    if abbreviation:
        head = head[: abbreviation.start()].strip()
    # "The estrobolome" names it; "A family of ..." describes instead.
    term = re.sub(r"^the\s+", "", head, flags=re.IGNORECASE).strip()
    if not _looks_like_name(term):
        return Names(None, ())
    if abbreviation:
        aliases.extend(_paren_aliases(abbreviation.group(1), term))
    doubtful = []
    for part in appositives:
        alias = _cued_alias(part)
        if alias:
            aliases.append(alias)
            if _OR.match(part) and not is_abbreviation_of(alias, term):
                doubtful.append(alias)
    if predicate and _PREDICATE_CUE.match(predicate):
        # "X is also known as Y, ..." names an alias straight after the verb.
        cued = _PREDICATE_CUE.match(split_top_level(predicate)[0])
        if cued:
            aliases.append(clean_alias(cued.group("alias")))
    seen = {term.casefold()}
    unique = []
    for alias in aliases:
        if alias and alias.casefold() not in seen:
            seen.add(alias.casefold())
            unique.append(alias)
    return Names(term, tuple(unique), tuple(a for a in doubtful if a in unique))


def _split_subject(sentence: str) -> tuple[str | None, str]:
    """Cut the sentence before its first main verb outside quotes and brackets."""
    depth, quoted = 0, False
    for i, ch in enumerate(sentence):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch == "“":
            quoted = True
        elif ch == "”":
            quoted = False
        elif ch.isspace() and not depth and not quoted:
            match = _VERB.match(sentence, i)
            if match:
                return sentence[:i].strip(), sentence[i:].strip()
    return None, sentence


def _looks_like_name(term: str) -> bool:
    words = term.split()
    return (
        0 < len(words) <= _MAX_TERM_WORDS
        and term[0].isalnum()
        and not _NOT_A_NAME.match(term)
        and not any(ch in term for ch in '.;:!?“”"')
    )


def _paren_aliases(inner: str, term: str) -> list[str]:
    """``(SCFAs)`` names an alias; ``(also called X)`` too; ``(E2)`` does not."""
    cued = _cued_alias(inner)
    if cued:
        return [cued]
    return [inner.strip()] if is_abbreviation_of(inner, term) else []


def _cued_alias(part: str) -> str | None:
    part = part.strip()
    match = _CUE.match(part) or _OR.match(part)
    if not match:
        return None
    alias = clean_alias(match.group("alias"))
    if not alias or len(alias.split()) > _MAX_TERM_WORDS:
        return None
    return alias
