"""Autolinking in real pages: MyST line breaks, markup that is never linked.

Each root is built once, for all the tests that read it.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from .helpers import shared_build

RULES = shared_build("autolink-sphinx-rules", testroot="autolink-rules")
NAMES = shared_build("autolink-sphinx-names", testroot="autolink-names")


def _autolinks(app, page: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup((app.outdir / page).read_text(), "html.parser")
    return [
        (" ".join(span.get_text().split()), span.parent["href"].split("#")[1])
        for span in soup.select("a.reference > span.sg-autolink")
    ]


@RULES
def test_a_name_wrapped_in_myst_links_as_a_whole(app):
    app.build()
    assert app.warning.getvalue() == ""
    # "path⏎based finder": the whole name, not the shorter "finder".
    assert _autolinks(app, "wrapped.html") == [
        ("path based finder", "term-Path-based-finder"),
        ("zymogen", "term-Zymogen"),
    ]


@RULES
def test_keys_programs_menus_options_and_default_role_text_stay_plain(app):
    app.build()
    soup = BeautifulSoup((app.outdir / "markup.html").read_text(), "html.parser")
    for selector in ("kbd", ".program", ".menuselection", "cite", "var", ".file"):
        for element in soup.select(selector):
            assert element.select_one(".sg-autolink") is None, selector
    # The option's description is prose: its "module" is linked, once.
    assert _autolinks(app, "markup.html") == [("module", "term-Module")]
    assert soup.select_one("dl.option-list dd .sg-autolink") is not None


@RULES
def test_a_word_that_code_beside_it_names_stays_plain(app):
    """A word of inline code in the same sentence, a placeholder in italics
    after code, a parameter of the described function: the code's names."""
    app.build()
    assert app.warning.getvalue() == ""
    # "the source file for module" (``-m module``) and "``-m`` *module*" stay
    # plain, "finds a module" links; "the finder given" is the parameter, the
    # finder after the description links.
    assert _autolinks(app, "code.html") == [
        ("module", "term-Module"),
        ("zymogen", "term-Zymogen"),
        ("finder", "term-Finder"),
    ]
    soup = BeautifulSoup((app.outdir / "code.html").read_text(), "html.parser")
    assert (
        "finds a"
        in soup.select_one("a.reference > span.sg-autolink").parent.parent.get_text()
    )


@RULES
def test_what_code_names_in_other_domains_and_markup(app):
    """A C type is no parameter; a method's description has its own
    parameters, not its class's; an escaped space glues a word to code; a
    program's name is code too."""
    app.build()
    assert app.warning.getvalue() == ""
    # *menu* in italics would link (an everyday word the text introduces)
    # were it not glued to the code before it.
    assert _autolinks(app, "code2.html") == [
        ("zymogen", "term-Zymogen"),
        ("module", "term-Module"),
        ("finder", "term-Finder"),
    ]
    soup = BeautifulSoup((app.outdir / "code2.html").read_text(), "html.parser")
    last = soup.select("a.reference > span.sg-autolink")[-1].parent
    assert last.previous_sibling.endswith("finder. A ")


@NAMES
def test_terms_that_differ_in_case_are_two_entries_linked_by_case(app):
    app.build()
    assert app.warning.getvalue() == ""  # no duplicate_term: two entries
    soup = BeautifulSoup((app.outdir / "glossary.html").read_text(), "html.parser")
    anchors = {
        dt.get_text().strip("¶ "): dt["id"] for dt in soup.select("dl.glossary > dt")
    }
    links = dict(_autolinks(app, "prose.html"))
    assert links["HEAD"] == anchors["HEAD"]
    assert links["head"] == anchors["head"] != anchors["HEAD"]
    # A :term: resolves by exact case first, then case-insensitively to the
    # lower-case term, as Sphinx does.
    terms = BeautifulSoup((app.outdir / "terms.html").read_text(), "html.parser")
    hrefs = [
        a["href"].split("#")[1]
        for a in terms.select("a.reference")
        if "#term-" in a.get("href", "")
    ]
    assert hrefs[0] == links["HEAD"]
    assert hrefs[1] == hrefs[2] == links["head"]


@NAMES
def test_a_qualified_headword_links_by_its_bare_name_where_it_is_the_only_one(app):
    app.build()
    links = _autolinks(app, "prose.html")
    texts = [text for text, _anchor in links]
    # "Function (routine)" is the only function; two entries are an index.
    assert ("function", "term-Function-routine") in links
    assert "index" not in texts


@NAMES
def test_manual_pages_and_calls_are_not_prose(app):
    app.build()
    soup = BeautifulSoup((app.outdir / "prose.html").read_text(), "html.parser")
    linked = [" ".join(a.get_text().split()) for a in soup.select(".sg-autolink")]
    # git-archive(1) names a command's manual page; "git archive" is prose.
    assert "git-archive" not in linked
    assert "git archive" in linked


