"""What HTML readers get: search entries, A–Z bar, previews data, glossary.json."""

from __future__ import annotations

import json
import os
import re

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from .helpers import (
    BASIC_ALIASES,
    BASIC_TERMS,
    all_previews,
    index_names,
    names_index,
    page_previews,
    rebuild,
    search_sentences,
    shared_build,
)

#: One build of test-basic, shared by the tests that only read it.
BASIC = shared_build(
    "html-features-basic",
    testroot="basic",
    confoverrides={"html_baseurl": "https://docs.example/seeds"},
)


@pytest.fixture
def basic(app: SphinxTestApp) -> SphinxTestApp:
    """The shared build of test-basic (tests marked ``BASIC``)."""
    app.build()
    return app


def _search_index(app: SphinxTestApp) -> dict:
    text = (app.outdir / "searchindex.js").read_text()
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


@BASIC
def test_every_term_and_alias_is_a_search_entry_pointing_at_its_entry(basic):
    """Sphinx indexes glossary terms as index entries; ours are no exception.

    There is no second, domain-specific search object for the same anchor.
    """
    index = _search_index(basic)
    assert not [v for v in index["objtypes"].values() if "seedglossary" in v]
    entries = index["indexentries"]
    soup = BeautifulSoup((basic.outdir / "glossary.html").read_text(), "html.parser")
    for name in (*BASIC_TERMS, *BASIC_ALIASES):
        hits = entries[name.lower()]
        assert len(hits) == 1, name
        doc, anchor, is_main = hits[0]
        assert index["docnames"][doc] == "glossary"
        assert is_main
        dt = soup.find("dt", id=anchor)
        assert dt is not None and name in dt.get_text(), name


@pytest.mark.sphinx("html", testroot="basic", srcdir="html-features-search-data")
def test_search_data_survives_a_build_that_does_not_read_the_glossary(app, make_app):
    """Search lists entries from our data, which every HTML build writes whole.

    Sphinx's own index entries of the glossary are gone after such a build
    (sphinx-doc/sphinx#12599); when that assertion fails, Sphinx fixed it.
    """
    app.build()
    page = app.srcdir / "page.md"
    page.write_text(page.read_text() + "\nOne more line.\n")
    again = rebuild(make_app, app)
    status = re.sub(r"\x1b\[[0-9;]*m", "", again.status.getvalue())
    read = re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", status)
    assert read == ["page"]
    names = {name.lower() for name in (*BASIC_TERMS, *BASIC_ALIASES)}
    assert not names & set(_search_index(again)["indexentries"])
    listed = {name.lower() for name in index_names(again)}
    assert names <= listed


@BASIC
def test_az_bar_links_letters_with_entries_and_dims_the_others(basic):
    soup = BeautifulSoup((basic.outdir / "glossary.html").read_text(), "html.parser")
    bar = soup.select_one("p.sg-az")
    links = {a.get_text(): a["href"] for a in bar.select("a")}
    assert links == {
        "G": "#term-Gut-permeability",
        "I": "#term-Intestinal-permeability",
        "L": "#term-leaky-gut",
        "M": "#term-Mucus-layer",
        "Z": "#term-Zonulin",
    }
    dimmed = [s.get_text() for s in bar.select(".sg-az-empty")]
    assert len(dimmed) == 26 - 5
    assert "A" in dimmed and "#" not in dimmed
    # The bar comes before the glossary, and the glossary is still sorted.
    assert bar.find_next("dl", class_="glossary") is not None


@BASIC
def test_previews_data_of_a_page_holds_what_it_links_on_other_pages(basic):
    data = page_previews(basic, "page")
    # page.md links three entries of glossary.html, and nothing else.
    assert set(data) == {
        "glossary.html#term-Intestinal-permeability",
        "glossary.html#term-leaky-gut",
        "glossary.html#term-Zonulin",
    }
    assert data["glossary.html#term-Zonulin"] == {
        "t": "Zonulin",
        "a": ["pre-haptoglobin 2"],
        "s": "A protein that loosens the tight junctions; see leaky gut.",
    }
    assert data["glossary.html#term-leaky-gut"]["s"].startswith("→ Gut permeability")
    page = (basic.outdir / "page.html").read_text()
    assert '<script defer="defer" src="_static/seed_glossary/pages/page.js' in page
    (ours,) = [
        tag
        for tag in BeautifulSoup(page, "html.parser").find_all("script")
        if tag.get("src", "").startswith("_static/seed_glossary.js")
    ]
    assert ours.get("data-sg-previews") == "on" and ours.has_attr("defer")
    assert ours.get("data-sg-az-label") == "Letters A to Z"
    assert "_static/seed_glossary.css" in page
    # The glossary links only its own entries: the page script reads them from
    # the page, and the page gets no data script. Nor does the search page's
    # index go to any other page.
    glossary = (basic.outdir / "glossary.html").read_text()
    assert "seed_glossary/pages/" not in glossary
    assert not (basic.outdir / "_static/seed_glossary/pages/glossary.js").exists()
    assert "seed_glossary/names.js" not in page + glossary
    search = (basic.outdir / "search.html").read_text()
    assert "_static/seed_glossary/names.js" in search


