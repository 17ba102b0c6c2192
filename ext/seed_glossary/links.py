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

from collections import Counter, defaultdict
from itertools import repeat
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.matching import Matcher

from . import sidecar
from .autolink import (
    Mention,
    NotLinked,
    PageMentions,
    PageText,
    PlannedLink,
    Policy,
    Unit,
    common_entries,
    find_mentions,
    page_mentions,
    plan_page,
    related_entries,
)
from .catalog import key
from .domain import PagePlan, Place, SeedGlossaryDomain, Source, get_domain
from .model import WarningSubtype
from .render import ENTRY_KEY
from .sense import for_language
from .terminology import AbbreviationUse, AvoidedNames, AvoidedUse, abbreviation_uses
from .vocabulary import (
    LinkNames,
    everyday_words,
    function_words,
    written,
    zipf_frequencies,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

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


def walk(
    root: nodes.Element, docname: str
) -> tuple[list[Run], list[tuple[addnodes.pending_xref, Unit]]]:
    """The page's runs of linkable text and its cross-references, in order.

    A run is the consecutive text nodes of one element: MyST makes a text
    node of each source line, and a name may wrap from one to the next. Its
    unit is the glossary entry it is in, else the page; its block numbers the
    paragraph (outermost text element) it is in. Pages merged into *root*
    (``start_of_file``, in ``singlehtml`` and LaTeX builds) are left out: each
    is walked on its own. The same walk runs when the page is read and when it
    is written, so a run's index names the same nodes both times.
    """
    runs: list[Run] = []
    xrefs: list[tuple[addnodes.pending_xref, Unit]] = []
    blocks = 0
    run: list[nodes.Text] = []
    stack = [(iter(root.children), Unit(f"{docname}#"), -1)]
    while stack:
        children, unit, block = stack[-1]
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
            continue
        if isinstance(child, nodes.definition) and child.get(ENTRY_KEY):
            entry = child[ENTRY_KEY]
            unit = Unit(f"{docname}#{entry}", entry)
        if block < 0 and isinstance(child, nodes.TextElement):
            blocks += 1
            stack.append((iter(child.children), unit, blocks))
        else:
            stack.append((iter(child.children), unit, block))
    return runs, xrefs


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
    runs, xrefs = walk(doctree, docname)
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
    page = {
        "units": [[u.ident, u.entry] for u in units],
        "linked": linked,
        "see": see,
        "title": _title(doctree),
        "emphasized": emphasized,
    }
    domain.texts[docname] = sidecar.write_lines(
        sidecar.path(env, "text", docname), [page, *captured]
    )


def _title(doctree: nodes.document) -> str:
    """The page's title, as Sphinx takes it: its first section's."""
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None or not section.children:
        return ""
    first = section[0]
    return first.astext() if isinstance(first, nodes.title) else ""


def _read_page_text(env: BuildEnvironment, docname: str) -> PageText | None:
    lines = sidecar.read_lines(sidecar.path(env, "text", docname))
    head = next(lines, None)
    if head is None:
        return None
    runs = list(lines)
    return PageText(
        units=tuple(Unit(ident, entry) for ident, entry in head["units"]),
        runs=tuple((o, u, b, t) for o, u, b, t, _line in runs),
        xrefs=tuple((u, target) for u, target in head["linked"]),
        lines=tuple(line for *_run, line in runs),
        see=tuple((u, target) for u, target in head.get("see", ())),
        title=head.get("title", ""),
        emphasized=frozenset(head.get("emphasized", ())),
    )


# -- step 2: after reading ------------------------------------------------------------


def link_names(env: BuildEnvironment, *, autolinks: bool = True) -> LinkNames:
    """Every name of this build, with the settings that shape links.

    :param autolinks: only the names that autolinks may link to (those of
        hand-written glossaries only with ``seed_glossary_autolink_handwritten``);
        else every name, as ``:term:`` links reach them
    """
    domain = get_domain(env)
    config = env.config
    handwritten = config.seed_glossary_autolink_handwritten or not autolinks
    items = [
        item for _docname, item in domain.items() if handwritten or not item.handwritten
    ]
    threshold = config.seed_glossary_autolink_everyday_zipf
    everyday: frozenset[str] = frozenset()
    if threshold is not None and LinkScope(config).enabled:
        single = {n for item in items for n in item.names if " " not in n.strip()}
        words = {key(n) for n in single}
        cache: dict[str, float] = domain.data.setdefault("zipf", {})
        missing = words - cache.keys()
        if missing:
            cache.update(zipf_frequencies(sorted(missing)))
        everyday = everyday_words(single, cache, threshold)
    language = (config.language or "en").split("_")[0].lower()
    known: dict[str, frozenset[str]] = domain.data.setdefault("function_words", {})
    if language not in known:
        known[language] = function_words(language)
    return LinkNames(
        items,
        config.seed_glossary_autolink_exclude,
        LinkScope(config).setting,
        everyday,
        known[language],
        for_language(language),
    )


class _Pages:
    """The pages' saved text and the names found in it, read once per build."""

    def __init__(self, env: BuildEnvironment, names: LinkNames) -> None:
        self.env, self.names = env, names
        self._found: dict[str, tuple[PageText, list[Mention]] | None] = {}

    def get(self, docname: str) -> tuple[PageText, list[Mention]] | None:
        if docname not in self._found:
            page = _read_page_text(self.env, docname)
            found = None if page is None else (page, find_mentions(page, self.names))
            self._found[docname] = found
        return self._found[docname]


def settle_links(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: plan autolinks, compute backlinks, list pages to rewrite."""
    domain = get_domain(env)
    names = link_names(env)
    scope = LinkScope(env.config)
    pages = _Pages(env, names)
    rewrite = {d for d in domain.plans if d not in domain.texts}
    for docname in rewrite:
        del domain.plans[docname]
    config = env.config
    mentioned = _page_mentions(domain, names, pages, scope)
    share = config.seed_glossary_autolink_common_share
    min_units = config.seed_glossary_autolink_common_min_units
    in_pages = common_entries(mentioned, share, min_units)
    policy = Policy(
        in_pages,
        in_pages | common_entries(mentioned, share, min_units, entries=True),
        related_entries(mentioned),
        config.seed_glossary_autolink_everyday_in_entries,
        config.seed_glossary_autolink_max_per_paragraph,
    )
    ignore = config.seed_glossary_terminology_ignore
    avoided = AvoidedNames(names, ignore)
    planned_with = (names.digest, policy.digest + repr(sorted(ignore)))
    for docname, digest in sorted(domain.texts.items()):
        plan = domain.plans.get(docname)
        if plan and (plan.text_digest, plan.names_digest) == (digest, planned_with):
            continue
        found = pages.get(docname)
        links: tuple[PlannedLink, ...] = ()
        plain: tuple[NotLinked, ...] = ()
        abbreviations: tuple[AbbreviationUse, ...] = ()
        uses: tuple[AvoidedUse, ...] = ()
        metadata = env.metadata.get(docname, {})
        if found is not None:
            page, mentions = found
            if scope.enabled and not opted_out(metadata):
                links, plain = plan_page(
                    page, names, policy, prose=scope.prose(docname), mentions=mentions
                )
            abbreviations = abbreviation_uses(page, mentions, names)
            if not opted_out(metadata, TERMINOLOGY_METADATA):
                uses = avoided.uses(page)
                _warn_avoided(env, docname, uses)
        if plan is None or plan.links != links:
            rewrite.add(docname)
        # Counted, not listed: the report needs no more, and a large glossary
        # leaves many mentions plain.
        not_linked = tuple(Counter((p.target, p.reason) for p in plain).items())
        domain.plans[docname] = PagePlan(
            digest, planned_with, links, not_linked, abbreviations, uses
        )

    every_name = (
        names
        if env.config.seed_glossary_autolink_handwritten
        else (link_names(env, autolinks=False))
    )
    rewrite |= _pages_whose_term_targets_moved(domain, every_name)
    places = {
        item.key: Place(docname, item.anchor, item.names[0])
        for docname, item in reversed(list(domain.items()))
    }
    backlinks = compute_backlinks(domain, every_name, places)
    for docname, item in domain.items():
        if domain.backlinks.get(item.key) != backlinks.get(item.key) or (
            domain.places.get(item.key) != places.get(item.key)
        ):
            rewrite.add(docname)
    domain.data["backlinks"] = backlinks
    domain.data["places"] = places
    domain.data["abbreviations"] = names.abbreviations
    return sorted(rewrite & env.found_docs)


def _warn_avoided(
    env: BuildEnvironment, docname: str, uses: tuple[AvoidedUse, ...]
) -> None:
    """A warning at each use, in prose, of a name to avoid."""
    source = env.doc2path(docname)
    for use in uses:
        note = f" ({use.note})" if use.note else ""
        what = "an old name" if use.kind == "deprecated" else "a name to avoid"
        logger.warning(
            "%r is %s for %r%s; write %r instead",
            use.name,
            what,
            use.preferred,
            note,
            use.preferred,
            type="seed_glossary",
            subtype=WarningSubtype.DEPRECATED_TERM,
            location=f"{source}:{use.line}" if use.line else f"{source}:",
        )


def _page_mentions(
    domain: SeedGlossaryDomain, names: LinkNames, pages: _Pages, scope: LinkScope
) -> list[PageMentions]:
    """For each page: the entries its prose and its entries name.

    Kept per page, with the page's text and the names it was found with, so
    only pages read again (or all, when the names change) are looked at again.
    """
    kept: dict[str, Any] = domain.data.setdefault("mention_counts", {})
    for docname in list(kept):
        if docname not in domain.texts:
            del kept[docname]
    for docname, digest in domain.texts.items():
        stamp = (digest, names.digest, scope.prose(docname))
        if docname in kept and kept[docname][0] == stamp:
            continue
        found = pages.get(docname)
        mentioned = (
            page_mentions(*found, names, prose=scope.prose(docname))
            if found
            else PageMentions(False, 0, frozenset(), {}, {})
        )
        kept[docname] = (stamp, mentioned)
    return [mentioned for _stamp, mentioned in kept.values()]


def _pages_whose_term_targets_moved(
    domain: SeedGlossaryDomain, names: LinkNames
) -> set[str]:
    """Pages whose term links now resolve elsewhere, or newly or no longer.

    Sphinx writes a page again when its source changes, not when a term it
    links appears in or vanishes from a seed, or moves to another page; we
    know both ends, so we say which. Every term link counts: the author's
    ``:term:`` links, the glossary's See and See also links and autolinks.
    """
    previous = domain.data.setdefault("xref_places", {})
    places = {item.key: (docname, item.anchor) for docname, item in domain.items()}
    moved = set()
    for docname in domain.xrefs.keys() | domain.see_xrefs.keys() | domain.plans.keys():
        targets = {target for target, _entry in domain.xrefs.get(docname, ())}
        targets.update(domain.see_xrefs.get(docname, ()))
        entries = {names.resolve(target) or "" for target in targets}
        plan = domain.plans.get(docname)
        if plan is not None:
            entries.update(link.target for link in plan.links)
        now = tuple(sorted((entry, places.get(entry, ("", ""))) for entry in entries))
        if previous.get(docname, now) != now:
            moved.add(docname)
        previous[docname] = now
    return moved


def compute_backlinks(
    domain: SeedGlossaryDomain, names: LinkNames, places: dict[str, Place]
) -> dict[str, tuple[Source, ...]]:
    """For each entry: the (page, entry or None) pairs that link to it.

    The pages and entries that link to it with a ``:term:`` come first, then
    those that only autolink it; the page that defines it never lists itself.
    """
    explicit: dict[str, set[Source]] = defaultdict(set)
    auto: dict[str, set[Source]] = defaultdict(set)
    for docname, refs in domain.xrefs.items():
        for target_name, from_entry in refs:
            target = names.resolve(target_name)
            if target is not None and target != from_entry:
                explicit[target].add((docname, from_entry))
    for docname, plan in domain.plans.items():
        for link in plan.links:
            auto[link.target].add((docname, link.entry))
    out = {}
    for target in sorted(explicit.keys() | auto.keys()):
        home = places[target].docname if target in places else None
        own = {(home, None)}
        first = sorted(explicit[target] - own, key=_source_order)
        then = sorted(auto[target] - explicit[target] - own, key=_source_order)
        if first or then:
            out[target] = (*first, *then)
    return out


def _source_order(source: Source) -> tuple[str, str]:
    return source[0], source[1] or ""
