"""seed_glossary_split = "letter": a page per letter, and edits stay local.

The split writes its letter pages into the source folder: every build here
works in a copy of its root (``srcdir=``).
"""

from __future__ import annotations

import os
import re
import shutil

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from seed_glossary.domain import get_domain

from .helpers import index_names, page_previews


def _status(app: SphinxTestApp) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())


def _read(app: SphinxTestApp) -> tuple[int, int, int]:
    match = re.search(r"(\d+) added, (\d+) changed, (\d+) removed", _status(app))
    assert match, _status(app)
    return tuple(int(n) for n in match.groups())


def _reread_docs(app: SphinxTestApp) -> set[str]:
    return set(re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", _status(app)))


def _later(path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def _again(make_app, app: SphinxTestApp) -> SphinxTestApp:
    """A new application on the same sources and build folder, built."""
    # One application at a time: Sphinx registers nodes and directives
    # process-wide, and a second one set up beside the first warns about them.
    app.cleanup()
    again = make_app(app.builder.name, srcdir=app.srcdir)
    again.build()
    return again


@pytest.mark.sphinx("html", testroot="split", srcdir="split-pages")
def test_one_page_per_letter_and_an_index(app):
    app.build()
    srcdir = app.srcdir
    assert app.warning.getvalue() == ""
    pages = sorted(p.stem for p in (srcdir / "letters").glob("*.rst"))
    assert pages == ["g", "i", "l", "m", "z"]
    index = BeautifulSoup((app.outdir / "glossary.html").read_text(), "html.parser")
    bar = index.select_one("p.sg-az")
    assert {a.get_text(): a["href"] for a in bar.select("a")} == {
        letter.upper(): f"letters/{letter}.html" for letter in pages
    }
    assert index.select_one("dl.glossary") is None
    letter = BeautifulSoup(
        (app.outdir / "letters" / "l.html").read_text(), "html.parser"
    )
    assert [dt["id"] for dt in letter.select("dl.glossary > dt")] == ["term-leaky-gut"]
    see = [a["href"] for a in letter.select(".sg-see a")]
    assert see == [
        "g.html#term-Gut-permeability",
        "i.html#term-Intestinal-permeability",
    ]
    page = BeautifulSoup((app.outdir / "page.html").read_text(), "html.parser")
    hrefs = [a["href"] for a in page.select("a.reference.internal")]
    assert "letters/z.html#term-Zonulin" in hrefs
    assert "letters/m.html#term-Mucus-layer" in hrefs


@pytest.mark.sphinx("html", testroot="split", srcdir="split-edit")
def test_unchanged_tree_reads_nothing_and_an_edit_reads_its_letter(app, make_app):
    app.build()
    assert _read(_again(make_app, app)) == (0, 0, 0)

    seed = app.srcdir / "seeds" / "zonulin.md"
    seed.write_text(seed.read_text().replace("A *protein*", "A *peptide*"))
    _later(seed)
    app = _again(make_app, app)
    # The index (it holds the seed report) and the Z page, nothing else.
    assert _reread_docs(app) == {"glossary", "letters/z"}
    assert "peptide" in (app.outdir / "letters" / "z.html").read_text()


@pytest.mark.sphinx("html", testroot="split", srcdir="split-move")
def test_an_edit_that_moves_a_term_to_another_letter(app, make_app):
    app.build()
    srcdir = app.srcdir
    seed = srcdir / "seeds" / "zonulin.md"
    seed.write_text(seed.read_text().replace("term: Zonulin", "term: Barrier protein"))
    _later(seed)
    app = _again(make_app, app)
    assert not (srcdir / "letters" / "z.rst").exists()
    assert (srcdir / "letters" / "b.rst").exists()
    added, _changed, removed = _read(app)
    assert (added, removed) == (1, 1)
    assert "letters/b" in _reread_docs(app)
    assert (
        'id="term-Barrier-protein"' in (app.outdir / "letters" / "b.html").read_text()
    )


@pytest.mark.sphinx("html", testroot="split", srcdir="split-own-file")
def test_an_authors_own_file_is_never_replaced(make_app, app_params):
    # The author's page must be there before the application starts: the
    # letter pages are written at builder-inited.
    srcdir = app_params.kwargs["srcdir"]
    (srcdir / "letters").mkdir()
    mine = srcdir / "letters" / "z.rst"
    mine.write_text("Mine\n====\n\nMy own page.\n")
    app = make_app(*app_params.args, **app_params.kwargs)
    app.build()
    assert mine.read_text() == "Mine\n====\n\nMy own page.\n"
    warning = app.warning.getvalue()
    assert f"{mine}:" in warning and "[seed_glossary.split]" in warning


# test-basic: its glossary is on one page unless told otherwise.


@pytest.mark.sphinx("html", testroot="basic", srcdir="split-auto-small")
def test_auto_keeps_a_small_glossary_on_one_page(app):
    app.build()
    assert app.warning.getvalue() == ""
    assert not (app.srcdir / "glossary").exists()
    page = BeautifulSoup((app.outdir / "glossary.html").read_text(), "html.parser")
    assert len(page.select("dl.glossary > dt")) == 7


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    srcdir="split-auto-large",
    confoverrides={"seed_glossary_split_max_bytes": 1500},
)
def test_auto_splits_past_the_size_and_everything_follows(app):
    """Past seed_glossary_split_max_bytes, links, previews, search and the
    Referenced from lines go to the letter pages."""
    app.build()
    srcdir = app.srcdir
    assert app.warning.getvalue() == ""
    pages = sorted(p.stem for p in (srcdir / "glossary").glob("*.rst"))
    assert pages == ["g", "i", "l", "m", "z"]
    index = BeautifulSoup((app.outdir / "glossary.html").read_text(), "html.parser")
    assert index.select_one("dl.glossary") is None
    page = BeautifulSoup((app.outdir / "page.html").read_text(), "html.parser")
    hrefs = {a["href"] for a in page.select("a.reference.internal")}
    assert "glossary/z.html#term-Zonulin" in hrefs
    assert set(page_previews(app, "page")) <= {
        "glossary/" + href.removeprefix("glossary/") for href in hrefs
    }
    assert "glossary/z.html#term-Zonulin" in page_previews(app, "page")
    names = index_names(app)
    assert names["Zonulin"] == "glossary/z.html#term-Zonulin"
    assert names["intestinal mucus"] == "glossary/m.html#term-intestinal-mucus"
    zonulin = BeautifulSoup(
        (app.outdir / "glossary" / "z.html").read_text(), "html.parser"
    )
    backlinks = zonulin.select_one("dd .sg-backlinks")
    assert {"../page.html", "i.html#term-Intestinal-permeability"} <= {
        a["href"] for a in backlinks.select("a")
    }
    # The L page links entries of other letters (See, Referenced from):
    # their previews are its data.
    assert set(page_previews(app, "glossary/l")) == {
        "glossary/g.html#term-Gut-permeability",
        "glossary/i.html#term-Intestinal-permeability",
        "glossary/z.html#term-Zonulin",
    }


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    srcdir="split-none",
    confoverrides={"seed_glossary_split": None, "seed_glossary_split_max_bytes": 1500},
)
def test_none_keeps_one_page_past_the_size(app):
    app.build()
    assert app.warning.getvalue() == ""
    assert not (app.srcdir / "glossary").exists()
    page = BeautifulSoup((app.outdir / "glossary.html").read_text(), "html.parser")
    assert len(page.select("dl.glossary > dt")) == 7


