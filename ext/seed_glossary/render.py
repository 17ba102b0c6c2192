"""Catalog items to docutils nodes: the same glossary that ``.. glossary::`` makes.

Seed text becomes ``nodes.Text``; it is never parsed as markup. Only curated
(``*.md``) text goes through :func:`seed_glossary.markup.parse_myst`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.std import make_glossary_term
from sphinx.locale import get_translation

from .catalog import key

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator

    from .catalog import CatalogItem
    from .model import SeedEntry

MESSAGE_CATALOG = "seed_glossary"
_ = get_translation(MESSAGE_CATALOG)

#: Parses curated MyST text: (text, source path, first line) -> nodes.
MarkupParser = Callable[[str, str, int], list[nodes.Node]]


class backlinks_placeholder(nodes.General, nodes.Element):
    """Where an entry's "Referenced from" list goes; filled after reading.

    Replaced (or removed) by :class:`seed_glossary.links.AutolinkTransform`
    before any writer sees it; the visitors only guard against builders that
    write unresolved doctrees.
    """


def skip_node(translator: object, node: nodes.Node) -> None:
    """Visitor for :class:`backlinks_placeholder` in every writer: nothing to write."""
    raise nodes.SkipNode


class backlinks_line(nodes.General, nodes.Element):
    """A filled "Referenced from" line, for builders that write HTML pages.

    A long glossary has thousands of these lines and each names a few links;
    as ordinary nodes (paragraph, reference, inline, text, separators) they
    were a third of the nodes of the page, and every later transform, the
    search indexer and the writer walked them all. Here one node holds the
    line as data, already resolved: ``sg_label`` and ``sg_links``, a list of
    ``(text, href, span class)``.
    :func:`visit_backlinks_line_html` writes exactly the HTML that the
    ordinary nodes gave. Other builders get ordinary nodes instead.
    """


def _span_html(text_html: str, span_class: str) -> str:
    """``<span class="...">text</span>``, as Sphinx writes an ``inline``.

    :param text_html: the text, already escaped
    """
    return f'<span class="{span_class}">{text_html}</span>'


def href_of(reference: nodes.Element) -> str:
    """Where a resolved internal reference points: its URI, or "#" and its id."""
    uri = reference.get("refuri")
    return "#" + reference["refid"] if uri is None else str(uri)


def _internal_link_html(
    translator: HTML5Translator, text: str, href: str, span_class: str
) -> str:
    """A resolved cross-reference as Sphinx writes it: ``<a>`` around a span."""
    return _link_html(translator, translator.encode(text), href, span_class)


def _link_html(
    translator: HTML5Translator, text_html: str, href: str, span_class: str
) -> str:
    """:func:`_internal_link_html` of text already escaped.

    As in Sphinx's ``visit_reference``, an empty URI (this very page) is "#".
    """
    # A page links each target many times (30,000 links to 10,000 entries in
    # a large glossary): escape each URI once per translator, that is per page.
    escaped = translator.__dict__.setdefault("_sg_escaped_uris", {})
    uri = escaped.get(href)
    if uri is None:
        uri = escaped[href] = translator.attval(href or "#")
    return (
        f'<a class="reference internal" href="{uri}">'
        f"{_span_html(text_html, span_class)}</a>"
    )


def visit_backlinks_line_html(translator: HTML5Translator, node: nodes.Element) -> None:
    """Write a :class:`backlinks_line`, every piece of text escaped."""
    links = [
        _internal_link_html(translator, text, href, span_class)
        for text, href, span_class in node["sg_links"]
    ]
    # starttag() works through every attribute; a line has no ids or classes
    # of its own unless another extension gave it some.
    if node["ids"] or node["classes"]:
        start = translator.starttag(node, "p", "", CLASS="sg-backlinks")
    else:
        start = '<p class="sg-backlinks">'
    translator.body.append(
        start
        + f"<em>{translator.encode(node['sg_label'])}</em> "
        + ", ".join(links)
        + "</p>\n"
    )
    raise nodes.SkipNode


#: Classes of an autolink's text: those of a ``:term:`` link's, and ours.
AUTOLINK_CLASSES = ("xref", "std", "std-term", "sg-autolink")
_AUTOLINK_SPAN_CLASS = " ".join(AUTOLINK_CLASSES)


class autolink_text(nodes.Text):
    """The text of an autolink, for builders that write HTML.

    A ``:term:`` link is ``pending_xref(inline(text))``, resolved to
    ``reference(inline(text))``. A glossary of 10,000 seeds has some 30,000
    autolinks, and every later transform, the search indexer and the writer
    walk each of their nodes. Here the ``inline`` is folded into its text:
    :func:`visit_autolink_text_html` writes the same ``<span>`` with
    :data:`AUTOLINK_CLASSES`. It is still a ``Text`` node to everything else
    (the search index, ``astext()``, other writers), and copies of it, which
    Sphinx makes when it resolves the link, keep the type.
    """


def visit_autolink_text_html(translator: HTML5Translator, node: nodes.Text) -> None:
    """Write an :class:`autolink_text` as its ``inline`` would be, escaped."""
    translator.body.append(
        _span_html(translator.encode(node.astext()), _AUTOLINK_SPAN_CLASS)
    )


class autolink_reference(nodes.reference):
    """A resolved autolink in an HTML page: what Sphinx made of it, renamed.

    :class:`seed_glossary.links.CompactAutolinks` gives this type to the
    ``reference`` that Sphinx resolves an autolink to, when it has only the
    attributes of a resolved term link. It is still a ``nodes.reference``
    to everything that asks; :func:`visit_autolink_reference_html` writes
    the ``<a>`` tag as Sphinx's ``visit_reference`` does, without the
    general case's work (writing a 10,000-seed glossary: 1.5 s -> 1.3 s).
    """


def visit_autolink_reference_html(
    translator: HTML5Translator, node: nodes.Element
) -> None:
    """Write an :class:`autolink_reference` and its text, escaped."""
    translator.body.append(
        _internal_link_html(
            translator, node.astext(), href_of(node), _AUTOLINK_SPAN_CLASS
        )
    )
    raise nodes.SkipNode


class linked_text(nodes.Text):
    """Text with resolved autolinks in it, as one node (``html``, ``dirhtml``).

    After Sphinx resolves the autolinks of a paragraph, its run of text
    nodes and plain autolink references (``Text``, ``reference``, ``Text``,
    ...) folds into this one node, so every later transform, the search
    indexer and the writer walk as many nodes as without autolinks. Its text
    is the run's text; :attr:`sg_links` holds each link's ``(start, end,
    href)``; :func:`visit_linked_text_html` writes what the run would.
    """

    sg_links: tuple[tuple[int, int, str], ...] = ()

    def copy(self) -> linked_text:
        """A copy with its links (``Text.copy`` keeps only the text)."""
        node = linked_text(str(self))
        node.sg_links = self.sg_links
        return node

    def deepcopy(self) -> linked_text:
        return self.copy()


def visit_linked_text_html(translator: HTML5Translator, node: linked_text) -> None:
    """Write a :class:`linked_text`: its text, and each link as Sphinx would."""
    text = str(node)
    # Escaping works character by character: if the whole text needs none,
    # no piece does (one pass instead of two per link).
    escape = _as_is if translator.encode(text) == text else translator.encode
    body = translator.body
    position = 0
    for start, end, href in node.sg_links:
        if start > position:
            body.append(escape(text[position:start]))
        body.append(
            _link_html(translator, escape(text[start:end]), href, _AUTOLINK_SPAN_CLASS)
        )
        position = end
    if position < len(text):
        body.append(escape(text[position:]))


def _as_is(text: str) -> str:
    return text


def render_glossary(
    items: Sequence[CatalogItem],
    *,
    env: BuildEnvironment,
    document: nodes.document,
    docname: str,
    parse_markup: MarkupParser,
    backlinks: bool = True,
    taken: frozenset[str] = frozenset(),
) -> addnodes.glossary:
    """Build the ``glossary`` node for the catalog items, in their order.

    :param items: sorted items from :func:`seed_glossary.catalog.build_catalog`
    :param env: the build environment (terms are registered in its std domain)
    :param document: the document being read
    :param docname: its name, for the cross-references we create
    :param parse_markup: parser for curated MyST text
    :param backlinks: end each entry with a "Referenced from" placeholder
    :param taken: lower-cased names that other pages already define as terms;
        shown, but not registered again (links keep going where they went)
    """
    glossary = addnodes.glossary()
    glossary.document = document
    # GlossarySorter re-sorts after translation; our order already matches it.
    glossary["sorted"] = True
    dlist = nodes.definition_list(classes=["glossary", "sg-glossary"])
    for item in items:
        dlist += _render_item(
            item, env, document, docname, parse_markup, backlinks, taken
        )
    glossary += dlist
    return glossary


def _render_item(
    item: CatalogItem,
    env: BuildEnvironment,
    document: nodes.document,
    docname: str,
    parse_markup: MarkupParser,
    backlinks: bool,
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
    definition["sg_key"] = item_key(item)
    if backlinks:
        definition += backlinks_placeholder("", sg_key=item_key(item))
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


def initial(name: str) -> str:
    """The A–Z bar letter of a name: its first letter without accents, or "#"."""
    base = unicodedata.normalize("NFD", name)[:1].upper()
    return base if "A" <= base <= "Z" else "#"


def render_az_bar(glossary: addnodes.glossary) -> nodes.paragraph:
    """A–Z links to the first entry of each letter; letters without one dimmed.

    A plain paragraph of internal references, so every builder shows it.
    """
    first: dict[str, str] = {}
    for item in glossary.findall(nodes.definition_list_item):
        term = item[0]
        if isinstance(term, nodes.term) and term["ids"]:
            first.setdefault(initial(term.astext()), term["ids"][0])
    return _letter_bar(
        first,
        lambda letter: nodes.reference(
            letter, letter, internal=True, refid=first[letter], classes=["sg-az-letter"]
        ),
    )


def render_letter_bar(
    pages: dict[str, str], docname: str, current: str | None = None
) -> nodes.paragraph:
    """The A–Z bar of a split glossary: letters link to their pages."""
    return _letter_bar(
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


def _letter_bar(
    present: Collection[str],
    link: Callable[[str], nodes.Node],
    current: str | None = None,
) -> nodes.paragraph:
    """A to Z (and "#" if used): the current letter strong, absent ones dimmed."""
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    if "#" in present:
        letters.append("#")
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


def item_key(item: CatalogItem) -> str:
    """The key that identifies an item across the build: its folded headword."""
    return key(item.names[0])


def term_reference(name: str, docname: str) -> addnodes.pending_xref:
    """A ``:term:`` cross-reference to *name*, resolved by Sphinx's std domain.

    Marked ``sg_generated``: "See also" links are not counted as references.
    """
    return addnodes.pending_xref(
        "",
        nodes.inline(name, name, classes=["xref", "std", "std-term"]),
        refdomain="std",
        reftype="term",
        reftarget=name,
        refexplicit=True,
        refwarn=True,
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
