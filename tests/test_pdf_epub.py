"""The PDF (LaTeX and latexmk) and the ePub (checked by epubcheck) of small roots.

These need system tools: TeX Live with latexmk, poppler-utils (pdftotext) and
epubcheck (with Java). ``.ci/run`` installs them; without them these tests
skip on a developer's machine, and fail in CI (``CI=true``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import BASIC_ALIASES, BASIC_SECTIONS, BASIC_TERMS, shared_build

TESTS = Path(__file__).parent
DOCS = TESTS.parent / "docs"
DEBIAN = (
    "latexmk texlive-latex-recommended texlive-latex-extra "
    "texlive-fonts-recommended tex-gyre poppler-utils epubcheck"
)
#: EPUB3 warns without a copyright and a version.
CONF = {"project": "Seeds", "copyright": "2026, tests", "version": "1.0"}

NOISE = ("cookie", "Peptide Science is the precise language", "Gut Resilience")


def _need(tool: str) -> str:
    """The tool's path; a missing tool skips the test, or fails it in CI."""
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is not installed (Debian: apt-get install {DEBIAN})"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; CI must have it: .ci/run installs it")
        pytest.skip(message)
    return path


def _sphinx(*args: str | Path, timeout: int = 600) -> subprocess.CompletedProcess:
    # sphinx-build as users run it on the manual, which is no test root.
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "WARNING" not in run.stderr, run.stderr
    return run


# -- PDF ------------------------------------------------------------------------------


#: A seed with bytes that no encoding decodes: the reader shows them as U+FFFD,
#: and pdflatex needs a glyph for it.
UNDECODABLE = (
    b"Undecodable term\n"
    b"A definition with bytes \x81\x8d\x8f that no encoding decodes.\n"
)


#: The LaTeX build of test-basic with the undecodable seed, for every PDF test.
PDF = shared_build(
    "pdf-epub-latex",
    "latex",
    testroot="basic",
    confoverrides=dict(CONF),
)


@pytest.fixture
def pdf_text(app) -> str:
    """test-basic and an undecodable seed as a PDF, as pdftotext reads it.

    One LaTeX run for every PDF test (latexmk is the slowest step of the
    suite); the seed's encoding problem is the only warning.
    """
    _need("latexmk")
    _need("pdflatex")
    pdftotext = _need("pdftotext")
    seed = app.srcdir / "seeds" / "undecodable.txt"
    if not seed.exists():
        # Seeds are read with the pages: it may come after the set-up.
        seed.write_bytes(UNDECODABLE)
    app.build()
    warnings = [w for w in app.warning.getvalue().splitlines() if "WARNING" in w]
    assert warnings, app.warning.getvalue()
    for warning in warnings:
        assert "undecodable.txt" in warning, warning
        assert "seed_glossary.encoding" in warning, warning
    if not list(app.outdir.glob("*.pdf")):
        # What `sphinx-build -M latexpdf` runs after the LaTeX build: the
        # Makefile Sphinx wrote, which runs latexmk.
        run = subprocess.run(
            ["make", "all-pdf"],
            cwd=app.outdir,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return _pdf_text(pdftotext, app.outdir)


def _pdf_forms(text: str) -> tuple[str, str]:
    """The text with line-end hyphens kept and dropped, whitespace collapsed."""
    kept = re.sub(r"-\n", "-", text)
    dropped = re.sub(r"-\n", "", text)
    return re.sub(r"\s+", " ", kept), re.sub(r"\s+", " ", dropped)


@PDF
def test_pdf_has_terms_aliases_sections_and_links(pdf_text):
    forms = _pdf_forms(pdf_text)
    for name in (
        *BASIC_TERMS,
        *BASIC_ALIASES,
        *BASIC_SECTIONS,
        "See also",
        "Referenced from:",
    ):
        assert any(name in form for form in forms), name
    assert any("two-stratum structure in the colon" in form for form in forms)


@PDF
def test_pdf_has_no_noise(pdf_text):
    for noise in NOISE:
        assert noise.lower() not in pdf_text.lower(), noise


# -- ePub -----------------------------------------------------------------------------


def _epubcheck_command() -> list[str]:
    """``epubcheck`` as a program, or Debian's ``/usr/bin/epubcheck`` jar."""
    path = Path(_need("epubcheck"))
    with path.open("rb") as file:
        is_jar = file.read(2) == b"PK"
    if not is_jar:
        return [str(path)]
    # One short run: with the quick JIT tier and the serial collector it takes
    # less than half the time it takes with the JVM's defaults.
    fast = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
    return [_need("java"), *fast, "-jar", str(path.resolve())]


def _epubcheck(epub: Path) -> str:
    run = subprocess.run(
        [*_epubcheck_command(), str(epub)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    out = run.stdout + run.stderr
    assert run.returncode == 0, out
    assert re.search(r"\b0 fatals / 0 errors / 0 warnings\b", out), out
    return out


@pytest.mark.sphinx(
    "epub",
    testroot="basic",
    srcdir="pdf-epub-basic",
    confoverrides=dict(CONF),
)
def test_epub_of_a_small_root_passes_epubcheck(app):
    _epubcheck_command()
    app.build()
    assert app.warning.getvalue() == ""
    [epub] = app.outdir.glob("*.epub")
    _epubcheck(epub)


def test_epub_of_the_manual_passes_epubcheck(tmp_path):
    _epubcheck_command()
    out = tmp_path / "epub"
    _sphinx("-b", "epub", "-W", "-q", "-d", tmp_path / "doctrees", DOCS, out)
    [epub] = out.glob("*.epub")
    _epubcheck(epub)


@PDF
def test_pdf_of_a_seed_with_undecodable_bytes(pdf_text):
    """The reader shows bytes it cannot decode as U+FFFD; pdflatex needs a glyph
    (without one, LaTeX fails in the fixture)."""
    assert "Undecodable term" in pdf_text
    assert "A definition with bytes" in pdf_text


def _pdf_text(pdftotext: str, outdir: Path) -> str:
    """The text of the one PDF that LaTeX wrote in *outdir*."""
    [pdf] = outdir.glob("*.pdf")
    return subprocess.run(
        [pdftotext, "-enc", "UTF-8", pdf, "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
