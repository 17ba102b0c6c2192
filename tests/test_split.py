"""seed_glossary_split = "letter": a page per letter, and edits stay local."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp


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
