"""Seed glossaries in the order of the manual's language, after translation.

A translated manual (``gettext``) shows each headword in its translation, so
the order and the A–Z bar can only be known once the page is translated:
this runs at ``doctree-read``, after every transform. Sphinx's own
``GlossarySorter`` sorts by accents stripped, which is no language's order,
so seed glossaries are not marked ``sorted`` and are sorted here instead,
by :class:`~seed_glossary.collation.Collation`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .collation import Collation, collation_of
from .render import render_az_bar

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def collation(config: Config) -> Collation:
    """The :class:`Collation` of the build's ``language`` and language data."""
    return collation_of(config.language, config.seed_glossary_language_data)


def order_glossaries(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: sort each seed glossary by its headwords as shown,
    and draw its A–Z bar from them."""
    order: Collation | None = None
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