#: The headwords of test-split-parts: five A words, long enough for three parts.
PARTS_WORDS = ("Alpha", "Amber", "Apex", "Aster", "Azure*_|x|` :raw:`y`", "Beta")


@pytest.mark.sphinx("html", testroot="split-parts", srcdir="split-parts")
def test_a_letter_too_large_for_a_page_gets_parts(app):
    app.build()
    srcdir = app.srcdir
    assert app.warning.getvalue() == ""
    pages = sorted(p.stem for p in (srcdir / "glossary").glob("*.rst"))
    assert pages == ["a", "a-2", "a-3", "b"]
    shown = {}
    for page in pages:
        soup = BeautifulSoup(
            (app.outdir / "glossary" / f"{page}.html").read_text(), "html.parser"
        )
        shown[page] = [dt.get_text().rstrip("¶") for dt in soup.select("dl > dt")]
        size = (app.outdir / "glossary" / f"{page}.html").stat().st_size
        assert size < 2000 + 12_000  # the theme's own part is not counted
        if page != "b":
            parts = [a.get_text() for a in soup.select("p.sg-az-parts a")]
            assert len(parts) == 2
    assert [w for page in pages for w in shown[page]] == list(PARTS_WORDS)
    assert all(1 <= len(terms) <= 2 for terms in shown.values())
    title = BeautifulSoup(
        (app.outdir / "glossary" / "a-3.html").read_text(), "html.parser"
    ).select_one("h1")
    # A term in a title is text, never markup.
    assert title.get_text().rstrip("¶") == "A: Azure*_|x|` :raw:`y`"
    title = BeautifulSoup(
        (app.outdir / "glossary" / "a-2.html").read_text(), "html.parser"
    ).select_one("h1")
    assert title.get_text().rstrip("¶") == "A: Apex – Aster"
    index = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    assert "glossary/a-2.html#term-Aster" in {a["href"] for a in index.select("a")}


