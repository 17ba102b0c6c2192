"""At write time: put the planned autolinks and "Referenced from" lines in.

Both are ordinary nodes: an autolink is the ``pending_xref`` that a ``:term:``
role makes, which Sphinx resolves into the same ``reference``; a "Referenced
from" line is a paragraph of such links. Every builder writes them, and
another extension's ``doctree-resolved`` handler, the search index and
translations see what readers see.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.nodes import clean_astext, make_refnode

from ._compat import singlehtml_anchor
from .catalog import key
from .domain import get_domain
from .i18n import _
from .links import text_of, walk
from .model import WarningSubtype
from .render import ENTRY_KEY, SEE_LINK_CLASS, term_reference

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from .autolink import PlannedLink
    from .domain import Place, Source
    from .terminology import AbbreviationUse

logger = logging.getLogger(__name__)

#: Classes of an autolink's text: those of a ``:term:`` link's, and ours.
AUTOLINK_CLASSES = ("xref", "std", "std-term", "sg-autolink")
#: Class of the text of each link in a "Referenced from" line.
BACKLINK_CLASS = "sg-backlink"


class AutolinkTransform(SphinxPostTransform):
    """Insert the planned autolinks (:func:`add_backlinks` adds the lines of
    back-references)."""

    # Right before ReferencesResolver (10), which resolves what we add.
    default_priority = 9

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        expand = self.config.seed_glossary_expand_abbreviations
        for docname, root in _roots(self.env.docname, self.document):
            plan = domain.plans.get(docname)
            expansions = (
                [use for use in plan.abbreviations if not use.spelled_before]
                if plan is not None and expand
                else []
            )
            if plan is not None and (plan.links or expansions):
                insert_links(root, docname, plan.links, expansions)


def _roots(docname: str, document: nodes.document) -> list[tuple[str, nodes.Element]]:
    """One page, or (singlehtml, latex, texinfo, man) every page merged into
    one, each included page in a ``start_of_file`` node."""
    roots: list[tuple[str, nodes.Element]] = [(docname, document)]
    roots += [
        (node["docname"], node) for node in document.findall(addnodes.start_of_file)
    ]
    return roots


def add_backlinks(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: each entry's "Referenced from" line.

    Its links are made resolved (``make_refnode``, as Sphinx resolves a
    ``doc`` or ``term`` link), one ``reference`` around the text per source:
    nothing for Sphinx to resolve, and the fewest nodes to write.
    """
    domain = get_domain(app.env)
    if not (app.config.seed_glossary_backlinks and domain.backlinks):
        return
    shown = app.config.seed_glossary_backlinks_shown
    singlehtml = app.builder.name == "singlehtml"
    for page, root in _roots(docname, doctree):
        for definition in _entries(root):
            sources = domain.backlinks.get(definition[ENTRY_KEY], ())
            if sources:
                line = backlinks_line(
                    sources, page, domain.places, shown, app.builder, app.env.titles
                )
                if singlehtml:
                    for reference in line.findall(nodes.reference):
                        singlehtml_anchor(reference, app.config.root_doc)
                definition += line


