"""Every Sphinx builder: no warning, no unknown node, the glossary in the output.

Each small root is built once per builder: the tests of one (root, builder)
share its build (``shared_result``), and the tests that compare two builders
get the other one through :func:`built`, built only if no test did. The
checks read each builder's own output: HTML pages, the epub's XHTML, the
LaTeX source, plain text, the man page, Texinfo, docutils XML and gettext
catalogs.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

import seed_glossary
from seed_glossary.ingest.seed_report import REPORT_NAME

from .helpers import BASIC_ALIASES, BASIC_SECTIONS, BASIC_TERMS

BUILDERS = (
    "html",
    "dirhtml",
    "singlehtml",
    "epub",
    "latex",
    "text",
    "man",
    "texinfo",
    "xml",
    "gettext",
    "dummy",
)
#: Builders that write a folder of web pages: the only ones with our assets.
HTML_BUILDERS = ("html", "dirhtml", "singlehtml")
#: EPUB3 warns without a copyright and a version.
CONF = {"project": "Builders", "copyright": "2026, tests", "version": "1.0"}
#: Files the extension ships for HTML output (CSS, JS, ...), by name.
PACKAGE = Path(seed_glossary.__file__).parent
OUR_ASSETS = frozenset(
    {REPORT_NAME, "glossary.json"}
    | {p.name for p in (PACKAGE / "static").rglob("*") if p.is_file()}
)

#: Lines of the scraped seeds that are noise: never in any output.
NOISE = (
    "cookies",
    "Detailed Cookie Preferences",
    "Peptide Science is the precise language",
    "Gut Resilience is the precise language",
)

Build = Callable[[str, str], SphinxTestApp]


def _key(root: str, builder: str) -> str:
    """The folder, and ``shared_result`` key, of one (root, builder) build."""
    return f"builders-{root}-{builder}"


def _marks(root: str, builder: str) -> list[pytest.MarkDecorator]:
    return [
        pytest.mark.sphinx(builder, testroot=root, confoverrides=dict(CONF)),
        pytest.mark.test_params(shared_result=_key(root, builder)),
    ]


def each(roots: Sequence[str], builders: Sequence[str]) -> list:
    """Parameters ``(root, builder)``, each with the marks of its shared build."""
    return [
        pytest.param(root, builder, marks=_marks(root, builder), id=f"{root}-{builder}")
        for root in roots
        for builder in builders
    ]


def shared(root: str, builder: str):
    """Decorate a test of one (root, builder) build (its ``app`` fixture)."""

    def decorate(test):
        for mark in _marks(root, builder):
            test = mark(test)
        return test

    return decorate


def _warnings(app: SphinxTestApp) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture
def built(app: SphinxTestApp, make_app, sphinx_test_tempdir: Path, rootdir: Path):
    """``built(root, builder)``: the shared build of another builder.

    It is built here when no test of this module built it yet (the test's own
    ``app`` is built first, and under ``shared_result`` ``make_app`` skips
    building an output folder that has files).
    """
    app.build()
    # One application at a time: Sphinx registers nodes and directives
    # process-wide, and a second one set up beside the first warns about them.
    app.cleanup()

    def get(root: str, builder: str) -> SphinxTestApp:
        srcdir = sphinx_test_tempdir / _key(root, builder)
        if not srcdir.is_dir():
            shutil.copytree(rootdir / f"test-{root}", srcdir)
        other = make_app(
            builder,
            srcdir=srcdir,
            builddir=srcdir / "_build",
            confoverrides=dict(CONF),
        )
        other.build()
        other.cleanup()
        return other

    return get


# -- every builder builds -----------------------------------------------------------


@pytest.mark.parametrize(("root", "builder"), each(["basic", "autolink"], BUILDERS))
def test_every_builder_builds_without_warnings(app, root, builder):
    # An unknown node would raise NotImplementedError out of app.build().
    app.build()
    assert app.builder.name == builder
    assert _warnings(app) == []
    if builder != "dummy":
        assert any(app.outdir.iterdir())


# -- what each builder shows --------------------------------------------------------


def _html_text(path: Path) -> str:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text()


def _one(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    assert len(found) == 1, (pattern, found)
    return found[0]


def _glossary_output(app: SphinxTestApp, builder: str) -> str:
    """The text of the glossary page (or the whole book) as that builder wrote it."""
    out = app.outdir
    if builder == "html":
        return _html_text(out / "glossary.html")
    if builder == "dirhtml":
        return _html_text(out / "glossary" / "index.html")
    if builder == "singlehtml":
        return _html_text(out / "index.html")
    if builder == "epub":
        with zipfile.ZipFile(_one(out, "*.epub")) as book:
            return _html_text_bytes(book.read("glossary.xhtml"))
    if builder == "latex":
        tex = _one(out, "*.tex").read_text(encoding="utf-8")
        return tex.replace(r"\sphinxhyphen{}", "-")
    if builder == "text":
        return (out / "glossary.txt").read_text(encoding="utf-8")
    if builder == "man":
        return _one(out, "*.1").read_text(encoding="utf-8").replace("\\-", "-")
    if builder == "texinfo":
        return _one(out, "*.texi").read_text(encoding="utf-8")
    if builder == "xml":
        return (out / "glossary.xml").read_text(encoding="utf-8")
    raise AssertionError(builder)


def _html_text_bytes(data: bytes) -> str:
    return BeautifulSoup(data.decode("utf-8"), "html.parser").get_text()


def _flat(text: str) -> str:
    """Whitespace collapsed: the text builder wraps lines, TeX breaks them."""
    return re.sub(r"\s+", " ", text)


CONTENT_BUILDERS = [b for b in BUILDERS if b not in ("gettext", "dummy")]


@pytest.mark.parametrize(("root", "builder"), each(["basic"], CONTENT_BUILDERS))
def test_terms_aliases_sections_and_links_in_every_output(app, root, builder):
    app.build()
    text = _flat(_glossary_output(app, builder))
    for name in (*BASIC_TERMS, *BASIC_ALIASES, *BASIC_SECTIONS):
        assert name in text, (builder, name)
    # The "See also" title is Sphinx's (its seealso node; docutils 0.20 writes
    # "SEE ALSO" in man pages); XML keeps the node.
    assert ("<seealso" if builder == "xml" else "see also") in text.lower()
    assert "Referenced from:" in text
    # A definition, and a section paragraph, each from a different seed.
    assert "a physiological measure of the integrity of the tight" in text
    assert "two-stratum structure in the colon" in text
    for noise in NOISE:
        assert noise.lower() not in text.lower(), (builder, noise)


@shared("basic", "text")
def test_text_output_is_the_glossary_in_order(app):
    app.build()
    text = (app.outdir / "glossary.txt").read_text()
    headwords = [
        line for line in text.splitlines() if line in (*BASIC_TERMS, *BASIC_ALIASES)
    ]
    # Sorted as Sphinx sorts a glossary; an alias of the same entry follows it.
    assert headwords == [
        "Gut permeability",
        "Intestinal permeability",
        "leaky gut",
        "Mucus layer",
        "intestinal mucus",
        "Zonulin",
        "pre-haptoglobin 2",
    ]


@shared("basic", "gettext")
def test_gettext_extracts_the_entries_not_the_noise(app):
    app.build()
    pot = (app.outdir / "glossary.pot").read_text(encoding="utf-8")
    msgids = set(re.findall(r'^msgid "(.+)"$', pot, flags=re.MULTILINE))
    for name in (*BASIC_TERMS, *BASIC_ALIASES, *BASIC_SECTIONS):
        assert name in msgids, name
    assert any(m.startswith("A gel-like coating of heavily") for m in msgids)
    assert "Named after the *zonula occludens*." in msgids
    for noise in NOISE:
        assert noise.lower() not in pot.lower()
    # Our labels are translated through the extension's own catalog, not the
    # project's: they are not messages of the page.
    assert "Referenced from:" not in msgids
    assert "See" not in msgids


# -- our files only where they belong -----------------------------------------------


def _files(folder: Path) -> Iterator[str]:
    for path in folder.rglob("*"):
        if path.is_file():
            yield path.name


NOT_HTML = [b for b in BUILDERS if b not in (*HTML_BUILDERS, "epub")]


@pytest.mark.parametrize(("root", "builder"), each(["autolink"], NOT_HTML))
def test_no_report_or_html_asset_outside_html_output(app, root, builder):
    app.build()
    leaked = OUR_ASSETS.intersection(_files(app.outdir))
    assert not leaked, (builder, leaked)


@shared("autolink", "epub")
def test_epub_holds_our_styles_but_no_script_data_or_report(app):
    """The book may use our CSS; scripts, their data and the report stay out."""
    app.build()
    with zipfile.ZipFile(_one(app.outdir, "*.epub")) as book:
        names = {Path(n).name for n in book.namelist()}
        pages = [book.read(n).decode() for n in book.namelist() if n.endswith("html")]
    leaked = {n for n in OUR_ASSETS & names if not n.endswith(".css")}
    assert not leaked
    for css in OUR_ASSETS & names:
        assert any(css in page for page in pages), f"{css} is in the book, unused"


@pytest.mark.parametrize(("root", "builder"), each(["autolink"], HTML_BUILDERS))
def test_html_builders_write_the_report(app, root, builder):
    app.build()
    assert (app.outdir / REPORT_NAME).is_file()


@pytest.mark.sphinx(
    "epub", testroot="autolink", srcdir="builders-epub-again", confoverrides=dict(CONF)
)
def test_epub_rebuilt_in_place_still_has_no_warning(app, make_app):
    """A file of ours left in the epub folder makes Sphinx warn on the next build."""
    app.build(force_all=True)
    assert _warnings(app) == []
    app.cleanup()  # one application at a time (see `built`)
    again = make_app("epub", srcdir=app.srcdir, confoverrides=dict(CONF))
    again.build(force_all=True)
    assert _warnings(again) == []


# -- links resolve in every HTML flavour --------------------------------------------


def _pages(app: SphinxTestApp, builder: str) -> dict[Path, BeautifulSoup]:
    if builder == "epub":
        pattern = "*.xhtml"
    elif builder == "singlehtml":
        pattern = "index.html"
    else:
        pattern = "**/*.html"
    return {
        page: BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for page in sorted(app.outdir.glob(pattern))
        if not page.name.startswith(("genindex", "search"))
        and "genindex" not in page.parts
        and "search" not in page.parts
        and "_static" not in page.parts
    }


def _our_links(soup: BeautifulSoup) -> list:
    """Links the extension writes: in glossary entries, autolinks, backlinks."""
    links = soup.select("dl.sg-glossary a[href]")
    links += [a for a in soup.select("a[href]") if a.select_one(".sg-autolink")]
    links += soup.select(".sg-backlinks a[href]")
    return [a for a in dict.fromkeys(links) if "headerlink" not in a.get("class", [])]


def _target(page: Path, href: str, outdir: Path) -> tuple[Path, str]:
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc, href
    assert "#" not in parts.fragment, f"two fragments: {href}"
    if not parts.path:
        return page, unquote(parts.fragment)
    target = (page.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    assert target.is_relative_to(outdir.resolve()), href
    return target, unquote(parts.fragment)


@pytest.mark.parametrize(
    ("root", "builder"), each(["basic", "autolink"], (*HTML_BUILDERS, "epub"))
)
def test_every_link_we_write_reaches_an_anchor(app, root, builder):
    app.build()
    pages = _pages(app, builder)
    ids: dict[Path, set[str]] = {}
    checked = 0
    for page, soup in pages.items():
        for a in _our_links(soup):
            target, fragment = _target(page, a["href"], app.outdir)
            assert target.is_file(), (page.name, a["href"])
            if target not in ids:
                html = target.read_text(encoding="utf-8")
                ids[target] = {
                    e["id"] for e in BeautifulSoup(html, "html.parser").select("[id]")
                }
            if fragment:
                assert fragment in ids[target], (page.name, a["href"])
            checked += 1
    assert checked >= 5


def _autolinks(app: SphinxTestApp, builder: str) -> list[str]:
    return [
        a.get_text()
        for soup in _pages(app, builder).values()
        for a in soup.select(".sg-autolink")
    ]


@pytest.mark.parametrize(
    ("root", "builder"), each(["autolink"], ("dirhtml", "singlehtml", "epub"))
)
def test_same_autolinks_in_every_html_flavour(app, built: Build, root, builder):
    """singlehtml resolves all pages as one doctree: each page keeps its links."""
    html = _autolinks(built(root, "html"), "html")
    assert len(html) >= 9
    assert sorted(_autolinks(app, builder)) == sorted(html)


@shared("autolink", "html")
def test_merged_builders_keep_every_term_link(app, built: Build):
    """latex, texinfo and man merge the pages too: as many term links as HTML."""
    html = app
    links = sum(
        len(soup.select("a span.std-term")) for soup in _pages(html, "html").values()
    )
    autolinks = len(_autolinks(html, "html"))
    tex = _one(built("autolink", "latex").outdir, "*.tex").read_text()
    assert tex.count(r"\sphinxtermref{") == links
    # \DUrole{sg-autolink}, or \DUrole{xref,std,std-term,sg-autolink} (Sphinx 8.0)
    assert tex.count("sg-autolink}") == autolinks
    backlinks = sum(
        len(soup.select(".sg-backlinks")) for soup in _pages(html, "html").values()
    )
    for builder, pattern in (("texinfo", "*.texi"), ("man", "*.1")):
        out = _one(built("autolink", builder).outdir, pattern).read_text()
        assert out.count("Referenced from:") == backlinks, builder
    texi = _one(built("autolink", "texinfo").outdir, "*.texi").read_text()
    # Texinfo writes every resolved reference as @ref; autolinks are among them.
    assert texi.count("@ref{") >= links
