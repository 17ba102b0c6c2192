"""A large glossary in the five themes, served over http and opened from disk:
previews, search answers and the glossary split by letter, as readers get them.

400 entries, with the size past which a glossary is split lowered to 250 kB:
the same pages, letters and data scripts as a glossary of thousands of
entries at the default 2 MB, in a fifth of the build time (the benchmark,
``make bench``, builds 10,000).

The seeds and prose pages are the benchmark's (``tests/bench/generate.py``);
the project is read once for the session and written in each theme. What a
test expects is read from the built HTML (the entry a link opens, its first
paragraph), never from the extension's own data files.
"""

from __future__ import annotations

import functools
import re
import shutil
import sys
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, unquote, urljoin

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from seed_glossary.ingest.names import first_sentence

from .browser.harness import in_ci, launch, open_page, serve, unavailable
from .browser.themes import THEMES
from .browser.themes import missing as missing_theme

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # the `context` fixture fails (CI) or skips the tests
    expect = sync_playwright = None  # type: ignore[assignment]

sys.path.insert(0, str(Path(__file__).parent / "bench"))
import generate

ENTRIES = 400
#: seed_glossary_split_max_bytes of these sites: 400 entries make several pages.
SPLIT_AT = 250_000
PROSE_PAGES = 3
PREVIEW = "#sg-preview"
#: The theme's page text, not its navigation.
MAIN = '[role="main"]'
#: Sphinx's own search fetches each page it lists for a snippet, which a page
#: from disk may not do: those failures are Sphinx's, not ours.
SNIPPET_FETCH = re.compile(
    r"^(failed request: file:///\S+\.html \(net::ERR_FAILED\)"
    r"|console error: Access to fetch at 'file:///\S+\.html' .* blocked by CORS .*"
    r"|console error: Failed to load resource: net::ERR_FAILED"
    r"|page error: Failed to fetch)$"
)


class Site(NamedTuple):
    theme: str
    outdir: Path
    origin: str  #: http://127.0.0.1:port


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """The project: the seeds, a few prose pages, the glossary; every theme's."""
    base = tmp_path_factory.mktemp("thousand")
    terms = generate.write_seeds(base / "seeds", ENTRIES)
    generate.write_prose(base / "prose", terms, PROSE_PAGES)
    srcdir = base / "src"
    srcdir.mkdir()
    prose = sorted((base / "prose").glob("*.rst"))
    for page in prose:
        (srcdir / page.name).write_text(page.read_text())
    (srcdir / "conf.py").write_text(
        "extensions = ['seed_glossary']\n"
        f"seed_glossary_seeds = {str(base / 'seeds')!r}\n"
        "seed_glossary_autolink = 'all'\n"
        f"seed_glossary_split_max_bytes = {SPLIT_AT}\n"
        "suppress_warnings = ['seed_glossary.uncertain']\n"
        "exclude_patterns = ['_build']\n"
    )
    pages = "".join(f"   {p.stem}\n" for p in prose)
    (srcdir / "index.rst").write_text(
        f"Thousand\n========\n\n.. toctree::\n\n   glossary\n{pages}"
    )
    (srcdir / "glossary.rst").write_text("Glossary\n========\n\n.. seed-glossary::\n")
    return srcdir


@pytest.fixture(scope="session")
def read_once() -> dict[str, Path]:
    """The doctrees of the first theme's build, once it is done.

    The theme (``html_theme``) changes what Sphinx writes, not what it reads:
    the other themes start from a copy of these doctrees, so Sphinx reads no
    page again and writes every page, in the theme, into a new folder (the
    same HTML as a build of its own).
    """
    return {}


@pytest.fixture(scope="session", params=[theme.name for theme in THEMES])
def site(request, corpus, read_once, tmp_path_factory):
    """The corpus built in one theme (once per session), served from 127.0.0.1."""
    theme = next(t for t in THEMES if t.name == request.param)
    reason = missing_theme(theme)
    if reason:
        if in_ci():
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)
    builddir = tmp_path_factory.mktemp(f"thousand-{theme.name}")
    if "doctrees" in read_once:
        shutil.copytree(read_once["doctrees"], builddir / "doctrees")
    app = SphinxTestApp(
        "html",
        srcdir=corpus,
        builddir=builddir,
        confoverrides={"html_theme": theme.name},
    )
    try:
        app.build()
    finally:
        app.cleanup()
    read_once.setdefault("doctrees", Path(app.doctreedir))
    outdir = Path(app.outdir)
    with serve(outdir) as origin:
        yield Site(theme.name, outdir, origin)


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    """Headless Chromium, fresh profile, one context for the module."""
    reason = unavailable()
    if reason:
        if in_ci():
            pytest.fail(f"CI=true and the browser tests cannot run: {reason}")
        pytest.skip(reason)
    with sync_playwright() as driver:
        browser = launch(driver, tmp_path_factory.mktemp("chromium-profile"))
        try:
            yield browser
        finally:
            browser.close()


def _url(site: Site, path: str, how: str) -> str:
    return f"{site.origin}/{path}" if how == "http" else (site.outdir / path).as_uri()


def _soup(site: Site, path: str) -> BeautifulSoup:
    """The built page *path*, parsed once per site (the tests only read it)."""
    return _parsed(site.outdir / path)


@functools.lru_cache(maxsize=64)
def _parsed(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text("utf-8"), "html.parser")


class Expected(NamedTuple):
    term: str  #: the entry's headword
    text: str  #: the first paragraph of its definition, as text


