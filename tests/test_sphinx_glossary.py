"""The glossary in a Sphinx build: std-domain terms, links, index, inventory."""

from __future__ import annotations

import json
import posixpath

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx import addnodes
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile

from .helpers import shared_build

#: One HTML build of test-basic, shared by the read-only tests here.
BASIC = shared_build("sphinx-glossary-basic", testroot="basic")


def _soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def basic(app: SphinxTestApp) -> SphinxTestApp:
    """The shared build of test-basic (tests marked ``BASIC``)."""
    app.build()
    return app


@BASIC
def test_builds_without_warnings(basic):
    assert basic.warning.getvalue() == ""


@BASIC
def test_glossary_node_is_a_std_glossary(basic):
    doctree = basic.env.get_doctree("glossary")
    (glossary,) = list(doctree.findall(addnodes.glossary))
    items = glossary[0]
    assert isinstance(items, nodes.definition_list)
    assert "glossary" in items["classes"]
    headwords = [item[0].astext() for item in items]
    assert headwords == sorted(headwords, key=str.lower)
    assert headwords == [
        "Gut permeability",
        "Intestinal permeability",
        "leaky gut",
        "Mucus layer",
        "Zonulin",
    ]


@BASIC
def test_term_and_alias_dt_lines(basic):
    doctree = basic.env.get_doctree("glossary")
    items = {
        item[0].astext(): item for item in doctree.findall(nodes.definition_list_item)
    }
    terms = [t.astext() for t in items["Mucus layer"].findall(nodes.term)]
    assert terms == ["Mucus layer", "intestinal mucus"]
    terms = [t.astext() for t in items["Zonulin"].findall(nodes.term)]
    assert terms == ["Zonulin", "pre-haptoglobin 2"]
    # The shared alias is no dt line of either term.
    terms = [t.astext() for t in items["Gut permeability"].findall(nodes.term)]
    assert terms == ["Gut permeability"]


@BASIC
def test_sections_are_rubrics_not_document_sections(basic):
    doctree = basic.env.get_doctree("glossary")
    (glossary,) = list(doctree.findall(addnodes.glossary))
    assert not list(glossary.findall(nodes.section))
    rubrics = [r.astext() for r in glossary.findall(nodes.rubric)]
    assert rubrics == ["Origin", "Mechanism"] * 3 + ["Origin"]
    toc = basic.env.tocs["glossary"].astext()
    assert "Origin" not in toc


@BASIC
def test_shared_alias_points_to_each_term_and_terms_see_each_other(basic):
    soup = _soup(basic, "glossary.html")
    leaky = soup.find("dt", id="term-leaky-gut").find_next_sibling("dd")
    targets = [a["href"] for a in leaky.select(".sg-see a")]
    assert targets == ["#term-Gut-permeability", "#term-Intestinal-permeability"]
    gut = soup.find("dt", id="term-Gut-permeability").find_next_sibling("dd")
    see_also = gut.find(class_="seealso")
    assert [a["href"] for a in see_also.find_all("a")] == [
        "#term-Intestinal-permeability"
    ]


@BASIC
def test_structured_seed_see_also_and_myst_markup(basic):
    soup = _soup(basic, "glossary.html")
    zonulin = soup.find("dt", id="term-Zonulin").find_next_sibling("dd")
    assert zonulin.find("em").get_text() == "protein"
    # {term} inside a curated seed resolves like anywhere else.
    assert zonulin.find("a", href="#term-leaky-gut") is not None
    assert (
        zonulin.find(class_="seealso").find("a")["href"]
        == "#term-Intestinal-permeability"
    )


@BASIC
def test_scraped_noise_never_reaches_the_page(basic):
    text = _soup(basic, "glossary.html").get_text()
    assert "cookies" not in text
    assert "precise language" not in text
    assert "Detailed Cookie Preferences" not in text


