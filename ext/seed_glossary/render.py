"""Catalog items to docutils nodes: the same glossary that ``.. glossary::`` makes.

Seed text becomes ``nodes.Text``; it is never parsed as markup. Only curated
(``*.md``) text goes through :func:`seed_glossary.markup.parse_myst`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.std import make_glossary_term

from .catalog import entry_key
from .collation import OTHER, Collation
from .i18n import _

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from .catalog import CatalogItem
    from .model import SeedEntry

#: Parses curated MyST text: (text, source path, first line) -> nodes.
MarkupParser = Callable[[str, str, int], list[nodes.Node]]


def render_glossary(
    items: Sequence[CatalogItem],
    *,
    env: BuildEnvironment,
    document: nodes.document,
    docname: str,
    parse_markup: MarkupParser,
    taken: frozenset[str] = frozenset(),
) -> addnodes.glossary:
    """Build the ``glossary`` node for the catalog items, in their order.

    :param items: sorted items from :func:`seed_glossary.catalog.build_catalog`
    :param env: the build environment (terms are registered in its std domain)
    :param document: the document being read
    :param docname: its name, for the cross-references we create
    :param parse_markup: parser for curated MyST text
    :param taken: lower-cased names that other pages already define as terms;
        shown, but not registered again (links keep going where they went)
    """
    glossary = addnodes.glossary()
    glossary.document = document
    # Sorted after translation in the language's order (ordering.py), not by
    # Sphinx's GlossarySorter, which strips accents.
    glossary["sorted"] = False
    dlist = nodes.definition_list(classes=["glossary", "sg-glossary"])
    for item in items:
        dlist += _render_item(item, env, document, docname, parse_markup, taken)
    glossary += dlist
    return glossary


def _render_item(
    item: CatalogItem,
    env: BuildEnvironment,
    document: nodes.document,
    docname: str,
    parse_markup: MarkupParser,
    taken: frozenset[str],
) -> nodes.definition_list_item:
    source, line = item.origin
    terms = []
    for index, name in enumerate(item.names):
        if name.lower() in taken:
            term = nodes.term(name, "", nodes.Text(name))
            term.source, term.line = source, line
        else:
            term = make_glossary_term(
                env, [nodes.Text(name)], None, source, line, None, document
            )
        # Seed text is shown as written: no smart quotes.
        term["support_smartquotes"] = False
        term["classes"].append("sg-alias" if index else "sg-term")
        terms.append(term)
    definition = nodes.definition()
    if item.see:
        definition += _see(item.see, docname)
    elif len(item.entries) == 1:
        definition.extend(_entry_body(item.entries[0], parse_markup))
    else:
        # Several seeds define the same term: number their definitions, as a
        # dictionary numbers senses.
        senses = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
        for entry in item.entries:
            senses += nodes.list_item("", *_entry_body(entry, parse_markup))
        definition += senses
    if item.see_also:
        definition += _see_also(item.see_also, docname)
    # The link layer finds entries by this key (autolinks, backlinks).
    definition[ENTRY_KEY] = item_key(item)
    # HTML writers drop classes of the item itself; the dd keeps them.
    definition["classes"] += (
        ["sg-entry", "sg-alias-entry"] if item.see else ["sg-entry"]
    )
    return nodes.definition_list_item("", *terms, definition)


def _entry_body(entry: SeedEntry, parse_markup: MarkupParser) -> list[nodes.Node]:
    markup_source = (
        entry.source if entry.format == "scraped" and entry.source else entry.file
    )
    out: list[nodes.Node] = []
    if entry.is_markup:
        if entry.definition:
            out.extend(
                parse_markup(
                    entry.definition, markup_source, entry.definition_line or 1
                )
            )
    else:
        out.extend(_paragraphs(entry.definition, entry.file, entry.definition_line))
    for section in entry.sections:
        rubric = nodes.rubric(section.heading, section.heading, classes=["sg-section"])
        rubric["support_smartquotes"] = entry.is_markup
        rubric.source, rubric.line = entry.file, section.line
        out.append(rubric)
        if entry.is_markup:
            if section.text:
                out.extend(parse_markup(section.text, markup_source, section.body_line))
        else:
            out.extend(_paragraphs(section.text, entry.file, section.body_line))
    return out


def _paragraphs(text: str, source: str, line: int | None) -> list[nodes.paragraph]:
    out = []
    for block in text.split("\n\n"):
        if block:
            para = nodes.paragraph(block, "", nodes.Text(block))
            para.source, para.line = source, line
            para["support_smartquotes"] = False
            out.append(para)
    return out


def render_az_bar(
    glossary: addnodes.glossary, collation: Collation | None = None
) -> nodes.paragraph:
    """A–Z links to the first entry of each letter; letters without one dimmed.

    A plain paragraph of internal references, so every builder shows it.

    :param collation: the manual's language's letters (A to Z by default)
    """
    collation = collation or Collation()
    first: dict[str, str] = {}
    for item in glossary.findall(nodes.definition_list_item):
        term = item[0]
        if isinstance(term, nodes.term) and term["ids"]:
            first.setdefault(collation.letter(term.astext()), term["ids"][0])
    return _letter_bar(
        collation.letters,
        first,
        lambda letter: nodes.reference(
            letter, letter, internal=True, refid=first[letter], classes=["sg-az-letter"]
        ),
    )


def render_letter_bar(
    letters: Sequence[str],
    pages: dict[str, str],
    docname: str,
    current: str | None = None,
) -> nodes.paragraph:
    """The A–Z bar of a split glossary: letters link to their pages.

    :param letters: the letters of the manual's language, in order
    :param pages: letter -> the docname of its first page
    """
    return _letter_bar(
        letters,
        pages,
        lambda letter: addnodes.pending_xref(
            "",
            nodes.inline(letter, letter, classes=["sg-az-letter"]),
            refdomain="std",
            reftype="doc",
            reftarget=f"/{pages[letter]}",
            refexplicit=True,
            refdoc=docname,
        ),
        current,
    )


def render_parts_bar(parts: Sequence[tuple[str, str]], docname: str) -> nodes.paragraph:
    """The pages of one letter of a split glossary, (title, docname) each:
    links to the others, the current one strong."""
    bar = nodes.paragraph(classes=["sg-az", "sg-az-parts"])
    for n, (title, page) in enumerate(parts):
        if n:
            bar += nodes.Text(" · ")
        if page == docname:
            bar += nodes.strong(title, title, classes=["sg-az-current"])
        else:
            bar += addnodes.pending_xref(
                "",
                nodes.inline(title, title, classes=["sg-az-letter"]),
                refdomain="std",
                reftype="doc",
                reftarget=f"/{page}",
                refexplicit=True,
                refdoc=docname,
            )
    return bar


def _letter_bar(
    alphabet: Sequence[str],
    present: Collection[str],
    link: Callable[[str], nodes.Node],
    current: str | None = None,
) -> nodes.paragraph:
    """The letters (and "#" if used): the current one strong, absent ones dimmed."""
    letters = list(alphabet)
    if OTHER in present:
        letters.append(OTHER)
    bar = nodes.paragraph(classes=["sg-az"])
    for n, letter in enumerate(letters):
        if n:
            bar += nodes.Text(" ")
        if letter == current:
            bar += nodes.strong(letter, letter, classes=["sg-az-current"])
        elif letter in present:
            bar += link(letter)
        else:
            bar += nodes.inline(letter, letter, classes=["sg-az-empty"])
    return bar


#: Attribute of an entry's ``definition`` node: the entry's key.
ENTRY_KEY = "sg_key"


def item_key(item: CatalogItem) -> str:
    """The key that identifies an item across the build (:func:`.entry_key`)."""
    return entry_key(item.names[0])


#: Class of the text of a "See" or "See also" link.
SEE_LINK_CLASS = "sg-see-link"


def term_reference(
    name: str, docname: str, link_class: str = SEE_LINK_CLASS, *, warn: bool = True
) -> addnodes.pending_xref:
    """A ``:term:`` cross-reference to *name*, resolved by Sphinx's std domain.

    Marked ``sg_generated``: links the glossary makes itself ("See also",
    "Referenced from") are not counted as references to the entry.

    :param link_class: the class of the link's text, besides a ``:term:``'s
    :param warn: warn when *name* is no term (as a ``:term:`` does)
    """
    return addnodes.pending_xref(
        "",
        nodes.inline(name, name, classes=["xref", "std", "std-term", link_class]),
        refdomain="std",
        reftype="term",
        reftarget=name,
        refexplicit=True,
        refwarn=warn,
        refdoc=docname,
        sg_generated=True,
    )


def _joined(names: Sequence[str], docname: str, separator: str) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for index, name in enumerate(names):
        if index:
            out.append(nodes.Text(separator))
        out.append(term_reference(name, docname))
    return out


def _see(names: Sequence[str], docname: str) -> nodes.paragraph:
    label = _("See")
    para = nodes.paragraph("", "", nodes.emphasis(label, label), nodes.Text(" "))
    para.extend(_joined(names, docname, "; "))
    para["classes"].append("sg-see")
    return para


def _see_also(names: Sequence[str], docname: str) -> addnodes.seealso:
    para = nodes.paragraph("", "", *_joined(names, docname, ", "))
    return addnodes.seealso("", para, classes=["sg-see-also"])
