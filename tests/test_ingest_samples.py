"""Extraction of every sample seed against its expected.json, and conservation."""

from __future__ import annotations

from pathlib import Path

import pytest

from seed_glossary.ingest import discover, read_seeds
from seed_glossary.ingest.decode import decode_seed

from .conftest import DATA, PROJECT_SEEDS, SAMPLE_SEEDS
from .helpers import conservation_errors, load_expected

SAMPLES = load_expected(SAMPLE_SEEDS / "expected.json")
PROJECT = load_expected(DATA / "project-seeds-expected.json")


def _read_folder(folder: Path) -> dict[str, object]:
    """Read the folder's scraped seeds together, as the extension does."""
    return {Path(e.file).name: e for e in read_seeds(discover(folder / "*.txt"))}


@pytest.fixture(scope="module")
def sample_entries():
    return _read_folder(SAMPLE_SEEDS)


@pytest.fixture(scope="module")
def project_entries():
    return _read_folder(PROJECT_SEEDS)


def _check(entry, expected):
    assert entry.term == expected["term"]
    assert list(entry.aliases) == expected["aliases"]
    assert entry.definition == expected["definition"]
    assert {s.heading: s.text for s in entry.sections} == expected["sections"]
    assert list(expected["sections"]) == [s.heading for s in entry.sections]
    assert [d.text for d in entry.dropped] == expected["noise"]


@pytest.mark.parametrize("expected", SAMPLES, ids=[e["file"] for e in SAMPLES])
def test_sample_seed_matches_expected(sample_entries, expected):
    _check(sample_entries[expected["file"]], expected)


@pytest.mark.parametrize("expected", PROJECT, ids=[e["file"] for e in PROJECT])
def test_project_seed_matches_expected(project_entries, expected):
    _check(project_entries[expected["file"]], expected)


@pytest.mark.parametrize(
    "folder", [SAMPLE_SEEDS, PROJECT_SEEDS], ids=["seeds-dev", "seeds"]
)
def test_every_line_is_accounted_for_once(folder):
    entries = _read_folder(folder)
    assert len(entries) == len(list(folder.glob("*.txt"))) > 0
    for name, entry in entries.items():
        assert conservation_errors(folder / name, entry) == [], name


@pytest.mark.parametrize(
    "folder", [SAMPLE_SEEDS, PROJECT_SEEDS], ids=["seeds-dev", "seeds"]
)
def test_dropped_lines_carry_their_file_line_and_reason(folder):
    entries = _read_folder(folder)
    assert any(entry.dropped for entry in entries.values())
    for name, entry in entries.items():
        lines = decode_seed((folder / name).read_bytes()).lines
        for dropped in entry.dropped:
            assert lines[dropped.line - 1].strip() == dropped.text
            kind, _, signals = dropped.reason.partition(": ")
            assert kind == dropped.kind
            assert signals


def test_structure_lines_are_title_and_meaning(sample_entries):
    for expected in SAMPLES:
        entry = sample_entries[expected["file"]]
        structure = [text for _, text in entry.structure]
        if expected["variant"] == "B":
            assert structure == [expected["title_line"], expected["meaning_heading"]]
        else:
            assert structure == []


def test_only_the_unnamed_seed_has_a_problem(sample_entries):
    with_problems = {
        name: [p.subtype for p in e.problems]
        for name, e in sample_entries.items()
        if e.problems
    }
    unnamed = [e["file"] for e in SAMPLES if e["term"] is None]
    assert with_problems == {name: ["no_term"] for name in unnamed}