@pytest.mark.parametrize(
    ("page", "target"),
    [
        ("index.html", "glossary.html#term-leaky-gut"),
        ("index.html", "glossary.html#term-Gut-permeability"),
        ("index.html", "glossary.html#term-Mucus-layer"),
        ("index.html", "glossary.html#term-intestinal-mucus"),
        ("index.html", "glossary.html#term-pre-haptoglobin-2"),
        ("page.html", "glossary.html#term-Intestinal-permeability"),
        ("page.html", "glossary.html#term-leaky-gut"),
        ("page.html", "glossary.html#term-Zonulin"),
    ],
)
@BASIC
def test_term_roles_resolve_case_insensitively(basic, page, target):
    hrefs = [a["href"] for a in _soup(basic, page).select("a.reference.internal")]
    assert target in hrefs


@BASIC
def test_objects_inv_lists_every_term_and_alias(basic):
    inventory = InventoryFile.load(
        (basic.outdir / "objects.inv").open("rb"),
        "https://example.org/",
        posixpath.join,
    )
    terms = (
        inventory.data["std:term"]
        if hasattr(inventory, "data")
        else inventory["std:term"]
    )
    names = {name: _uri(value) for name, value in terms.items()}
    assert names == {
        "Gut permeability": "https://example.org/glossary.html#term-Gut-permeability",
        "Intestinal permeability": "https://example.org/glossary.html#term-Intestinal-permeability",
        "leaky gut": "https://example.org/glossary.html#term-leaky-gut",
        "Mucus layer": "https://example.org/glossary.html#term-Mucus-layer",
        "intestinal mucus": "https://example.org/glossary.html#term-intestinal-mucus",
        "Zonulin": "https://example.org/glossary.html#term-Zonulin",
        "pre-haptoglobin 2": "https://example.org/glossary.html#term-pre-haptoglobin-2",
    }


def _uri(value) -> str:
    return value.uri if hasattr(value, "uri") else value[2]


@BASIC
def test_general_index_lists_terms(basic):
    index = _soup(basic, "genindex.html")
    entries = {a.get_text(): a["href"] for a in index.select("table.indextable a")}
    for name in ("Gut permeability", "leaky gut", "Zonulin", "intestinal mucus"):
        assert name in entries
    assert entries["leaky gut"] == "glossary.html#term-leaky-gut"


@BASIC
def test_report_json_lists_every_seed_with_its_page(basic):
    report = json.loads((basic.outdir / "seed-glossary-report.json").read_text())[
        "seeds"
    ]
    assert sorted(r["file"].rsplit("/", 1)[-1] for r in report) == [
        "000_0e783559b36d42e5.txt",
        "002_119c4b236e066700.txt",
        "204_4002f5169d75b923.md",
        "204_4002f5169d75b923.txt",
        "zonulin.md",
    ]
    assert {r["page"] for r in report} == {"glossary"}
    gut = next(r for r in report if r["term"] == "Gut permeability")
    assert len(gut["dropped"]) == 8
    mucus = next(r for r in report if r["file"].endswith("204_4002f5169d75b923.txt"))
    assert mucus["term"] == "Mucus layer"
    assert mucus["problems"] == []


@BASIC
def test_setup_metadata(basic):
    extension = basic.extensions["seed_glossary"]
    assert extension.parallel_read_safe is True
    assert extension.parallel_write_safe is True
    assert basic.registry.get_envversion(basic)["seed_glossary"] >= 1


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    freshenv=True,
    confoverrides={
        "seed_glossary_noise_patterns": ["([unclosed", r"^Sign up"],
        "seed_glossary_keep_patterns": [],
    },
)
def test_a_bad_noise_pattern_warns_once_and_the_build_goes_on(app):
    app.build()
    warnings = app.warning.getvalue()
    assert (
        "seed_glossary_noise_patterns: skipping invalid pattern '([unclosed'"
        in warnings
    )
    assert "[seed_glossary.config]" in warnings
    assert warnings.count("[seed_glossary.") == 1
