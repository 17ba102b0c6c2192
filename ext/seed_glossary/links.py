"""Cross-references between pages and entries, settled after reading.

Terms are known only once every page is read, so linking happens in steps:

1. ``doctree-read`` (:func:`read_page_links`): the page's ``:term:`` links are
   recorded, and its linkable text is saved as plain data (a sidecar file,
   see :mod:`.sidecar`), with the ordinal of each text node in the walk of
   the page (:func:`walk`).
2. ``env-updated`` (:func:`seed_glossary.settle.settle_links`): each page
   whose text or whose names changed is planned again from its saved text
   (:func:`seed_glossary.autolink.plan_page`), without loading its doctree;
   the backlinks of every entry follow. Pages whose links or backlinks
   changed are returned, so Sphinx writes them again.
3. At write time, :class:`seed_glossary.transforms.AutolinkTransform` walks the
   page the same way and puts the planned ``pending_xref`` nodes into the
   same text nodes, before Sphinx resolves references.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.matching import Matcher

from . import sidecar
from .autolink import (
    Unit,
)
from .catalog import written
from .domain import get_domain
from .render import ENTRY_KEY

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

#: Page metadata that turns autolinking off for one page.
OPT_OUT_METADATA = "seed_glossary_autolink"
#: Page metadata that turns the check of names to avoid off for one page.
TERMINOLOGY_METADATA = "seed_glossary_terminology"

# Text under these nodes is never linked: code, headings, existing links, raw.
_NEVER_LINK = (
    nodes.FixedTextElement,
    nodes.literal,
    nodes.title,
    nodes.subtitle,
    nodes.rubric,
    nodes.reference,
    nodes.term,
    nodes.raw,
    nodes.comment,
    nodes.target,
    nodes.math,
    nodes.image,
    nodes.field_name,
    nodes.abbreviation,
    nodes.substitution_definition,
    nodes.system_message,
    nodes.citation_reference,
    nodes.footnote_reference,
    nodes.option_string,
    nodes.option_argument,
    nodes.title_reference,
    nodes.caption,
    nodes.label,
    addnodes.pending_xref,
    addnodes.literal_emphasis,
    addnodes.literal_strong,
    addnodes.index,
    addnodes.desc_signature,
    addnodes.toctree,
    addnodes.seealso,
    addnodes.start_of_file,
)
#: Classes of elements whose text is never linked: roles' output (``xref``,
#: ``kbd``, ``menuselection``, ``guilabel``, ``program``, ``command``), raw HTML
#: shown as text, "See" lines, "Referenced from" lines.
_NEVER_LINK_CLASSES = frozenset(
    {
        "xref",
        "kbd",
        "menuselection",
        "guilabel",
        "program",
        "command",
        "sg-raw",
        "sg-see",
        "sg-backlinks",
    }
)


_EMPHASIS = (nodes.emphasis, nodes.strong)


# -- where mentions may be linked -------------------------------------------------


class LinkScope:
    """The ``seed_glossary_autolink`` setting, applied to pages."""

    def __init__(self, config: Config) -> None:
        setting = config.seed_glossary_autolink
        self.setting = repr(setting)
        self.enabled = setting not in (False, None, "none", "")
        self.everywhere = setting == "all"
        if isinstance(setting, str) and setting not in ("all", "glossary", "none", ""):
            patterns = [setting]  # one glob, as if given in a list
        elif isinstance(setting, (list, tuple)):
            patterns = list(setting)
        else:
            patterns = []  # "glossary", "all", True (on), False
        self._matcher = Matcher(patterns) if patterns else None

    def prose(self, docname: str) -> bool:
        """Are mentions in this page's prose (outside entries) linked?"""
        if not self.enabled:
            return False
        return self.everywhere or (self._matcher is not None and self._matcher(docname))


def opted_out(metadata: dict[str, Any], name: str = OPT_OUT_METADATA) -> bool:
    """Does the page's metadata turn a feature off (``seed_glossary_autolink``)?"""
    value = metadata.get(name, True)
    return value is False or str(value).strip().lower() in ("false", "no", "off", "0")


# -- the walk of a page -----------------------------------------------------------


#: A run: consecutive text nodes of one parent, its unit and its block.
Run = tuple[list[nodes.Text], Unit, int]


@dataclass
class CodeBeside:
    """What code says beside the text of a page, gathered by :func:`walk`."""

    #: ``(ordinal, block, text)`` of each inline literal, set before the run
    #: of that ordinal, in that block
    inline: list[tuple[int, int, str]] = field(default_factory=list)
    #: the names that the signatures of the described object declare (its
    #: parameters), by block of its description
    declared: dict[int, list[str]] = field(default_factory=dict)


