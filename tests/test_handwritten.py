"""Glossaries written by hand get what seed glossaries get."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .helpers import all_previews, index_names, rebuild, shared_build

#: One serial HTML build of test-handwritten, for the tests that read it.
HANDWRITTEN = shared_build("handwritten-html", testroot="handwritten")


def _html(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(), "html.parser")


def _same(path) -> str:
    """A page without the ``?v=`` checksums of its assets: Sphinx caches them
    per process and path, and the first build of this process wrote there."""
    return re.sub(r"\?v=[0-9a-f]+", "", path.read_text())


def _autolinks(app, page: str) -> list[str]:
    return [s.get_text() for s in _html(app, page).select("span.sg-autolink")]


@HANDWRITTEN
def test_handwritten_entries_get_previews_backlinks_az_and_the_report(app):
    app.build()
    assert app.warning.getvalue() == ""
    previews = all_previews(app)
    # The preview is the definition as the page renders it, as text.
    villus = previews["terms.html#term-Villus"]
    assert villus["s"] == "A small finger-like projection of the intestinal lining."
    # Only what other pages link has data; search knows every name.
    assert "terms.html#term-Villi" not in previews
    names = index_names(app)
    assert names["Villi"] == "terms.html#term-Villi"
    assert names["Lamina propria"] == "more.html#term-Lamina-propria"
    terms = _html(app, "terms.html")
    line = terms.find("dt", id="term-Villus").find_next_sibling("dd")
    assert [a.get_text() for a in line.select(".sg-backlinks a")] == ["Prose"]
    # The sorted glossary asks for the A–Z bar; the MyST one is not sorted.
    bar = terms.select_one("p.sg-az")
    assert {a.get_text() for a in bar.select("a")} == {"C", "V"}
    assert _html(app, "more.html").select_one("p.sg-az") is None
    report = json.loads((app.outdir / "seed-glossary-report.json").read_text())
    entries = report["links"]["entries"]
    assert entries["Villus"]["explicit"] == 1
    assert "Lamina propria" in report["links"]["unused"]
    # Seeds only in the seed part of the report.
    assert [seed["term"] for seed in report["seeds"]] == ["Enterocyte"]


@HANDWRITTEN
def test_handwritten_terms_are_not_autolinked_by_default(app):
    app.build()
    assert _autolinks(app, "prose.html") == ["enterocytes"]
    assert _autolinks(app, "seeds.html") == []
    assert _autolinks(app, "terms.html") == []


@pytest.mark.sphinx(
    "html",
    testroot="handwritten",
    freshenv=True,
    confoverrides={"seed_glossary_autolink_handwritten": True},
)
def test_one_setting_autolinks_handwritten_terms_too(app):
    app.build()
    assert _autolinks(app, "prose.html") == ["enterocytes", "crypt", "lamina propria"]
    # A seed entry links a hand-written term, and hand-written entries each other.
    assert _autolinks(app, "seeds.html") == ["villus"]
    assert _autolinks(app, "terms.html") == ["villi"]


@pytest.mark.sphinx("html", testroot="handwritten", srcdir="handwritten-edit")
def test_a_changed_handwritten_entry_is_exact_after_an_incremental_build(
    app, make_app, tmp_path
):
    app.build()
    src = app.srcdir
    terms = src / "terms.rst"
    terms.write_text(
        terms.read_text()
        .replace("A small finger-like", "A tiny finger-like")
        .replace("   Crypt\n", "   Crypt of Lieberkühn\n")
    )
    stat = terms.stat()
    os.utime(terms, (stat.st_atime + 5, stat.st_mtime + 5))
    prose = src / "prose.rst"
    prose.write_text(
        prose.read_text().replace(":term:`villus`", ":term:`crypt of lieberkühn`")
    )
    os.utime(prose, (stat.st_atime + 5, stat.st_mtime + 5))
    again = rebuild(make_app, app)
    again.cleanup()  # one application at a time
    fresh = make_app("html", srcdir=src, builddir=tmp_path / "fresh")
    fresh.build()
    assert again.warning.getvalue() == ""
    for page in (
        "terms.html",
        "prose.html",
        "_static/seed_glossary/pages/prose.js",
        "_static/seed_glossary/names.js",
    ):
        assert _same(again.outdir / page) == _same(fresh.outdir / page), page
    line = _html(again, "terms.html").find("dt", id="term-Villus")
    assert line.find_next_sibling("dd").select_one(".sg-backlinks") is None


@HANDWRITTEN
def test_parallel_build_gives_the_same_pages(app, make_app, rootdir, tmp_path):
    """``-j 2`` against the shared serial build (Sphinx forks its own workers)."""
    app.build()
    serial = app
    serial.cleanup()  # one application at a time
    srcdir = shutil.copytree(rootdir / "test-handwritten", tmp_path / "parallel")
    app = make_app("html", srcdir=srcdir, parallel=2)
    app.build()
    assert app.parallel == 2
    for page in ("terms.html", "more.html", "prose.html", "seeds.html"):
        assert (app.outdir / page).read_text() == (serial.outdir / page).read_text()
    ours = app.outdir / "_static" / "seed_glossary"
    scripts = sorted(p.relative_to(ours) for p in ours.rglob("*.js"))
    assert Path("pages/prose.js") in scripts
    serial_ours = serial.outdir / "_static" / "seed_glossary"
    assert scripts == sorted(
        p.relative_to(serial_ours) for p in serial_ours.rglob("*.js")
    )
    for script in scripts:
        assert (ours / script).read_text() == (serial_ours / script).read_text()
