"""Autolinks, backlinks, the link report and linking from another project.

The tests that read test-autolink as it is share one build (``AUTOLINK``);
each value of ``seed_glossary_autolink`` is built once, for every test of it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from docutils.utils import new_document
from sphinx.testing.util import SphinxTestApp

from .helpers import rebuild, shared_build, shared_marks

#: The build of test-autolink as it is, shared by the tests that only read it.
AUTOLINK = shared_build("links-autolink", testroot="autolink")
#: The build of test-basic whose objects.inv other projects link to.
OURS = shared_build("links-ours", testroot="basic")


def _setting(value) -> list:
    """The marks of the shared build of test-autolink with this autolink value."""
    # The type too: "pro*" and ["pro*"] are two settings, two builds.
    name = re.sub(r"\W", "", str(value))
    key = f"links-autolink-{type(value).__name__}-{name}"
    return shared_marks(
        key, testroot="autolink", confoverrides={"seed_glossary_autolink": value}
    )


def setting(value):
    """Decorate a test of the shared build with this autolink value."""

    def decorate(test):
        for mark in _setting(value):
            test = mark(test)
        return test

    return decorate


def _links(app: SphinxTestApp, page: str) -> list[tuple[str, str, bool]]:
    """(text, target, is autolink) of every internal link in the page body."""
    soup = BeautifulSoup((app.outdir / page).read_text(), "html.parser")
    body = soup.select_one("div.body") or soup.select_one("article") or soup
    out = []
    for a in body.select("a.reference.internal"):
        span = a.find("span")
        auto = span is not None and "sg-autolink" in span.get("class", [])
        out.append((a.get_text(), a["href"].split("#")[-1], auto))
    return out


@pytest.fixture
def autolink(app: SphinxTestApp) -> SphinxTestApp:
    """The shared build of test-autolink (tests marked ``AUTOLINK``)."""
    app.build()
    return app


@AUTOLINK
def test_autolink_builds_clean(autolink):
    assert autolink.warning.getvalue() == ""


@AUTOLINK
def test_prose_links_first_mention_per_page_longest_first(autolink):
    links = _links(autolink, "prose.html")
    assert links == [
        # Longest wins: "Intestinal permeability", not "permeability".
        ("Intestinal permeability", "term-Intestinal-permeability", True),
        ("permeability", "term-Permeability", True),
        # An explicit link counts as the page's mention of Butyrate: the next
        # section does not link butyrate again.
        ("Butyrate", "term-Butyrate", False),
        # Hyphen/space and plural variants of an entry's name.
        ("Short chain fatty acids", "term-Short-chain-fatty-acid", True),
    ]


@AUTOLINK
def test_nothing_links_inside_code_headings_or_links(autolink):
    soup = BeautifulSoup((autolink.outdir / "prose.html").read_text(), "html.parser")
    for code in soup.select("code"):
        assert code.find("a") is None
    for heading in soup.select("h1, h2, h3"):
        assert heading.find("span", class_="sg-autolink") is None
    external = soup.find("a", href="https://example.org")
    assert external.get_text() == "butyrate"
    assert external.find("a") is None


@AUTOLINK
def test_alias_of_an_already_linked_entry_stays_plain(autolink):
    text = BeautifulSoup((autolink.outdir / "prose.html").read_text(), "html.parser")
    # "leaky-gut" is an alias of Intestinal permeability, linked earlier.
    assert "leaky-gut" in text.get_text()
    assert not any(
        t == "leaky-gut" for t, _target, _auto in _links(autolink, "prose.html")
    )


@AUTOLINK
def test_excluded_terms_and_opted_out_pages_stay_plain(autolink):
    assert _links(autolink, "optout.html") == []
    for page in ("prose.html", "glossary.html"):
        assert not any(
            target == "term-Excluded-term" and auto
            for _t, target, auto in _links(autolink, page)
        )


@AUTOLINK
def test_glossary_entries_link_others_but_never_themselves(autolink):
    soup = BeautifulSoup((autolink.outdir / "glossary.html").read_text(), "html.parser")
    for dt in soup.select("dl.glossary > dt.sg-term"):
        own = {d["id"] for d in _dts_of(dt)}
        dd = dt.find_next_sibling("dd")
        autolinks = [
            a["href"].lstrip("#")
            for a in dd.select("a")
            if a.find("span", class_="sg-autolink")
        ]
        assert not own.intersection(autolinks), dt["id"]
        # First mention per entry only.
        assert len(autolinks) == len(set(autolinks)), dt["id"]
    butyrate = soup.find("dt", id="term-Butyrate").find_next_sibling("dd")
    linked = [a.get_text() for a in butyrate.select("span.sg-autolink")]
    assert linked == ["short-chain fatty acid", "intestinal permeability"]


def _dts_of(dt):
    out = [dt]
    sibling = dt.find_next_sibling()
    while sibling is not None and sibling.name == "dt":
        out.append(sibling)
        sibling = sibling.find_next_sibling()
    return out


@AUTOLINK
def test_backlinks_list_pages_and_entries(autolink):
    soup = BeautifulSoup((autolink.outdir / "glossary.html").read_text(), "html.parser")
    dd = soup.find("dt", id="term-Butyrate").find_next_sibling("dd")
    backlinks = dd.select_one(".sg-backlinks")
    # The page with a :term: link first, then those that only autolink it.
    assert [a.get_text() for a in backlinks.select("a")] == [
        "Prose",
        "Excluded term",
        "Intestinal permeability",
        "Short-chain fatty acid",
    ]
    dd = soup.find("dt", id="term-Excluded-term").find_next_sibling("dd")
    assert dd.select_one(".sg-backlinks") is None


@AUTOLINK
def test_link_report(autolink):
    report = json.loads((autolink.outdir / "seed-glossary-report.json").read_text())
    links = report["links"]
    assert links["unused"] == ["Excluded term"]
    assert links["wanted"] == {}
    butyrate = links["entries"]["Butyrate"]
    assert butyrate["explicit"] == 1
    assert butyrate["autolinks"] == 3
    status = re.sub(r"\x1b\[[0-9;]*m", "", autolink.status.getvalue())
    assert (
        "seed glossary: 5 entries, 1 links by role, 9 autolinks; 1 unused, 0 wanted"
        in status
    )


@pytest.mark.sphinx("html", testroot="autolink", srcdir="links-wanted")
def test_wanted_terms_are_reported_with_their_pages(app):
    prose = app.srcdir / "prose.rst"
    prose.write_text(prose.read_text() + "\nA link to :term:`Zonulin` is wanted.\n")
    app.build()
    report = json.loads((app.outdir / "seed-glossary-report.json").read_text())
    assert report["links"]["wanted"] == {"zonulin": ["prose"]}


@setting("glossary")
def test_autolink_glossary_only(app):
    app.build()
    assert [auto for _t, _target, auto in _links(app, "prose.html")] == [False]
    assert any(auto for _t, _target, auto in _links(app, "glossary.html"))


@setting(False)
def test_autolink_off(app):
    app.build()
    assert not any(auto for _t, _target, auto in _links(app, "glossary.html"))
    assert not any(auto for _t, _target, auto in _links(app, "prose.html"))


@setting(["pro*"])
def test_autolink_on_listed_pages_only(app):
    app.build()
    assert any(auto for _t, _target, auto in _links(app, "prose.html"))
    assert _links(app, "optout.html") == []


# -- incremental backlinks -----------------------------------------------------


def _backlinks(app: SphinxTestApp, term_id: str) -> list[str]:
    soup = BeautifulSoup((app.outdir / "glossary.html").read_text(), "html.parser")
    dd = soup.find("dt", id=term_id).find_next_sibling("dd")
    found = dd.select_one(".sg-backlinks")
    return [a.get_text() for a in found.select("a")] if found else []


def _later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


@pytest.mark.sphinx("html", testroot="autolink", srcdir="links-backlinks-follow")
def test_backlinks_follow_pages_added_edited_and_deleted(app, make_app):
    srcdir = app.srcdir
    app.build()
    assert "Notes" not in _backlinks(app, "term-Permeability")

    notes = srcdir / "notes.rst"
    notes.write_text("Notes\n=====\n\nPermeability is mentioned here.\n")
    (srcdir / "index.rst").write_text((srcdir / "index.rst").read_text() + "   notes\n")
    app = rebuild(make_app, app)
    assert "Notes" in _backlinks(app, "term-Permeability")

    notes.write_text("Notes\n=====\n\nNothing to link here.\n")
    _later(notes)
    app = rebuild(make_app, app)
    assert "Notes" not in _backlinks(app, "term-Permeability")

    notes.write_text("Notes\n=====\n\nAn explicit :term:`permeability` link.\n")
    _later(notes)
    app = rebuild(make_app, app)
    assert "Notes" in _backlinks(app, "term-Permeability")

    notes.unlink()
    (srcdir / "index.rst").write_text(
        (srcdir / "index.rst").read_text().replace("   notes\n", "")
    )
    _later(srcdir / "index.rst")
    app = rebuild(make_app, app)
    assert "Notes" not in _backlinks(app, "term-Permeability")


@pytest.mark.sphinx("html", testroot="autolink", srcdir="links-new-term")
def test_new_term_links_existing_pages(app, make_app):
    srcdir = app.srcdir
    app.build()
    assert "colon" not in [t.lower() for t, _target, _auto in _links(app, "prose.html")]
    (srcdir / "prose.rst").write_text(
        (srcdir / "prose.rst").read_text() + "\nThe colon is long.\n"
    )
    _later(srcdir / "prose.rst")
    app = rebuild(make_app, app)
    (srcdir / "seeds" / "colon.md").write_text(
        "---\nterm: Colon\n---\nThe large bowel.\n"
    )
    app = rebuild(make_app, app)
    # prose.rst itself did not change, but it now mentions a term.
    assert ("colon", "term-Colon", True) in _links(app, "prose.html")
    assert "Prose" in _backlinks(app, "term-Colon")


@AUTOLINK
def test_parallel_build_links_the_same(autolink, make_app, rootdir, tmp_path):
    """``-j 2`` (in-process: Sphinx forks its own readers and writers)."""
    parallel = tmp_path / "parallel"
    shutil.copytree(rootdir / "test-autolink", parallel)
    one = autolink
    one.cleanup()  # one application at a time
    two = make_app("html", srcdir=parallel, parallel=2)
    two.build()
    for page in ("glossary.html", "prose.html", "seed-glossary-report.json"):
        assert (one.outdir / page).read_text() == (two.outdir / page).read_text()


# -- another project, through intersphinx --------------------------------------


def _inventory(ours: SphinxTestApp, name: str, url: str) -> dict:
    """``intersphinx_mapping`` of another project: *ours*' objects.inv."""
    ours.build()
    ours.cleanup()  # one application at a time
    return {name: (url, str(ours.outdir / "objects.inv"))}


