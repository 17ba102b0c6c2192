"""Cross-references between pages and entries, settled after reading.

Terms are known only once every page is read, so linking happens in steps:

1. ``doctree-read`` (:func:`read_page_links`): the page's ``:term:`` links are
   recorded, and its linkable text is saved as plain data (a sidecar file,
   see :mod:`.sidecar`), with the ordinal of each text node in the walk of
   the page (:func:`walk`).
2. ``env-updated`` (:func:`settle_links`): each page whose text or whose
   names changed is planned again from its saved text
   (:func:`seed_glossary.autolink.plan_page`), without loading its doctree;
   the backlinks of every entry follow. Pages whose links or backlinks
   changed are returned, so Sphinx writes them again.
3. At write time, :class:`seed_glossary.transforms.AutolinkTransform` walks the
   page the same way and puts the planned ``pending_xref`` nodes into the
   same text nodes, before Sphinx resolves references.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import repeat
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util.matching import Matcher

from . import sidecar
from .autolink import LinkNames, PageText, Unit, plan_page
from .catalog import key
from .domain import PagePlan, Place, SeedGlossaryDomain, Source, get_domain
from .render import ENTRY_KEY

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

#: Page metadata that turns autolinking off for one page.
OPT_OUT_METADATA = "seed_glossary_autolink"

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
    nodes.caption,
    nodes.label,
    addnodes.pending_xref,
    addnodes.index,
    addnodes.desc_signature,
    addnodes.toctree,
    addnodes.seealso,
    addnodes.start_of_file,
)
#: Classes of elements whose text is never linked: roles' output (``xref``),
#: raw HTML shown as text, "See" lines, "Referenced from" lines.
_NEVER_LINK_CLASSES = frozenset({"xref", "sg-raw", "sg-see", "sg-backlinks"})


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


def opted_out(metadata: dict[str, Any]) -> bool:
    """Does the page's metadata turn autolinking off (``seed_glossary_autolink``)?"""
    value = metadata.get(OPT_OUT_METADATA, True)
    return value is False or str(value).strip().lower() in ("false", "no", "off", "0")


# -- the walk of a page -----------------------------------------------------------


def walk(
    root: nodes.Element, docname: str
) -> tuple[list[tuple[nodes.Text, Unit]], list[tuple[addnodes.pending_xref, Unit]]]:
    """The page's linkable text nodes and its cross-references, in order.

    Each comes with its unit: the glossary entry, else the section, else the
    page. Pages merged into *root* (``start_of_file``, in ``singlehtml`` and
    LaTeX builds) are left out: each is walked on its own. The same walk runs
    when the page is read and when it is written, so a text node's index in
    the first list names the same node both times.
    """
    texts: list[tuple[nodes.Text, Unit]] = []
    xrefs: list[tuple[addnodes.pending_xref, Unit]] = []
    page_unit = Unit(f"{docname}#")
    stack: list[tuple[nodes.Node, Unit]] = list(
        zip(reversed(root.children), repeat(page_unit))
    )
    while stack:
        node, unit = stack.pop()
        if isinstance(node, nodes.Text):
            texts.append((node, unit))
            continue
        assert isinstance(node, nodes.Element)
        if isinstance(node, _NEVER_LINK) or not _NEVER_LINK_CLASSES.isdisjoint(
            node["classes"]
        ):
            if not isinstance(node, addnodes.start_of_file):
                # A :term: in a heading still counts as a mention in its unit.
                xrefs += zip(_xrefs_within(node), repeat(unit))
            continue
        if isinstance(node, nodes.definition) and node.get(ENTRY_KEY):
            entry = node[ENTRY_KEY]
            unit = Unit(f"{docname}#{entry}", entry)
        elif isinstance(node, nodes.section) and unit.entry is None:
            unit = Unit(f"{docname}#{'/'.join(node['ids'])}")
        stack.extend(zip(reversed(node.children), repeat(unit)))
    return texts, xrefs


def _xrefs_within(root: nodes.Element) -> list[addnodes.pending_xref]:
    """*root* itself if a ``pending_xref``, else those under it, in order."""
    if isinstance(root, addnodes.pending_xref):
        return [root]
    found = []
    for node in root.findall(addnodes.pending_xref, include_self=False):
        if not any(isinstance(p, addnodes.start_of_file) for p in _parents(node, root)):
            found.append(node)
    return found


def _parents(node: nodes.Node, root: nodes.Node) -> list[nodes.Node]:
    out, parent = [], node.parent
    while parent is not None and parent is not root:
        out.append(parent)
        parent = parent.parent
    return out


