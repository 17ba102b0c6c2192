"""Glossaries written by hand (``.. glossary::``, MyST ``{glossary}``) join in.

When a page is read, each of its hand-written glossaries is registered like a
seed glossary: its entries get previews, "Referenced from" lines, search
results that answer, a place in the link report, and, when the glossary is
sorted (``:sorted:``), the A–Z bar. Autolinking to and inside them is off
unless ``seed_glossary_autolink_handwritten`` is on. Nothing of the page's
source changes: the entries are marked in the doctree as it is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .catalog import entry_key
from .domain import PageSeeds, get_domain
from .model import ItemNames
from .render import ENTRY_KEY, render_az_bar
from .translated import collation

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Attribute of the ``definition`` of a hand-written entry.
HANDWRITTEN = "sg_handwritten"


def register_glossaries(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read`` (before the link and preview handlers): mark the entries."""
    items = []
    for glossary in list(doctree.findall(addnodes.glossary)):
        if any(
            isinstance(child, nodes.Element) and "sg-glossary" in child["classes"]
            for child in glossary.children
        ):
            continue  # a seed glossary: its directive registered it
        found = [
            _entry(item)
            for item in glossary.findall(nodes.definition_list_item)
            if item.parent.parent is glossary
        ]
        items += [item for item in found if item is not None]
        if glossary.get("sorted") and app.config.seed_glossary_az and found:
            # The language's data is read only for a page that shows a bar.
            bar = render_az_bar(glossary, collation(app.config))
            glossary.parent.insert(glossary.parent.index(glossary), bar)
    if items:
        get_domain(app.env).note_seeds(
            app.env.docname, PageSeeds("", (), "", tuple(items))
        )


def _entry(item: nodes.definition_list_item) -> ItemNames | None:
    terms = [t for t in item.children if isinstance(t, nodes.term)]
    definition = next(
        (d for d in item.children if isinstance(d, nodes.definition)), None
    )
    if not terms or definition is None:
        return None
    names = tuple(t.astext() for t in terms)
    entry = entry_key(names[0])
    definition[ENTRY_KEY] = entry
    definition[HANDWRITTEN] = True
    anchors = tuple(t["ids"][0] if t["ids"] else "" for t in terms)
    return ItemNames(entry, names, (), anchors[0], anchors, handwritten=True)