@OURS
def test_other_project_links_terms_and_aliases_through_intersphinx(
    app, make_app, rootdir, tmp_path
):
    mapping = _inventory(app, "seeds", "https://seeds.example/")
    theirs = tmp_path / "theirs"
    shutil.copytree(rootdir / "test-theirs", theirs)
    app = make_app(
        "html", srcdir=theirs, confoverrides={"intersphinx_mapping": mapping}
    )
    app.build()
    assert app.warning.getvalue() == ""
    soup = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    hrefs = [a["href"] for a in soup.select("a.reference.external")]
    assert hrefs == [
        "https://seeds.example/glossary.html#term-leaky-gut",
        "https://seeds.example/glossary.html#term-Gut-permeability",
        "https://seeds.example/glossary.html#term-intestinal-mucus",
        "https://seeds.example/glossary.html#term-Mucus-layer",
        "https://seeds.example/glossary.html#term-Zonulin",
    ]


@AUTOLINK
def test_report_command_prints_the_links_of_a_build(autolink):
    from seed_glossary.__main__ import main

    assert main(["report", str(autolink.outdir)]) == 0
    assert main(["report", str(autolink.outdir), "--fail-on-wanted"]) == 0
    assert main(["report", str(autolink.outdir / "missing.json")]) == 2


