"""Cross-references after reading: autolinks, "Referenced from" and the link report.

Terms are known only once every page is read, so linking is settled in two
steps that run the same planner on the same doctree:

1. ``env-updated``: plan each page's autolinks (which names it would link),
   combine them with the explicit ``:term:`` references recorded at read time,
   and store the backlinks of every entry. Pages whose links or backlinks
   changed are returned, so Sphinx writes them again.
2. A post-transform at write time inserts the planned ``pending_xref`` nodes
   (before Sphinx resolves references) and fills each entry's backlinks.

Pages are rescanned only when they were read again or when the set of names
(or the autolink configuration) changed, so a build with nothing changed
scans nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from itertools import repeat
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.matching import Matcher
from sphinx.util.nodes import clean_astext

from .catalog import key
from .domain import SeedGlossaryDomain, app_of, get_domain
from .gcpause import gc_paused, hold_until_resolved, resume_after_resolving
from .matching import Mention, TermMatcher, names_digest
from .render import (
    AUTOLINK_CLASSES,
    _,
    autolink_reference,
    autolink_text,
    backlinks_line,
    backlinks_placeholder,
    href_of,
    linked_text,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
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
    backlinks_placeholder,
)
_NEVER_LINK_CLASSES = frozenset({"xref", "sg-raw", "sg-see", "sg-backlinks"})


@dataclass(frozen=True, slots=True)
class _Unit:
    """Where "first mention" counts: a glossary entry, a section or a page."""

    ident: str
    entry: str | None  # the entry's key, for entries
    own: frozenset[str]  # entries this unit must not link to (itself)


# -- what may be linked, and where ---------------------------------------------


class LinkScope:
    """The autolink configuration, applied to pages."""

    def __init__(self, env: BuildEnvironment, domain: SeedGlossaryDomain) -> None:
        setting = env.config.seed_glossary_autolink
        self.glossary_pages = set(domain.pages)
        self.everywhere = setting == "all"
        self.enabled = setting not in (False, None, "none", "")
        if isinstance(setting, str) and setting not in ("all", "glossary", "none", ""):
            patterns = [setting]  # one glob, as if given in a list
        elif isinstance(setting, (list, tuple)):
            patterns = list(setting)
        else:
            patterns = []  # "glossary", "all", True (the default, on), False
        self.page_matcher = Matcher(patterns) if patterns else None
        self.metadata = env.metadata
        self.setting = setting

    def pages(self, docname: str) -> bool:
        """Are mentions in this page's prose (outside glossaries) linked?"""
        if not self.enabled or _opted_out(self.metadata.get(docname, {})):
            return False
        if self.everywhere:
            return True
        return self.page_matcher is not None and self.page_matcher(docname)

    def entries(self, docname: str) -> bool:
        """Are mentions inside this page's glossary entries linked?"""
        return (
            self.enabled
            and docname in self.glossary_pages
            and not _opted_out(self.metadata.get(docname, {}))
        )

    def covers(self, docname: str) -> bool:
        return self.entries(docname) or self.pages(docname)


def _opted_out(metadata: dict[str, Any]) -> bool:
    value = metadata.get(OPT_OUT_METADATA, True)
    return value is False or str(value).strip().lower() in ("false", "no", "off", "0")


# -- planning ------------------------------------------------------------------


