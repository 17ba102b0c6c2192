"""Translated manuals: gettext extraction, translated glossaries, our own labels.

A translated build takes two: ``-b gettext`` (shared by the tests of one
root) for the messages, then the translated HTML build of a copy of the root
with its catalogs.
"""

from __future__ import annotations

import gettext
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

import seed_glossary

from .helpers import shared_build

PACKAGE = Path(seed_glossary.__file__).parent
LOCALES = PACKAGE / "locales"
CATALOG = "seed_glossary"


#: test-basic in German, and its messages (``-b gettext``), each built once.
GERMAN_BASIC = shared_build(
    "i18n-basic-de", testroot="basic", confoverrides={"language": "de"}
)
GETTEXT_BASIC = shared_build("i18n-basic-gettext", "gettext", testroot="basic")
GETTEXT_AUTOLINK = shared_build("i18n-autolink-gettext", "gettext", testroot="autolink")


def _warnings(app: SphinxTestApp) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if line.strip()]


def _copy(rootdir: Path, name: str, tmp_path: Path) -> Path:
    srcdir = tmp_path / name
    shutil.copytree(rootdir / f"test-{name}", srcdir)
    return srcdir


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _translated(
    gettext_app: SphinxTestApp,
    make_app,
    tmp_path: Path,
    docname: str,
    translations: dict[str, str],
) -> SphinxTestApp:
    """The German build of a copy of *gettext_app*'s root, *docname* translated.

    *gettext_app* is the root's ``-b gettext`` build: its messages of
    *docname* are translated (every key of *translations* must be one) and
    compiled in the layout of sphinx-intl,
    ``locales/de/LC_MESSAGES/<docname>.po`` and ``.mo``.
    """
    gettext_app.build()
    with (gettext_app.outdir / f"{docname}.pot").open("rb") as pot:
        catalog = read_po(pot)
    gettext_app.cleanup()  # one application at a time
    srcdir = shutil.copytree(
        gettext_app.srcdir, tmp_path / "src", ignore=shutil.ignore_patterns("_build")
    )
    catalog.locale = "de"
    ids = {m.id for m in catalog}
    missing = set(translations) - ids
    assert not missing, missing
    for message in catalog:
        if message.id in translations:
            message.string = translations[message.id]
    folder = srcdir / "locales" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / f"{docname}.po").open("wb") as po:
        write_po(po, catalog)
    with (folder / f"{docname}.mo").open("wb") as mo:
        write_mo(mo, catalog)
    app = make_app("html", srcdir=srcdir, confoverrides={"language": "de"})
    app.build()
    return app


# -- the extension's own labels -------------------------------------------------------


def _code_messages() -> set[str]:
    return {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(PACKAGE)
        if isinstance(message, str)
    }