@AUTOLINK
def test_report_command_output(autolink, capsys):
    from seed_glossary.__main__ import main

    main(["report", str(autolink.outdir)])
    out = capsys.readouterr().out
    assert "unused (1): Excluded term" in out
    assert "wanted (0):" in out
    butyrate = next(line for line in out.splitlines() if line.startswith("Butyrate "))
    assert butyrate.split()[1:3] == ["1", "3"]
    main(["report", str(autolink.outdir), "--json"])
    assert json.loads(capsys.readouterr().out)["unused"] == ["Excluded term"]


@OURS
def test_links_to_other_projects_are_not_wanted(app, make_app, rootdir, tmp_path):
    mapping = _inventory(app, "other", "https://o.example/")
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-autolink", srcdir)
    (srcdir / "prose.rst").write_text(
        (srcdir / "prose.rst").read_text()
        + "\nElsewhere: :term:`other:leaky gut`, :term:`Zonulin`,"
        " :external+other:term:`Mucus layer` and :term:`Nowhere`.\n"
    )
    extensions = ["myst_parser", "seed_glossary", "sphinx.ext.intersphinx"]
    app = make_app(
        "html",
        srcdir=srcdir,
        confoverrides={"extensions": extensions, "intersphinx_mapping": mapping},
    )
    app.build()
    report = json.loads((app.outdir / "seed-glossary-report.json").read_text())
    assert report["links"]["wanted"] == {"nowhere": ["prose"]}


