"""Seed glossaries as readers see them: translated, in the language's order.

A translated manual (``gettext``) shows each headword in its translation, so
the order, the A–Z bar and the names that links look for can only be known
once the page is translated: this runs at ``doctree-read``, after every
transform. Sphinx's own ``GlossarySorter`` sorts by accents stripped, which
is no language's order, so seed glossaries are not marked ``sorted`` and are
sorted here instead, by :class:`~seed_glossary.collation.Collation`. Sphinx
registers a translated term under its translation itself (its ``Locale``
transform); the names that autolinks and previews use follow it here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .collation import Collation, collation_of
from .domain import get_domain
from .render import ENTRY_KEY, render_az_bar

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def collation(config: Config) -> Collation:
    """The :class:`Collation` of the build's ``language`` and language data."""
    return collation_of(config.language, config.seed_glossary_language_data)


def as_shown(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: sort each seed glossary by its headwords as shown,
    draw its A–Z bar from them, and register the names shown."""
    order: Collation | None = None
    shown: dict[str, tuple[str, ...]] = {}
    for glossary in list(doctree.findall(addnodes.glossary)):
        entries = next(
            (
                child
                for child in glossary.children
                if isinstance(child, nodes.definition_list)
                and "sg-glossary" in child["classes"]
            ),
            None,
        )
        if entries is None:
            continue  # hand-written: sorted as its author asked
        order = order or collation(app.config)
        entries[:] = sorted(
            entries.children, key=lambda item: order.key(_headword(item))
        )
        bar = _bar_before(glossary)
        if bar is not None:
            bar.replace_self(render_az_bar(glossary, order))
        for item in entries.children:
            terms = [t.astext() for t in item.children if isinstance(t, nodes.term)]
            definition = next(
                (d for d in item.children if isinstance(d, nodes.definition)), None
            )
            if terms and definition is not None and definition.get(ENTRY_KEY):
                shown[definition[ENTRY_KEY]] = tuple(terms)
    if shown:
        get_domain(app.env).note_shown_names(app.env.docname, shown)


def _headword(item: nodes.Node) -> str:
    return item[0].astext() if isinstance(item, nodes.Element) and item.children else ""


def _bar_before(glossary: addnodes.glossary) -> nodes.paragraph | None:
    """The in-page A–Z bar right before *glossary* (links to its own entries)."""
    parent = glossary.parent
    if parent is None:
        return None
    index = parent.index(glossary)
    before = parent[index - 1] if index else None
    if (
        isinstance(before, nodes.paragraph)
        and "sg-az" in before["classes"]
        and next(before.findall(nodes.reference), None) is not None
    ):
        return before
    return None
