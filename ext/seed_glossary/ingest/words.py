"""The words of a language that the reader of seeds looks at.

The naming grammar (:mod:`.cues`, :mod:`.naming`, :mod:`.brackets`), the
reader of a definition's subject (:mod:`.subject`) and the signals of page
noise (:mod:`.signals`) ask of a word what class it belongs to: a naming verb,
an adverb, a preposition, banner vocabulary. Those classes are data of each
language (``languages/<code>.json``, groups named ``naming_*``, ``grammar_*``,
``subject_*``, ``banner_*`` and so on), read once per language into a
:class:`ReaderWords` and passed down as a plain parameter.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..language import DEFAULT, codes, load, words
from .sentence import Token

#: A naming verb's form -> (the particle that must follow it, or ``None`` for
#: an optional one; whether it names only quoted spans).
VerbForms = Mapping[str, tuple[str | None, bool]]


@dataclass(frozen=True)
class ReaderWords:
    """The word classes of one language, and the patterns built from them.

    Build it with :func:`for_language`; a field of a language without the
    group is empty, and the rule that needs it finds nothing.
    """

    language: str
    #: changes whenever the data changes: a key for what was read with it
    fingerprint: str
    #: the language has the reader's words (its naming verbs at least);
    #: without them, every rule that needs words is off
    described: bool
    verb_forms: VerbForms
    #: participles that follow their name at a clause's end: "auch X genannt"
    final_verbs: frozenset[str]
    #: a particle before such a name: "auch als X bezeichnet"
    final_particles: frozenset[str]
    #: every word that may make a naming phrase: the cheap test of a clause
    naming_words: frozenset[str]
    verb_nouns: frozenset[str]
    optional_particles: frozenset[str]
    as_particles: frozenset[str]
    markers: frozenset[str]
    or_words: frozenset[str]
    languages: frozenset[str]
    name_nouns: frozenset[str]
    filler_adverbs: frozenset[str]
    place_prepositions: frozenset[str]
    audience_prepositions: frozenset[str]
    audience: frozenset[str]
    naming_relatives: frozenset[str]
    of_words: frozenset[str]
    participles: frozenset[str]
    descriptive_endings: tuple[str, ...]
    not_names: frozenset[str]
    prepositions: frozenset[str]
    conjunctions: frozenset[str]
    coordinators: frozenset[str]
    auxiliaries: frozenset[str]
    determiners: frozenset[str]
    articles: tuple[str, ...]
    indefinite_articles: frozenset[str]
    possessives: frozenset[str]
    pronouns: frozenset[str]
    adverbs: frozenset[str]
    adverb_endings: tuple[str, ...]
    not_adverbs: frozenset[str]
    subject_verbs: frozenset[str]
    plural_verbs: frozenset[str]
    verb_endings: tuple[str, ...]
    not_verb_endings: tuple[str, ...]
    subject_relatives: frozenset[str]
    leading_article: re.Pattern[str]
    not_a_name: re.Pattern[str]
    abbreviation_stop: re.Pattern[str]
    consent: re.Pattern[str]
    banner_weak: re.Pattern[str]
    person: re.Pattern[str]
    imperative: re.Pattern[str]
    commercial: re.Pattern[str]
    navigation: re.Pattern[str]
    furniture: re.Pattern[str]
    tagline: re.Pattern[str]
    definition_headings: frozenset[str]
    #: in the order of the data: the default of ``seed_glossary_headings``
    section_headings: tuple[str, ...]
    #: English, for a page of a build in another language that is written in
    #: English (a manual translated with gettext keeps English seeds)
    fallback: ReaderWords | None = None

    def for_page(self, lines: Iterable[str]) -> ReaderWords:
        """These words, or the fallback's if the page reads as its language:
        the one whose function words the page uses more."""
        if self.fallback is None:
            return self
        found = _LETTERS.findall(" ".join(lines).casefold())
        own, other = _function_words(self), _function_words(self.fallback)
        ours = sum(w in own for w in found)
        theirs = sum(w in other for w in found)
        return self.fallback if theirs > ours else self


def for_language(
    language: str | None = DEFAULT, folders: Iterable[str | Path] = ()
) -> ReaderWords:
    """The :class:`ReaderWords` of *language*, extended by the project's data.

    :param language: a code as Sphinx names it (``en``, ``de``, ``fr_CA``)
    :param folders: the project's language data (``seed_glossary_language_data``)
    """
    data = load(language, folders)
    words = from_data(language or DEFAULT, data)
    if codes(language)[-1] == DEFAULT:
        return words
    fallback = for_language(DEFAULT, folders)
    key = f"{words.fingerprint} {fallback.fingerprint}"
    return replace(
        words,
        fallback=fallback,
        fingerprint=hashlib.sha256(key.encode()).hexdigest(),
    )


# Words of a page, to tell its language.
_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _function_words(words: ReaderWords) -> frozenset[str]:
    return (
        words.prepositions
        | words.conjunctions
        | words.auxiliaries
        | words.determiners
        | words.pronouns
    )


def project_files(language: str | None, folders: Iterable[str | Path]) -> list[Path]:
    """The project's data files that :func:`for_language` reads, as
    :func:`~seed_glossary.language.load` picks them: a page that shows what
    was read with them depends on them."""
    found = []
    for folder in folders:
        for code in codes(language):
            path = Path(folder) / f"{code}.json"
            if path.is_file():
                found.append(path)
                break
    return found


def from_data(language: str, data: Mapping[str, Any]) -> ReaderWords:
    """The :class:`ReaderWords` of language data already loaded."""

    def group(name: str) -> frozenset[str]:
        return words(data, name)

    def folded(name: str) -> frozenset[str]:
        # Compared with tokens, which are case-folded ("heißt" as "heisst").
        return frozenset(w.casefold() for w in group(name))

    def phrases(name: str) -> frozenset[str]:
        # Patterns run on a line in lower case, which keeps "ß".
        return frozenset(w.lower() for w in group(name))

    def ending(name: str) -> tuple[str, ...]:
        return tuple(sorted(w.casefold() for w in group(name)))

    verb_forms: dict[str, tuple[str | None, bool]] = {}
    for name, quoted_only in (
        ("naming_verbs", False),
        ("naming_describing_verbs", True),
    ):
        for item in _ordered(data, name):
            form, _, particle = item.casefold().partition(" ")
            verb_forms[form] = (particle or None, quoted_only)
    dump = json.dumps([language, data], sort_keys=True, ensure_ascii=False)
    final_verbs = frozenset(w.casefold() for w in words(data, "naming_final_verbs"))
    return ReaderWords(
        language=language,
        fingerprint=hashlib.sha256(dump.encode()).hexdigest(),
        # A file of the link rules alone (an alphabet) says nothing of seeds.
        described=bool(verb_forms),
        verb_forms=MappingProxyType(verb_forms),
        final_verbs=final_verbs,
        final_particles=folded("naming_final_particles"),
        naming_words=frozenset(verb_forms) | final_verbs,
        verb_nouns=folded("naming_verb_nouns"),
        optional_particles=folded("naming_optional_particles"),
        as_particles=folded("naming_as"),
        markers=folded("naming_markers"),
        or_words=folded("naming_or"),
        languages=folded("naming_languages"),
        name_nouns=folded("naming_name_nouns"),
        filler_adverbs=folded("naming_filler_adverbs"),
        place_prepositions=folded("naming_place_prepositions"),
        audience_prepositions=folded("naming_audience_prepositions"),
        audience=folded("naming_audience"),
        naming_relatives=folded("naming_relatives"),
        of_words=folded("naming_of"),
        participles=folded("naming_participles"),
        descriptive_endings=ending("naming_descriptive_endings"),
        not_names=folded("naming_not_names"),
        prepositions=folded("grammar_prepositions"),
        conjunctions=folded("grammar_conjunctions"),
        coordinators=folded("grammar_coordinators"),
        auxiliaries=folded("grammar_auxiliaries"),
        determiners=folded("grammar_determiners"),
        articles=ending("grammar_articles"),
        indefinite_articles=folded("grammar_indefinite_articles"),
        possessives=folded("grammar_possessives"),
        pronouns=folded("grammar_pronouns"),
        adverbs=folded("grammar_adverbs"),
        adverb_endings=ending("grammar_adverb_endings"),
        not_adverbs=folded("grammar_not_adverbs"),
        # As written: a capital "Act" may start a name, "act" is a verb.
        subject_verbs=group("subject_verbs"),
        plural_verbs=group("subject_plural_verbs"),
        verb_endings=ending("subject_verb_endings"),
        not_verb_endings=ending("subject_not_verb_endings"),
        subject_relatives=group("subject_relatives"),
        leading_article=_leading(group("subject_articles")),
        not_a_name=re.compile(
            rf"^(?:{_alternatives(group('subject_not_names'))})\b", re.IGNORECASE
        ),
        abbreviation_stop=re.compile(
            r"(?:\b(?:\w\.)+\w"
            + _optional(rf"|\b(?:{_alternatives(group('sentence_abbreviations'))})")
            + r")\.$",
            re.IGNORECASE,
        ),
        consent=_anywhere(phrases("banner_consent_words")),
        banner_weak=_anywhere(phrases("banner_words")),
        person=_anywhere(phrases("person_words")),
        imperative=_never_if_empty(
            phrases("imperative_words"), lambda a: rf"^(?:{a})\b"
        ),
        commercial=_anywhere(phrases("commercial_words")),
        navigation=_navigation(
            phrases("navigation_lines"), phrases("navigation_back_links")
        ),
        furniture=_anywhere(phrases("furniture_words")),
        tagline=_never_if_empty(
            group("tagline_copulas"),
            lambda a: rf"^(?:[A-Z][\w'’-]*\s+){{1,4}}(?:{a})\b",
            spaces=r"\s+",
        ),
        definition_headings=frozenset(
            w.casefold() for w in group("definition_headings")
        ),
        section_headings=tuple(_ordered(data, "section_headings")),
    )


def _ordered(data: Mapping[str, Any], name: str) -> list[str]:
    """The words of a group in the order of the data (for verbs and headings)."""
    if not words(data, name):
        return []
    return [str(w) for w in dict.fromkeys(data[name]["words"])]


# Matches nothing: the pattern of a word class a language leaves empty.
_NOTHING = r"(?!x)x"


def _alternatives(phrases: Iterable[str], spaces: str = "") -> str:
    """One regex alternative per phrase, longest first (the longest match
    wins where one phrase starts another); ``word*`` stands for any ending."""
    out = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        wild = phrase.endswith("*") and len(phrase) > 1
        pattern = re.escape(phrase[:-1] if wild else phrase)
        if spaces:
            pattern = pattern.replace(r"\ ", spaces)
        out.append(pattern + (r"\w*" if wild else ""))
    return "|".join(out) or _NOTHING


def _optional(alternative: str) -> str:
    return "" if _NOTHING in alternative else alternative


def _anywhere(phrases: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternatives(phrases)})\b")


def _never_if_empty(
    phrases: frozenset[str], shape: Any, spaces: str = ""
) -> re.Pattern[str]:
    return re.compile(shape(_alternatives(phrases, spaces)))


def _navigation(lines: frozenset[str], back: frozenset[str]) -> re.Pattern[str]:
    """A whole line of navigation, or a link back: "← Back to the glossary"."""
    back_link = rf"|[«‹<←]?\s*(?:{_alternatives(back)}) [\w ]{{1,30}}" if back else ""
    return re.compile(rf"^(?:{_alternatives(lines)}{back_link})$")


def _leading(articles: frozenset[str]) -> re.Pattern[str]:
    """Articles before a term: "The X", and elided ones glued to it: "L'X"."""
    spaced = [a for a in articles if not a.endswith(("'", "’"))]
    glued = [a for a in articles if a.endswith(("'", "’"))]
    parts = []
    if spaced:
        parts.append(rf"(?:{_alternatives(spaced)})\s+")
    if glued:
        parts.append(rf"(?:{_alternatives(glued)})")
    return re.compile(rf"^(?:{'|'.join(parts) or _NOTHING})", re.IGNORECASE)


def is_adverb(token: Token, words: ReaderWords) -> bool:
    """ "often", "widely", "colloquially": words that may precede a naming verb."""
    low = token.low
    if token.kind != "word" or not low.isalpha():
        return False
    if low in words.adverbs:
        return True
    return (
        bool(words.adverb_endings)
        and low.endswith(words.adverb_endings)
        and len(low) > 4
        and low not in words.not_adverbs
    )


def is_function_word(token: Token, words: ReaderWords) -> bool:
    """A preposition, conjunction, auxiliary, determiner or pronoun."""
    low = token.low
    return token.kind == "word" and (
        low in words.prepositions
        or low in words.conjunctions
        or low in words.auxiliaries
        or low in words.determiners
        or low in words.pronouns
    )