@pytest.mark.sphinx("html", testroot="basic", srcdir="html-features-new-preview")
def test_a_page_not_read_again_gets_the_new_preview_of_an_entry_it_links(
    app, make_app, tmp_path
):
    """An edited seed: page.md is not read again, but its data follows."""
    app.build()
    seed = app.srcdir / "seeds" / "zonulin.md"
    seed.write_text(seed.read_text().replace("A *protein*", "A small *protein*"))
    stat = seed.stat()
    os.utime(seed, (stat.st_atime + 5, stat.st_mtime + 5))
    again = rebuild(make_app, app)
    status = re.sub(r"\x1b\[[0-9;]*m", "", again.status.getvalue())
    assert re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", status) == [
        "glossary"
    ]
    written = re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", status)
    assert "page" in written
    text = page_previews(again, "page")["glossary.html#term-Zonulin"]["s"]
    assert text == "A small protein that loosens the tight junctions; see leaky gut."
    again.cleanup()  # one application at a time
    fresh = make_app("html", srcdir=app.srcdir, builddir=tmp_path / "fresh")
    fresh.build()
    assert page_previews(again, "page") == page_previews(fresh, "page")
    assert search_sentences(again) == search_sentences(fresh)


@pytest.mark.sphinx("html", testroot="basic", srcdir="html-features-parts")
def test_a_page_that_links_much_gets_its_previews_in_parts(
    app, make_app, tmp_path, monkeypatch
):
    """Each part holds the links whose anchor hashes to it, as the page script
    computes it; together they hold what one script would."""
    from seed_glossary import previews

    app.build()
    whole = page_previews(app, "page")
    app.cleanup()  # one application at a time
    monkeypatch.setattr(previews, "WHOLE_BYTES", 200)
    monkeypatch.setattr(previews, "PART_BYTES", 200)
    app = make_app("html", srcdir=app.srcdir, builddir=tmp_path / "parts")
    app.build()
    stub = (app.outdir / "_static/seed_glossary/pages/page.js").read_text()
    assert stub.startswith("window.seedGlossaryPreviewParts = {")
    index = json.loads(stub[stub.index("{") : stub.rindex("}") + 1])
    assert index["count"] >= 2
    merged = {}
    for number in range(index["count"]):
        part = (app.outdir / "_static" / f"{index['prefix']}{number}.js").read_text()
        assert part.startswith(f"seedGlossaryPreviewPart({number},{{")
        data = json.loads(part[part.index("{") : part.rindex("}") + 1])
        for key in data:
            assert previews.fnv1a(key.split("#")[1]) % index["count"] == number
        merged.update(data)
    assert merged == whole
    page = (app.outdir / "page.html").read_text()
    assert '<script defer="defer" src="_static/seed_glossary/pages/page.js' in page


@BASIC
def test_search_index_has_names_and_anchors_and_sentences_in_files(basic):
    names = index_names(basic)
    assert set(names) == {*BASIC_TERMS, *BASIC_ALIASES}
    assert names["pre-haptoglobin 2"] == "glossary.html#term-pre-haptoglobin-2"
    assert names["Zonulin"] == "glossary.html#term-Zonulin"
    index = names_index(basic)
    sentences = search_sentences(basic)
    assert len(sentences) == len(index["entries"])
    by_term = dict(zip((row[1] for row in index["entries"]), sentences, strict=True))
    assert by_term["Zonulin"] == (
        "A protein that loosens the tight junctions; see leaky gut."
    )
    assert by_term["leaky gut"].startswith("→ Gut permeability")
    # No definitions in the index itself.
    text = (basic.outdir / "_static/seed_glossary/names.js").read_text()
    assert "tight junctions" not in text