def insert_links(
    root: nodes.Element,
    docname: str,
    links: Sequence[PlannedLink],
    expansions: Sequence[AbbreviationUse] = (),
) -> None:
    """Replace each run of text that has planned links by its text and the links.

    :param expansions: abbreviations to follow with what they stand for, in
        brackets (``seed_glossary_expand_abbreviations``)

    A run that is no longer what was planned (another extension changed it
    after reading) keeps its text and gets no links, and a warning says how
    many links the page lost.
    """
    by_run: dict[int, list[PlannedLink]] = defaultdict(list)
    for link in links:
        by_run[link.run].append(link)
    after: dict[int, dict[int, str]] = defaultdict(dict)
    for use in expansions:
        after[use.run][use.end] = f" ({'; '.join(use.expansions)})"
        by_run.setdefault(use.run, [])
    runs, _xrefs = walk(root, docname)
    lost = 0
    for ordinal, planned in sorted(by_run.items()):
        if ordinal >= len(runs):
            lost += len(planned)
            continue
        texts, _unit, _block = runs[ordinal]
        value = text_of(texts)
        if any(value[link.start : link.end] != link.surface for link in planned) or any(
            end > len(value) for end in after[ordinal]
        ):
            lost += len(planned)
            continue
        parent = texts[0].parent
        assert parent is not None
        # By identity: Text nodes are strings, and list.index compares values.
        index = next(i for i, child in enumerate(parent.children) if child is texts[0])
        del parent.children[index : index + len(texts)]
        pieces = _linked(value, planned, docname, parent, after[ordinal])
        for offset, piece in enumerate(pieces):
            parent.insert(index + offset, piece)
    if lost:
        logger.warning(
            "%d autolink(s) planned for this page were not put in: its text "
            "changed after it was read (another extension's transform?)",
            lost,
            type="seed_glossary",
            subtype=WarningSubtype.AUTOLINK_LOST,
            location=(docname, None),
        )


def _linked(
    text: str,
    links: list[PlannedLink],
    docname: str,
    parent: nodes.Element,
    after: dict[int, str],
) -> list[nodes.Node]:
    """The run's text as text and ``pending_xref`` nodes; *after* adds text
    (an expansion) at the given offsets, after a link that ends there."""
    out: list[nodes.Node] = []
    position = 0
    cuts = sorted(after)

    def plain(upto: int) -> None:
        nonlocal position
        while cuts and cuts[0] <= upto:
            cut = cuts.pop(0)
            if cut > position:
                out.append(nodes.Text(text[position:cut]))
                position = cut
            out.append(nodes.Text(after[cut]))
        if upto > position:
            out.append(nodes.Text(text[position:upto]))
            position = upto

    for link in links:
        plain(link.start)
        xref = addnodes.pending_xref(
            "",
            nodes.inline(link.surface, link.surface, classes=list(AUTOLINK_CLASSES)),
            refdomain="std",
            reftype="term",
            reftarget=link.name,
            refexplicit=True,
            refwarn=False,
            refdoc=docname,
            sg_autolink=True,
        )
        xref.source, xref.line = parent.source, parent.line
        out.append(xref)
        position = link.end
    plain(len(text))
    return out


def _entries(root: nodes.Element) -> list[nodes.definition]:
    """Our glossary entries in *root*, not in pages merged into it."""
    found = []
    stack: list[nodes.Node] = list(root.children)
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.definition) and node.get(ENTRY_KEY):
            found.append(node)
        elif isinstance(node, nodes.Element) and not isinstance(
            node, (nodes.TextElement, addnodes.start_of_file)
        ):
            stack.extend(node.children)
    return found


def backlinks_line(
    sources: Sequence[Source],
    docname: str,
    places: dict[str, Place],
    shown: int,
    builder: Builder,
    titles: dict[str, nodes.title],
) -> nodes.paragraph:
    """ "Referenced from:" and a link to each page or entry in *sources*.

    :param shown: how many links the line holds (0: all); the others are
        counted ("and 12 more", in an ``inline`` with the class
        ``sg-backlinks-more``): the link report lists them all
    :param titles: the pages' titles (``env.titles``), the text of their links
    """
    label = _("Referenced from:")
    para = nodes.paragraph("", "", nodes.emphasis(label, label), nodes.Text(" "))
    para["classes"].append("sg-backlinks")
    listed = sources[:shown] if shown else sources
    for n, (page, entry) in enumerate(listed):
        if n:
            para += nodes.Text(", ")
        if entry is not None:
            place = places.get(entry)
            if place is None or not place.anchor:
                # Not a seed or hand-written entry we know: Sphinx resolves it.
                para += term_reference(entry, docname, BACKLINK_CLASS, warn=False)
                continue
            text, target, anchor = place.headword, place.docname, place.anchor
        else:
            title = titles.get(page)
            text = clean_astext(title) if title is not None else page
            target, anchor = page, None
        reference = make_refnode(
            builder, docname, target, anchor, nodes.Text(text), None
        )
        reference["classes"].append(BACKLINK_CLASS)
        para += reference
    if len(sources) > len(listed):
        more = _(" and {count} more").format(count=len(sources) - len(listed))
        para += nodes.inline(more, more, classes=["sg-backlinks-more"])
    return para


