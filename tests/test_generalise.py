"""Pages the reader has never seen, made from the samples' content.

Each generated page takes one sample's definition and sections and wraps them
in furniture of *new* wordings: other consent banners (at the end, in the
middle, at the top), invented teasers and taglines, navigation lines, both
layouts, other encodings and line ends. The invariants are the samples': no
noise kept, no content lost, the same term.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from seed_glossary.ingest import read_seeds

from . import naming_pages
from .conftest import SAMPLE_SEEDS
from .helpers import conservation_errors, load_expected

SAMPLES = load_expected(SAMPLE_SEEDS / "expected.json")

# Banners in wordings that no sample uses; each has a title-case pseudo-heading.
BANNERS = [
    [
        "This site uses cookies and similar technologies to improve your browsing "
        "experience. You can change your settings at any time.",
        "Privacy Settings",
        "Strictly necessary cookies are required for the site to work and cannot be "
        "switched off.",
        "Functional cookies remember your choices, such as language and region.",
        "Targeting cookies may be set by our advertising partners to build a profile "
        "of your interests.",
    ],
    [
        "We value your privacy.",
        "Cookie Consent",
        "We and our partners store and access information on your device for "
        "measurement and ads.",
        "You can accept all, reject all or customise your choices.",
        "Accept All",
    ],
    [
        "By continuing to browse, you agree to our use of cookies.",
        "Manage Options",
        "Statistics cookies collect anonymous information about how visitors use "
        "the site.",
        "Marketing cookies track visitors across websites to show relevant ads.",
    ],
]
TEASERS = [
    "Discover how {a} and {b} work together in our new guide.",
    "Learn why {a} matters for your energy levels.",
    "Our {a} panel helps you track changes over time.",
    "Read more about {a} in our latest article.",
    "Explore the link between {a} and {b}.",
    "Book a call with our team to talk about {a}.",
]
# Teasers without promotional words: noise only by position and shape.
QUIET_TEASERS = [
    "Levels of {a} shift across the day and with the seasons.",
    "Sleep, stress and diet all influence {a} and {b}.",
]
TAGLINES = [
    "{topic} is the science that turns your daily habits into lasting health.",
    "{topic} is the key that unlocks your body's natural balance.",
]
TOPICS = ["Metabolic Health", "Gut Harmony", "Endocrine Insight", "Cellular Vitality"]
NAVIGATION = ["Skip to main content", "Home › Glossary › {title}", "Back to glossary"]
OTHER_TERMS = [s["term"].lower() for s in SAMPLES if s["term"]]


@dataclass
class Page:
    lines: list[str]
    noise: list[str]
    expected: dict
    term: str | None
    title: str | None


def make_page(rng: random.Random, expected: dict) -> Page:
    """One new page around the content of *expected*."""
    content: list[list[str]] = [[expected["definition"]]]
    content += [[head, text] for head, text in expected["sections"].items()]
    noise: list[str] = []

    def teaser(pool: list[str]) -> str:
        a, b = rng.sample(OTHER_TERMS, 2)
        line = rng.choice(pool).format(a=a, b=b)
        noise.append(line)
        return line

    banner = list(rng.choice(BANNERS))
    noise += banner
    where = rng.choice(["end", "middle", "top"])
    blocks: list[list[str]] = []
    title = expected.get("title_line") or (expected["term"] or "").title() or None
    layout_b = title is not None and rng.random() < 0.5
    if layout_b:
        nav = rng.choice(NAVIGATION).format(title=title)
        noise.append(nav)
        blocks += [[nav], [title], ["Meaning"]]
    if where == "top":
        blocks.append(banner)
    blocks.append(content[0])
    for k, block in enumerate(content[1:], 1):
        if where == "middle" and k == len(content) - 1:
            blocks.append(banner)
        if rng.random() < 0.3:
            blocks.append([teaser(TEASERS)])  # a promotional teaser between sections
        blocks.append(block)
    tail = []
    if rng.random() < 0.6:
        tagline = rng.choice(TAGLINES).format(topic=rng.choice(TOPICS))
        noise.append(tagline)
        tail.append(tagline)
    tail += [teaser(TEASERS + QUIET_TEASERS) for _ in range(rng.randint(0, 3))]
    blocks.append(tail)
    if where == "end":
        blocks.append(banner)
    lines = [line for block in blocks for line in block]
    if layout_b:
        expected_term = expected["term"] or title
    else:
        # Without a title line, a definition that never names its term has none.
        named = "term_only_in_title" not in expected["traps"]
        expected_term = expected["term"] if named else None
        title = None
    return Page(lines, noise, expected, expected_term, title)


def write_page(rng: random.Random, page: Page, path: Path) -> None:
    """Write with a random encoding, line end, blank-line style and trailing spaces."""
    blank = rng.random() < 0.5
    lines = [
        line + (" " * rng.randint(1, 3) if rng.random() < 0.1 else "")
        for line in page.lines
    ]
    separator = rng.choice(["\n", "\r\n", "\r"])
    text = (separator * 2 if blank else separator).join(lines)
    if rng.random() < 0.5:
        text += separator
    encoding = rng.choice(["utf-8", "utf-8-sig", "cp1252", "utf-16"])
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    path.write_bytes(data)


def _check(entry, page: Page, path: Path) -> None:
    expected = page.expected
    assert entry.definition == expected["definition"]
    assert {s.heading: s.text for s in entry.sections} == expected["sections"]
    assert sorted(d.text for d in entry.dropped) == sorted(page.noise)
    assert entry.term == page.term
    assert conservation_errors(path, entry) == []


FOLDERS = 4


@pytest.mark.parametrize("seed", range(FOLDERS))
def test_generated_folder(tmp_path, seed):
    """A folder of new pages, read together (banners repeat across it)."""
    rng = random.Random(seed)
    pages = {}
    for n in range(3 * len(SAMPLES)):
        page = make_page(rng, SAMPLES[n % len(SAMPLES)])
        path = tmp_path / f"{n:03d}.txt"
        write_page(rng, page, path)
        pages[str(path)] = page
    for entry in read_seeds(sorted(pages)):
        _check(entry, pages[entry.file], Path(entry.file))


@pytest.mark.parametrize("seed", range(FOLDERS, FOLDERS + 3))
def test_generated_pages_alone(tmp_path, seed):
    """The same without repetition: each page read on its own."""
    rng = random.Random(seed)
    for n, expected in enumerate(SAMPLES):
        page = make_page(rng, expected)
        path = tmp_path / f"{n:03d}.txt"
        write_page(rng, page, path)
        (entry,) = read_seeds([path])
        _check(entry, page, path)


# -- names given the ways writers give them ------------------------------------
#
# First sentences from tests/naming_pages.py: naming verbs, markers, brackets
# and decoys that no sample uses, inside pages made as above.


def _sample_text() -> str:
    return "\n".join(
        p.read_bytes().decode("utf-8", "replace") for p in SAMPLE_SEEDS.glob("*.txt")
    ).casefold()


def test_generated_naming_phrases_are_not_the_samples():
    """The grammar is tried on verbs, markers, names and brackets of its own."""
    sample = _sample_text()
    vocabulary = [
        *naming_pages.NAMING_PASSIVE,
        *naming_pages.NAMING_ACTIVE,
        *naming_pages.DESCRIBING,
        *naming_pages.MARKERS,
        *naming_pages.NICKNAMES,
        *naming_pages.EXPLAINING,
        *(t.term for t in naming_pages.THINGS),
        *(t.synonym for t in naming_pages.THINGS if t.synonym),
        *(t.abbreviation for t in naming_pages.THINGS if t.abbreviation),
        *(t.headed for t in naming_pages.THINGS if t.headed),
    ]
    for words in vocabulary:
        assert not re.search(rf"(?<!\w){re.escape(words.casefold())}(?!\w)", sample), (
            words
        )


def _check_names(entry, sentence: naming_pages.Sentence) -> None:
    assert list(entry.aliases) == sentence.aliases
    assert [e.alias for e in entry.alias_evidence] == sentence.aliases
    for evidence in entry.alias_evidence:
        assert evidence.phrase in sentence.text
        assert evidence.line == entry.definition_line
    notes = " ".join(n.message for n in entry.notes if n.subtype == "uncertain")
    for doubt in sentence.doubts:
        assert f"left {doubt!r} out of the aliases" in notes


@pytest.mark.parametrize("seed", range(4))
def test_generated_naming_pages(tmp_path, seed):
    """Pages whose definitions name their term in new ways: exactly their names."""
    rng = random.Random(1000 + seed)
    pages = {}
    for n in range(30):
        sentence = naming_pages.make_sentence(rng)
        page = make_page(rng, naming_pages.expected_entry(rng, sentence))
        path = tmp_path / f"{n:03d}.txt"
        write_page(rng, page, path)
        pages[str(path)] = (page, sentence)
    for entry in read_seeds(sorted(pages)):
        page, sentence = pages[entry.file]
        _check(entry, page, Path(entry.file))
        _check_names(entry, sentence)