def walk(
    root: nodes.Element, docname: str, code: CodeBeside | None = None
) -> tuple[list[Run], list[tuple[addnodes.pending_xref, Unit]]]:
    """The page's runs of linkable text and its cross-references, in order.

    A run is the consecutive text nodes of one element: MyST makes a text
    node of each source line, and a name may wrap from one to the next. Its
    unit is the glossary entry it is in, else the page; its block numbers the
    paragraph (outermost text element) it is in. Pages merged into *root*
    (``start_of_file``, in ``singlehtml`` and LaTeX builds) are left out: each
    is walked on its own. The same walk runs when the page is read and when it
    is written, so a run's index names the same nodes both times. *code*, if
    given, gathers the inline code and the declared parameters beside the runs.
    """
    runs: list[Run] = []
    xrefs: list[tuple[addnodes.pending_xref, Unit]] = []
    blocks = 0
    run: list[nodes.Text] = []
    no_names: tuple[str, ...] = ()
    stack = [(iter(root.children), Unit(f"{docname}#"), -1, no_names)]
    while stack:
        children, unit, block, declared = stack[-1]
        child = next(children, None)
        if isinstance(child, nodes.Text):
            run.append(child)
            continue
        if run:  # the run ends at an element, or with its parent
            if block < 0:
                blocks += 1
            runs.append((run, unit, block if block >= 0 else blocks))
            run = []
        if child is None:
            stack.pop()
            continue
        assert isinstance(child, nodes.Element)
        if _never_linked(child):
            if not isinstance(child, addnodes.start_of_file):
                # A :term: in a heading still counts as a mention in its unit.
                xrefs += zip(_xrefs_within(child), repeat(unit))
                if code is not None and block >= 0:
                    code.inline += (
                        (len(runs), block, literal.astext())
                        for literal in child.findall(_is_code)
                    )
            continue
        if isinstance(child, nodes.definition) and child.get(ENTRY_KEY):
            entry = child[ENTRY_KEY]
            unit = Unit(f"{docname}#{entry}", entry)
        if code is not None and isinstance(child, addnodes.desc):
            # The innermost object's own: a method's, not its class's.
            declared = tuple(_declared_names(child))
        if block < 0 and isinstance(child, nodes.TextElement):
            blocks += 1
            if code is not None and declared:
                code.declared[blocks] = list(declared)
            stack.append((iter(child.children), unit, blocks, declared))
        else:
            stack.append((iter(child.children), unit, block, declared))
    return runs, xrefs


def _is_code(node: nodes.Node) -> bool:
    """Inline code: a literal, or a role's code in bold or italics
    (``:program:``, ``:command:``, ``:mimetype:``)."""
    return isinstance(
        node, (nodes.literal, addnodes.literal_strong, addnodes.literal_emphasis)
    )


def _declared_names(desc: addnodes.desc) -> list[str]:
    """The parameters that the signatures of a described object declare.

    A parameter's name is a ``desc_sig_name`` that is no cross-reference and
    holds none: the type is one, around the name (Python's annotations) or
    inside it (C and C++ types).
    """
    return [
        name.astext().lstrip("*")  # "*args", where Sphinx could not parse
        for signature in desc.children
        if isinstance(signature, addnodes.desc_signature)
        for parameter in signature.findall(addnodes.desc_parameter)
        for name in parameter.findall(addnodes.desc_sig_name)
        if not any(name.findall(addnodes.pending_xref))
        and not _inside_xref(name, parameter)
    ]


def _inside_xref(node: nodes.Element, stop: nodes.Element) -> bool:
    parent = node.parent
    while parent is not None and parent is not stop:
        if isinstance(parent, addnodes.pending_xref):
            return True
        parent = parent.parent
    return False


def _never_linked(element: nodes.Element) -> bool:
    return isinstance(element, _NEVER_LINK) or not _NEVER_LINK_CLASSES.isdisjoint(
        element["classes"]
    )


def _xrefs_within(root: nodes.Element) -> list[addnodes.pending_xref]:
    """*root* itself if a ``pending_xref``, else those under it, in order,
    not in pages merged into it."""
    found = []
    stack: list[nodes.Node] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, addnodes.pending_xref):
            found.append(node)
        elif isinstance(node, nodes.Element) and not isinstance(
            node, addnodes.start_of_file
        ):
            stack.extend(reversed(node.children))
    return found


def text_of(run: list[nodes.Text]) -> str:
    """What a run of text nodes shows (``astext()``: backslash-escapes removed)."""
    return "".join(text.astext() for text in run)


