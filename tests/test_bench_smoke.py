"""The benchmark script runs (tiny N); it measures nothing here."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

BENCH = Path(__file__).parent / "bench"


def _load(name: str):
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module(name)


def test_generated_seeds_read_cleanly(tmp_path):
    generate = _load("generate")
    from seed_glossary.ingest import discover, read_seeds

    terms = generate.write_seeds(tmp_path / "seeds", 30)
    entries = read_seeds(discover(tmp_path / "seeds"))
    assert [e.term for e in entries] == [t.name for t in terms]
    assert all(len(e.sections) == 2 for e in entries)
    assert all(not e.problems for e in entries)
    # The banner and every teaser are dropped, nothing else.
    assert all(len(e.dropped) >= len(generate.BANNER) for e in entries)


def test_bench_runs_end_to_end_on_a_tiny_size(tmp_path):
    run = _load("run")
    results = run.run([10, 20], reps=1, workdir=tmp_path / "work")
    entry = results["sizes"]["20"]
    assert set(entry["builds"]) == set(run.CONFIGS)
    assert entry["rebuild"]["no_change"]["pages_read"] == 0
    edit = entry["rebuild"]["one_seed_edit"]
    # The index page and the edited seed's letter page, of one per letter.
    assert edit["pages_read"] == 2
    assert edit["pages_total"] > 3
    assert entry["reading_seeds_per_s"] > 0
    table = run.markdown_table(results)
    assert table.count("\n| ") == 2
    assert "Slope" in table


def test_baseline_with_links_by_hand_links_mentions(tmp_path):
    """(a') writes the links that autolinking makes as :term: roles."""
    generate = _load("generate")
    run = _load("run")
    generate.write_seeds(tmp_path / "seeds", 40)
    plain = run.glossary_rst(tmp_path / "seeds")
    linked = run.glossary_rst(tmp_path / "seeds", links=True)
    added = linked.count(":term:") - plain.count(":term:")
    # The generator aims at about three mentions of other terms per entry.
    assert added >= 40
    # Same entries, same text: only roles were wrapped around mentions.
    assert re.sub(r":term:`([^`<]*?) <[^`]*>`", r"\1", linked) == plain