@pytest.mark.sphinx("html", testroot="autolink", srcdir="links-wrapped")
def test_names_broken_across_lines_are_found(app):
    srcdir = app.srcdir
    (srcdir / "notes.rst").write_text(
        "Notes\n=====\n\nWrapped text about intestinal\npermeability here.\n"
    )
    (srcdir / "index.rst").write_text((srcdir / "index.rst").read_text() + "   notes\n")
    app.build()
    assert _links(app, "notes.html") == [
        ("intestinal\npermeability", "term-Intestinal-permeability", True)
    ]


@pytest.mark.parametrize(
    ("setting", "prose_linked"),
    [
        pytest.param(setting, linked, marks=_setting(setting))
        for setting, linked in [
            (True, False),
            ("pro*", True),
            ("glossary", False),
            ("none", False),
        ]
    ],
)
def test_autolink_setting_values(app, setting, prose_linked):
    app.build()
    assert any(a for _t, _g, a in _links(app, "prose.html")) is prose_linked
    assert any(a for _t, _g, a in _links(app, "glossary.html")) is (setting != "none")


@pytest.mark.parametrize(
    "buildername",
    [
        pytest.param(name, marks=pytest.mark.sphinx(name, testroot="hostile-names"))
        for name in ("html", "dirhtml", "singlehtml")
    ],
)
def test_hostile_names_are_escaped_in_links(app, buildername):
    """Names with markup characters link as text, escaped by Sphinx's writer."""
    app.build()
    assert app.builder.name == buildername
    assert app.warning.getvalue() == ""
    html = "".join(p.read_text() for p in app.outdir.rglob("*.html"))
    assert 'class="xref std std-term sg-autolink">X &lt; Y &amp; Z</span>' in html
    assert "A &lt;b&gt; &amp; &quot;c&quot;</span></a>" in html
    assert "<b>" not in html


def _paragraph(*texts: str) -> tuple[nodes.document, nodes.paragraph]:
    document = new_document("page")
    para = nodes.paragraph()
    para += [nodes.Text(t) for t in texts]
    document += para
    return document, para