def _walk(
    doctree: nodes.Node,
    scope: LinkScope,
    docname: str,
    own_of: dict[str, frozenset[str]],
) -> tuple[list[tuple[nodes.Text, _Unit]], list[tuple[addnodes.pending_xref, _Unit]]]:
    """One walk of the page: its linkable text nodes and its cross-references.

    Both in document order, each with its unit. Pages merged into the doctree
    (``start_of_file``) are left out: each is planned on its own.
    """
    in_entries, in_pages = scope.entries(docname), scope.pages(docname)
    texts: list[tuple[nodes.Text, _Unit]] = []
    xrefs: list[tuple[addnodes.pending_xref, _Unit]] = []
    page_unit = _Unit(f"{docname}#", None, frozenset())
    # From the root's children: the root may be a merged page itself.
    stack = list(zip(reversed(doctree.children), repeat(page_unit)))
    while stack:
        node, unit = stack.pop()
        kind = _kind_of.get(type(node)) or _kind(type(node))
        if kind is _TEXT:
            if in_entries if unit.entry is not None else in_pages:
                texts.append((node, unit))  # type: ignore[arg-type]
            continue
        if kind is _NEVER or _has_never_link_class(node):
            if isinstance(node, addnodes.pending_xref):
                xrefs.append((node, unit))
            elif not isinstance(node, addnodes.start_of_file):
                # A :term: in a heading still counts as a mention of its unit.
                xrefs += zip(_xrefs_within(node), repeat(unit))
            continue
        if kind is _DEFINITION and node.get("sg_key"):  # type: ignore[attr-defined]
            entry = node["sg_key"]  # type: ignore[index]
            unit = _Unit(
                f"{docname}#{entry}", entry, own_of.get(entry, frozenset({entry}))
            )
        elif kind is _SECTION and unit.entry is None:
            ids = node["ids"]  # type: ignore[index]
            unit = _Unit(f"{docname}#{'/'.join(ids)}", None, frozenset())
        stack.extend(zip(reversed(node.children), repeat(unit)))
    return texts, xrefs


# What the walk does with a node, by its type: a dict lookup is cheaper than
# isinstance() against two dozen classes, for every node of a page.
_TEXT, _NEVER, _DEFINITION, _SECTION, _ELEMENT = (
    "text",
    "never",
    "definition",
    "section",
    "element",
)
_kind_of: dict[type, str] = {}


def _kind(cls: type) -> str:
    if issubclass(cls, nodes.Text):
        kind = _TEXT
    elif issubclass(cls, (*_NEVER_LINK, addnodes.start_of_file)):
        kind = _NEVER
    elif issubclass(cls, nodes.definition):
        kind = _DEFINITION
    elif issubclass(cls, nodes.section):
        kind = _SECTION
    else:
        kind = _ELEMENT
    _kind_of[cls] = kind
    return kind


def _has_never_link_class(node: nodes.Node) -> bool:
    classes = node.attributes.get("classes")  # type: ignore[attr-defined]
    return bool(classes) and not _NEVER_LINK_CLASSES.isdisjoint(classes)


def _text_of(text: nodes.Text) -> str:
    """``text.astext()``, without its three passes when nothing is escaped."""
    plain = str(text)
    return text.astext() if "\x00" in plain else plain


def plan_links(
    doctree: nodes.Node,
    docname: str,
    matcher: TermMatcher,
    scope: LinkScope,
    names: dict[str, str],
    own_of: dict[str, frozenset[str]],
    excluded: frozenset[str],
) -> list[tuple[nodes.Text, list[Mention], _Unit]]:
    """Which text nodes get which autolinks: the first mention per unit only."""
    texts, xrefs = _walk(doctree, scope, docname, own_of)
    seen: dict[str, set[str]] = defaultdict(set)
    # Targets already linked explicitly count as mentioned in their unit.
    for xref, unit in xrefs:
        if xref.get("reftype") == "term" and xref.get("refdomain") == "std":
            target = names.get(key(xref.get("reftarget", "")))
            if target is not None:
                seen[unit.ident].add(target)
    plan = []
    for text, unit in texts:
        chosen = []
        mentioned = seen[unit.ident]
        for mention in matcher.find(_text_of(text)):
            if (
                mention.target in unit.own
                or mention.target in mentioned
                or (
                    excluded
                    and (mention.target in excluded or key(mention.name) in excluded)
                )
            ):
                continue
            mentioned.add(mention.target)
            chosen.append(mention)
        if chosen:
            plan.append((text, chosen, unit))
    return plan


