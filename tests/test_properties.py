"""Property tests: the reader never raises, never loses a line, names exactly."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seed_glossary.ingest import read_seeds
from seed_glossary.ingest.decode import decode_seed
from seed_glossary.ingest.names import extract_names

from . import naming_pages
from .conftest import PROJECT_SEEDS, SAMPLE_SEEDS
from .helpers import conservation_errors

SAMPLE_LINES = sorted(
    {
        line
        for folder in (SAMPLE_SEEDS, PROJECT_SEEDS)
        for path in folder.glob("*.txt")
        for _, line in decode_seed(path.read_bytes()).numbered()
    }
)
MARKUP = [
    ".. raw:: html",
    "<script>alert(1)</script>",
    "```{eval-rst}",
    "|subst| and :ref:`x` and `code`",
    "<img src=x onerror=alert(1)>",
    "Skip to main content",
    "",
]
_RNG = random.Random(7)
NAMING_LINES = [naming_pages.make_sentence(_RNG).text for _ in range(40)]
line_text = st.one_of(
    st.sampled_from(SAMPLE_LINES + MARKUP + NAMING_LINES), st.text(max_size=80)
)
# Pieces of naming prose, shuffled into sentences no writer would make.
NAMING_PIECES = [
    "“", "”", '"', "‘", "’", "'", "(", ")", "[", "]", ",", ",", "—", "–", "-",
    ";", ":", ".", "?",
    "is", "are", "has long been", "The", "a", "an", "the", "or", "and", "also",
    "often", "widely", "known", "as", "called", "dubbed", "referred", "to", "goes",
    "by", "formerly", "aka", "a.k.a.", "or simply", "which", "that", "the body's",
    "Latin:", "1,25-dihydroxy", "GL axis", "SCFAs", "E2", "hormone", "border",
    "serves as a", "like a", "“good”", "so-called", "term", "label", "name",
]  # fmt: skip
EXAMPLES = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@EXAMPLES
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "seed.txt"
    path.write_bytes(data)
    (entry,) = read_seeds([path])
    if entry.term is None:
        assert entry.problems


@EXAMPLES
@given(
    lines=st.lists(line_text, max_size=25),
    ending=st.sampled_from(["\n", "\r\n", "\r"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig"]),
)
def test_mixtures_of_real_lines_keep_every_line(
    tmp_path_factory, lines, ending, encoding
):
    path: Path = tmp_path_factory.mktemp("mix") / "seed.txt"
    path.write_bytes(ending.join(lines).encode(encoding, errors="replace"))
    (entry,) = read_seeds([path])
    assert conservation_errors(path, entry) == []
    # deterministic
    assert read_seeds([path]) == [entry]


@EXAMPLES
@given(text=st.text(max_size=300))
def test_names_never_raise_on_any_text(text):
    names = extract_names(text)
    assert len(names.evidence) == len(names.aliases)
    assert all(alias.strip() for alias in names.aliases)


@EXAMPLES
@given(
    pieces=st.lists(st.sampled_from(NAMING_PIECES), max_size=40),
    glue=st.sampled_from([" ", ""]),
)
def test_names_never_raise_on_naming_words_in_any_order(pieces, glue):
    sentence = glue.join(pieces)
    names = extract_names(sentence)
    assert len(names.evidence) == len(names.aliases)
    for phrase in names.evidence:
        assert phrase in sentence
    if names.term is None:
        assert names.aliases == ()


@EXAMPLES
@given(rng=st.randoms(use_true_random=False))
def test_generated_sentences_get_exactly_their_names(rng):
    sentence = naming_pages.make_sentence(rng)
    names = extract_names(naming_pages.definition(rng, sentence))
    assert names.term == sentence.term
    assert list(names.aliases) == sentence.aliases
    assert {name for name, _, _ in names.left_out} >= set(sentence.doubts)
