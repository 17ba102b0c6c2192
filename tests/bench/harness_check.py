"""The benchmark harness runs (tiny N) and builds what it says; it measures nothing.

These check the harness, not the extension: ``make bench`` runs them first
(``pytest tests/bench/harness_check.py``), so that a broken harness fails in
seconds, not after an hour of builds. The file name keeps them out of
``make test``.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

BENCH = Path(__file__).parent


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


def test_site_prose_is_400_pages_of_about_600_words_mentioning_terms(tmp_path):
    generate = _load("generate")
    terms = generate.vocabulary(300)
    names = generate.write_prose(tmp_path, terms)
    pages = sorted(tmp_path.glob("*.rst"))
    assert [p.stem for p in pages] == names
    assert len(pages) == 400
    labels = {t.name.lower(): t for t in terms}
    labels.update({t.abbreviation: t for t in terms if t.abbreviation})
    labels.update({t.nickname: t for t in terms if t.nickname})
    pattern = re.compile(
        r"\b("
        + "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))
        + r")\b"
    )
    mentioned_terms, used_labels = set(), set()
    for page in pages:
        text = page.read_text()
        words = len(text.split())
        assert 600 <= words <= 680, (page.name, words)
        found = pattern.findall(text)
        assert len({labels[f].name for f in found}) >= 8, page.name
        mentioned_terms.update(labels[f].name for f in found)
        used_labels.update(found)
    # Nearly every term is mentioned somewhere, some by an alias.
    assert len(mentioned_terms) >= 290
    assert any(t.abbreviation in used_labels for t in terms if t.abbreviation)
    assert any(t.nickname in used_labels for t in terms if t.nickname)
    # Deterministic: the same pages again.
    again = tmp_path / "again"
    generate.write_prose(again, terms)
    assert all((again / p.name).read_text() == p.read_text() for p in pages)


def test_site_pages_are_listed_in_chapters(tmp_path):
    run = _load("run")
    pages = [f"prose{n:03d}" for n in range(45)]
    names = run.chapters(tmp_path, pages)
    assert names == ["chapter01", "chapter02", "chapter03"]
    listed = [
        line.strip()
        for name in names
        for line in (tmp_path / f"{name}.rst").read_text().splitlines()
        if line.startswith("   prose")
    ]
    assert listed == pages


def _output(root: Path) -> Path:
    for name in ("index.html", "glossary.html", "sub/page.html"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"<p>{name}</p>\n<p>same</p>\n")
    for name in ("searchindex.js", "glossary.json", "seed-glossary-report.json"):
        (root / name).write_text("{}\n")
    return root


def test_parallel_comparison_compares_our_data_scripts(tmp_path):
    run = _load("run")
    serial, parallel = _output(tmp_path / "s"), _output(tmp_path / "p")
    for root, text in ((serial, "a"), (parallel, "b")):
        script = root / "_static" / "seed_glossary" / "pages" / "sub" / "page.js"
        script.parent.mkdir(parents=True)
        script.write_text(f"window.seedGlossaryPreviews = {{{text!r}: 1}};\n")
    assert run.compare_outputs(serial, parallel)["differing"] == [
        "_static/seed_glossary/pages/sub/page.js"
    ]


def test_page_weight_on_disk_of_a_small_site(tmp_path):
    """The page-weight run without a browser: a tiny site, sizes on disk."""
    pageweight = _load("pageweight")
    results = pageweight.measure([30], 2, tmp_path, sys.executable, browser=False)
    entry = results["sizes"]["30"]
    ours, alone = entry["site_ext"]["disk"], entry["site_alone"]["disk"]
    assert alone["our_files"] == 0
    assert ours["our_files"] >= 4  # the script, the style sheets, names.js, ...
    assert ours["prose_script"] > 0
    assert ours["data_js"] == 0  # 0.2's single data file is gone
    assert ours["searchindex"] > 0
    table = pageweight.markdown(results)
    assert table.count("\n| 30 |") == 2
    assert "Chromium" not in table  # no browser figures, no browser table


def test_parallel_comparison_finds_any_differing_file(tmp_path):
    run = _load("run")
    serial, parallel = _output(tmp_path / "s"), _output(tmp_path / "p")
    same = run.compare_outputs(serial, parallel)
    assert same["differing"] == []
    assert same["compared"] == 6

    (parallel / "sub" / "page.html").write_text("<p>sub/page.html</p>\n<p>other</p>\n")
    one = run.compare_outputs(serial, parallel)
    assert one["differing"] == ["sub/page.html"]
    assert any("other" in line for line in one["first_lines"])

    (parallel / "glossary.json").write_text('{"a": 1}\n')
    (serial / "extra.html").write_text("<p>only here</p>\n")
    more = run.compare_outputs(serial, parallel)
    assert more["differing"] == ["extra.html", "glossary.json", "sub/page.html"]


def test_targets_pass_and_fail_by_their_limits():
    run = _load("run")

    def builds(**medians):
        return {
            config: {
                "wall_s": {"median": time_},
                "maxrss_mib": {"median": memory},
            }
            for config, (time_, memory) in medians.items()
        }

    results = {
        "sizes": {
            "0": {},
            "100": {"builds": builds(c=(8.0, 110), a_links=(10.0, 100))},
        },
        "site": {
            "builds": builds(site_ext=(12.0, 100), site_alone=(10.0, 100)),
            "parallel": {"identical": False},
        },
        "slopes": {"c": {"time": 0.9, "memory": 1.2}},
    }
    verdicts = {row["key"]: row["pass"] for row in run.targets(results)}
    assert verdicts == {
        "c_over_a_links_time": True,  # 0.80, at the limit
        "c_over_a_links_memory": True,  # 1.10
        "site_time": False,  # 1.20
        "site_memory": True,
        "slope_c_time": True,
        "slope_c_memory": False,
        "site_j2_identical": False,
    }


def test_slope_of_a_power_law_is_its_exponent():
    run = _load("run")
    sizes = [100, 1000, 10000]
    assert abs(run.slope(sizes, [3 * n**1.5 for n in sizes]) - 1.5) < 1e-9


def test_bench_runs_end_to_end_on_a_tiny_size(tmp_path):
    run = _load("run")
    results = run.run([10, 20], reps=1, workdir=tmp_path / "work", site=(15, 4))
    assert list(results["sizes"]) == ["0", "10", "20"]
    entry = results["sizes"]["20"]
    assert set(entry["builds"]) == set(run.CONFIGS)
    rebuild = entry["rebuild"]
    assert rebuild["no_change"]["pages_read"] == [0]
    # The index page and the edited seed's letter page, of one per letter.
    assert rebuild["one_seed_edit"]["pages_read"] == [2]
    assert rebuild["one_seed_edit"]["pages_total"] > 3
    site = results["site"]
    assert set(site["builds"]) == set(run.SITE_CONFIGS)
    assert site["parallel"]["identical"], site["parallel"]["differing"]
    # Every HTML page: index, glossary, a chapter, 4 prose pages, genindex,
    # search; and the other compared files.
    assert site["parallel"]["files_compared"] >= 9 + 3
    assert all(row["pass"] is not None for row in results["targets"])
    assert set(results["slopes"]) == {"c", "a_links"}

    run.write_outputs(results, tmp_path / "out")
    table = (tmp_path / "out" / "results.md").read_text()
    assert table.count("| 20 | (") == len(run.CONFIGS)
    assert "identical" in table
    assert "### Targets" in table


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


def test_an_empty_seed_folder_gives_a_glossary_page_without_entries(tmp_path):
    run = _load("run")
    (tmp_path / "seeds").mkdir()
    assert run.glossary_rst(tmp_path / "seeds") == "Glossary\n========\n"
