"""A sentence as tokens: words, quoted spans, brackets and punctuation.

The reader of names works on tokens, not characters, so that the hard cases of
scraped prose are settled once, here: a comma inside a closing quote
(``“iron gatekeeper,”``) still closes the clause, a comma between digits
(``1,25-dihydroxy``) is part of a word, an apostrophe (``body’s``) is not a
quote, and a bracket is one token however many commas it holds.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

#: ``word``; ``quote`` and ``bracket`` (text = what is inside); ``comma``,
#: ``dash`` (a clause separator); ``stop`` (``;`` ``:``); ``end`` (``.`` ``!``
#: ``?``); ``mark`` (any other character, or an unbalanced quote or bracket).
TokenKind = Literal["word", "quote", "bracket", "comma", "dash", "stop", "end", "mark"]


class Token(NamedTuple):
    """One token; ``sentence[start:end]`` is the token as written.

    A named tuple, not a dataclass: a definition has dozens of tokens and
    every seed has a definition, so making one must be cheap.
    """

    kind: TokenKind
    text: str
    start: int
    end: int
    low: str  #: the text in lower case, for comparisons with word lists

    def is_word(self, *words: str) -> bool:
        """A word token that is one of *words* (lower case), or any word."""
        return self.kind == "word" and (not words or self.low in words)


def _token(kind: TokenKind, text: str, start: int, end: int) -> Token:
    return Token(kind, text, start, end, text.casefold())


# "a.k.a.", "e.g."; words with hyphens, slashes, apostrophes, and commas or
# full stops between digits ("1,25-dihydroxy", "2.5"); a trailing "+" ("CD4+").
_WORD = re.compile(
    r"(?:\w\.){2,}(?!\w)|\w+(?:(?:[-'’/·]|(?<=\d)[,.](?=\d))\w+)*\+*", re.UNICODE
)
# A word, or any other single character but a space (a quote, a bracket, a
# punctuation mark: :func:`_other_token` decides).
_RAW = re.compile(rf"({_WORD.pattern})|\S")
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


def tokenize(
    sentence: str,
    start: int = 0,
    end: int | None = None,
    *,
    until: frozenset[str] = frozenset(),
    then: int = 0,
) -> list[Token]:
    """Cut ``sentence[start:end]`` into tokens (whitespace is dropped).

    Offsets are offsets in *sentence*. A span must not cut a quote or a
    bracket in two: :class:`Clauses` gives such spans.

    :param until: stop *then* tokens after the first word in this set
    """
    tokens: list[Token] = []
    append = tokens.append
    skip_to = start
    limit = -1
    for match in _RAW.finditer(sentence, start, len(sentence) if end is None else end):
        i, j = match.span()
        if i < skip_to:
            continue  # inside a quote or bracket already taken whole
        word = match.group(1)
        if word is not None:
            append(Token("word", word, i, j, word.casefold()))
            if limit < 0 and word in until:
                limit = len(tokens) + then
        else:
            skip_to = _other_token(sentence, i, tokens)
        if len(tokens) == limit:
            break
    return tokens


def _other_token(sentence: str, i: int, tokens: list[Token]) -> int:
    """Append the quote, bracket or punctuation at *i*; return where it ends."""
    ch = sentence[i]
    if ch in _QUOTE_PAIRS:
        end = _closing_quote(sentence, i)
        if end is not None:
            _append_quote(sentence, i, end, tokens)
            return end + 1
    if ch in _BRACKET_PAIRS:
        end = _closing_bracket(sentence, i)
        if end is not None:
            content = sentence[i + 1 : end].strip()
            tokens.append(_token("bracket", content, i, end + 1))
            return end + 1
    if ch == "-" and _spaced_hyphen(sentence, i):
        run = len(sentence[i:]) - len(sentence[i:].lstrip("-"))
        tokens.append(_token("dash", sentence[i : i + run], i, i + run))
        return i + run
    tokens.append(_token(_PUNCTUATION.get(ch, "mark"), ch, i, i + 1))
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

    Scraped pages write ``the “iron gatekeeper,” is``: the comma belongs to
    the sentence, so it becomes a token after the quote.
    """
    inner, trailing = _quote_inside(sentence, i, end)
    tokens.append(_token("quote", inner, i, end + 1))
    if trailing:
        tokens.append(_token(_PUNCTUATION[trailing], trailing, end, end + 1))