def test_planned_links_go_into_the_same_text_nodes():
    from seed_glossary.autolink import PlannedLink
    from seed_glossary.transforms import insert_links

    # Two text nodes of one paragraph (MyST makes one per source line) are
    # one run: a name may wrap from one to the next.
    document, para = _paragraph("A leaky gut. Leaky\n", "gut again.")
    insert_links(
        document,
        "page",
        [
            PlannedLink(0, 2, 11, "leaky gut", "leaky gut", "leaky gut", None),
            PlannedLink(0, 13, 22, "Leaky\ngut", "leaky gut", "leaky gut", None),
        ],
    )
    assert para.astext() == "A leaky gut. Leaky\ngut again."
    xrefs = [c for c in para.children if c.tagname == "pending_xref"]
    assert [x.astext() for x in xrefs] == ["leaky gut", "Leaky\ngut"]
    assert all(x["reftype"] == "term" and x["refdomain"] == "std" for x in xrefs)
    assert [c.tagname for c in para.children] == [
        "#text",
        "pending_xref",
        "#text",
        "pending_xref",
        "#text",
    ]


def test_a_text_changed_after_reading_gets_no_links():
    """Another extension changed the text between reading and writing."""
    from seed_glossary.autolink import PlannedLink
    from seed_glossary.transforms import insert_links

    document, para = _paragraph("A lousy gut.")
    second = nodes.paragraph("", "", nodes.Text("A leaky gut."))
    document += second
    plan = [
        PlannedLink(0, 2, 11, "leaky gut", "leaky gut", "leaky gut", None),
        PlannedLink(1, 2, 11, "leaky gut", "leaky gut", "leaky gut", None),
        PlannedLink(7, 0, 1, "x", "x", "x", None),  # no such text node
    ]
    insert_links(document, "page", plan)
    assert [c.tagname for c in para.children] == ["#text"]
    assert [c.tagname for c in second.children] == ["#text", "pending_xref", "#text"]
    assert para.astext() == "A lousy gut." and second.astext() == "A leaky gut."


@pytest.mark.parametrize(
    "links",
    [
        {"entries": {}, "unused": [], "wanted": {}},
        {
            "entries": {
                'A "b"\n</script>': {
                    "page": "g",
                    "autolinks": 2,
                    "referenced_from": [],
                },
                "é": {"page": "g", "autolinks": 0, "referenced_from": [{"page": "p"}]},
            },
            "unused": ["é"],
            "wanted": {"x\\y": ["p"]},
        },
    ],
)
def test_report_file_is_the_json_of_its_parts(links):
    """The report is written piece by piece; it must parse back to the same data."""
    import io

    from seed_glossary.report import _write_streaming

    seeds = [{"file": "a.txt", "lines": ['"quoted"', "tab\there"]}]
    out = io.StringIO()
    _write_streaming(out, iter(seeds), links)
    assert json.loads(out.getvalue()) == {"seeds": seeds, "links": links}


@pytest.mark.sphinx(
    "html",
    testroot="autolink",
    srcdir="links-backlinks-shown",
    confoverrides={"seed_glossary_backlinks_shown": 2},
)
def test_long_backlink_lines_end_with_a_count_and_the_defining_page_never_lists_itself(
    app,
):
    glossary = app.srcdir / "glossary.rst"
    # Prose on the glossary page itself mentions butyrate.
    glossary.write_text(
        glossary.read_text().replace(
            ".. seed-glossary::", "Butyrate comes first here.\n\n.. seed-glossary::"
        )
    )
    app.build()
    assert app.warning.getvalue() == ""
    soup = BeautifulSoup((app.outdir / "glossary.html").read_text(), "html.parser")
    line = soup.find("dt", id="term-Butyrate").find_next_sibling("dd")
    line = line.select_one(".sg-backlinks")
    shown = [a.get_text() for a in line.select("a")]
    assert shown == ["Prose", "Excluded term"]
    assert line.select_one(".sg-backlinks-more").get_text() == " and 2 more"
    assert "Glossary" not in shown
    # The report has them all.
    report = json.loads((app.outdir / "seed-glossary-report.json").read_text())
    sources = report["links"]["entries"]["Butyrate"]["referenced_from"]
    assert [s["entry"] or s["page"] for s in sources] == [
        "prose",
        "Excluded term",
        "Intestinal permeability",
        "Short-chain fatty acid",
    ]
    # The page's own mention is still an autolink.
    assert any(
        p.select_one(".sg-autolink") and "comes first" in p.get_text()
        for p in soup.select("p")
    )


