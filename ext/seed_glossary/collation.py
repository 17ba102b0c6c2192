"""The order of a language and the letters of its A–Z bar (no Sphinx here).

A language's data (:mod:`seed_glossary.language`) lists its ``alphabet``: the
letters that head the groups of an index, in order, as the Unicode Common
Locale Data Repository lists them (its "index" characters): Swedish ends
``… X Y Z Å Ä Ö``, Spanish has ``Ñ`` after ``N``, Japanese has the rows of
the kana, ``あ か さ た な …``. From that list alone:

* a letter of the alphabet that is a letter with a mark (Swedish ``Å``,
  Spanish ``Ñ``, Russian ``Й``) is a letter of its own, in its place;
* any other letter with a mark sorts as its base letter, the mark breaking
  ties only (German ``Ä`` with ``A``, as Sphinx sorts every language);
* a letter belongs to the last letter of the alphabet, of its script, that it
  does not come before (``き`` to ``か``; katakana as hiragana, small kana as
  large);
* symbols and digits come first and letters of other scripts last, both
  under ``#`` in the bar.

This is the Unicode Collation Algorithm's shape (primary letters, secondary
marks, tertiary case) with the tailoring that index letters say, not the whole
of it: languages that sort by reading (Chinese by pinyin, Japanese kanji by
their kana) need readings that no word list here has, and their names in
those scripts sort by code point after the alphabet.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .language import load

#: The bar of a language whose data names no alphabet, as before languages.
LATIN = tuple(chr(c) for c in range(ord("A"), ord("Z") + 1))
#: The bar's group of names that start with no letter of the alphabet.
OTHER = "#"

_KATAKANA = range(0x30A1, 0x30F7)
_HIRAGANA_OFFSET = 0x60

#: (rank, base) of one character, and the marks on it
_Weight = tuple[tuple[int, int], tuple[str, ...]]


class Collation:
    """Sort keys and bar letters of one language.

    :param alphabet: the index letters, in order, as shown in the bar
    """

    def __init__(self, alphabet: Sequence[str] = LATIN) -> None:
        self.letters: tuple[str, ...] = tuple(alphabet)
        self._own: dict[str, int] = {}  # a letter with a mark that is a letter
        starts: dict[str, list[tuple[int, int]]] = {}  # script -> (base, rank)
        for rank, letter in enumerate(self.letters):
            folded = unicodedata.normalize("NFKC", letter).casefold()
            if len(unicodedata.normalize("NFD", folded)) > 1:
                self._own[folded] = rank
            else:
                base = _fold(folded)
                starts.setdefault(_script(base), []).append((ord(base), rank))
        self._starts = {script: sorted(found) for script, found in starts.items()}
        self._weights: dict[str, _Weight] = {}

    def key(self, name: str) -> tuple[Any, ...]:
        """Sort key of *name*: letters, then marks, then case (capitals
        first), then as written."""
        primary, secondary, tertiary = [], [], []
        for ch in unicodedata.normalize("NFKC", name):
            weight, marks = self._weigh(ch)
            primary.append(weight)
            secondary.append(marks)
            # Capitals first, as Sphinx's glossaries had "HEAD" before "head":
            # its term lookup without case finds the one registered last.
            tertiary.append(ch == ch.casefold())
        return (tuple(primary), tuple(secondary), tuple(tertiary), name)

    def letter(self, name: str) -> str:
        """The bar letter that *name* is listed under, or :data:`OTHER`."""
        text = unicodedata.normalize("NFKC", name.strip())
        if not text:
            return OTHER
        (rank, _base), _marks = self._weigh(text[0])
        return self.letters[rank] if 0 <= rank < len(self.letters) else OTHER

    def _weigh(self, ch: str) -> _Weight:
        found = self._weights.get(ch)
        if found is None:
            found = self._weights[ch] = self._weight_of(ch)
        return found

    def _weight_of(self, ch: str) -> _Weight:
        folded = unicodedata.normalize("NFC", ch.casefold())
        if folded in self._own:
            return (self._own[folded], 0), ()
        decomposed = unicodedata.normalize("NFD", folded)
        base, marks = _fold(decomposed[:1] or ch), tuple(decomposed[1:])
        if not base.isalpha():
            return (-1, ord(base)), marks
        rank = len(self.letters)  # a letter of no script of the alphabet
        for start, at in self._starts.get(_script(base), ()):
            if ord(base) < start:
                break
            rank = at
        return (rank, ord(base)), marks


def collation_for(data: Mapping[str, Any]) -> Collation:
    """The :class:`Collation` of a language's data (its ``alphabet``), or
    the Latin A to Z where the data names none."""
    alphabet = data.get("alphabet")
    if isinstance(alphabet, dict) and isinstance(alphabet.get("letters"), list):
        return Collation([str(letter) for letter in alphabet["letters"]])
    return Collation()


def _fold(ch: str) -> str:
    """Katakana as hiragana, small kana as large: one row of the kana table."""
    if ord(ch) in _KATAKANA:
        ch = chr(ord(ch) - _HIRAGANA_OFFSET)
    name = unicodedata.name(ch, "")
    if name.startswith("HIRAGANA LETTER SMALL "):
        try:
            return unicodedata.lookup(name.replace("SMALL ", ""))
        except KeyError:
            return ch
    return ch


def _script(ch: str) -> str:
    """The script of a letter, as the first word of its Unicode name says."""
    return unicodedata.name(ch, "?").split(" ")[0]


def collation_of(language: str | None, folders: Iterable[str | Path] = ()) -> Collation:
    """The :class:`Collation` of a Sphinx ``language`` and the project's data."""
    return collation_for(load(language, folders))
