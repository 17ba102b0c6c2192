"""Edit storms: reading does not depend on file order, and an incremental build
after any sequence of seed and page edits equals a clean build of the same tree.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from seed_glossary.ingest import read_seeds

from .conftest import PROJECT_SEEDS, SAMPLE_SEEDS, TESTS

ROOTS = TESTS / "roots"

# -- reading is independent of file order --------------------------------------


def _pool() -> dict[str, Path]:
    """Seeds of every kind, by unique file name: scraped pages sharing a site's
    boilerplate, curated entries, an override and its scraped seed, duplicates,
    broken front matter, injection."""
    pool: dict[str, Path] = {}
    folders = [
        SAMPLE_SEEDS,
        PROJECT_SEEDS,
        ROOTS / "test-basic" / "seeds",
        ROOTS / "test-problems" / "seeds",
        ROOTS / "test-injection" / "seeds",
        ROOTS / "test-hostile" / "seeds",
    ]
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.suffix in (".txt", ".md") and path.name != "README.md":
                pool.setdefault(path.name, path)
    return pool


POOL = _pool()


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    names=st.lists(st.sampled_from(sorted(POOL)), min_size=1, max_size=10, unique=True),
    data=st.data(),
)
def test_reading_is_independent_of_file_order(tmp_path_factory, names, data):
    folder = tmp_path_factory.mktemp("order")
    for name in names:
        shutil.copyfile(POOL[name], folder / name)
    paths = sorted(folder / name for name in names)
    shuffled = data.draw(st.permutations(paths), label="order")
    entries = read_seeds(paths)
    # One entry per file, in path order, whatever order they were given in.
    assert [e.file for e in entries] == [str(p) for p in paths]
    assert read_seeds(shuffled) == entries
    assert read_seeds([str(p) for p in reversed(shuffled)]) == entries


# -- incremental equals clean ------------------------------------------------------

TERMS = [
    "Occludin",
    "Claudin",
    "Zonulin",
    "leaky gut",
    "Mucus layer",
    "Butyrate",
    "Tight junction",
]

_add = st.tuples(
    st.just("add"),
    st.sampled_from([".md", ".txt"]),
    st.sampled_from(TERMS),
    st.sampled_from(TERMS),
)
_edit = st.tuples(
    st.just("edit"), st.integers(0, 30), st.sampled_from(TERMS), st.sampled_from(TERMS)
)
_rename = st.tuples(st.just("rename"), st.integers(0, 30))
_delete = st.tuples(st.just("delete"), st.integers(0, 30))
_prose = st.tuples(
    st.just("prose"),
    st.lists(st.sampled_from(TERMS), max_size=3),
    st.sampled_from(TERMS),
)
STEP = st.one_of(_add, _edit, _rename, _delete, _prose)


def _seed_text(suffix: str, term: str, other: str, serial: int) -> str:
    if suffix == ".md":
        return (
            f"---\nterm: {term}\n---\n\n"
            f"Curated entry {serial} about {term}; see {{term}}`{other}`.\n"
        )
    return f"{term} is a thing of test {serial}, often named with {other}.\n"


def _prose_text(links: list[str], mention: str, serial: int) -> str:
    linked = ", ".join(f"{{term}}`{name}`" for name in links) or "no links"
    return (
        f"# A MyST page\n\nVersion {serial} links {linked}.\n\n"
        f"It also mentions {mention} in plain words.\n"
    )


def _write(path: Path, text: str) -> None:
    """Write and stamp a modification time after the last build's read time."""
    path.write_text(text, encoding="utf-8")
    now = time.time_ns()
    os.utime(path, ns=(now, now))


def _apply(srcdir: Path, step: tuple, serial: int) -> None:
    seeds_dir = srcdir / "seeds"
    seeds = sorted(p for p in seeds_dir.iterdir() if p.suffix in (".md", ".txt"))
    kind = step[0]
    if kind == "add":
        _, suffix, term, other = step
        _write(
            seeds_dir / f"new{serial}{suffix}", _seed_text(suffix, term, other, serial)
        )
    elif kind == "prose":
        _, links, mention = step
        _write(srcdir / "page.md", _prose_text(links, mention, serial))
    elif seeds:
        seed = seeds[step[1] % len(seeds)]
        if kind == "edit":
            _write(seed, _seed_text(seed.suffix, step[2], step[3], serial))
        elif kind == "rename":
            # The content, and so the mtime, stays: only the listing changes.
            seed.rename(seeds_dir / f"renamed{serial}{seed.suffix}")
        else:
            seed.unlink()


def _build(srcdir: Path, builddir: Path, autolink: str) -> Path:
    # Not the app fixture: Hypothesis runs many examples of two builds a step
    # in one test function, each in a tree of its own; each application is
    # cleaned up at once, not kept until the test ends as make_app's are.
    app = SphinxTestApp(
        "html",
        srcdir=srcdir,
        builddir=builddir,
        confoverrides={"seed_glossary_autolink": autolink},
    )
    try:
        app.build()
    finally:
        app.cleanup()
    status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    assert "build succeeded" in status
    return app.outdir


def _observed(outdir: Path, pages: dict[str, str]) -> dict[str, str]:
    """The HTML of *pages* (page -> CSS selector of the part compared)."""
    out = {}
    for page, selector in pages.items():
        soup = BeautifulSoup((outdir / page).read_text(encoding="utf-8"), "html.parser")
        out[page] = str(soup.select_one(selector))
    return out


def _storm(work: Path, steps: list[tuple], autolink: str, pages: dict[str, str]):
    """Apply *steps* to a copy of test-basic; after each, compare *pages* of the
    incremental build with those of a clean build of the same tree."""
    srcdir = work / "src"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    incremental = work / "incremental"
    _build(srcdir, incremental, autolink)
    for serial, step in enumerate(steps, 1):
        _apply(srcdir, step, serial)
        got = _observed(_build(srcdir, incremental, autolink), pages)
        want = _observed(_build(srcdir, work / f"clean{serial}", autolink), pages)
        for page in pages:
            assert got[page] == want[page], (page, autolink, steps[:serial])


# Every example builds Sphinx twice a step: few examples, and no shrinking (the
# failure message lists the steps).
STORM = settings(
    max_examples=10,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


#: What each step compares (page -> CSS selector of the part compared): the
#: glossary, the index page, and page.md, a prose page that links terms.
PAGES = {
    "glossary.html": "dl.glossary",
    "index.html": "div.body",
    "page.html": "div.body",
}


# Each storm checks the three pages after every step: an entry's edit changes
# the glossary, and the links that follow it on the other pages. Seed
# 002_119c4b236e066700.txt (sorted index 1) defines "Intestinal
# permeability", which page.md links with {term}.
@STORM
@example(steps=[("delete", 1)], autolink="glossary")
@given(
    steps=st.lists(STEP, min_size=1, max_size=6),
    autolink=st.sampled_from(["glossary", "all"]),
)
def test_incremental_build_equals_clean_build(tmp_path_factory, steps, autolink):
    _storm(tmp_path_factory.mktemp("storm"), steps, autolink, PAGES)
