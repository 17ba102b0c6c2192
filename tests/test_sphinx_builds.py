"""Warnings, injection, incremental and parallel builds."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from .conftest import PROJECT_SEEDS
from .helpers import rebuild, shared_build

#: One build of test-problems, and one of test-injection, for the tests that
#: read them.
PROBLEMS = shared_build("sphinx-builds-problems", testroot="problems")
INJECTION = shared_build("sphinx-builds-injection", testroot="injection")


def _warnings(app: SphinxTestApp) -> list[str]:
    """Each warning as one string (a warning may span several lines)."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [
        w.strip() for w in re.split(r"\n(?=\S+: WARNING: )", text) if "WARNING" in w
    ]


# -- problems become located, typed warnings, and the build goes on -------------


@PROBLEMS
def test_problems_are_warnings_with_file_line_and_subtype(app):
    app.build()
    srcdir = app.srcdir
    warnings = _warnings(app)
    seeds = srcdir / "seeds"
    expected = [
        (f"{seeds / 'unnamed.txt'}:1:", "[seed_glossary.no_term]"),
        (f"{seeds / 'broken.md'}:2:", "[seed_glossary.front_matter]"),
        (f"{seeds / 'ghrelin_b.txt'}:1:", "[seed_glossary.duplicate_term]"),
        (f"{srcdir / 'index.rst'}:6:", "[seed_glossary.no_seeds]"),
    ]
    for location, subtype in expected:
        assert any(w.startswith(location) and w.endswith(subtype) for w in warnings), (
            location,
            warnings,
        )
    # The build went on: the good seed and both ghrelin definitions are there.
    soup = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    assert soup.find("dt", id="term-Good-Term") is not None
    ghrelin = soup.find("dt", id="term-Ghrelin").find_next_sibling("dd")
    assert len(ghrelin.select("ol > li")) == 2


@PROBLEMS
def test_no_term_warning_shows_the_lines_to_add(app):
    app.build()
    text = app.warning.getvalue()
    assert "---\nterm: <the term>\nsource: unnamed.txt\n---" in text


@pytest.mark.sphinx(
    "html",
    testroot="problems",
    srcdir="problems-suppressed",
    confoverrides={"suppress_warnings": ["seed_glossary.no_term"]},
)
def test_suppress_warnings_silences_a_subtype(app):
    app.build()
    warnings = _warnings(app)
    assert not any("[seed_glossary.no_term]" in w for w in warnings)
    assert any("[seed_glossary.duplicate_term]" in w for w in warnings)


@pytest.mark.sphinx("html", testroot="basic", srcdir="basic-verbose", verbosity=1)
def test_dropped_lines_are_logged_at_verbose(app):
    app.build()
    status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    seed = app.srcdir / "seeds" / "000_0e783559b36d42e5.txt"
    assert f"{seed}:10: dropped line (banner: consent/cookie vocabulary" in status
    assert status.count("dropped line (") == 8 + 5 + 6


# -- seed text is never markup -------------------------------------------------


@pytest.fixture
def injection(app):
    """The shared build of test-injection: (srcdir, app), warnings included."""
    app.build()
    return app.srcdir, app


@INJECTION
def test_scraped_markup_is_shown_literally(injection):
    _srcdir, app = injection
    html = (app.outdir / "index.html").read_text()
    soup = BeautifulSoup(html, "html.parser")
    text = soup.find("dt", id="term-Scriptine").find_next_sibling("dd").get_text()
    for payload in (
        '<script>alert("txt")</script>',
        "**stars**",
        "`ticks`",
        ":ref:`ref`",
        "|subst|",
        "{eval-rst}",
        "<img src=x onerror=alert(1)>",
        "[link](javascript:alert(2))",
    ):
        assert payload in text
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html


@INJECTION
def test_curated_markup_cannot_run_script_or_include_files(injection):
    srcdir, app = injection
    html = (app.outdir / "index.html").read_text()
    assert "<script>alert" not in html
    assert "<div onclick" not in html
    assert "&lt;script&gt;" in html
    assert (
        "&lt;div onclick=" in html
        or "onclick" in BeautifulSoup(html, "html.parser").get_text()
    )
    seeds = srcdir / "seeds" / "tagged.md"
    warnings = _warnings(app)
    assert any(w.startswith(f"{seeds}:9:") and "'raw'" in w for w in warnings)
    assert any(w.startswith(f"{seeds}:13:") and "'include'" in w for w in warnings)
    assert any(w.startswith(f"{seeds}:16:") and "eval-rst" in w for w in warnings)
    # What was refused shows as text.
    soup = BeautifulSoup(html, "html.parser")
    assert 'alert("eval-rst")' in soup.get_text()


