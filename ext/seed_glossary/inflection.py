"""How a language changes the form of a name: plurals, cases (no Sphinx here).

English names get their plural and singular by rule (:func:`english_forms`):
the matcher registers both spellings. Other languages inflect more than a
rule of endings can say ("Datenbank", "Datenbanken"; "таблица", "таблиц"), so
their names are compared by lemma, the dictionary form of each word, from
``simplemma``'s data (:class:`Lemmas`); a language it does not know is matched
as written.
"""

from __future__ import annotations

from collections.abc import Callable


def english_forms(name: str) -> set[str]:
    """The name with its last word in singular and plural forms (English)."""
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


class Lemmas:
    """The lemma of each word of one language, remembered per instance.

    Words are compared case-folded: a sentence may start with any of them.
    The dictionary is read on first use (it takes a moment and some memory;
    the performance page says how much) and belongs to this instance, not to
    the process.
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self._lemmatize: Callable[[str, str], str] | None = None
        self._known: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        found = self._known.get(word)
        if found is None:
            if self._lemmatize is None:
                self._lemmatize = _lemmatizer()
            found = self._lemmatize(word, self.language).casefold()
            self._known[word] = found
        return found


def lemmas_for(language: str) -> Lemmas | None:
    """:class:`Lemmas` of *language* (a base code such as ``de``), or ``None``
    where inflection is by rule (English) or unknown to ``simplemma``."""
    if language == "en":
        return None
    from simplemma.strategies.dictionaries.dictionary_factory import (
        SUPPORTED_LANGUAGES,
    )

    return Lemmas(language) if language in SUPPORTED_LANGUAGES else None


def _lemmatizer() -> Callable[[str, str], str]:
    # simplemma's module-level functions share one cache across the process;
    # a Lemmatizer with a dictionary factory of its own keeps it ours.
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultDictionaryFactory, DefaultStrategy

    strategy = DefaultStrategy(
        greedy=True, dictionary_factory=DefaultDictionaryFactory()
    )
    return Lemmatizer(lemmatization_strategy=strategy).lemmatize