def _catalog(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def test_template_lists_every_label_of_the_code():
    """``make locales`` after adding or changing a ``_()`` label."""
    code = _code_messages()
    assert {"See", "Referenced from:"} <= code
    template = {m.id for m in _catalog(LOCALES / f"{CATALOG}.pot") if m.id}
    assert template == code


@pytest.mark.parametrize(
    "po",
    sorted(LOCALES.glob(f"*/LC_MESSAGES/{CATALOG}.po")),
    ids=lambda p: p.parts[-3],
)
def test_each_translation_is_complete_and_compiled(po: Path):
    catalog = _catalog(po)
    code = _code_messages()
    translated = {m.id: m.string for m in catalog if m.id and m.string}
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not fuzzy
    assert set(translated) >= code, code - set(translated)
    # The shipped .mo is this .po, compiled.
    with po.with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for msgid, msgstr in translated.items():
        assert compiled.gettext(msgid) == msgstr


def test_there_is_a_german_catalog():
    assert (LOCALES / "de" / "LC_MESSAGES" / f"{CATALOG}.mo").is_file()


@GERMAN_BASIC
def test_german_build_shows_german_labels(app):
    app.build()
    assert _warnings(app) == []
    soup = _soup(app.outdir / "glossary.html")
    see = soup.select_one("dl.sg-glossary p.sg-see em")
    assert see is not None and see.get_text() == "Siehe"
    backlinks = soup.select("dl.sg-glossary p.sg-backlinks em")
    assert backlinks and {em.get_text() for em in backlinks} == {"Referenziert von:"}
    # "See also" is Sphinx's own label (its seealso node), translated by Sphinx.
    assert "Siehe auch" in soup.get_text()
    assert "Referenced from" not in soup.get_text()
    # The names screen readers give the A–Z bar and its return link.
    script = soup.select_one('script[src^="_static/seed_glossary.js"]')
    assert script is not None
    assert script["data-sg-az-label"] == "Buchstaben A bis Z"
    assert script["data-sg-az-return"] == "Zurück zu den Buchstaben A bis Z"


@GERMAN_BASIC
def test_english_build_keeps_english_labels(app, make_app, rootdir, tmp_path):
    # After a German application in the same process: translators are per
    # build, and cleaning up the German one forgets them.
    app.build()
    assert app.config.language == "de"
    app.cleanup()
    app = make_app("html", srcdir=_copy(rootdir, "basic", tmp_path))
    app.build()
    soup = _soup(app.outdir / "glossary.html")
    assert soup.select_one("p.sg-see em").get_text() == "See"
    assert "Referenced from:" in soup.get_text()


# -- translated glossaries ------------------------------------------------------------

PERMEABILITY = "How easily something passes through a barrier."
GERMAN = "Wie leicht etwas eine Barriere passiert, etwa eine SCFA."


@GETTEXT_AUTOLINK
def test_translated_entry_keeps_its_links(app, make_app, tmp_path):
    app = _translated(
        app,
        make_app,
        tmp_path,
        "glossary",
        {"Permeability": "Durchlässigkeit", PERMEABILITY: GERMAN, "Origin": "Herkunft"},
    )
    assert _warnings(app) == []
    glossary = _soup(app.outdir / "glossary.html")

    # The term and its definition are translated; the anchor stays.
    term = glossary.find("dt", id="term-Permeability")
    assert term is not None and term.get_text().startswith("Durchlässigkeit")
    definition = term.find_next_sibling("dd")
    assert "Wie leicht etwas eine Barriere passiert" in definition.get_text()
    assert PERMEABILITY not in glossary.get_text()
    assert "Herkunft" in [r.get_text() for r in glossary.select("p.rubric")]

    # A name in the translated text still links itself, to an existing anchor.
    autolink = definition.select_one("a:has(.sg-autolink)")
    assert autolink is not None and autolink.get_text() == "SCFA"
    assert glossary.find(id=autolink["href"].lstrip("#")) is not None

    # :term: links and autolinks from other pages still reach the entry.
    prose = _soup(app.outdir / "prose.html")
    hrefs = {a["href"] for a in prose.select("a.reference.internal")}
    assert "glossary.html#term-Permeability" in hrefs
    assert "glossary.html#term-Butyrate" in hrefs
    ids = {e["id"] for e in glossary.select("[id]")}
    for href in hrefs:
        page, _, anchor = href.partition("#")
        if page == "glossary.html" and anchor:
            assert anchor in ids, href


@GETTEXT_BASIC
def test_translated_curated_text_on_a_rest_page_keeps_its_term_link(
    app, make_app, tmp_path
):
    """A curated seed is MyST, also on a reStructuredText page.

    Its message is MyST source, so its translation is MyST too; Sphinx parses
    translations with the page's parser (reST here), which drops the
    ``{term}`` link and warns "inconsistent term references".
    """
    english = "A *protein* that loosens the tight junctions; see {term}`leaky gut`."
    german = "Ein *Eiweiß*, das die Tight Junctions lockert; siehe {term}`leaky gut`."
    app = _translated(app, make_app, tmp_path, "glossary", {english: german})
    assert _warnings(app) == []
    zonulin = _soup(app.outdir / "glossary.html").find("dt", id="term-Zonulin")
    text = zonulin.find_next_sibling("dd").find("p")
    assert text.get_text() == (
        "Ein Eiweiß, das die Tight Junctions lockert; siehe leaky gut."
    )
    assert text.find("em").get_text() == "Eiweiß"
    assert text.find("a")["href"] == "#term-leaky-gut"


@GETTEXT_BASIC
def test_translated_scraped_text_stays_text(app, make_app, tmp_path):
    """Scraped seed text is never markup; neither is its translation."""
    app.build()
    message = next(
        m
        for m in _pot_messages(app, "glossary")
        if m.startswith("The term is a compound of")
    )
    translation = {message: "Aus *gut* und `permeability`: 2 * 3."}
    app = _translated(app, make_app, tmp_path, "glossary", translation)
    assert _warnings(app) == []
    html = (app.outdir / "glossary.html").read_text(encoding="utf-8")
    assert (
        "Aus *gut* und `permeability`: 2 * 3."
        in _soup(app.outdir / "glossary.html").get_text()
    )
    assert "<em>gut</em>" not in html


def _pot_messages(app: SphinxTestApp, docname: str) -> list[str]:
    """The messages of *docname* in a ``-b gettext`` build."""
    with (app.outdir / f"{docname}.pot").open("rb") as pot:
        return [m.id for m in read_po(pot) if m.id]
