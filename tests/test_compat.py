"""Each shim of ``seed_glossary._compat`` works, and what it works around is real.

When an upstream fix lands, the "still needed" test of its shim fails: then
the shim (and that test) can go.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import sphinx
from bs4 import BeautifulSoup

from seed_glossary._compat import verbosity

from .helpers import build

CURATED_SEED = """\
---
term: Mucosa
---

The lining of the gut[^1], with a {nosuchrole}`broken` role.

[^1]: Also of other hollow organs.
"""

MYST_PAGE = """\
# Words

One two three four five six seven eight nine ten.

```{seed-glossary}
```
"""


def _project(tmp_path: Path, page: str, suffix: str) -> Path:
    src = tmp_path / "src"
    (src / "seeds").mkdir(parents=True)
    (src / "conf.py").write_text(
        "extensions = ['myst_parser', 'seed_glossary']\n"
        "seed_glossary_seeds = 'seeds'\nexclude_patterns = ['_build', 'seeds']\n"
        "myst_enable_extensions = []\n"
    )
    (src / f"index{suffix}").write_text(page)
    (src / "seeds" / "mucosa.md").write_text(CURATED_SEED)
    return src


def test_myst_warnings_in_a_seed_point_at_the_seed(tmp_path):
    app = build(_project(tmp_path, MYST_PAGE, ".md"))
    warnings = app.warning.getvalue()
    role = [line for line in warnings.splitlines() if "nosuchrole" in line]
    assert len(role) == 1, warnings
    assert re.search(r"seeds[/\\]mucosa\.md:5: ", role[0]), role[0]
    assert "index.md" not in role[0]


def test_a_seed_leaves_its_page_metadata_alone(tmp_path):
    """MyST's word count of the page is the page's own, not a seed's."""
    app = build(_project(tmp_path, MYST_PAGE, ".md"))
    wordcount = app.env.metadata["index"]["wordcount"]
    # "Words" and the ten number words of MYST_PAGE; the seed has nine more.
    assert wordcount["words"] == 11


def test_a_seed_adds_no_metadata_to_an_rst_page(tmp_path):
    page = "Words\n=====\n\nOne two three.\n\n.. seed-glossary::\n"
    app = build(_project(tmp_path, page, ".rst"))
    assert "wordcount" not in app.env.metadata["index"]
    assert "myst_slugs" not in app.env.metadata["index"]


def test_footnotes_of_a_seed_resolve_in_the_page(tmp_path):
    app = build(_project(tmp_path, MYST_PAGE, ".md"))
    soup = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    reference = soup.select_one("a.footnote-reference")
    assert reference is not None
    target = reference["href"].lstrip("#")
    footnote = soup.find(id=target)
    assert footnote is not None
    assert "Also of other hollow organs" in footnote.get_text()


@pytest.mark.parametrize("level", [0, 1])
def test_verbosity_is_the_builds(tmp_path, level):
    app = build(_project(tmp_path, MYST_PAGE, ".md"), verbosity=level)
    assert verbosity(app.env) == level


def test_singlehtml_double_fragments_still_needed(tmp_path):
    """sphinx-doc/sphinx#14221: from Sphinx 8.2, Sphinx's own term links get
    two fragments (before, one: the shim changes nothing there).

    When this fails on a new Sphinx, it fixed the bug: remove
    ``_compat.singlehtml_anchor``.
    """
    src = _project(tmp_path, MYST_PAGE, ".md")
    (src / "index.md").write_text("# Home\n\n```{toctree}\nglossary\nother\n```\n")
    (src / "glossary.md").write_text("# Glossary\n\n```{seed-glossary}\n```\n")
    (src / "other.md").write_text("# Other\n\nSee {term}`Mucosa`.\n")
    app = build(src, "singlehtml")
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