@pytest.mark.sphinx("html", testroot="autolink-prose")
def test_a_frequent_word_links_inside_entries_but_not_in_prose(app):
    """*piano* (Zipf 4.3) is above the prose threshold (4.0), below the one
    of entries (4.5): in a song's prose it is the instrument, in the entry of
    *forte* the dynamic."""
    app.build()
    assert app.warning.getvalue() == ""
    assert _autolinks(app, "prose.html") == [("forte", "term-Forte")]
    assert ("piano", "term-Piano") in _autolinks(app, "glossary.html")
    report = json.loads((app.outdir / "seed-glossary-report.json").read_text())
    assert report["links"]["entries"]["Piano"]["not_linked"] == {"everyday": 1}


@pytest.mark.sphinx(
    "html",
    testroot="autolink-prose",
    confoverrides={"seed_glossary_autolink_everyday_zipf_in_prose": 4.5},
)
def test_the_prose_threshold_is_a_setting_of_its_own(app):
    app.build()
    assert _autolinks(app, "prose.html") == [
        ("piano", "term-Piano"),
        ("forte", "term-Forte"),
    ]


@pytest.mark.sphinx("html", testroot="autolink-prose")
def test_prose_links_the_first_mention_of_a_page_by_default(app):
    """... and not *fortissimo*, whose entry says only "See forte."."""
    app.build()
    assert _autolinks(app, "lesson.html") == [("forte", "term-Forte")]
    lesson = BeautifulSoup((app.outdir / "lesson.html").read_text(), "html.parser")
    assert lesson.select_one("span.sg-autolink").find_parent("em") is None
    report = json.loads((app.outdir / "seed-glossary-report.json").read_text())
    assert report["links"]["entries"]["Fortissimo"]["not_linked"] == {"empty": 1}


@pytest.mark.sphinx("html", testroot="autolink-prose")
def test_half_of_a_compound_that_a_heading_names_is_not_linked(app):
    """A section is headed *Forte markings*: "every forte marking" names the
    marking, not the dynamic; the later "a forte" does."""
    app.build()
    assert app.warning.getvalue() == ""
    markings = BeautifulSoup((app.outdir / "markings.html").read_text(), "html.parser")
    linked = [
        span.parent.parent.get_text() for span in markings.select("span.sg-autolink")
    ]
    assert len(linked) == 1 and linked[0].endswith("then a forte.")
    report = json.loads((app.outdir / "seed-glossary-report.json").read_text())
    assert report["links"]["entries"]["Forte"]["not_linked"]["compound"] == 1


@pytest.mark.sphinx(
    "html",
    testroot="autolink-prose",
    confoverrides={"seed_glossary_autolink_prose_mentions": "introduced"},
)
def test_introduced_prose_links_only_where_a_page_introduces_a_term(app):
    """A term set in italics of its own links, its earlier plain mention does
    not; on the page its title names, the first mention links, and in the
    section its heading names (*Forte*, not *Forte markings*); elsewhere none."""
    app.build()
    assert app.warning.getvalue() == ""
    lesson = BeautifulSoup((app.outdir / "lesson.html").read_text(), "html.parser")
    links = lesson.select("span.sg-autolink")
    assert [span.get_text() for span in links] == ["forte"]
    assert links[0].find_parent("em") is not None
    assert _autolinks(app, "forte.html") == [("forte", "term-Forte")]
    assert _autolinks(app, "prose.html") == []
    markings = BeautifulSoup((app.outdir / "markings.html").read_text(), "html.parser")
    linked = [
        span.find_parent("section")["id"]
        for span in markings.select("span.sg-autolink")
    ]
    assert linked == ["forte"]
    report = json.loads((app.outdir / "seed-glossary-report.json").read_text())
    # lesson's and prose's plain mentions, and markings' "then a forte"
    assert report["links"]["entries"]["Forte"]["not_linked"]["introduced"] == 3
    assert ("piano", "term-Piano") in _autolinks(app, "glossary.html")


@pytest.mark.sphinx("html", testroot="autolink-common")
def test_the_prose_of_unlinked_pages_tells_the_words_of_the_field(app):
    """Every page names *schema*: the glossary links it only where an entry is
    related to it, though the pages' prose is not linked (the default)."""
    app.build()
    assert app.warning.getvalue() == ""
    glossary = BeautifulSoup((app.outdir / "glossary.html").read_text(), "html.parser")
    linked_from = {
        dd.find_previous_sibling("dt").get_text().strip("¶ "): [
            span.get_text() for span in dd.select("span.sg-autolink")
        ]
        for dd in glossary.select("dl.glossary > dd")
    }
    assert linked_from == {"Cursor": ["schema"], "Schema": ["cursor"], "Trigger": []}
    assert _autolinks(app, "create.html") == []