def _xrefs_within(root: nodes.Node) -> list[addnodes.pending_xref]:
    """The ``pending_xref`` under *root*, in order, not in pages merged into it.

    ``singlehtml``, ``latex``, ``texinfo`` and ``man`` resolve one doctree made
    of every page, each included page wrapped in ``start_of_file``. A list and
    a loop, not a generator: the walk asks this of every term, rubric and
    literal (40,000 times for 10,000 seeds), and most hold only text.
    """
    found = []
    stack = list(reversed(root.children))
    while stack:
        node = stack.pop()
        if isinstance(node, (nodes.Text, addnodes.start_of_file)):
            continue
        if isinstance(node, addnodes.pending_xref):
            found.append(node)
        stack.extend(reversed(node.children))
    return found


def _merged_pages_and_placeholders(
    document: nodes.document,
) -> tuple[list[addnodes.start_of_file], list[backlinks_placeholder]]:
    """The pages merged into *document* and the backlinks to fill, in order.

    Neither is ever inside a paragraph or other text element, so the walk
    skips those and their inline content: most of a glossary's nodes.
    """
    pages, placeholders = [], []
    stack: list[nodes.Node] = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, backlinks_placeholder):
            placeholders.append(node)
        elif isinstance(node, (nodes.TextElement, nodes.Text)):
            continue
        else:
            if isinstance(node, addnodes.start_of_file):
                pages.append(node)
            stack.extend(reversed(node.children))
    return pages, placeholders


def _page_of(node: nodes.Node, default: str) -> str:
    """The page *node* comes from, in a merged doctree (else *default*)."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, addnodes.start_of_file):
            return str(parent["docname"])
        parent = parent.parent
    return default


def _enclosing_entry(node: nodes.Node) -> str | None:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.definition) and parent.get("sg_key"):
            return str(parent["sg_key"])
        parent = parent.parent
    return None


# -- shared state --------------------------------------------------------------


class LinkIndex:
    """Names, own-entry sets, matcher and scope for this build (not pickled)."""

    def __init__(self, env: BuildEnvironment) -> None:
        domain = get_domain(env)
        self.names: dict[str, str] = {}
        self.headwords: dict[str, str] = {}
        self.places: dict[str, tuple[str, str]] = {}  # key -> (docname, anchor)
        self.own_of: dict[str, frozenset[str]] = {}
        for _docname, item in domain.items():
            for name in item.names:
                self.names.setdefault(key(name), item.key)
            self.headwords.setdefault(item.key, item.names[0])
            self.places.setdefault(item.key, (_docname, item.anchor))
        for _docname, item in domain.items():
            claimed = {self.names.get(key(alias)) for alias in item.claims}
            self.own_of[item.key] = frozenset({item.key} | {c for c in claimed if c})
        self.excluded = frozenset(
            key(n) for n in env.config.seed_glossary_autolink_exclude
        )
        self.excluded_targets = frozenset(
            self.names[n]
            for n in self.excluded
            if n in self.names and self.names[n] == n
        )
        self.scope = LinkScope(env, domain)
        pairs = []
        for _docname, item in domain.items():
            pairs += [(name, item.key) for name in item.names]
        self.digest = names_digest(
            [
                *pairs,
                ("\0scope", repr(self.scope.setting)),
                ("\0exclude", repr(sorted(self.excluded))),
            ]
        )
        self._pairs = pairs

    @cached_property
    def matcher(self) -> TermMatcher:
        """Built on first use: a build that scans no page never needs it."""
        return TermMatcher(dict(self._pairs))

    def plan(
        self, doctree: nodes.Node, docname: str
    ) -> list[tuple[nodes.Text, list[Mention], _Unit]]:
        return plan_links(
            doctree,
            docname,
            self.matcher,
            self.scope,
            self.names,
            self.own_of,
            self.excluded_targets | self.excluded,
        )


_INDEX_ATTR = "_seed_glossary_link_index"
# Python attributes of a doctree, not node attributes (never pickled or
# copied). The plan made for it at env-updated, with the names digest it was
# made for; the elements that autolinks were put into.
_PLANNED = "_sg_planned"
_AUTOLINKED_PARENTS = "_sg_autolinked_parents"


def link_index(env: BuildEnvironment) -> LinkIndex:
    """The build's :class:`LinkIndex`, made once per build and process."""
    domain = get_domain(env)
    index = getattr(domain, _INDEX_ATTR, None)
    if index is None:
        index = LinkIndex(env)
        setattr(domain, _INDEX_ATTR, index)
    return index