@pytest.mark.sphinx("html", testroot="injection", srcdir="injection-directives")
def test_curated_seed_runs_content_directives_only(app):
    seeds = app.srcdir / "seeds"
    (seeds / "nested.md").write_text(
        "---\nterm: Nested\n---\n\nReads the seeds again:\n\n"
        "```{seed-glossary}\n```\n\n"
        "```{glossary}\nInner\n   Declares a term.\n```\n\n"
        "```{note}\nA note is content.\n```\n",
        encoding="utf-8",
    )
    app.build()
    refused = [w for w in _warnings(app) if w.startswith(f"{seeds / 'nested.md'}:")]
    assert [w.split(":")[1] for w in refused] == ["7", "10"]
    assert "'seed-glossary'" in refused[0] and "'glossary'" in refused[1]
    soup = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    entry = soup.find("dt", id="term-Nested").find_next_sibling("dd")
    assert entry.select_one(".admonition.note") is not None
    assert "```{seed-glossary}" in entry.get_text()
    assert soup.find(id="term-Inner") is None
    assert len(soup.select("dl.glossary")) == 1


@pytest.mark.sphinx(
    "html",
    testroot="injection",
    srcdir="injection-allowed",
    confoverrides={"seed_glossary_seed_directives": ["Glossary"]},
)
def test_seed_directives_config_allows_more(app):
    seeds = app.srcdir / "seeds"
    (seeds / "nested.md").write_text(
        "---\nterm: Nested\n---\n\n```{glossary}\nInner\n   A term.\n```\n",
        encoding="utf-8",
    )
    app.build()
    assert not [w for w in _warnings(app) if "nested.md" in w]
    assert 'id="term-Inner"' in (app.outdir / "index.html").read_text()


@INJECTION
def test_term_with_markup_characters_is_escaped(injection):
    _srcdir, app = injection
    html = (app.outdir / "index.html").read_text()
    assert "&lt;i&gt;Tagged&lt;/i&gt; &amp; &quot;quoted&quot;" in html
    assert "<i>Tagged</i>" not in html


# -- incremental builds ---------------------------------------------------------


def _read_count(app: SphinxTestApp) -> str:
    status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    match = re.search(
        r"updating environment: .*?(\d+) added, (\d+) changed, (\d+) removed", status
    )
    assert match, status
    return "+{} ~{} -{}".format(*match.groups())


def _html(app: SphinxTestApp) -> str:
    soup = BeautifulSoup((app.outdir / "glossary.html").read_text(), "html.parser")
    return str(soup.select_one("dl.glossary"))


def _touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


@pytest.mark.sphinx("html", testroot="basic", srcdir="sphinx-builds-incremental")
def test_incremental_builds_follow_the_seeds(app, make_app):
    seeds = app.srcdir / "seeds"
    app.build()
    assert _read_count(app) == "+3 ~0 -0"

    # Nothing changed: nothing is read.
    app = rebuild(make_app, app)
    assert _read_count(app) == "+0 ~0 -0"

    # An edited seed re-reads the glossary page.
    seed = seeds / "zonulin.md"
    seed.write_text(seed.read_text().replace("A *protein*", "A *peptide*"))
    _touch_later(seed)
    app = rebuild(make_app, app)
    assert _read_count(app) == "+0 ~1 -0"
    assert "peptide" in _html(app)

    # A new seed (not yet a dependency) re-reads it too.
    new = seeds / "occludin.md"
    new.write_text("---\nterm: Occludin\n---\nA tight junction protein.\n")
    app = rebuild(make_app, app)
    assert _read_count(app) == "+0 ~1 -0"
    assert 'id="term-Occludin"' in _html(app)

    # A removed seed as well.
    new.unlink()
    app = rebuild(make_app, app)
    assert _read_count(app) == "+0 ~1 -0"
    assert "Occludin" not in _html(app)

    # And a renamed one.
    seed.rename(seeds / "zonulin-renamed.md")
    app = rebuild(make_app, app)
    assert _read_count(app) == "+0 ~1 -0"
    assert 'id="term-Zonulin"' in _html(app)