def text_of(text: nodes.Text) -> str:
    """What a text node shows (``astext()``: backslash-escapes removed)."""
    return text.astext()


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
    texts, xrefs = walk(doctree, docname)
    domain.xrefs[docname] = tuple(
        (key(xref.get("reftarget", "")), unit.entry)
        for xref, unit in xrefs
        if is_term_link(xref)
    )
    scope = LinkScope(env.config)
    if not scope.enabled:
        return
    prose = scope.prose(docname)
    units: dict[Unit, int] = {}
    captured = [
        (ordinal, units.setdefault(unit, len(units)), text_of(text))
        for ordinal, (text, unit) in enumerate(texts)
        if unit.entry is not None or prose
    ]
    if not captured:
        return
    linked = [
        (units[unit], key(xref.get("reftarget", "")))
        for xref, unit in xrefs
        if unit in units and is_term_link(xref)
    ]
    page = {"units": [[u.ident, u.entry] for u in units], "linked": linked}
    domain.texts[docname] = sidecar.write_lines(
        sidecar.path(env, "text", docname), [page, *captured]
    )


def _read_page_text(env: BuildEnvironment, docname: str) -> PageText | None:
    lines = sidecar.read_lines(sidecar.path(env, "text", docname))
    head = next(lines, None)
    if head is None:
        return None
    return PageText(
        units=tuple(Unit(ident, entry) for ident, entry in head["units"]),
        texts=tuple((o, u, t) for o, u, t in lines),
        xrefs=tuple((u, target) for u, target in head["linked"]),
    )


# -- step 2: after reading ------------------------------------------------------------


def link_names(env: BuildEnvironment) -> LinkNames:
    """Every linkable name of this build, with the settings that shape links."""
    return LinkNames(
        (item for _docname, item in get_domain(env).items()),
        env.config.seed_glossary_autolink_exclude,
        LinkScope(env.config).setting,
    )


def settle_links(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: plan autolinks, compute backlinks, list pages to rewrite."""
    domain = get_domain(env)
    names = link_names(env)
    scope = LinkScope(env.config)
    rewrite = set()
    for docname in list(domain.plans):
        if docname not in domain.texts:  # nothing to link on it any more
            del domain.plans[docname]
            rewrite.add(docname)
    for docname, digest in sorted(domain.texts.items()):
        plan = domain.plans.get(docname)
        if plan and (plan.text_digest, plan.names_digest) == (digest, names.digest):
            continue
        page = _read_page_text(env, docname)
        links: tuple[Any, ...] = ()
        if page is not None and not opted_out(env.metadata.get(docname, {})):
            links = plan_page(page, names, prose=scope.prose(docname))
        if plan is None or plan.links != links:
            rewrite.add(docname)
        domain.plans[docname] = PagePlan(digest, names.digest, links)

    rewrite |= _pages_whose_term_targets_moved(domain, names)
    places = {
        item.key: Place(docname, item.anchor, item.names[0])
        for docname, item in reversed(list(domain.items()))
    }
    backlinks = compute_backlinks(domain, names)
    for docname, item in domain.items():
        if domain.backlinks.get(item.key) != backlinks.get(item.key) or (
            domain.places.get(item.key) != places.get(item.key)
        ):
            rewrite.add(docname)
    domain.data["backlinks"] = backlinks
    domain.data["places"] = places
    return sorted(rewrite & env.found_docs)


def _pages_whose_term_targets_moved(
    domain: SeedGlossaryDomain, names: LinkNames
) -> set[str]:
    """Pages whose ``:term:`` links now resolve elsewhere, or newly or no longer.

    Sphinx writes a page again when its source changes, not when a term it
    links appears in or vanishes from a seed; we know both ends, so we say which.
    """
    previous = domain.data.setdefault("xref_places", {})
    places = {item.key: (docname, item.anchor) for docname, item in domain.items()}
    moved = set()
    for docname, refs in domain.xrefs.items():
        now = tuple(
            sorted(
                {
                    (target, places.get(names.names.get(target, ""), ("", "")))
                    for target, _entry in refs
                }
            )
        )
        if previous.get(docname, now) != now:
            moved.add(docname)
        previous[docname] = now
    return moved


def compute_backlinks(
    domain: SeedGlossaryDomain, names: LinkNames
) -> dict[str, tuple[Source, ...]]:
    """For each entry: the (page, entry or None) pairs that link to it."""
    sources: dict[str, set[Source]] = defaultdict(set)
    for docname, refs in domain.xrefs.items():
        for target_name, from_entry in refs:
            target = names.names.get(target_name)
            if target is not None and target != from_entry:
                sources[target].add((docname, from_entry))
    for docname, plan in domain.plans.items():
        for link in plan.links:
            sources[link.target].add((docname, link.entry))
    return {
        target: tuple(sorted(found, key=lambda s: (s[0], s[1] or "")))
        for target, found in sorted(sources.items())
    }