@AUTOLINK
def test_the_report_says_why_mentions_stayed_plain(autolink):
    report = json.loads((autolink.outdir / "seed-glossary-report.json").read_text())
    butyrate = report["links"]["entries"]["Butyrate"]
    # The prose page mentions butyrate again after its :term: link.
    assert butyrate["not_linked"].get("repeat", 0) >= 1
    assert set(butyrate["not_linked"]) <= {
        "excluded",
        "sense",
        "compound",
        "repeat",
        "everyday",
        "density",
    }
    excluded = report["links"]["entries"]["Excluded term"]
    assert excluded["not_linked"].get("excluded", 0) >= 1


@AUTOLINK
def test_autolinks_carry_a_class_of_their_own_and_a_style(autolink):
    soup = BeautifulSoup((autolink.outdir / "prose.html").read_text(), "html.parser")
    spans = soup.select("a > span.sg-autolink")
    assert spans
    assert all("sg-autolink-link" in span.parent["class"] for span in spans)
    # The author's own term link has neither.
    explicit = soup.select("a > span.std-term:not(.sg-autolink)")
    assert explicit and not any(
        "sg-autolink-link" in span.parent["class"] for span in explicit
    )
    page = (autolink.outdir / "prose.html").read_text()
    assert "_static/seed_glossary_autolinks.css" in page


@pytest.mark.sphinx("html", testroot="moves", srcdir="links-moves")
def test_links_follow_an_entry_that_moves_to_another_page(app, make_app):
    """Pages not read again still link the entry where it is now."""
    srcdir = app.srcdir

    def hrefs(app, page: str) -> set[str]:
        soup = BeautifulSoup((app.outdir / page).read_text(), "html.parser")
        return {
            a["href"]
            for a in soup.select("a.reference.internal")
            if a["href"].endswith("#term-Betaine")
        }

    first = app
    first.build()
    assert hrefs(first, "c.html") == {"b.html#term-Betaine"}
    assert hrefs(first, "e.html") == {"b.html#term-Betaine"}

    shutil.move(srcdir / "b" / "b.md", srcdir / "a" / "b.md")
    again = rebuild(make_app, first)
    status = again.status.getvalue()
    assert "2 changed" in status  # a and b; c and e are not read again
    # Page b no longer defines it: no duplicate of ours. (Sphinx's std domain
    # still says "duplicate term description": b's old term is purged only
    # when b is read, after a, as for glossaries written by hand.)
    assert "seed_glossary.duplicate_term" not in again.warning.getvalue()
    assert hrefs(again, "c.html") == {"a.html#term-Betaine"}
    assert hrefs(again, "e.html") == {"a.html#term-Betaine"}


#: docutils settings as Sphinx reads a page: the first title stays a section.
_QUIET = {"report_level": 5, "doctitle_xform": False}


def test_each_section_spans_the_runs_inside_it():
    """The read step records, for each titled section, its first and last
    run: nested sections inside their parent, an empty one with none."""
    from docutils.core import publish_doctree

    from seed_glossary.links import _sections, walk

    source = (
        "Notation\n========\n\nIntro.\n\nRests\n-----\n\nA rest.\n\nMore.\n\n"
        "Clefs\n-----\n\nA clef.\n"
    )
    document = publish_doctree(source, settings_overrides=_QUIET)
    runs, _xrefs = walk(document, "page")
    first_texts = [texts[0] for texts, _unit, _block in runs]
    assert [text.astext() for text in first_texts] == [
        "Intro.",
        "A rest.",
        "More.",
        "A clef.",
    ]
    assert _sections(document, first_texts) == [
        ("Notation", (0, 3)),
        ("Rests", (1, 2)),
        ("Clefs", (3, 3)),
    ]
    empty = publish_doctree("Title\n=====\n\nSub\n---\n", settings_overrides=_QUIET)
    assert _sections(empty, []) == [("Title", (-1, -1)), ("Sub", (-1, -1))]
