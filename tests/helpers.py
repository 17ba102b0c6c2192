"""Helpers shared by the tests (not fixtures)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from seed_glossary.ingest.decode import decode_seed
from seed_glossary.model import SeedEntry

# What the glossary of tests/roots/test-basic holds, for tests of every builder.
#: Headwords of its glossary entries.
BASIC_TERMS = ("Gut permeability", "Intestinal permeability", "Mucus layer", "Zonulin")
#: Aliases, each its own dt line.
BASIC_ALIASES = ("leaky gut", "intestinal mucus", "pre-haptoglobin 2")
#: Section headings of its scraped seeds.
BASIC_SECTIONS = ("Origin", "Mechanism")


def load_expected(path: Path) -> list[dict]:
    """An ``expected.json`` in the seeds-dev format."""
    return json.loads(path.read_text(encoding="utf-8"))


def nonblank_lines(path: Path) -> list[str]:
    """The file's non-blank lines, decoded and stripped, as the reader sees them."""
    return [text for _, text in decode_seed(path.read_bytes()).numbered()]


def accounted_lines(entry: SeedEntry) -> list[str]:
    """Every line the entry accounts for: content, headings, structure, dropped."""
    lines = [text for _, text in entry.structure]
    lines += [p for p in entry.definition.split("\n\n") if p]
    for section in entry.sections:
        lines.append(section.heading)
        lines += [p for p in section.text.split("\n\n") if p]
    lines += [d.text for d in entry.dropped]
    return lines


def conservation_errors(path: Path, entry: SeedEntry) -> list[str]:
    """Lines of the file not accounted for, or accounted for twice."""
    have, claimed = Counter(nonblank_lines(path)), Counter(accounted_lines(entry))
    errors = [f"lost: {t[:60]!r}" for t in have - claimed]
    errors += [f"invented or doubled: {t[:60]!r}" for t in claimed - have]
    return errors


def shared_marks(key: str, buildername: str = "html", **kwargs: Any) -> list:
    """The marks of a test that reads the build *key*, shared in its module.

    ``pytest.mark.sphinx(buildername, **kwargs)`` and Sphinx's
    ``shared_result``: the first test to run builds (``app.build()``), the
    others get its output folder, status and warnings. *key* is the build's
    folder too: start it with the module's name, as keys live per session
    and the status and warnings per module.
    """
    return [
        pytest.mark.sphinx(buildername, **kwargs),
        pytest.mark.test_params(shared_result=key),
    ]


def shared_build(key: str, buildername: str = "html", **kwargs: Any) -> Callable:
    """Decorate a test with :func:`shared_marks`."""

    def decorate(test: Callable) -> Callable:
        for mark in shared_marks(key, buildername, **kwargs):
            test = mark(test)
        return test

    return decorate


def rebuild(make_app: Callable, app: SphinxTestApp, **kwargs: Any) -> SphinxTestApp:
    """A new application on *app*'s sources and build folder, built again.

    *app* is cleaned up first: Sphinx registers nodes and directives
    process-wide, and a second application set up beside the first warns
    about each of them.
    """
    app.cleanup()
    again = make_app(
        app.builder.name,
        srcdir=app.srcdir,
        builddir=Path(app.doctreedir).parent,
        **kwargs,
    )
    again.build()
    return again


def _script_object(path: Path) -> dict:
    """The object literal a data script of ours assigns (it is JSON)."""
    script = path.read_text(encoding="utf-8")
    assert script.startswith("window.seedGlossary"), script[:40]
    return json.loads(script[script.index("{") : script.rindex("}") + 1])


def page_previews(app: SphinxTestApp, pagename: str) -> dict:
    """The previews data script of one page (``{}`` when it has none)."""
    path = Path(app.outdir, "_static", "seed_glossary", "pages", f"{pagename}.js")
    return _script_object(path) if path.exists() else {}


def all_previews(app: SphinxTestApp) -> dict:
    """The previews data of every page, merged."""
    folder = Path(app.outdir, "_static", "seed_glossary", "pages")
    merged: dict = {}
    for path in sorted(folder.rglob("*.js")):
        merged.update(_script_object(path))
    return merged


def names_index(app: SphinxTestApp) -> dict:
    """The search page's index of names (``_static/seed_glossary/names.js``)."""
    return _script_object(Path(app.outdir, "_static", "seed_glossary", "names.js"))


def search_sentences(app: SphinxTestApp) -> list[str]:
    """The first sentences of the names index's entries, in its order."""
    index = names_index(app)
    static = Path(app.outdir, "_static")
    out: list[str] = []
    for number in range((len(index["entries"]) + index["chunk"] - 1) // index["chunk"]):
        script = (static / f"{index['sentences']}{number}.js").read_text("utf-8")
        assert script.startswith(f"seedGlossaryDefinitions({number},")
        out += json.loads(script[script.index("[") : script.rindex("]") + 1])
    return out


def index_names(app: SphinxTestApp) -> dict[str, str]:
    """Every name of the names index -> its URL (page#anchor)."""
    index = names_index(app)
    out = {}
    for row in index["entries"]:
        page = index["pages"][row[0]]
        for name, anchor in zip(row[1::2], row[2::2], strict=True):
            out[name] = f"{page}#{anchor or 'term-' + name.replace(' ', '-')}"
    return out
