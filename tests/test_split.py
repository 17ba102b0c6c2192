"""seed_glossary_split = "letter": a page per letter, and edits stay local."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from .helpers import index_names, page_previews


def _build(srcdir: Path, **kwargs) -> SphinxTestApp:
    app = SphinxTestApp("html", srcdir=srcdir, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def _status(app: SphinxTestApp) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())


def _read(app: SphinxTestApp) -> tuple[int, int, int]:
    match = re.search(r"(\d+) added, (\d+) changed, (\d+) removed", _status(app))
    assert match, _status(app)
    return tuple(int(n) for n in match.groups())


def _reread_docs(app: SphinxTestApp) -> set[str]:
    return set(re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", _status(app)))


def _later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def _copy(rootdir: Path, tmp_path: Path) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-split", srcdir)
    return srcdir


def test_one_page_per_letter_and_an_index(rootdir, tmp_path):
    srcdir = _copy(rootdir, tmp_path)
    app = _build(srcdir)
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


def test_unchanged_tree_reads_nothing_and_an_edit_reads_its_letter(rootdir, tmp_path):
    srcdir = _copy(rootdir, tmp_path)
    _build(srcdir)
    assert _read(_build(srcdir)) == (0, 0, 0)

    seed = srcdir / "seeds" / "zonulin.md"
    seed.write_text(seed.read_text().replace("A *protein*", "A *peptide*"))
    _later(seed)
    app = _build(srcdir)
    # The index (it holds the seed report) and the Z page, nothing else.
    assert _reread_docs(app) == {"glossary", "letters/z"}
    assert "peptide" in (app.outdir / "letters" / "z.html").read_text()


def test_an_edit_that_moves_a_term_to_another_letter(rootdir, tmp_path):
    srcdir = _copy(rootdir, tmp_path)
    _build(srcdir)
    seed = srcdir / "seeds" / "zonulin.md"
    seed.write_text(seed.read_text().replace("term: Zonulin", "term: Barrier protein"))
    _later(seed)
    app = _build(srcdir)
    assert not (srcdir / "letters" / "z.rst").exists()
    assert (srcdir / "letters" / "b.rst").exists()
    added, _changed, removed = _read(app)
    assert (added, removed) == (1, 1)
    assert "letters/b" in _reread_docs(app)
    assert (
        'id="term-Barrier-protein"' in (app.outdir / "letters" / "b.html").read_text()
    )


def test_an_authors_own_file_is_never_replaced(rootdir, tmp_path):
    srcdir = _copy(rootdir, tmp_path)
    (srcdir / "letters").mkdir()
    mine = srcdir / "letters" / "z.rst"
    mine.write_text("Mine\n====\n\nMy own page.\n")
    app = _build(srcdir)
    assert mine.read_text() == "Mine\n====\n\nMy own page.\n"
    warning = app.warning.getvalue()
    assert f"{mine}:" in warning and "[seed_glossary.split]" in warning


def _auto(rootdir: Path, tmp_path: Path, **conf) -> Path:
    """test-basic with its conf.py extended (its glossary is not split there)."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", srcdir)
    with (srcdir / "conf.py").open("a") as out:
        for name, value in conf.items():
            out.write(f"{name} = {value!r}\n")
    return srcdir


def test_auto_keeps_a_small_glossary_on_one_page(rootdir, tmp_path):
    app = _build(_auto(rootdir, tmp_path))
    assert app.warning.getvalue() == ""
    assert not (app.srcdir / "glossary").exists()
    page = BeautifulSoup((app.outdir / "glossary.html").read_text(), "html.parser")
    assert len(page.select("dl.glossary > dt")) == 7


def test_auto_splits_past_the_size_and_everything_follows(rootdir, tmp_path):
    """Past seed_glossary_split_max_bytes, links, previews, search and the
    Referenced from lines go to the letter pages."""
    srcdir = _auto(rootdir, tmp_path, seed_glossary_split_max_bytes=1500)
    app = _build(srcdir)
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


def test_none_keeps_one_page_past_the_size(rootdir, tmp_path):
    srcdir = _auto(
        rootdir, tmp_path, seed_glossary_split=None, seed_glossary_split_max_bytes=1500
    )
    app = _build(srcdir)
    assert app.warning.getvalue() == ""
    assert not (srcdir / "glossary").exists()
    page = BeautifulSoup((app.outdir / "glossary.html").read_text(), "html.parser")
    assert len(page.select("dl.glossary > dt")) == 7


def test_a_letter_too_large_for_a_page_gets_parts(tmp_path):
    srcdir = tmp_path / "src"
    seeds = srcdir / "seeds"
    seeds.mkdir(parents=True)
    words = ("Alpha", "Amber", "Apex", "Aster", "Azure*_|x|` :raw:`y`", "Beta")
    for number, word in enumerate(words):
        (seeds / f"{number}.md").write_text(
            f"---\nterm: {json.dumps(word)}\n---\n\nA word. " + "Filler text. " * 20
        )
    (srcdir / "conf.py").write_text(
        'extensions = ["seed_glossary"]\nseed_glossary_seeds = "seeds"\n'
        'exclude_patterns = ["_build", "seeds"]\n'
        "seed_glossary_split_max_bytes = 2000\n"
    )
    (srcdir / "index.rst").write_text(
        "Index\n=====\n\n.. toctree::\n\n   glossary\n\nSee :term:`Aster`.\n"
    )
    (srcdir / "glossary.rst").write_text("Glossary\n========\n\n.. seed-glossary::\n")
    app = _build(srcdir)
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
    assert [w for page in pages for w in shown[page]] == list(words)
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