@pytest.mark.sphinx("html", testroot="split", srcdir="split-two-apps")
def test_two_applications_in_one_process_read_the_seed_folder_each(
    make_app, app_params, tmp_path
):
    """The folder read by one application is not another's, even when the
    files look unchanged (same size, same time)."""
    args, kwargs = app_params
    first = make_app(*args, **{**kwargs, "builddir": tmp_path / "first"})
    seed = kwargs["srcdir"] / "seeds" / "zonulin.md"
    before = seed.stat()
    seed.write_text(seed.read_text().replace("A *protein*", "A *peptide*"))
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert seed.stat().st_size == before.st_size
    second = make_app(*args, **{**kwargs, "builddir": tmp_path / "second"})

    # Each application read the folder at builder-inited (to write the pages).
    ones = get_domain(first.env).seed_folder
    twos = get_domain(second.env).seed_folder
    assert ones is not None and twos is not None and ones is not twos

    def zonulin(folder) -> str:
        (entry,) = [e for e in folder.entries if e.term == "Zonulin"]
        return entry.definition

    assert "protein" in zonulin(ones)
    assert "peptide" in zonulin(twos)
    second.build()
    assert "peptide" in (second.outdir / "letters" / "z.html").read_text()


@pytest.mark.sphinx("html", testroot="split", srcdir="split-serial")
def test_parallel_build_of_a_split_glossary_gives_the_same_pages(
    app, make_app, rootdir, tmp_path
):
    """``-j 2``: the readers Sphinx forks read the letter pages from the folder
    that the build read before them; the pages are those of a serial build."""
    app.build()
    app.cleanup()  # one application at a time
    srcdir = shutil.copytree(rootdir / "test-split", tmp_path / "parallel")
    parallel = make_app("html", srcdir=srcdir, parallel=2)
    parallel.build()
    assert parallel.warning.getvalue() == ""
    letters = sorted(p.name for p in (app.outdir / "letters").glob("*.html"))
    assert letters == ["g.html", "i.html", "l.html", "m.html", "z.html"]
    for page in ("glossary.html", "page.html", *(f"letters/{n}" for n in letters)):
        assert (app.outdir / page).read_text() == (
            parallel.outdir / page
        ).read_text(), page