# -- event handlers ------------------------------------------------------------


def collect_explicit_links(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: remember every ``:term:``/``{term}`` reference of the page."""
    env = app.env
    found = []
    for xref in doctree.findall(addnodes.pending_xref):
        if (
            xref.get("refdomain") == "std"
            and xref.get("reftype") == "term"
            and not xref.get("sg_generated")
            and not xref.get("inventory")  # :external+inv:term: points elsewhere
        ):
            found.append((key(xref.get("reftarget", "")), _enclosing_entry(xref)))
    get_domain(env).xrefs[env.docname] = tuple(found)


def note_reread(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: which pages are read in this build."""
    domain = get_domain(env)
    domain.reread = set(docnames)
    # Names may change with the pages read: drop this process's index.
    if hasattr(domain, _INDEX_ATTR):
        delattr(domain, _INDEX_ATTR)


def settle_links(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: plan autolinks, compute backlinks, list pages to rewrite."""
    with gc_paused():
        return _settle_links(env)


def _settle_links(env: BuildEnvironment) -> list[str]:
    domain = get_domain(env)
    if hasattr(domain, _INDEX_ATTR):
        delattr(domain, _INDEX_ATTR)
    index = link_index(env)
    reread = domain.reread
    rescan_all = domain.data.get("autolinks_digest") != index.digest
    rewrite: set[str] = set()
    autolinks = domain.autolinks
    for docname in sorted(env.found_docs):
        if not index.scope.covers(docname):
            if autolinks.pop(docname, None):
                rewrite.add(docname)
            continue
        if docname in autolinks and docname not in reread and not rescan_all:
            continue
        cached = _cached_doctree(env, docname)
        doctree = cached if cached is not None else env.get_doctree(docname)
        plan = index.plan(doctree, docname)
        planned = tuple(
            (mention.target, unit.entry, mention.name)
            for _text, mentions, unit in plan
            for mention in mentions
        )
        if cached is not None:
            # This very doctree is the one Sphinx writes next: keep its plan
            # and spare the write phase a second scan. The links go in at
            # write time, so the transforms before that walk fewer nodes.
            setattr(cached, _PLANNED, (index.digest, plan))
        if autolinks.get(docname) != planned and docname not in reread:
            rewrite.add(docname)
        autolinks[docname] = planned
    domain.data["autolinks_digest"] = index.digest

    rewrite |= _pages_whose_term_targets_moved(domain, index)
    backlinks = compute_backlinks(domain, index)
    previous = domain.data.get("backlinks", {})
    for docname, item in domain.items():
        if previous.get(item.key) != backlinks.get(item.key):
            rewrite.add(docname)
    domain.data["backlinks"] = backlinks
    return sorted(rewrite - reread)


def _pages_whose_term_targets_moved(
    domain: SeedGlossaryDomain, index: LinkIndex
) -> set[str]:
    """Pages whose ``:term:`` links now resolve elsewhere, or newly or no longer.

    Sphinx rewrites a page when its source changes, not when a term it links
    appears in or vanishes from a seed; we know both ends, so we say which.
    """
    previous = domain.data.setdefault("xref_places", {})
    moved = set()
    for docname, refs in domain.xrefs.items():
        places = tuple(
            sorted(
                {
                    (target, index.places.get(index.names.get(target, ""), ("", "")))
                    for target, _e in refs
                }
            )
        )
        if previous.get(docname, places) != places:
            moved.add(docname)
        previous[docname] = places
    for docname in set(previous) - set(domain.xrefs):
        del previous[docname]
    return moved


def _cached_doctree(env: BuildEnvironment, docname: str) -> nodes.document | None:
    """The doctree Sphinx read in this (serial) build and keeps for writing.

    Using it saves unpickling a large glossary once more. In a parallel build,
    or for a page not read again, there is none.
    """
    cache = getattr(env, "_write_doc_doctree_cache", None) or {}
    return cache.get(docname)


def compute_backlinks(
    domain: SeedGlossaryDomain, index: LinkIndex
) -> dict[str, tuple[tuple[str, str | None], ...]]:
    """For each entry: the (page, entry or None) pairs that link to it."""
    sources: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for docname, refs in domain.xrefs.items():
        for target_name, from_entry in refs:
            target = index.names.get(target_name)
            if target is not None and target != from_entry:
                sources[target].add((docname, from_entry))
    for docname, planned in domain.autolinks.items():
        for target, from_entry, _name in planned:
            sources[target].add((docname, from_entry))
    return {
        target: tuple(sorted(found, key=lambda s: (s[0], s[1] or "")))
        for target, found in sorted(sources.items())
    }


class AutolinkTransform(SphinxPostTransform):
    """Insert planned autolinks and fill "Referenced from" lists at write time."""

    # Right before ReferencesResolver (10), which resolves the pending_xref
    # we add: the transforms before it then walk the page without them.
    default_priority = 9

    def run(self, **kwargs: Any) -> None:
        # The links made here, and the nodes Sphinx resolves them to, live as
        # long as the page: no collection until ResumeCollection has frozen
        # them (held from the start, or the first one would walk them all).
        hold_until_resolved()
        with gc_paused():
            self._run()

    def _run(self) -> None:
        index = link_index(self.env)
        digest, planned = self.document.__dict__.pop(_PLANNED, ("", None))
        if digest != index.digest:
            planned = None
        # One page, or (singlehtml, latex, texinfo, man) every page merged
        # into one, each included page in a start_of_file node.
        merged, placeholders = _merged_pages_and_placeholders(self.document)
        pages: list[tuple[str, nodes.Element]] = [(self.env.docname, self.document)]
        pages += [(node["docname"], node) for node in merged]
        builder = app_of(self.env).builder
        html = _writes_html(builder)
        for docname, root in pages:
            if root is self.document and planned is not None:
                _apply(planned, docname, self.document, html)
            elif index.scope.covers(docname):
                _apply(index.plan(root, docname), docname, self.document, html)
        if placeholders:
            # Decided once per page, not once per entry.
            compact = _links_between_pages(builder)
            backlinks = get_domain(self.env).data.get("backlinks", {})
            label = _("Referenced from:")
            for placeholder in placeholders:
                # What replaces the placeholder asks for its document: tell
                # its parent, or the lookup climbs through every ancestor.
                placeholder.parent.document = self.document
                page = _page_of(placeholder, self.env.docname) if merged else None
                _fill_backlinks(
                    placeholder,
                    page,
                    self.env,
                    index,
                    backlinks,
                    builder,
                    compact,
                    label,
                )


class CompactAutolinks(SphinxPostTransform):
    """HTML: resolved autolinks become lighter nodes.

    In ``html`` and ``dirhtml``, each run of text and resolved autolinks in a
    paragraph folds into one :class:`linked_text`; in the other HTML builders
    each resolved autolink becomes an :class:`autolink_reference`. Only the
    elements that autolinks were put into are looked at, not the whole page.
    A link that is not exactly what Sphinx makes of a term link (another
    extension changed it) is left as it is.
    """

    default_priority = 11  # right after ReferencesResolver (10)

    def is_supported(self) -> bool:
        builder = app_of(self.env).builder
        return _writes_html(builder) and _has_our_visitor(builder, autolink_reference)

    def run(self, **kwargs: Any) -> None:
        parents = getattr(self.document, _AUTOLINKED_PARENTS, ())
        fold = _folds_text(app_of(self.env).builder)
        for parent in dict.fromkeys(parents):
            if not isinstance(parent, nodes.TextElement):
                continue  # Sphinx's general case
            if fold:
                _fold(parent)
                continue
            for child in parent.children:
                if _is_plain_autolink(child):
                    # Same node, same attributes, only the type that picks
                    # the visitor changes: cheaper than a new node.
                    child.__class__ = autolink_reference


def _folds_text(builder: Builder) -> bool:
    """Does this builder get :class:`linked_text` nodes (``html``, ``dirhtml``)?

    Only these two, not their subclasses: ``singlehtml`` and ``epub`` revisit
    the references of a resolved page (anchors, ids), so there each link
    stays a ``reference``.
    """
    from sphinx.builders.dirhtml import DirectoryHTMLBuilder
    from sphinx.builders.html import StandaloneHTMLBuilder

    return type(builder) in (StandaloneHTMLBuilder, DirectoryHTMLBuilder) and (
        _has_our_visitor(builder, linked_text)
    )


def _fold(parent: nodes.TextElement) -> None:
    """Fold each run of text and plain autolinks in *parent* into a linked_text.

    Other children end a run and stay as they are; so does a run without a
    link. Texts are taken as their ``astext()``, which is what the writer and
    the search indexer read.
    """
    children = parent.children
    folded: list[nodes.Node] = []
    run_start = 0  # where the current run starts in children
    texts: list[str] = []
    links: list[tuple[int, int, str]] = []
    position = 0
    for at, child in enumerate(children):
        kind = type(child)
        if kind is nodes.Text:
            text = _text_of(cast(nodes.Text, child))
        elif kind is nodes.reference and _is_plain_autolink(child):
            text = _text_of(cast(nodes.Text, child.children[0]))
            href = href_of(cast(nodes.reference, child))
            links.append((position, position + len(text), href))
        else:
            if links:
                folded.append(_linked_text(texts, links, parent))
                links = []
            else:
                folded += children[run_start:at]
            folded.append(child)
            run_start, texts, position = at + 1, [], 0
            continue
        texts.append(text)
        position += len(text)
    if links:
        folded.append(_linked_text(texts, links, parent))
    else:
        folded += children[run_start:]
    parent.children = folded


def _linked_text(
    texts: list[str], links: list[tuple[int, int, str]], parent: nodes.Element
) -> linked_text:
    node = linked_text("".join(texts))
    node.sg_links = tuple(links)
    node.parent = parent
    return node


# The attributes of a resolved term link; a link with any other one (a title,
# a section number) is written by Sphinx's visit_reference.
_PLAIN_LINK_ATTRIBUTES = frozenset({"internal", "refid", "refuri"})
_LINK_AND_BASIC_ATTRIBUTES = _PLAIN_LINK_ATTRIBUTES | frozenset(
    nodes.Element.list_attributes
)


def _is_plain_autolink(node: nodes.Node) -> bool:
    if type(node) is not nodes.reference or len(node.children) != 1:
        return False
    if type(node.children[0]) is not autolink_text or not node.get("internal"):
        return False
    attributes = node.attributes
    if "refuri" not in attributes and "refid" not in attributes:
        return False
    if attributes.keys() <= _LINK_AND_BASIC_ATTRIBUTES:  # the usual case, quickly
        return not any(attributes.get(name) for name in nodes.Element.list_attributes)
    return all(
        name in _PLAIN_LINK_ATTRIBUTES or not value
        for name, value in attributes.items()
    )


class ResumeCollection(SphinxPostTransform):
    """Right after Sphinx resolves references: collect again (see gcpause)."""

    default_priority = 12  # after ReferencesResolver (10), CompactAutolinks (11)

    def run(self, **kwargs: Any) -> None:
        resume_after_resolving(self.config)


class SingleHTMLAnchors(SphinxPostTransform):
    """``singlehtml``: links that point into the one page, as anchors it has.

    From Sphinx 8.2 that builder writes ``#document-page#anchor``, two
    fragments that no browser follows (sphinx-doc/sphinx#14221); every page is
    on the one HTML page, so the anchor alone is right, as before 8.2. A link
    to the root document, ``#document-index``, has no anchor at all (only
    included pages get one): it goes to the top of the page.
    """

    builders = ("singlehtml",)
    default_priority = 20  # after ReferencesResolver (10)

    def run(self, **kwargs: Any) -> None:
        root = f"#document-{self.config.root_doc}"
        for ref in self.document.findall(nodes.reference):
            uri = ref.get("refuri", "")
            if uri.startswith("#document-") and uri.count("#") > 1:
                ref["refuri"] = uri[uri.rindex("#") :]
            elif uri == root:
                ref["refuri"] = "#"


def _apply(
    plan: list[tuple[nodes.Text, list[Mention], _Unit]],
    docname: str,
    document: nodes.document,
    html: bool,
) -> None:
    """Replace each planned text node by its text with the links in it.

    The parents are remembered on *document* for :class:`CompactAutolinks`.

    :param html: the builder writes HTML: each link's text is an
        :class:`autolink_text` (see :func:`_writes_html`)
    """
    parents = getattr(document, _AUTOLINKED_PARENTS, None)
    if parents is None:
        parents = []
        setattr(document, _AUTOLINKED_PARENTS, parents)
    for text, mentions, _unit in plan:
        parent = text.parent
        siblings = parent.children if parent is not None else []
        # By identity: Text nodes are strings, and list.index compares values.
        index = next((i for i, child in enumerate(siblings) if child is text), None)
        if parent is None or index is None:
            continue  # another extension took the text out after planning
        # Every child set up in this element (by Sphinx when it resolves the
        # links, too) asks for its document, which otherwise goes up through
        # every ancestor: a third of the time of inserting links.
        parent.document = document
        linked = _linked(_text_of(text), mentions, docname, html)
        # Set up as Element.__setitem__ would, minus what a new node never
        # needs (it finds its document and location through its parent).
        for node in linked:
            node.parent = parent
            if type(node) is addnodes.pending_xref:
                node.source, node.line = parent.source, parent.line
        parent.children[index : index + 1] = linked
        parents.append(parent)


def _compact(builder: Builder) -> bool:
    """Lighter nodes for this HTML builder? See ``seed_glossary_compact_html``."""
    return builder.format == "html" and bool(builder.config.seed_glossary_compact_html)


def _writes_html(builder: Builder) -> bool:
    """Do autolinks get the compact :class:`autolink_text` (HTML builders)?"""
    return _compact(builder) and _has_our_visitor(builder, autolink_text)


def _linked(
    text: str, mentions: list[Mention], docname: str, html: bool
) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    position = 0
    for mention in mentions:
        if mention.start > position:
            out.append(nodes.Text(text[position : mention.start]))
        surface = text[mention.start : mention.end]
        content = (
            autolink_text(surface)
            if html
            else nodes.inline(surface, surface, classes=list(AUTOLINK_CLASSES))
        )
        # What pending_xref("", content, **attributes) makes, at half the
        # cost (its __init__ goes through every keyword and child).
        xref = addnodes.pending_xref()
        xref.attributes.update(
            refdomain="std",
            reftype="term",
            reftarget=mention.name,
            refexplicit=True,
            refwarn=False,
            refdoc=docname,
            sg_autolink=True,
        )
        xref.children.append(content)
        content.parent = xref
        out.append(xref)
        position = mention.end
    if position < len(text):
        out.append(nodes.Text(text[position:]))
    return out


def _fill_backlinks(
    placeholder: backlinks_placeholder,
    page: str | None,
    env: BuildEnvironment,
    index: LinkIndex,
    backlinks: dict[str, tuple[tuple[str, str | None], ...]],
    builder: Builder,
    compact: bool,
    label: str,
) -> None:
    """Replace *placeholder* by its entry's "Referenced from" line, or remove it.

    :param page: the page it is on, in a doctree of merged pages; else None
        (the page being written)
    :param compact: one :class:`backlinks_line` (see
        :func:`_links_between_pages`), else ordinary nodes
    :param label: the line's label, translated
    """
    docname = page or env.docname
    sources = backlinks.get(placeholder["sg_key"], ())
    if not sources:
        placeholder.parent.remove(placeholder)
        return
    if compact:
        line = _resolved_line(builder, env, index, docname, sources)
        if line is not None:
            line["sg_label"] = label
            # What replace_self does, minus copying ids and classes (a
            # placeholder has none) and setting the child up twice.
            siblings = placeholder.parent.children
            siblings[siblings.index(placeholder)] = line
            line.parent = placeholder.parent
            return
    para = nodes.paragraph("", "", nodes.emphasis(label, label), nodes.Text(" "))
    para["classes"].append("sg-backlinks")
    for n, (page, entry) in enumerate(sources):
        if n:
            para += nodes.Text(", ")
        if entry is not None:
            para += _entry_reference(index, docname, entry)
        else:
            para += addnodes.pending_xref(
                "",
                nodes.inline(page, page, classes=["xref", "std", "std-doc"]),
                refdomain="std",
                reftype="doc",
                reftarget=f"/{page}",
                refexplicit=False,
                refdoc=docname,
            )
    placeholder.replace_self(para)


def _links_between_pages(builder: Builder) -> bool:
    """Does this builder link its HTML pages by relative URIs (html, dirhtml, epub)?

    Those get the compact :class:`backlinks_line`; ``singlehtml`` (one page,
    its own anchors) and the other formats get ordinary nodes.
    """
    from sphinx.builders.singlehtml import SingleFileHTMLBuilder

    return (
        _compact(builder)
        and not isinstance(builder, SingleFileHTMLBuilder)
        and _has_our_visitor(builder, backlinks_line)
    )


def _has_our_visitor(builder: Builder, node_class: type[nodes.Node]) -> bool:
    """Does the builder's translator get our HTML visitor for *node_class*?

    Sphinx takes the visitors that extensions add for a builder's name, and
    only if there are none, those for its format: once another extension
    adds one for, say, ``epub``, that builder no longer has ours, and gets
    ordinary nodes instead.
    """
    handlers = app_of(builder.env).registry.translation_handlers
    found = handlers.get(builder.name)
    if found is None:
        found = handlers.get(builder.format, {})
    return node_class.__name__ in found


def _resolved_line(
    builder: Builder,
    env: BuildEnvironment,
    index: LinkIndex,
    docname: str,
    sources: tuple[tuple[str, str | None], ...],
) -> backlinks_line | None:
    """The backlinks of one entry, resolved here as Sphinx would resolve them.

    None if an entry has no known anchor: then Sphinx resolves the line.
    """
    titles = env.titles
    links = []
    for page, entry in sources:
        if entry is None:
            title = titles.get(page)
            text = clean_astext(title) if title is not None else page
            # Sphinx resolves a ``doc`` link to the title in <span class="doc">.
            links.append((text, builder.get_relative_uri(docname, page), "doc"))
            continue
        target_doc, anchor = index.places.get(entry, ("", ""))
        if not anchor:
            return None
        uri = (
            ""
            if target_doc == docname
            else builder.get_relative_uri(docname, target_doc)
        )
        links.append(
            (index.headwords.get(entry, entry), f"{uri}#{anchor}", "xref std std-term")
        )
    return backlinks_line("", sg_links=links)


def _entry_reference(index: LinkIndex, docname: str, entry: str) -> nodes.Node:
    """A link to another entry.

    On the same page (the usual case: entries of one glossary) we know the
    anchor and make the finished reference, sparing Sphinx the resolution of
    one ``pending_xref`` per backlink; elsewhere Sphinx resolves the term.
    """
    name = index.headwords.get(entry, entry)
    inline = nodes.inline(name, name, classes=["xref", "std", "std-term"])
    target_doc, anchor = index.places.get(entry, ("", ""))
    if anchor and target_doc == docname:
        return nodes.reference("", "", inline, internal=True, refid=anchor)
    return addnodes.pending_xref(
        "",
        inline,
        refdomain="std",
        reftype="term",
        reftarget=name,
        refexplicit=True,
        refdoc=docname,
    )
