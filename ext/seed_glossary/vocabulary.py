"""Every name that autolinks may link, and what kind of word each is.

Plain data, no Sphinx: :class:`LinkNames` holds the names of one build (and
the matcher that finds them), the bare names of qualified headwords, and
which names are everyday words by the language's frequency data
(``wordfreq``, which ships its word lists).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from functools import cached_property

from .abbreviations import is_abbreviation
from .catalog import key, written
from .inflection import Lemmas, english_forms, lemmas_for
from .matching import TermMatcher
from .model import AvoidedName, ItemNames
from .sense import SenseWords, sense_words_for


@dataclass
class LinkNames:
    """Every name that can be linked, and to which entry (one build).

    :param items: the glossary items of every page, in page order
    :param exclude: names never autolinked (``seed_glossary_autolink_exclude``)
    :param setting: the autolink setting, as text: part of :attr:`digest`
    :param everyday: names that are everyday words inside entries, as
        written (see :func:`everyday_words`)
    :param everyday_in_prose: those that are everyday words in the prose of
        pages
    :param function_words: the language's most frequent words, folded (see
        :func:`function_words`)
    :param sense: the language's words for the rules of sense (English by
        default, as Sphinx's ``language``)
    :param language: the base code of the build's language: how names inflect
        (:mod:`seed_glossary.inflection`)
    :param nouns_capitalised: the language writes its nouns with a capital
    """

    items: Iterable[ItemNames]
    exclude: Iterable[str] = ()
    setting: str = ""
    everyday: frozenset[str] = frozenset()
    everyday_in_prose: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    sense: SenseWords = field(default_factory=lambda: sense_words_for("en"))
    language: str = "en"
    nouns_capitalised: bool = False
    #: folded name -> key of its entry (the first page's, if two define it;
    #: of names that differ in case, the lower-case one's)
    names: dict[str, str] = field(init=False)
    #: name as written (NFC, single spaces) -> key of its entry
    exact: dict[str, str] = field(init=False)
    #: bare name of a qualified headword ("function" of "Function (routine)")
    #: -> the headword, where no other entry has that name
    bare: dict[str, str] = field(init=False)
    #: the other way: qualified headword -> its bare name
    bare_of: dict[str, str] = field(init=False)
    #: entry key -> its headword
    headwords: dict[str, str] = field(init=False)
    #: entry key -> entries it must not link (itself, those its aliases name)
    own_of: dict[str, frozenset[str]] = field(init=False)
    #: folded names and entry keys never linked
    excluded: frozenset[str] = field(init=False)
    #: entries with no definition of their own: a link to one only says "see"
    empty: set[str] = field(init=False)
    #: entries with nothing to read (no definition, no "See also"): never linked
    blank: frozenset[str] = field(init=False)
    #: entry key -> "always" or "first" (a curated seed's ``autolink:``)
    overrides: dict[str, str] = field(init=False)
    #: folded abbreviation -> what it stands for (a shared one: several terms)
    abbreviations: dict[str, tuple[str, ...]] = field(init=False)
    #: folded name to avoid -> (the preferred headword, the name as given)
    avoided: dict[str, tuple[str, AvoidedName]] = field(init=False)
    #: changes whenever a name, its entry, the exclusions or the setting change
    digest: str = field(init=False)

    def __post_init__(self) -> None:
        items = list(self.items)
        self.names, self.headwords, self.overrides, pairs = {}, {}, {}, []
        self.exact, self.empty = {}, set()
        spelled: dict[str, str] = {}  # folded -> the name that holds it
        excluded = {key(n) for n in self.exclude}
        for item in items:
            for name in (*item.names, *item.source_names):
                folded = key(name)
                previous = spelled.get(folded)
                # Sphinx's case-insensitive fallback, but the lower-case name
                # wins: "Head" at a sentence start is "head", not "HEAD".
                if previous is None or (
                    name == name.lower() and previous != previous.lower()
                ):
                    self.names[folded] = item.key
                    spelled[folded] = name
                self.exact.setdefault(written(name), item.key)
                pairs.append((name, item.key))
            self.headwords.setdefault(item.key, item.names[0])
            if item.autolink == "never":
                excluded.add(item.key)
            if item.empty:
                self.empty.add(item.key)
            elif item.autolink:
                self.overrides.setdefault(item.key, item.autolink)
        self.own_of = {}
        self.abbreviations = {}
        self.avoided = {}
        for item in items:
            claimed = {self.names.get(key(alias)) for alias in item.claims}
            self.own_of[item.key] = frozenset({item.key} | {c for c in claimed if c})
            for abbreviation in item.abbreviations:
                self.abbreviations.setdefault(key(abbreviation), item.expansions)
            for avoided in item.avoided:
                self.avoided.setdefault(key(avoided.name), (item.names[0], avoided))
        # An excluded headword excludes its entry under every name.
        excluded |= {
            target
            for target, headword in self.headwords.items()
            if key(headword) in excluded
        }
        self.excluded = frozenset(excluded)
        self.blank = frozenset(item.key for item in items if item.blank)
        self._pairs = dict(pairs)
        self.bare = bare_names(pairs, self.names)
        self.bare_of = {name: bare for bare, name in self.bare.items()}
        digest = hashlib.sha256()
        for name, target in sorted(pairs):
            digest.update(f"{name}\0{target}\n".encode())
        digest.update(repr(sorted(self.bare.items())).encode())
        digest.update(
            f"\0{self.setting}\0{sorted(self.excluded)}\0{sorted(self.overrides.items())}"
            f"\0{sorted(self.everyday)}\0{sorted(self.everyday_in_prose)}"
            f"\0{sorted(self.abbreviations.items())}"
            f"\0{sorted(self.avoided.items())}\0{sorted(self.empty)}"
            f"\0{sorted(self.blank)}"
            f"\0{sorted(self.function_words)}\0{_sense_digest(self.sense)}"
            f"\0{self.language}\0{self.nouns_capitalised}".encode()
        )
        self.digest = digest.hexdigest()

    @cached_property
    def matcher(self) -> TermMatcher:
        """Built on first use: a build that plans no page never needs it."""
        pairs = self._pairs
        spellings = {bare: (name, pairs[name]) for bare, name in self.bare.items()}
        return self.new_matcher(self._pairs, spellings)

    @cached_property
    def _lemmas(self) -> Lemmas | None:
        return lemmas_for(self.language)

    def new_matcher(
        self,
        names: Mapping[str, str],
        spellings: Mapping[str, tuple[str, str]] | None = None,
    ) -> TermMatcher:
        """A matcher of *names* that finds them as this build's language
        writes them (see :class:`~seed_glossary.matching.TermMatcher`)."""
        return TermMatcher(
            names,
            spellings,
            english=self.language == "en",
            lemmas=self._lemmas,
            nouns_capitalised=self.nouns_capitalised,
        )

    def phrase_forms(self, phrase: str) -> set[str]:
        """A phrase, case-folded, in the forms names are matched in: its last
        word singular and plural (English), each word's lemma (a language
        ``simplemma`` knows), or as written."""
        words = phrase.casefold().split()
        if self.language == "en":
            return english_forms(" ".join(words))
        if self._lemmas is not None:
            return {" ".join(self._lemmas(word) for word in words)}
        return {" ".join(words)}

    def resolve(self, name: str) -> str | None:
        """The entry a ``:term:`` to *name* reaches: the name as written first,
        then without regard to case, as Sphinx resolves it."""
        return self.exact.get(written(name)) or self.names.get(key(name))


def _sense_digest(sense: SenseWords) -> str:
    """The words of the rules of sense, sorted: a frozenset's repr is not."""
    return repr(sorted((k, sorted(v)) for k, v in asdict(sense).items()))


