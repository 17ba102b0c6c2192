"""CPython 3.11 (Debian's ``python3.11-doc``): the glossary and the tutorial.

The glossary (about 130 entries) comes from the built ``glossary.html``; the
tutorial's 17 pages from their shipped rST sources (``_sources/tutorial``),
with every ``:term:`` role turned into its text. Nothing is limited: the whole
tutorial builds in seconds.
"""

from __future__ import annotations

import re
from pathlib import Path

from corpus import Corpus, debian_folder
from html2myst import sphinx_glossary

PACKAGE = "python3.11-doc"
INSTALLED = Path("/usr/share/doc/python3.11/html")
TERM_ROLE = re.compile(r":term:`([^`<]*?)(?:\s*<([^`>]*)>)?`")
# Index directives of 3.11's sources use a syntax Sphinx 8 refuses; they hold
# no prose, so they are dropped.
_INDEX = re.compile(r"^\.\. index::.*\n(?:[ \t]+\S.*\n|[ \t]*\n(?=[ \t]+\S))*", re.M)


def strip_terms(text: str, page: str) -> tuple[str, list[tuple[str, str]]]:
    """rST with ``:term:`` roles turned into their text, and the (page, target)
    places they were."""
    links = [
        (page, (m.group(2) or m.group(1)).strip()) for m in TERM_ROLE.finditer(text)
    ]
    return TERM_ROLE.sub(lambda m: m.group(1).strip(), text), links


def corpus() -> Corpus:
    docs = debian_folder(PACKAGE, INSTALLED, "glossary.html", "_sources/tutorial")
    entries, truth = sphinx_glossary((docs / "glossary.html").read_text())
    pages, links = {}, []
    for path in sorted((docs / "_sources" / "tutorial").glob("*.rst.txt")):
        page = "tutorial/" + path.name.removesuffix(".rst.txt")
        text, found = strip_terms(path.read_text(encoding="utf-8"), page)
        pages[page + ".rst"] = _INDEX.sub("", text)
        links += found
    result = Corpus(
        name="cpython",
        field="a programming language",
        entries=entries,
        glossary_truth=truth,
        pages=pages,
        prose_truth=set(),
    )
    result.prose_truth = result.resolve(links)
    return result
