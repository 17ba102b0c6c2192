"""Cross-references settled after reading (step 2 of :mod:`.links`).

Once every page is read, each page whose text or whose names changed is
planned again from its saved text (:func:`seed_glossary.autolink.plan_page`),
without loading its doctree; the backlinks of every entry follow, and the
pages whose links or backlinks changed are returned, so that Sphinx writes
them again.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from . import sidecar
from .autolink import (
    Mention,
    NotLinked,
    PageText,
    PlannedLink,
    Policy,
    Unit,
    find_mentions,
    plan_page,
)
from .catalog import key
from .compounds import heading_phrases
from .domain import PagePlan, Place, SeedGlossaryDomain, Source, get_domain
from .language import code_of, load
from .model import WarningSubtype
from .sense import sense_words
from .terminology import AbbreviationUse, AvoidedNames, AvoidedUse, abbreviation_uses
from .usage import PageMentions, common_entries, page_mentions, related_entries
from .vocabulary import (
    LinkNames,
    everyday_words,
    function_words,
    zipf_frequencies,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

from .links import TERMINOLOGY_METADATA, LinkScope, opted_out

logger = logging.getLogger(__name__)


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
        after_element=frozenset(head.get("after_element", ())),
        headings=tuple(head.get("headings", ())),
        section_spans=tuple(
            (first, last) for first, last in head.get("section_spans", ())
        ),
        inline_code=tuple(
            (ordinal, block, text)
            for ordinal, block, text in head.get("inline_code", ())
        ),
        declared=tuple(
            (block, tuple(names)) for block, names in head.get("declared", ())
        ),
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
    language = code_of(config.language)
    data = load(config.language, config.seed_glossary_language_data)
    thresholds = (
        config.seed_glossary_autolink_everyday_zipf,
        config.seed_glossary_autolink_everyday_zipf_in_prose,
    )
    everyday: tuple[frozenset[str], ...] = (frozenset(), frozenset())
    if thresholds != (None, None) and LinkScope(config).enabled:
        single = {
            n
            for item in items
            for n in (*item.names, *item.source_names)
            if " " not in n.strip()
        }
        zipf = _zipf_of({key(n) for n in single}, domain, language)
        everyday = tuple(
            frozenset() if at is None else everyday_words(single, zipf, at)
            for at in thresholds
        )
    known: dict[str, frozenset[str]] = domain.data.setdefault("function_words", {})
    if language not in known:
        known[language] = function_words(language)
    return LinkNames(
        items,
        config.seed_glossary_autolink_exclude,
        LinkScope(config).setting,
        everyday=everyday[0],
        everyday_in_prose=everyday[1],
        function_words=known[language],
        sense=sense_words(data),
        language=language,
        nouns_capitalised=data.get("nouns_capitalised") is True,
    )


def _zipf_of(
    words: set[str], domain: SeedGlossaryDomain, language: str
) -> dict[str, float]:
    """The Zipf frequency of each word in *language*, kept in the domain's data
    from build to build (0 for every word of a language without data)."""
    by_language: dict[str, dict[str, float]] = domain.data.setdefault("zipf", {})
    cache = by_language.setdefault(language, {})
    missing = words - cache.keys()
    if missing:
        found = zipf_frequencies(sorted(missing), language)
        if found is None:
            logger.verbose(
                "seed_glossary: no word frequencies for language %r; everyday "
                "words are those that many pages of this build name "
                "(seed_glossary_autolink_common_share)",
                language,
            )
            found = dict.fromkeys(missing, 0.0)
        cache.update(found)
    return cache


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
    mentioned = _page_mentions(domain, names, pages)
    share = config.seed_glossary_autolink_common_share
    min_units = config.seed_glossary_autolink_common_min_units
    in_pages = common_entries(mentioned, share, min_units)
    policy = Policy(
        in_pages,
        in_pages | common_entries(mentioned, share, min_units, entries=True),
        related_entries(mentioned),
        config.seed_glossary_autolink_everyday_in_entries,
        config.seed_glossary_autolink_max_per_paragraph,
        config.seed_glossary_autolink_prose_mentions,
        heading_phrases(
            (heading for page in mentioned for heading in page.headings),
            names.phrase_forms,
            names.function_words,
        ),
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
    domain: SeedGlossaryDomain, names: LinkNames, pages: _Pages
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
        stamp = (digest, names.digest)
        if docname in kept and kept[docname][0] == stamp:
            continue
        found = pages.get(docname)
        mentioned = (
            page_mentions(*found, names)
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