# "Function (routine)", "Index (relation)": a name and what it means here.
_QUALIFIED = re.compile(r"(?P<bare>[^()]*[^\s()])\s+\([^()]+\)")


def bare_names(
    pairs: Iterable[tuple[str, str]], taken: Mapping[str, str]
) -> dict[str, str]:
    """The bare name of each qualified name, where it names one entry only.

    :param pairs: ``(name, entry key)`` of every name
    :param taken: folded names already registered: a bare name that is some
        entry's name is left to that entry
    """
    found: dict[str, list[tuple[str, str, str]]] = {}
    for name, target in pairs:
        match = _QUALIFIED.fullmatch(name.strip())
        if match:
            bare = match["bare"]
            found.setdefault(key(bare), []).append((bare, name, target))
    return {
        same[0][0]: same[0][1]
        for folded, same in found.items()
        if folded not in taken and len({target for *_, target in same}) == 1
    }


def everyday_words(
    names: Iterable[str], zipf: Mapping[str, float], at: float
) -> frozenset[str]:
    """The single-word names (as written) whose Zipf frequency is *at* or more.

    A name written with capitals inside ("HEAD", "SQL") is an abbreviation or
    a symbol, not the everyday word it folds to.
    """
    return frozenset(
        written(n)
        for n in names
        if " " not in n.strip()
        and not is_abbreviation(n)
        and zipf.get(key(n), 0.0) >= at
    )


def function_words(language: str, count: int = 100) -> frozenset[str]:
    """The *count* most frequent words of *language* (``wordfreq``'s data):
    its articles, prepositions and pronouns; none for a language it lacks."""
    from wordfreq import top_n_list

    try:
        return frozenset(top_n_list(language, count, wordlist="small"))
    except LookupError:
        return frozenset()


def zipf_frequencies(words: Iterable[str], language: str) -> dict[str, float] | None:
    """Zipf frequency in *language* of each single word, from ``wordfreq``'s
    data; ``None`` for a language it has no data for.

    ``wordfreq`` ships its word lists in the package; it is imported here, on
    first use, because importing it takes a moment. Its small list holds every
    word of Zipf 3 or more (a rarer word is 0 here): enough for a threshold
    of everyday words, in much less memory than the large one. Languages that
    it splits into words with a tokenizer of its own (Japanese, Chinese) are
    looked up in its list directly, without that tokenizer.
    """
    import wordfreq

    if language not in wordfreq.available_languages("small"):
        return None
    try:
        return {
            w: wordfreq.zipf_frequency(w, language, wordlist="small") for w in words
        }
    except ImportError:  # a tokenizer that wordfreq needs and lacks (MeCab, jieba)
        table = wordfreq.get_frequency_dict(language, wordlist="small")
        return {w: _zipf(table.get(w, 0.0)) for w in words}


def _zipf(frequency: float) -> float:
    """wordfreq's Zipf scale: log10 of the frequency per billion words."""
    return round(math.log10(frequency * 1e9), 2) if frequency > 0 else 0.0
