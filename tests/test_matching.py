"""The term matcher: spellings, boundaries, leftmost-longest."""

from __future__ import annotations

import pytest

from seed_glossary.abbreviations import is_abbreviation
from seed_glossary.inflection import english_forms as inflections
from seed_glossary.matching import TermMatcher, separator_variants

NAMES = {
    "Intestinal permeability": "ip",
    "permeability": "p",
    "leaky gut": "lg",
    "Short-chain fatty acids": "scfa",
    "SCFAs": "scfa",
    "SHBG": "shbg",
    "Ghrelin": "g",
    "Microbial diversity": "md",
    "body": "b",
}


@pytest.fixture(scope="module")
def matcher():
    return TermMatcher(NAMES)


def _found(matcher, text):
    return [(text[m.start : m.end], m.target) for m in matcher.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Intestinal permeability rises", [("Intestinal permeability", "ip")]),
        ("the permeability of", [("permeability", "p")]),
        ("permeabilities", [("permeabilities", "p")]),
        ("leaky-gut and leaky gut", [("leaky-gut", "lg"), ("leaky gut", "lg")]),
        ("short chain fatty acid output", [("short chain fatty acid", "scfa")]),
        ("ghrelin’s rise and Ghrelin's", [("ghrelin", "g"), ("Ghrelin", "g")]),
        ("GHRELINS", [("GHRELINS", "g")]),
        ("microbial-diversity.", [("microbial-diversity", "md")]),
        ("bodies", [("bodies", "b")]),
    ],
)
def test_spellings(matcher, text, expected):
    assert _found(matcher, text) == expected


@pytest.mark.parametrize("text", ["xghrelin", "ghrelinx", "preghrelin", "ghrelin_x"])
def test_word_boundaries(matcher, text):
    assert _found(matcher, text) == []


def test_abbreviations_match_only_as_written(matcher):
    assert _found(matcher, "SHBG and shbg, SCFAs and scfas and SCFA") == [
        ("SHBG", "shbg"),
        ("SCFAs", "scfa"),
        ("SCFA", "scfa"),
    ]


def test_leftmost_longest(matcher):
    text = "intestinal permeability and permeability"
    assert _found(matcher, text) == [
        ("intestinal permeability", "ip"),
        ("permeability", "p"),
    ]


def test_name_with_characters_that_change_length_when_lowered():
    matcher = TermMatcher({"Ghrelin": "g"})
    text = "İstanbul ghrelin"
    assert [(text[m.start : m.end]) for m in matcher.find(text)] == ["ghrelin"]


def test_variant_helpers():
    assert inflections("fatty acid") == {"fatty acid", "fatty acids"}
    assert inflections("ovary") == {"ovary", "ovaries"}
    assert inflections("bodies") == {"bodies", "body"}
    assert inflections("glucose flux") == {"glucose flux", "glucose fluxes"}
    assert separator_variants("a-b c") == {"a-b c", "a b c", "a-b-c", "a b-c"}
    assert is_abbreviation("SCFAs") and is_abbreviation("sIgA")
    assert not is_abbreviation("Butyrate") and not is_abbreviation("leaky gut")


def test_empty_matcher_finds_nothing():
    assert TermMatcher({}).find("anything") == []


def test_a_name_of_one_letter_matches_only_as_written():
    matcher = TermMatcher({"A": "a", "Note": "note"})
    found = [(m.start, m.target) for m in matcher.find("A note a day. A.")]
    assert found == [(0, "a"), (2, "note"), (14, "a")]
