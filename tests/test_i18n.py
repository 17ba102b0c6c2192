"""Translated manuals: gettext extraction, translated glossaries, our own labels."""

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

PACKAGE = Path(seed_glossary.__file__).parent
LOCALES = PACKAGE / "locales"
CATALOG = "seed_glossary"


def _build(srcdir: Path, builder: str = "html", **conf) -> SphinxTestApp:
    app = SphinxTestApp(builder, srcdir=srcdir, confoverrides=conf)
    try:
        app.build()
    finally:
        app.cleanup()  # also forgets the translators of this language
    return app


def _warnings(app: SphinxTestApp) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if line.strip()]


def _copy(rootdir: Path, name: str, tmp_path: Path) -> Path:
    srcdir = tmp_path / name
    shutil.copytree(rootdir / f"test-{name}", srcdir)
    return srcdir


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _translate(srcdir: Path, docname: str, translations: dict[str, str]) -> None:
    """Extract *docname*'s messages with ``-b gettext``, translate some, compile.

    The layout of sphinx-intl: ``locales/de/LC_MESSAGES/<docname>.po`` and
    ``.mo``. Every key of *translations* must be a message of the page.
    """
    app = _build(srcdir, "gettext")
    with (app.outdir / f"{docname}.pot").open("rb") as pot:
        catalog = read_po(pot)
    # The gettext environment does not suit other builders: start afresh.
    shutil.rmtree(app.outdir.parent)
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


def test_german_build_shows_german_labels(rootdir, tmp_path):
    app = _build(_copy(rootdir, "basic", tmp_path), language="de")
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


def test_english_build_keeps_english_labels(rootdir, tmp_path):
    # After a German build in the same process: translators are per build.
    _build(_copy(rootdir, "basic", tmp_path / "de"), language="de")
    app = _build(_copy(rootdir, "basic", tmp_path / "en"))
    soup = _soup(app.outdir / "glossary.html")
    assert soup.select_one("p.sg-see em").get_text() == "See"
    assert "Referenced from:" in soup.get_text()


# -- translated glossaries ------------------------------------------------------------

PERMEABILITY = "How easily something passes through a barrier."
GERMAN = "Wie leicht etwas eine Barriere passiert, etwa eine SCFA."


def test_translated_entry_keeps_its_links(rootdir, tmp_path):
    srcdir = _copy(rootdir, "autolink", tmp_path)
    _translate(
        srcdir,
        "glossary",
        {"Permeability": "Durchlässigkeit", PERMEABILITY: GERMAN, "Origin": "Herkunft"},
    )
    app = _build(srcdir, language="de")
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


def test_translated_curated_text_on_a_rest_page_keeps_its_term_link(rootdir, tmp_path):
    """A curated seed is MyST, also on a reStructuredText page.

    Its message is MyST source, so its translation is MyST too; Sphinx parses
    translations with the page's parser (reST here), which drops the
    ``{term}`` link and warns "inconsistent term references".
    """
    srcdir = _copy(rootdir, "basic", tmp_path)
    english = "A *protein* that loosens the tight junctions; see {term}`leaky gut`."
    german = "Ein *Eiweiß*, das die Tight Junctions lockert; siehe {term}`leaky gut`."
    _translate(srcdir, "glossary", {english: german})
    app = _build(srcdir, language="de")
    assert _warnings(app) == []
    zonulin = _soup(app.outdir / "glossary.html").find("dt", id="term-Zonulin")
    text = zonulin.find_next_sibling("dd").find("p")
    assert text.get_text() == (
        "Ein Eiweiß, das die Tight Junctions lockert; siehe leaky gut."
    )
    assert text.find("em").get_text() == "Eiweiß"
    assert text.find("a")["href"] == "#term-leaky-gut"


def test_translated_scraped_text_stays_text(rootdir, tmp_path):
    """Scraped seed text is never markup; neither is its translation."""
    srcdir = _copy(rootdir, "basic", tmp_path)
    message = next(
        m
        for m in _pot_messages(srcdir, "glossary")
        if m.startswith("The term is a compound of")
    )
    _translate(srcdir, "glossary", {message: "Aus *gut* und `permeability`: 2 * 3."})
    app = _build(srcdir, language="de")
    assert _warnings(app) == []
    html = (app.outdir / "glossary.html").read_text(encoding="utf-8")
    assert (
        "Aus *gut* und `permeability`: 2 * 3."
        in _soup(app.outdir / "glossary.html").get_text()
    )
    assert "<em>gut</em>" not in html


def _pot_messages(srcdir: Path, docname: str) -> list[str]:
    app = _build(srcdir, "gettext")
    with (app.outdir / f"{docname}.pot").open("rb") as pot:
        messages = [m.id for m in read_po(pot) if m.id]
    shutil.rmtree(app.outdir.parent)
    return messages