def _entry(site: Site, page: str, href: str) -> Expected:
    """What the link *href* on *page* opens, read from the target's HTML."""
    target = urljoin(page, href)
    path, _, anchor = target.partition("#")
    line = _soup(site, path).find("dt", id=unquote(anchor))
    assert line is not None, target
    first = line
    while first.find_previous_sibling() and first.find_previous_sibling().name == "dt":
        first = first.find_previous_sibling()
    # The text of the term line, without its permalink (an icon in some themes).
    term = "".join(
        t for t in first.find_all(string=True) if not t.find_parent("a")
    ).strip()
    body = line.find_next_sibling("dd").find(recursive=False)
    return Expected(term, " ".join(body.get_text().split()))


def _hover_and_check(page, site: Site, path: str, link) -> None:
    href = link.get_attribute("href")
    want = _entry(site, path, href)
    link.scroll_into_view_if_needed()
    link.hover()
    popover = page.locator(PREVIEW)
    expect(popover).to_be_visible()
    expect(popover.locator(".sg-preview-term")).to_have_text(want.term)
    expect(popover.locator(".sg-preview-text")).to_have_text(want.text)
    page.mouse.move(1, 1)
    expect(popover).to_be_hidden()


def _problems(log, how: str) -> list[str]:
    return [p for p in log.problems() if how == "http" or not SNIPPET_FETCH.search(p)]


# -- the glossary is split ---------------------------------------------------------


def test_a_large_glossary_is_split_by_letter_under_its_size(site):
    index = _soup(site, "glossary.html")
    assert index.select_one("dl.glossary") is None
    letters = {a.get_text(): a["href"] for a in index.select("p.sg-az a")}
    assert len(letters) >= 10
    pages = sorted((site.outdir / "glossary").glob("*.html"))
    assert {f"glossary/{p.name}" for p in pages} >= set(letters.values())
    entries = 0
    for path in pages:
        assert path.stat().st_size < SPLIT_AT, path
        soup = _soup(site, f"glossary/{path.name}")
        entries += len(soup.select(f"{MAIN} dl.glossary > dd"))
    assert entries == ENTRIES
    assert all(p.stat().st_size < 2_000_000 for p in site.outdir.rglob("*.html"))


@pytest.mark.parametrize("how", ["http", "file"])
def test_the_az_bar_opens_a_letter_page_and_its_previews_work(context, site, how):
    # A stored mode, as a reader's: pydata-sphinx-theme complains without one.
    page, log = open_page(
        context, site.origin if how == "http" else "file://", theme="auto"
    )
    page.goto(_url(site, "glossary.html", how))
    letter = page.locator(f"{MAIN} p.sg-az a").nth(2)
    name = letter.text_content()
    letter.click()
    page.wait_for_url(re.compile(rf"glossary/{name.lower()}\.html$"))
    path = f"glossary/{name.lower()}.html"
    assert page.locator(f"{MAIN} dl.glossary > dt").count() > 10
    # A link to an entry of this page (read from the page) and one to an
    # entry of another letter (from the page's data script).
    here = page.locator(f'{MAIN} dl.glossary a.sg-autolink-link[href^="#"]').first
    _hover_and_check(page, site, path, here)
    there = page.locator(
        f'{MAIN} dl.glossary a.sg-autolink-link:not([href^="#"])'
    ).first
    _hover_and_check(page, site, path, there)
    assert _problems(log, how) == []
    page.close()


# -- previews and search -----------------------------------------------------------


@pytest.mark.parametrize("how", ["http", "file"])
def test_previews_of_a_prose_page(context, site, how):
    # A stored mode, as a reader's: pydata-sphinx-theme complains without one.
    page, log = open_page(
        context, site.origin if how == "http" else "file://", theme="auto"
    )
    page.goto(_url(site, "prose001.html", how))
    links = page.locator(f"{MAIN} a.sg-autolink-link")
    assert links.count() >= 3
    for n in (0, links.count() // 2, links.count() - 1):
        _hover_and_check(page, site, "prose001.html", links.nth(n))
    assert _problems(log, how) == []
    page.close()


@pytest.mark.parametrize("how", ["http", "file"])
def test_search_answers_with_the_entry_and_its_first_sentence(context, site, how):
    term = generate.vocabulary(ENTRIES)[ENTRIES // 3].name
    # A stored mode, as a reader's: pydata-sphinx-theme complains without one.
    page, log = open_page(
        context, site.origin if how == "http" else "file://", theme="auto"
    )
    page.goto(f"{_url(site, 'search.html', how)}?q={quote(term)}")
    expect(page.locator("#search-results p.search-summary")).to_have_text(
        re.compile(r"\S")
    )
    expect(page.locator("#search-results li[aria-busy]")).to_have_count(0)
    first = page.locator("#search-results ul.search > li").first
    link = first.locator("a").first
    expect(link).to_have_text(term)
    href = link.get_attribute("href")
    assert re.fullmatch(r"glossary/[a-z]+(-\d+)?\.html#term-.+", href), href
    want = _entry(site, "search.html", href)
    assert want.term == term
    expect(first.locator(".sg-search-summary")).to_have_text(
        first_sentence(want.text).strip()
    )
    link.click()
    page.wait_for_url(re.compile(re.escape(href.split("#")[0]) + "#"))
    expect(page.locator(f"dt#{href.split('#')[1]}")).to_be_in_viewport()
    assert _problems(log, how) == []
    page.close()
