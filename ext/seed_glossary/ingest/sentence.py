"""A sentence as tokens: words, quoted spans, brackets and punctuation.

The reader of names works on tokens, not characters, so that the hard cases of
scraped prose are settled once, here: a comma inside a closing quote
(``“leaky gut,”``) still closes the clause, a comma between digits
(``1,25-dihydroxy``) is part of a word, an apostrophe (``body’s``) is not a
quote, and a bracket is one token however many commas it holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

#: ``word``; ``quote`` and ``bracket`` (text = what is inside); ``comma``,
#: ``dash`` (a clause separator); ``stop`` (``;`` ``:``); ``end`` (``.`` ``!``
#: ``?``); ``mark`` (any other character, or an unbalanced quote or bracket).
TokenKind = Literal["word", "quote", "bracket", "comma", "dash", "stop", "end", "mark"]


@dataclass(frozen=True, slots=True)
class Token:
    """One token; ``sentence[start:end]`` is the token as written."""

    kind: TokenKind
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        """The text in lower case, for comparisons with word lists."""
        return self.text.casefold()

    def is_word(self, *words: str) -> bool:
        """A word token that is one of *words* (lower case), or any word."""
        return self.kind == "word" and (not words or self.low in words)


# "a.k.a.", "e.g."; words with hyphens, slashes, apostrophes, and commas or
# full stops between digits ("1,25-dihydroxy", "2.5"); a trailing "+" ("CD4+").
_WORD = re.compile(
    r"(?:\w\.){2,}(?!\w)|\w+(?:(?:[-'’/·]|(?<=\d)[,.](?=\d))\w+)*\+*", re.UNICODE
)
# Each opening quote and the mark that closes it.
_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"', "'": "'"}
_BRACKET_PAIRS = {"(": ")", "[": "]"}
_PUNCTUATION: dict[str, TokenKind] = {
    ",": "comma",
    "—": "dash",
    "–": "dash",
    ";": "stop",
    ":": "stop",
    ".": "end",
    "!": "end",
    "?": "end",
}


def tokenize(sentence: str) -> list[Token]:
    """Cut *sentence* into tokens (whitespace is dropped)."""
    tokens: list[Token] = []
    i = 0
    while i < len(sentence):
        ch = sentence[i]
        if ch.isspace():
            i += 1
            continue
        i = _next_token(sentence, i, tokens)
    return tokens


def _next_token(sentence: str, i: int, tokens: list[Token]) -> int:
    """Append the token that starts at *i*; return where the next one starts."""
    ch = sentence[i]
    if ch in _QUOTE_PAIRS:
        end = _closing_quote(sentence, i)
        if end is not None:
            _append_quote(sentence, i, end, tokens)
            return end + 1
    if ch in _BRACKET_PAIRS:
        end = _closing_bracket(sentence, i)
        if end is not None:
            tokens.append(Token("bracket", sentence[i + 1 : end].strip(), i, end + 1))
            return end + 1
    word = _WORD.match(sentence, i)
    if word:
        tokens.append(Token("word", word.group(), i, word.end()))
        return word.end()
    if ch == "-" and _spaced_hyphen(sentence, i):
        run = len(sentence[i:]) - len(sentence[i:].lstrip("-"))
        tokens.append(Token("dash", sentence[i : i + run], i, i + run))
        return i + run
    tokens.append(Token(_PUNCTUATION.get(ch, "mark"), ch, i, i + 1))
    return i + 1


def _spaced_hyphen(sentence: str, i: int) -> bool:
    """`` - `` or `` -- `` between words is a dash, ``-`` in a word is not."""
    before = sentence[i - 1] if i else " "
    rest = sentence[i:].lstrip("-")
    return before.isspace() and (not rest or rest[0].isspace())


def _closing_quote(sentence: str, i: int) -> int | None:
    """Index of the mark closing the quote opened at *i*, if it is a quote.

    Curly double quotes and guillemets always pair. Straight quotes and single
    curly quotes double as apostrophes ("body’s", "bacteria'"), so they open
    only at the start of a word and close only at the end of one.
    """
    opener = sentence[i]
    closer = _QUOTE_PAIRS[opener]
    strict = opener in "'‘\""
    if strict and not _opens_word(sentence, i):
        return None
    j = sentence.find(closer, i + 1)
    while j != -1:
        if not strict or _closes_word(sentence, j):
            return j if j > i + 1 else None
        j = sentence.find(closer, j + 1)
    return None


def _closing_bracket(sentence: str, i: int) -> int | None:
    """Index of the bracket that closes the one opened at *i* (nesting counts)."""
    opener = sentence[i]
    closer = _BRACKET_PAIRS[opener]
    depth = 0
    for j in range(i, len(sentence)):
        if sentence[j] == opener:
            depth += 1
        elif sentence[j] == closer:
            depth -= 1
            if depth == 0:
                return j
    return None


def _opens_word(sentence: str, i: int) -> bool:
    before = sentence[i - 1] if i else " "
    after = sentence[i + 1] if i + 1 < len(sentence) else " "
    return (before.isspace() or before in "([—–/") and not after.isspace()


def _closes_word(sentence: str, j: int) -> bool:
    before = sentence[j - 1]
    after = sentence[j + 1] if j + 1 < len(sentence) else " "
    return not before.isspace() and not after.isalnum()


def _append_quote(sentence: str, i: int, end: int, tokens: list[Token]) -> None:
    """A quote token; punctuation just inside the closing mark follows it.

    Scraped pages write ``the “estrogen recycler,” is``: the comma belongs to
    the sentence, so it becomes a token after the quote.
    """
    inner = sentence[i + 1 : end].rstrip()
    trailing = ""
    while inner and inner[-1] in _PUNCTUATION and inner[-1] not in "—–":
        trailing = inner[-1] + trailing
        inner = inner[:-1].rstrip()
    tokens.append(Token("quote", inner.strip(), i, end + 1))
    for ch in trailing[:1]:
        tokens.append(Token(_PUNCTUATION[ch], ch, end, end + 1))


def clauses(tokens: Sequence[Token]) -> list[list[Token]]:
    """Split at commas, dashes and stops: the clauses and appositives of a sentence.

    The separators themselves are dropped; brackets and quotes are single
    tokens, so separators inside them do not split.
    """
    out: list[list[Token]] = [[]]
    for token in tokens:
        if token.kind in ("comma", "dash", "stop"):
            out.append([])
        else:
            out[-1].append(token)
    return out
