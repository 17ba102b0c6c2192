"""What HTML readers get: search entries, A–Z bar, previews data, glossary.json."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from .helpers import BASIC_ALIASES, BASIC_TERMS, build


@pytest.fixture(scope="module")
def basic(tmp_path_factory, rootdir):
    srcdir = tmp_path_factory.mktemp("html") / "src"
    shutil.copytree(rootdir / "test-basic", srcdir)
    return build(srcdir, confoverrides={"html_baseurl": "https://docs.example/seeds"})


def _search_index(app: SphinxTestApp) -> dict:
    text = (app.outdir / "searchindex.js").read_text()
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


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


def test_search_data_survives_a_build_that_does_not_read_the_glossary(
    tmp_path, rootdir
):
    """Search lists entries from our data, which every HTML build writes whole.

    Sphinx's own index entries of the glossary are gone after such a build
    (sphinx-doc/sphinx#12599); when that assertion fails, Sphinx fixed it.
    """
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", src)
    build(src)
    page = src / "page.md"
    page.write_text(page.read_text() + "\nOne more line.\n")
    again = build(src)
    status = re.sub(r"\x1b\[[0-9;]*m", "", again.status.getvalue())
    read = re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", status)
    assert read == ["page"]
    names = {name.lower() for name in (*BASIC_TERMS, *BASIC_ALIASES)}
    assert not names & set(_search_index(again)["indexentries"])
    data = _previews(again)
    listed = {(entry.get("n") or entry["t"]).lower() for entry in data.values()}
    assert names <= listed


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


def _previews(app: SphinxTestApp) -> dict:
    script = (app.outdir / "_static" / "seed_glossary_data.js").read_text()
    assert script.startswith("window.seedGlossaryPreviews = {")
    return json.loads(script[script.index("{") : script.rindex("}") + 1])


def test_previews_data_is_a_classic_script_keyed_by_page_and_anchor(basic):
    data = _previews(basic)
    zonulin = data["glossary.html#term-Zonulin"]
    assert zonulin == {
        "k": "zonulin",
        "t": "Zonulin",
        "a": ["pre-haptoglobin 2"],
        "s": "A protein that loosens the tight junctions; see leaky gut.",
        "f": "A protein that loosens the tight junctions; see leaky gut.",
    }
    # An alias's anchor: the same entry, and which alias it is.
    assert data["glossary.html#term-pre-haptoglobin-2"] == {
        **zonulin,
        "n": "pre-haptoglobin 2",
    }
    assert data["glossary.html#term-leaky-gut"]["s"].startswith("→ Gut permeability")
    page = (basic.outdir / "page.html").read_text()
    assert '<script defer="defer" src="_static/seed_glossary_data.js' in page
    assert '<script defer="defer" src="_static/seed_glossary.js' in page
    assert "_static/seed_glossary.css" in page


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
    assert not (app.outdir / "_static" / "seed_glossary_data.js").exists()
    page = (app.outdir / "page.html").read_text()
    assert "seed_glossary_data.js" not in page
    # The script stays: it makes the A–Z bar's return link.
    assert "seed_glossary.js" in page


@pytest.mark.sphinx("html", testroot="injection", srcdir="injection-data")
def test_script_breaking_text_is_escaped_in_the_data(app):
    app.build()
    script = (app.outdir / "_static" / "seed_glossary_data.js").read_text()
    assert "</script" not in script.lower()
    assert "<\\/script>" in script
    data = json.loads(script[script.index("{") : script.rindex("}") + 1])
    texts = " ".join(v["s"] for v in data.values())
    assert '<script>alert("txt")</script>' in texts
    export = (app.outdir / "glossary.json").read_text()
    assert json.loads(export)[0]["term"] == '<i>Tagged</i> & "quoted"'


@pytest.mark.sphinx("dirhtml", testroot="basic", srcdir="basic-dirhtml")
def test_preview_urls_match_the_links_of_dirhtml(app):
    _check_preview_urls(app, "dirhtml")


@pytest.mark.sphinx("singlehtml", testroot="basic", srcdir="basic-singlehtml")
def test_preview_urls_match_the_links_of_singlehtml(app):
    _check_preview_urls(app, "singlehtml")


def _check_preview_urls(app: SphinxTestApp, buildername: str) -> None:
    """Every key of the previews data is an address the page's links use."""
    app.build()
    script = (app.outdir / "_static" / "seed_glossary_data.js").read_text()
    data = json.loads(script[script.index("{") : script.rindex("}") + 1])
    page = "index.html" if buildername == "singlehtml" else "page/index.html"
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
    if buildername == "singlehtml":
        keys = {k if not k.startswith("#") else f"index.html{k}" for k in keys}
    assert {"glossary/index.html#term-Intestinal-permeability"} <= keys or (
        "index.html#term-Intestinal-permeability" in keys
    )
    assert resolved & keys, (resolved, sorted(keys)[:5])


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
    data = (again.outdir / "_static" / "seed_glossary_data.js").read_text()
    assert "Zonulin" not in data