def _quote_inside(sentence: str, i: int, end: int) -> tuple[str, str]:
    """The quoted words, and the punctuation mark just inside the closing quote."""
    inner = sentence[i + 1 : end].rstrip()
    trailing = ""
    while inner and inner[-1] in _PUNCTUATION and inner[-1] not in "—–":
        trailing = inner[-1]
        inner = inner[:-1].rstrip()
    return inner.strip(), trailing


# What may end a clause: quotes and brackets (skipped whole), commas (not
# between digits), semicolons, colons, dashes, a hyphen between spaces. One
# character class: the checks that need context are made in Python.
_STRUCTURE = re.compile(r"[“«„‘\"'(\[;:—–,-]")


def clause_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the clauses and appositives of *sentence* start and end.

    The same cuts as tokens would give (at commas, dashes and stops outside
    quotes and brackets), found with one pass over the few marks that matter,
    so that a clause is cut into tokens only when it is read.
    """
    spans: list[tuple[int, int]] = []
    start = pos = 0
    while (mark := _STRUCTURE.search(sentence, pos)) is not None:
        i = mark.start()
        ch = sentence[i]
        if not _separates(sentence, i, ch):
            pos = i + 1
            continue
        close = _closing(sentence, i, ch)
        if close is not None:
            pos = close + 1
            inside = _quote_inside(sentence, i, close)[1] if ch in _QUOTE_PAIRS else ""
            if inside and inside in ",;:":
                spans.append((start, pos))  # “iron gatekeeper,” ends its clause
                start = pos
        elif ch in _QUOTE_PAIRS or ch in _BRACKET_PAIRS:
            pos = i + 1  # unbalanced: a mark, not a separator
        else:
            end = i + 1
            while ch == "-" and end < len(sentence) and sentence[end] == "-":
                end += 1
            spans.append((start, i))
            start = pos = end
    spans.append((start, len(sentence)))
    return spans


def _separates(sentence: str, i: int, ch: str) -> bool:
    """A comma between digits ("1,25") and a hyphen in a word separate nothing."""
    if ch == ",":
        return not (
            0 < i < len(sentence) - 1
            and sentence[i - 1].isdigit()
            and sentence[i + 1].isdigit()
        )
    if ch == "-":
        return (i == 0 or sentence[i - 1].isspace()) and _spaced_hyphen(sentence, i)
    return True


def _closing(sentence: str, i: int, ch: str) -> int | None:
    if ch in _QUOTE_PAIRS:
        return _closing_quote(sentence, i)
    if ch in _BRACKET_PAIRS:
        return _closing_bracket(sentence, i)
    return None


class Clauses:
    """The clauses of a sentence, each cut into tokens when first read."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.spans = clause_spans(sentence)
        self._tokens: dict[int, list[Token]] = {}

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, k: int) -> list[Token]:
        """The tokens of clause *k* (without the separators)."""
        if k not in self._tokens:
            start, end = self.spans[k]
            self._tokens[k] = _without_separators(tokenize(self.sentence, start, end))
        return self._tokens[k]

    def opening(self, k: int, until: frozenset[str], then: int) -> list[Token]:
        """Clause *k* read only to *then* tokens past its first word in *until*.

        Reading a long clause costs; its first words often say all that is
        needed (where the subject ends).
        """
        if k in self._tokens:
            return self._tokens[k]
        start, end = self.spans[k]
        tokens = tokenize(self.sentence, start, end, until=until, then=then)
        return _without_separators(tokens)

    def text(self, k: int) -> str:
        """Clause *k* as written: test it cheaply before reading its tokens."""
        start, end = self.spans[k]
        return self.sentence[start:end]


def _without_separators(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.kind not in ("comma", "dash", "stop")]