@BASIC
def test_glossary_json_export(basic):
    export = json.loads((basic.outdir / "glossary.json").read_text())
    by_term = {e["term"]: e for e in export}
    zonulin = by_term["Zonulin"]
    assert zonulin["aliases"] == ["pre-haptoglobin 2"]
    assert zonulin["url"] == "https://docs.example/seeds/glossary.html#term-Zonulin"
    assert (
        zonulin["definition"]
        == "A protein that loosens the tight junctions; see leaky gut."
    )
    assert zonulin["sections"] == {"Origin": "Named after the zonula occludens."}
    assert zonulin["see_also"] == ["Intestinal permeability"]
    assert zonulin["source"] == ["seeds/zonulin.md"]
    gut = by_term["Gut permeability"]
    assert list(gut["sections"]) == ["Origin", "Mechanism"]
    assert "cookies" not in json.dumps(export)
    assert by_term["leaky gut"]["see_also"] == [
        "Gut permeability",
        "Intestinal permeability",
    ]
    mucus = by_term["Mucus layer"]
    assert mucus["source"] == ["seeds/204_4002f5169d75b923.txt"]


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    srcdir="basic-no-previews",
    confoverrides={"seed_glossary_previews": False, "seed_glossary_export": None},
)
def test_previews_off_and_export_off(app):
    app.build()
    assert not (app.outdir / "glossary.json").exists()
    assert not (app.outdir / "_static" / "seed_glossary").exists()
    page = (app.outdir / "page.html").read_text()
    assert "seed_glossary/" not in page
    # The script stays: it makes the A–Z bar's return link; no previews.
    assert "seed_glossary.js" in page
    assert "data-sg-previews" not in page


@pytest.mark.sphinx("html", testroot="injection", srcdir="injection-data")
def test_script_breaking_text_is_escaped_in_the_data(app):
    app.build()
    static = app.outdir / "_static" / "seed_glossary"
    scripts = [p.read_text() for p in static.rglob("*.js")]
    assert scripts
    assert not [s for s in scripts if "</script" in s.lower()]
    assert any("<\\/script>" in s for s in scripts)
    texts = " ".join(search_sentences(app)) + " ".join(index_names(app))
    assert '<script>alert("txt")</script>' in texts
    export = (app.outdir / "glossary.json").read_text()
    assert json.loads(export)[0]["term"] == '<i>Tagged</i> & "quoted"'


@pytest.mark.sphinx("dirhtml", testroot="basic", srcdir="basic-dirhtml")
def test_preview_urls_match_the_links_of_dirhtml(app):
    _check_preview_urls(app, "dirhtml")


@pytest.mark.sphinx("singlehtml", testroot="basic", srcdir="basic-singlehtml")
def test_singlehtml_previews_read_entries_from_the_one_page(app):
    """Every entry is on the one page: its links need no data script."""
    app.build()
    assert page_previews(app, "index") == {}
    soup = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    assert "seed_glossary/pages/" not in str(soup)
    anchors = {
        a["href"][1:] for a in soup.select('a.reference.internal[href^="#term-"]')
    }
    assert "term-Zonulin" in anchors
    for anchor in anchors:
        line = soup.find(id=anchor)
        assert line.name == "dt" and line.find_parent("dl", class_="glossary")


def _check_preview_urls(app: SphinxTestApp, buildername: str) -> None:
    """Every key of the previews data is an address the page's links use."""
    app.build()
    data = page_previews(app, "page")
    page = "page/index.html"
    soup = BeautifulSoup((app.outdir / page).read_text(), "html.parser")
    root = soup.find("html").get("data-content_root", "")
    base = (app.outdir / page).parent
    resolved = set()
    for a in soup.select("a.reference.internal"):
        if "#" not in a["href"]:
            continue  # a link to a page, not to an anchor (Sphinx 8.0 has some)
        target = (base / a["href"].split("#")[0]).resolve()
        if target.is_dir():
            target = target / "index.html"
        rel = target.relative_to((base / root).resolve()).as_posix()
        resolved.add(f"{rel}#{a['href'].split('#')[1]}")
    keys = {
        k.replace("/#", "/index.html#") if k.split("#")[0].endswith("/") else k
        for k in data
    }
    assert "glossary/index.html#term-Intestinal-permeability" in keys
    assert keys <= resolved, (sorted(resolved), sorted(keys))


@pytest.mark.sphinx("text", testroot="basic", srcdir="basic-text")
def test_no_html_assets_in_non_html_builders(app):
    app.build()
    assert not (app.outdir / "glossary.json").exists()
    assert not (app.outdir / "_static").exists()
    text = (app.outdir / "glossary.txt").read_text()
    assert "Gut permeability" in text and "Referenced from:" in text


@pytest.mark.sphinx("html", testroot="basic", srcdir="basic-emptied")
def test_entries_of_emptied_seed_folder_leave_previews_and_export(app, make_app):
    app.build()
    assert json.loads((app.outdir / "glossary.json").read_text())
    for seed in (app.srcdir / "seeds").iterdir():
        seed.unlink()
    again = make_app("html", srcdir=app.srcdir)
    again.build()
    assert json.loads((again.outdir / "glossary.json").read_text()) == []
    assert index_names(again) == {}
    assert "Zonulin" not in json.dumps(all_previews(again))