def is_term_link(xref: addnodes.pending_xref) -> bool:
    """A ``:term:`` written by an author (not one of ours, not intersphinx)."""
    return (
        xref.get("refdomain") == "std"
        and xref.get("reftype") == "term"
        and not xref.get("sg_generated")
        and not xref.get("sg_autolink")
        and not xref.get("inventory")  # :external+inv:term: points elsewhere
    )


# -- step 1: when a page is read ----------------------------------------------------


def read_page_links(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: the page's ``:term:`` links, and its linkable text."""
    env = app.env
    domain = get_domain(env)
    docname = env.docname
    code = CodeBeside()
    runs, xrefs = walk(doctree, docname, code)
    domain.xrefs[docname] = tuple(
        (written(xref.get("reftarget", "")), unit.entry)
        for xref, unit in xrefs
        if is_term_link(xref)
    )
    domain.see_xrefs[docname] = tuple(
        sorted(
            {
                written(xref.get("reftarget", ""))
                for xref, _unit in xrefs
                if xref.get("sg_generated")
            }
        )
    )
    # Every page's prose is kept, linked or not: abbreviations and names to
    # avoid are looked for in all of it.
    # Entries of glossaries written by hand are linked only when asked.
    skipped = (
        set()
        if env.config.seed_glossary_autolink_handwritten
        else {
            item.key
            for page in domain.pages.get(docname, ())
            for item in page.items
            if item.handwritten
        }
    )
    units: dict[Unit, int] = {}
    captured = [
        (
            ordinal,
            units.setdefault(unit, len(units)),
            block,
            text_of(texts),
            texts[0].parent.line or 0 if texts[0].parent is not None else 0,
        )
        for ordinal, (texts, unit, block) in enumerate(runs)
        if unit.entry is None or unit.entry not in skipped
    ]
    if not captured:
        return
    linked = [
        (units[unit], written(xref.get("reftarget", "")))
        for xref, unit in xrefs
        if unit in units and is_term_link(xref)
    ]
    # The "See" and "See also" lines of entries: entries their authors relate.
    see = [
        (units[unit], written(xref.get("reftarget", "")))
        for xref, unit in xrefs
        if unit in units and unit.entry and xref.get("sg_generated")
    ]
    # Runs set in italics or bold on their own: where a writer introduces a term.
    emphasized = [
        ordinal
        for ordinal, (texts, unit, _block) in enumerate(runs)
        if unit in units and isinstance(texts[0].parent, _EMPHASIS)
    ]
    # Runs right after an element never linked (inline code, a link): "the
    # ``gc`` module", "``Stable``-Suite" name the kind of what it shows.
    after_element = [
        ordinal
        for ordinal, (texts, unit, _block) in enumerate(runs)
        if unit in units and _follows_never_linked(texts[0])
    ]
    sections = _sections(doctree, [texts[0] for texts, _unit, _block in runs])
    page = {
        "units": [[u.ident, u.entry] for u in units],
        "linked": linked,
        "see": see,
        "title": _title(doctree),
        "headings": [heading for heading, _span in sections],
        "section_spans": [span for _heading, span in sections],
        "emphasized": emphasized,
        "after_element": after_element,
        "inline_code": code.inline,
        "declared": sorted(code.declared.items()),
    }
    domain.texts[docname] = sidecar.write_lines(
        sidecar.path(env, "text", docname), [page, *captured]
    )


def _sections(
    doctree: nodes.document, first_texts: list[nodes.Text]
) -> list[tuple[str, tuple[int, int]]]:
    """Each titled section's heading, and the ordinals of the first and last
    run in it (``(-1, -1)``: none), in document order."""
    spans: dict[int, list[int]] = {}
    for ordinal, text in enumerate(first_texts):
        node = text.parent
        while node is not None:
            if isinstance(node, nodes.section):
                spans.setdefault(id(node), [ordinal, ordinal])[1] = ordinal
            node = node.parent
    found = []
    for section in doctree.findall(nodes.section):
        if section.children and isinstance(section[0], nodes.title):
            first, last = spans.get(id(section), (-1, -1))
            found.append((section[0].astext(), (first, last)))
    return found


def _follows_never_linked(text: nodes.Text) -> bool:
    """Is the element right before *text*, in the same parent, never linked?"""
    parent = text.parent
    if parent is None:
        return False
    index = parent.index(text)
    before = parent[index - 1] if index else None
    return isinstance(before, nodes.Element) and _never_linked(before)


def _title(doctree: nodes.document) -> str:
    """The page's title, as Sphinx takes it: its first section's."""
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None or not section.children:
        return ""
    first = section[0]
    return first.astext() if isinstance(first, nodes.title) else ""
