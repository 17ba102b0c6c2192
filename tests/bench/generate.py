"""Synthetic seed folders and prose pages for ``make bench``.

Seeds look like the scraped samples: about 2 KB, a definition of three
sentences that names its term (sometimes with an abbreviation or a quoted
nickname), ``Origin`` and ``Mechanism`` sections, then taglines, teasers and
the same cookie banner on every page; a quarter use the blank-line layout with
a navigation line, a title and a ``Meaning`` heading. Definitions mention
other terms, so autolinking has work to do. Prose pages (the benchmark's site)
have about 600 words in sections and mention terms by name or by an alias (an
abbreviation or a nickname).

Everything is drawn from a seeded random generator: the same N gives the same
files on every machine.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

_ONSETS = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "br",
    "cl",
    "dr",
    "gl",
    "pr",
    "st",
    "tr",
]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "io", "ea"]
_CODAS = ["", "", "n", "r", "s", "l", "x", "m"]
_SUFFIXES = ["ase", "ine", "ol", "ide", "itis", "ogen", "in", "ate", "ome", "osis"]
_FILLER_TEXT = """
the of and to in is that for as with by on from at which this are be it an
cells tissue signal level barrier hormone enzyme protein receptor blood gut
liver brain response pathway activity release binding membrane transport
increase decrease regulate produce influence depend change measure body
"""
_FILLER = _FILLER_TEXT.split()
BANNER = [
    "We use cookies to personalize content and marketing, and to analyze our "
    "traffic. Manage your preferences below.",
    "Detailed Cookie Preferences",
    "This helps support our free resources through personalized marketing.",
    "Analytics cookies help us understand how visitors interact with our website.",
    "Personalization cookies enable us to customize the content of our site.",
]


@dataclass(frozen=True)
class Term:
    name: str
    abbreviation: str | None
    nickname: str | None


def _word(rng: random.Random) -> str:
    syllables = rng.randint(1, 3)
    stem = "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
        for _ in range(syllables)
    )
    return stem + rng.choice(_SUFFIXES)


def vocabulary(n: int, seed: int = 7) -> list[Term]:
    """*n* distinct terms of one to three words; some with aliases."""
    rng = random.Random(seed)
    seen: set[str] = set()
    terms: list[Term] = []
    while len(terms) < n:
        words = [_word(rng) for _ in range(rng.choice([1, 1, 2, 2, 3]))]
        name = " ".join(words)
        if name in seen:
            continue
        seen.add(name)
        abbreviation = None
        if len(words) > 1 and rng.random() < 0.5:
            candidate = "".join(w[0].upper() for w in words) + str(len(terms))
            abbreviation = candidate
        nickname = f"{_word(rng)} {_word(rng)}" if rng.random() < 0.15 else None
        terms.append(Term(name.capitalize(), abbreviation, nickname))
    return terms


#: Chance that a sentence meant to mention a term does. About three links per
#: entry result, as in CPython's hand-linked glossary (3.4 autolinks per entry).
MENTION_RATE = 0.55


def _sentence(rng: random.Random, terms: list[Term], words: int, mentions: int) -> str:
    out = [rng.choice(_FILLER) for _ in range(words)]
    for _ in range(mentions):
        if rng.random() > MENTION_RATE:
            continue
        other = rng.choice(terms)
        label = other.name.lower()
        if other.abbreviation and rng.random() < 0.3:
            label = other.abbreviation
        out.insert(rng.randrange(len(out)), label)
    text = " ".join(out)
    return text[0].upper() + text[1:] + "."


def definition(rng: random.Random, term: Term, terms: list[Term]) -> str:
    head = term.name
    if term.abbreviation:
        head += f" ({term.abbreviation})"
    if term.nickname:
        head += f", often called “{term.nickname},”"
    first = f"{head} is {_sentence(rng, terms, 16, 1).lower()}"
    return " ".join([first] + [_sentence(rng, terms, 18, 1) for _ in range(2)])


def seed_text(rng: random.Random, term: Term, terms: list[Term]) -> str:
    """One scraped seed page."""
    content = [
        definition(rng, term, terms),
        "Origin",
        " ".join(_sentence(rng, terms, 16, 0) for _ in range(3)),
        "Mechanism",
        " ".join(_sentence(rng, terms, 18, 1) for _ in range(3)),
    ]
    noise = []
    if rng.random() < 0.4:
        noise.append(
            f"{_word(rng).capitalize()} Science is the precise language that "
            "turns your symptoms into a clear plan."
        )
    for _ in range(rng.randint(0, 3)):
        other = rng.choice(terms).name.lower()
        noise.append(f"Discover how our {other} program supports your health.")
    if rng.random() < 0.25:
        lines = [
            "Skip to main content",
            term.name.title(),
            "Meaning",
            *content,
            *noise,
            *BANNER,
        ]
        return "\n\n".join(lines)
    return "\n".join([*content, *noise, *BANNER])


def write_seeds(folder: Path, n: int, seed: int = 7) -> list[Term]:
    """Write *n* seeds into *folder*; return their terms."""
    terms = vocabulary(n, seed)
    rng = random.Random(seed + 1)
    folder.mkdir(parents=True, exist_ok=True)
    for i, term in enumerate(terms):
        (folder / f"{i:05d}.txt").write_text(
            seed_text(rng, term, terms), encoding="utf-8"
        )
    return terms


#: Of the mentions in the site's prose, how many use an alias (an abbreviation
#: or a nickname) instead of the term's name, when the term has one.
ALIAS_RATE = 0.3


def _prose_label(rng: random.Random, term: Term) -> str:
    """How prose names *term*: its name, lower case, or one of its aliases."""
    aliases = [a for a in (term.abbreviation, term.nickname) if a]
    if aliases and rng.random() < ALIAS_RATE:
        return rng.choice(aliases)
    return term.name.lower()


def _prose_sentence(rng: random.Random, terms: list[Term]) -> str:
    out = [rng.choice(_FILLER) for _ in range(18)]
    if rng.random() < MENTION_RATE:
        out.insert(rng.randrange(len(out)), _prose_label(rng, rng.choice(terms)))
    text = " ".join(out)
    return text[0].upper() + text[1:] + "."


def prose_page(rng: random.Random, terms: list[Term], words: int = 600) -> str:
    """A page of about *words* words in sections of two paragraphs.

    Sentences are added until the page has *words* words (headings not
    counted), so every page is within one sentence of it.
    """
    sentences: list[str] = []
    count = 0
    while count < words:
        sentences.append(_prose_sentence(rng, terms))
        count += len(sentences[-1].split())
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    out: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if i % 2 == 0:
            title = f"Section {i // 2 + 1}"
            out += [title, "-" * len(title), ""]
        out += [paragraph, ""]
    return "\n".join(out)


def write_prose(
    folder: Path, terms: list[Term], pages: int = 400, words: int = 600, seed: int = 11
) -> list[str]:
    """Write *pages* prose pages (rST) of about *words* words; return their names."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for n in range(pages):
        name = f"prose{n:03d}"
        title = f"Prose page {n + 1}"
        body = prose_page(rng, terms, words)
        (folder / f"{name}.rst").write_text(f"{title}\n{'=' * len(title)}\n\n{body}\n")
        names.append(name)
    return names
