"""Abbreviations that explain themselves, and names to avoid."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from seed_glossary.__main__ import main
from seed_glossary.ingest.structured import read_structured

from .helpers import shared_build

#: One HTML build of test-terminology for the tests that only read it.
HTML = shared_build("terminology-html", testroot="terminology")


def _warnings(app) -> list[str]:
    return re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).splitlines()


# -- the seeds ---------------------------------------------------------------------


def test_a_curated_seed_names_its_abbreviation_and_the_names_to_avoid():
    lines = [
        "---",
        "term: Short-chain fatty acid",
        "abbreviation: SCFA",
        "deprecated:",
        "  - name: volatile fatty acid",
        "    note: the older name",
        "avoid: [fatty acid chain]",
        "---",
        "",
        "A fatty acid.",
    ]
    entry = read_structured("scfa.md", lines)
    assert entry.problems == ()
    assert entry.aliases == ("SCFA",) and entry.abbreviations == ("SCFA",)
    assert [(a.name, a.kind, a.note) for a in entry.avoided] == [
        ("volatile fatty acid", "deprecated", "the older name"),
        ("fatty acid chain", "avoid", ""),
    ]
    bad = read_structured(
        "x.md", ["---", "term: X", "avoid: [{note: n}]", "---", "", "X."]
    )
    assert [p.subtype for p in bad.problems] == ["front_matter"]
    assert bad.avoided == ()


def test_initials_of_the_term_in_a_scraped_seed_are_an_abbreviation(seed_dir):
    from seed_glossary.ingest import read_seeds

    from .conftest import SAMPLE_SEEDS

    entries = read_seeds(sorted(SAMPLE_SEEDS.glob("*.txt")))
    by_term = {e.term: e for e in entries}
    scfa = by_term["Short-chain fatty acids"]
    assert scfa.abbreviations == ("SCFAs",)
    assert all(a not in e.abbreviations for e in entries for a in ("leaky gut",))


# -- abbreviations in the pages ---------------------------------------------------


@HTML
def test_links_to_an_abbreviation_say_what_it_stands_for_in_html(app):
    app.build()
    soup = BeautifulSoup((app.outdir / "early.html").read_text(), "html.parser")
    abbr = soup.select("a.reference abbr.sg-abbr")
    assert [(a.get_text(), a["title"]) for a in abbr] == [
        ("SCFA", "Short-chain fatty acid")
    ]
    # Shown on focus too, by the style sheet.
    css = (app.outdir / "_static" / "seed_glossary.css").read_text()
    assert "a:focus-visible abbr.sg-abbr[title]::after" in css


@pytest.mark.sphinx(
    "text",
    testroot="terminology",
    freshenv=True,
    confoverrides={"seed_glossary_expand_abbreviations": True},
)
def test_the_first_use_is_expanded_unless_the_page_spelled_it_out(app):
    app.build()
    early = (app.outdir / "early.txt").read_text()
    assert early.count("(Short-chain fatty acid)") == 1
    assert re.search(r"SCFA\*? \(Short-chain fatty acid\) from fibre", early)
    spelled = (app.outdir / "spelled.txt").read_text()
    assert "(Short-chain fatty acid)" not in spelled


@pytest.mark.sphinx("text", testroot="terminology", freshenv=True)
def test_without_the_setting_no_builder_spells_them_out(app):
    app.build()
    assert "(Short-chain fatty acid)" not in (app.outdir / "early.txt").read_text()


@pytest.mark.sphinx(
    "latex",
    testroot="terminology",
    freshenv=True,
    confoverrides={"seed_glossary_expand_abbreviations": True},
)
def test_latex_gets_the_expansion_once_per_page(app):
    """One book, but each page of the source expands its own first use: the
    Butyrate entry on the glossary page, and the page "early"."""
    app.build()
    (tex,) = app.outdir.glob("*.tex")
    text = tex.read_text().replace("\\sphinxhyphen{}", "-")
    assert text.count("(Short-chain fatty acid)") == 2
    assert re.search(r"SCFA\W*\(Short-chain fatty acid\) from fibre", text)


@pytest.mark.sphinx("html", testroot="terminology", srcdir="terminology-shared-abbr")
def test_the_report_lists_early_and_shared_abbreviations(app):
    # Two terms claim one abbreviation.
    (app.srcdir / "seeds" / "acid.md").write_text(
        "---\nterm: Salicylic fatty compound\nabbreviation: SCFA\n---\n\nA compound.\n"
    )
    app.build()
    links = json.loads((app.outdir / "seed-glossary-report.json").read_text())["links"]
    early = links["abbreviations"]["used_before_spelled_out"]
    assert {k: v for k, v in early[0].items() if k in ("page", "line", "entry")} == {
        "page": "early",
        "line": 4,
        "entry": None,
    }
    assert links["abbreviations"]["shared"] == [
        {
            "abbreviation": "SCFA",
            "terms": ["Salicylic fatty compound", "Short-chain fatty acid"],
        }
    ]


# -- names to avoid ------------------------------------------------------------------


@HTML
def test_a_name_to_avoid_warns_at_its_line_in_rst_and_myst(app):
    app.build()
    warnings = [w for w in _warnings(app) if "deprecated_term" in w]
    assert len(warnings) == 2, warnings
    assert re.search(
        r"early\.rst:7: WARNING: 'volatile fatty acid' is an old name for "
        r"'Short-chain fatty acid' \(the older name, from their smell\); write "
        r"'Short-chain fatty acid' instead \[seed_glossary\.deprecated_term\]",
        warnings[0],
    )
    # A MyST paragraph wraps: the line is the one the name is on.
    assert re.search(
        r"myst\.md:4: WARNING: 'fatty acid chain' is a name to avoid", warnings[1]
    )
    # The page that opted out, and the glossary's own entries, stay quiet.
    assert not [w for w in warnings if "quiet" in w or "seeds" in w]
    links = json.loads((app.outdir / "seed-glossary-report.json").read_text())["links"]
    assert [(u["page"], u["line"], u["name"]) for u in links["avoided"]] == [
        ("early", 7, "volatile fatty acid"),
        ("myst", 4, "fatty acid chain"),
    ]


@pytest.mark.sphinx(
    "html",
    testroot="terminology",
    freshenv=True,
    confoverrides={
        "seed_glossary_terminology_ignore": ["fatty acid chain"],
        "suppress_warnings": ["seed_glossary.deprecated_term"],
    },
)
def test_names_can_be_ignored_and_the_warning_silenced(app):
    app.build()
    assert not [w for w in _warnings(app) if "deprecated_term" in w]
    links = json.loads((app.outdir / "seed-glossary-report.json").read_text())["links"]
    # Silenced, still reported; ignored, not reported.
    assert [u["name"] for u in links["avoided"]] == ["volatile fatty acid"]


# -- Vale ------------------------------------------------------------------------------


def test_vale_style_follows_vales_documented_format(rootdir, tmp_path, capsys):
    seeds = rootdir / "test-terminology" / "seeds"
    assert main(["vale", str(tmp_path), "--seeds", str(seeds)]) == 0
    rule_file = tmp_path / "styles" / "Glossary" / "Terms.yml"
    accept = tmp_path / "styles" / "config" / "vocabularies" / "Glossary" / "accept.txt"
    assert sorted(capsys.readouterr().out.split()) == sorted(
        [str(rule_file), str(accept)]
    )
    rule = yaml.safe_load(rule_file.read_text())
    # A substitution rule: https://vale.sh/docs/checks/substitution
    assert rule["extends"] == "substitution"
    assert rule["message"].count("%s") == 2
    assert rule["level"] in {"suggestion", "warning", "error"}
    assert rule["ignorecase"] is True
    assert rule["swap"] == {
        r"fatty\s+acid\s+chain": "Short-chain fatty acid",
        r"volatile\s+fatty\s+acid": "Short-chain fatty acid",
    }
    for pattern in rule["swap"]:
        assert re.fullmatch(pattern, " ".join(pattern.split(r"\s+")), re.I)
    # A vocabulary: one regular expression a line; names in any case, the
    # abbreviation as written (Vale.Terms enforces the case of entries).
    lines = accept.read_text().splitlines()
    assert lines == ["(?i)Butyrate", r"(?i)Short\-chain\s+fatty\s+acid", "SCFA"]
    samples = {
        "(?i)Butyrate": "butyrate",
        r"(?i)Short\-chain\s+fatty\s+acid": "short-chain  fatty acid",
        "SCFA": "SCFA",
    }
    for line in lines:
        assert re.fullmatch(line, samples[line]), line
    assert not re.fullmatch("SCFA", "scfa")