@pytest.mark.sphinx("html", testroot="basic", srcdir="sphinx-builds-config")
def test_config_change_rereads(app, make_app):
    app.build()
    app = rebuild(make_app, app, confoverrides={"seed_glossary_headings": ["Origin"]})
    # A changed 'env' value re-reads every page (Sphinx starts a new environment).
    assert _read_count(app) in ("+0 ~3 -0", "+3 ~0 -0")
    assert "seed_glossary_headings" in app.status.getvalue()


# -- parallel builds ---------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="basic", srcdir="sphinx-builds-serial")
def test_parallel_build_gives_the_same_html(app, make_app, rootdir, tmp_path):
    """``-j 2`` in-process: Sphinx forks its own readers and writers."""
    app.build()
    serial = app
    serial.cleanup()  # one application at a time
    srcdir = shutil.copytree(rootdir / "test-basic", tmp_path / "parallel")
    parallel = make_app("html", srcdir=srcdir, parallel=2)
    parallel.build()
    for page in ("glossary.html", "index.html", "page.html", "genindex.html"):
        assert (serial.outdir / page).read_text() == (
            parallel.outdir / page
        ).read_text()
    assert (serial.outdir / "objects.inv").read_bytes() == (
        parallel.outdir / "objects.inv"
    ).read_bytes()


def test_project_seeds_are_the_shared_originals_byte_for_byte(rootdir):
    shared = Path(__file__).parents[2] / "shared" / "seeds"
    copies = rootdir / "test-basic" / "seeds"
    seeds = sorted(PROJECT_SEEDS.glob("*.txt"))
    assert len(seeds) == 2  # the project's two seeds
    for seed in seeds:
        assert (copies / seed.name).read_bytes() == seed.read_bytes()
        if shared.is_dir():
            assert (shared / seed.name).read_bytes() == seed.read_bytes()


# -- where seeds come from ------------------------------------------------------


@pytest.mark.sphinx("html", testroot="argument")
def test_directive_argument_is_a_folder_or_glob_relative_to_the_page(app):
    app.build()
    assert _warnings(app) == []
    index = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    assert [dt["id"] for dt in index.select("dl.glossary > dt")] == [
        "term-Gut-permeability",
        "term-Intestinal-permeability",
        "term-leaky-gut",
    ]
    # A MyST page, a path from the source directory ("/seeds/...").
    curated = BeautifulSoup(
        (app.outdir / "sub" / "curated.html").read_text(), "html.parser"
    )
    assert [dt["id"] for dt in curated.select("dl.glossary > dt")] == [
        "term-Zonulin",
        "term-pre-haptoglobin-2",
    ]
    assert curated.find("a", href="../index.html#term-leaky-gut") is not None


def test_default_seed_folder_is_relative_to_the_conf_dir(make_app, tmp_path):
    # Not a test root: the seeds are beside the source folder, not in it.
    project = tmp_path / "project"
    shutil.copytree(PROJECT_SEEDS, project / "seeds")
    docs = project / "docs"
    docs.mkdir()
    (docs / "conf.py").write_text('extensions = ["myst_parser", "seed_glossary"]\n')
    (docs / "index.md").write_text("# Home\n\n```{seed-glossary}\n```\n")
    app = make_app("html", srcdir=docs)
    app.build()
    assert _warnings(app) == []
    assert 'id="term-leaky-gut"' in (app.outdir / "index.html").read_text()


@pytest.mark.sphinx("html", testroot="unsafe")
def test_curated_seed_cannot_redirect_or_pull_in_files(app):
    app.build()
    srcdir = app.srcdir
    html = (app.outdir / "index.html").read_text()
    soup = BeautifulSoup(html, "html.parser")
    # The eval-rst blocks show as text: no meta element, no substitution.
    assert soup.find("meta", attrs={"http-equiv": True}) is None
    assert "evil.example" in soup.get_text()
    assert not (app.outdir / "_images").exists()
    assert not (app.outdir / "_downloads").exists()
    assert "Text before." in BeautifulSoup(html, "html.parser").get_text()
    seed = srcdir / "seeds" / "unsafe.md"
    unsafe = [w for w in _warnings(app) if w.endswith("[seed_glossary.unsafe_markup]")]
    assert len(unsafe) == 4
    assert all(w.startswith(f"{seed}:") for w in unsafe)