#: Class of the ``reference`` that Sphinx resolves an autolink to.
AUTOLINK_REFERENCE_CLASS = "sg-autolink-link"


class MarkAutolinks(SphinxPostTransform):
    """Give each resolved autolink's ``reference`` a class, for style sheets.

    Sphinx makes a new ``reference`` when it resolves a ``pending_xref``; the
    class of its text is ours, the reference's is not, and CSS cannot style
    a link by the class of its child in every reader (``:has()``).
    """

    default_priority = 11  # right after ReferencesResolver (10)

    def run(self, **kwargs: Any) -> None:
        autolink = AUTOLINK_CLASSES[-1]
        for reference in self.document.findall(nodes.reference):
            first = reference.children[0] if reference.children else None
            if isinstance(first, nodes.inline) and autolink in first["classes"]:
                reference["classes"].append(AUTOLINK_REFERENCE_CLASS)


class AbbreviationTitles(SphinxPostTransform):
    """HTML: a link whose text is an abbreviation says what it stands for.

    Its text goes into an ``abbreviation`` node, which HTML writes as
    ``<abbr title="...">``: screen readers read it, browsers show it on
    hover, and the style sheet on focus. Only HTML: LaTeX and text writers
    spell out every abbreviation node (see ``seed_glossary_expand_abbreviations``
    for the first use in every builder).
    """

    formats = ("html",)
    default_priority = 12  # after ReferencesResolver (10)

    def run(self, **kwargs: Any) -> None:
        known: dict[str, tuple[str, ...]] = get_domain(self.env).data.get(
            "abbreviations", {}
        )
        if not known:
            return
        for reference in self.document.findall(nodes.reference):
            inline = reference.children[0] if reference.children else None
            if (
                not isinstance(inline, nodes.inline)
                or "std-term" not in inline["classes"]
            ):
                continue
            text = inline.astext()
            expansions = known.get(key(text)) or (
                known.get(key(text[:-1])) if text.endswith("s") else None
            )
            if expansions and not inline.next_node(nodes.abbreviation):
                abbreviation = nodes.abbreviation(
                    text,
                    "",
                    *inline.children,
                    explanation="; ".join(expansions),
                    classes=["sg-abbr"],
                )
                inline.children = []
                inline += abbreviation


class SingleHTMLAnchors(SphinxPostTransform):
    """``singlehtml``: our links point at anchors the one page has.

    Only the links this extension made (autolinks, "See also" and "Referenced
    from" lines); see :func:`seed_glossary._compat.singlehtml_anchor`.
    """

    builders = ("singlehtml",)
    default_priority = 20  # after ReferencesResolver (10)

    def run(self, **kwargs: Any) -> None:
        for reference in self.document.findall(nodes.reference):
            if _made_here(reference):
                singlehtml_anchor(reference, self.config.root_doc)


def _made_here(reference: nodes.reference) -> bool:
    """Did this extension make the link (an autolink, "See also", a backlink)?

    A backlink to a page is known by its line: Sphinx gives the text of a
    resolved ``doc`` link a class of its own.
    """
    for parent in (reference.parent, getattr(reference.parent, "parent", None)):
        if isinstance(parent, nodes.Element) and "sg-backlinks" in parent["classes"]:
            return True
    first = reference.children[0] if reference.children else None
    return isinstance(first, nodes.inline) and not _OUR_LINK_CLASSES.isdisjoint(
        first["classes"]
    )


_OUR_LINK_CLASSES = frozenset({AUTOLINK_CLASSES[-1], BACKLINK_CLASS, SEE_LINK_CLASS})
