"""Each shim of ``seed_glossary._compat`` works, and what it works around is real.

When an upstream fix lands, the "still needed" test of its shim fails: then
the shim (and that test) can go.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
import sphinx
from bs4 import BeautifulSoup

from seed_glossary._compat import verbosity

from .helpers import shared_build, shared_marks

#: test-compat-myst: a MyST page of eleven words that holds the glossary of
#: one curated seed (with a footnote and an unknown role), built once.
MYST = shared_marks("compat-myst", testroot="compat-myst")


ON_MYST = shared_build("compat-myst", testroot="compat-myst")


@pytest.fixture
def myst(app):
    """The shared build of test-compat-myst."""
    app.build()
    return app


@ON_MYST
def test_myst_warnings_in_a_seed_point_at_the_seed(myst):
    warnings = myst.warning.getvalue()
    role = [line for line in warnings.splitlines() if "nosuchrole" in line]
    assert len(role) == 1, warnings
    assert re.search(r"seeds[/\\]mucosa\.md:5: ", role[0]), role[0]
    assert "index.md" not in role[0]


@ON_MYST
def test_a_seed_leaves_its_page_metadata_alone(myst):
    """MyST's word count of the page is the page's own, not a seed's."""
    wordcount = myst.env.metadata["index"]["wordcount"]
    # "Words" and the ten number words of index.md; the seed has nine more.
    assert wordcount["words"] == 11


@pytest.mark.sphinx("html", testroot="compat-rst")
def test_a_seed_adds_no_metadata_to_an_rst_page(app):
    app.build()
    assert "wordcount" not in app.env.metadata["index"]
    assert "myst_slugs" not in app.env.metadata["index"]


@ON_MYST
def test_footnotes_of_a_seed_resolve_in_the_page(myst):
    soup = BeautifulSoup((myst.outdir / "index.html").read_text(), "html.parser")
    reference = soup.select_one("a.footnote-reference")
    assert reference is not None
    target = reference["href"].lstrip("#")
    footnote = soup.find(id=target)
    assert footnote is not None
    assert "Also of other hollow organs" in footnote.get_text()


@pytest.mark.parametrize(
    "level",
    [
        pytest.param(0, marks=MYST),
        pytest.param(
            1,
            marks=pytest.mark.sphinx(
                "html", testroot="compat-myst", srcdir="compat-verbose", verbosity=1
            ),
        ),
    ],
)
def test_verbosity_is_the_builds(app, level):
    app.build()
    assert verbosity(app.env) == level


@pytest.mark.sphinx("singlehtml", testroot="compat-singlehtml")
def test_singlehtml_double_fragments_still_needed(app):
    """sphinx-doc/sphinx#14221: from Sphinx 8.2, Sphinx's own term links get
    two fragments (before, one: the shim changes nothing there).

    When this fails on a new Sphinx, it fixed the bug: remove
    ``_compat.singlehtml_anchor``.
    """
    app.build()
    html = (app.outdir / "index.html").read_text()
    hand_written = re.findall(r'href="([^"]*)"><span class="xref std std-term">', html)
    assert hand_written
    fragments = 2 if sphinx.version_info >= (8, 2) else 1
    assert all(href.count("#") == fragments for href in hand_written), hand_written


def test_myst_config_without_myst_parser_loaded_is_mysts_default():
    from myst_parser.config.main import MdParserConfig

    from seed_glossary._compat import myst_config

    # A project that does not load myst_parser: no env.myst_config.
    assert myst_config(SimpleNamespace()) == MdParserConfig()


def test_myst_renderer_can_still_refuse_directives():
    """When this fails, MyST's renderer changed the methods a seed's renderer
    overrides (``markup._seed_renderer``)."""
    from seed_glossary._compat import myst_renderer

    renderer, token_line = myst_renderer()
    assert callable(renderer.run_directive)
    assert callable(renderer.render_restructuredtext)

    class Token:
        map = (4, 5)

    assert token_line(Token(), default=0) == 4  # the first line of the map


def test_intersphinx_terms_of_both_kinds_of_inventory():
    """Mappings (Sphinx >= 8.2) and objects with ``data`` (before)."""
    from seed_glossary._compat import intersphinx_terms

    old, env = SimpleNamespace(), SimpleNamespace()
    old.data = {"std:term": {"Leaky gut": ()}}
    env.intersphinx_named_inventory = {
        "new": {"std:term": {"Zonulin": ()}, "py:class": {}},
        "old": old,
    }
    assert intersphinx_terms(env) == {"new": ["Zonulin"], "old": ["Leaky gut"]}
    assert intersphinx_terms(object()) == {}
