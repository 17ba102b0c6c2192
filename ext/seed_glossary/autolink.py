"""Which mentions of glossary names become links (no Sphinx, no docutils).

The Sphinx layer hands over a page's linkable text as plain data
(:class:`PageText`: runs of text in document order, each in its *unit*, a
glossary entry or the page's prose, and in its *block*, a paragraph); this
module finds the names in it (:func:`find_mentions`) and decides which
mentions to link (:func:`plan_page`), and why the others are not linked.

The rules, in the order they apply to each mention:

1. *Never*: the entry itself, names excluded by configuration or by a seed's
   ``autolink: never``.
2. *Sense*: a mention used in another sense is not linked (see
   :mod:`.sense`): part of a longer word (``site-packages``), an identifier
   (``PEP 8``), a call or a manual page (``git-archive(1)``), a verb where
   the name is a noun (``to type the``), a word that code beside it names
   (a word of inline code in the same sentence, a parameter of the described
   object: see :mod:`.code_names`).
3. *Compound*: two names side by side (``statement type``) read as one
   name that the glossary does not have: the everyday one is not linked; a
   name right after inline code (``the gc module``) is not linked; in prose,
   neither is a name that makes, with the word before or after it, a
   compound that a heading of the build names (``the extern prelude``
   where a section is headed *Extern prelude*). See :mod:`.compounds`.
4. *First mention*: a unit links each entry once; a ``:term:`` the author
   wrote there counts as that link; ``autolink: first`` links once per page.
   With ``prose_mentions = "introduced"``, prose links a name only where
   the text introduces it (italics or bold of its own), on its topic page,
   or in a section whose heading names it (the heading's head: *Tuplets*,
   not *Tuplet brackets*).
5. *Everyday words*: a name that is an everyday word (a single word at or
   above the language's word-frequency threshold, lower in prose than inside
   entries, see :mod:`.vocabulary`), or that the prose of many pages names,
   links inside a glossary entry related to its own (the definitions name
   each other, a See also line, the headword holds it) or, with
   ``"first"``, at its first mention in every entry; in prose, on the page
   its title names and where the text sets it in italics or bold of its
   own. Entries with no
   definition of their own follow the same rule. ``autolink: always`` lifts
   it for a term.
6. *Density*: at most so many autolinks per paragraph.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from .catalog import key, written
from .code_names import named_by_code
from .compounds import in_heading_compound, side_by_side
from .matching import Match
from .sense import glued_to_element, in_longer_name, other_sense
from .vocabulary import LinkNames

#: Why a mention was not linked (the first word of a report's reason).
NOT_LINKED_REASONS = {
    "excluded": "excluded by configuration or by the seed (autolink: never)",
    "empty": "the entry has no definition of its own (only See also lines, or "
    "a word and another entry's name), linked only where an everyday word "
    "would be; one with nothing to read, not even See also, never",
    "sense": "used in another sense (part of a longer word, an identifier, a verb)",
    "compound": "side by side with another name: a compound the glossary lacks",
    "repeat": "linked already in this entry or page",
    "everyday": "an everyday word, linked only where an entry's first sentence uses it",
    "introduced": "in prose, linked only where the page introduces the term "
    "(italics or bold of its own), its title names it, or the heading of the "
    "section names it",
    "density": "the paragraph has as many autolinks as allowed",
}


@dataclass(frozen=True, slots=True)
class Unit:
    """Where "first mention" counts: a glossary entry, or a page's prose."""

    ident: str
    entry: str | None = None  #: the entry's key, for entries


@dataclass(frozen=True, slots=True)
class PageText:
    """A page's linkable text, as read.

    ``runs`` holds ``(ordinal, unit index, block, text)``: a run is the text
    of consecutive text nodes (a soft line break splits text into several),
    the ordinal counts every run the walk of the page meets, so links can be
    put back into the same nodes at write time, and the block numbers the
    paragraph the run is in.
    """

    units: tuple[Unit, ...] = ()
    runs: tuple[tuple[int, int, int, str], ...] = ()
    #: ``(unit index, key of the target name)`` of each ``:term:`` link
    xrefs: tuple[tuple[int, str], ...] = ()
    #: the source line each run starts on (parallel to ``runs``; 0: unknown)
    lines: tuple[int, ...] = ()
    #: the page's title: the entries it names are the page's topic
    title: str = ""
    #: ``(unit index, target name)`` of each "See" and "See also" link
    see: tuple[tuple[int, str], ...] = ()
    #: ordinals of the runs set in italics or bold of their own
    emphasized: frozenset[int] = frozenset()
    #: ordinals of the runs right after an element never linked (inline code)
    after_element: frozenset[int] = frozenset()
    #: the titles of the page's sections, its own title first
    headings: tuple[str, ...] = ()
    #: the ordinals of the first and last run of each section (parallel to
    #: ``headings``; ``(-1, -1)``: a section with no run)
    section_spans: tuple[tuple[int, int], ...] = ()
    #: ``(ordinal, block, text)`` of each inline literal, before the run of
    #: that ordinal (see :mod:`.code_names`)
    inline_code: tuple[tuple[int, int, str], ...] = ()
    #: ``(block, names)``: the parameters that the signatures of the object a
    #: block describes declare
    declared: tuple[tuple[int, tuple[str, ...]], ...] = ()

    def line_of(self, mention: Mention) -> int:
        """The source line of a mention: its run's, plus the line breaks before."""
        first = self.lines[mention.run] if self.lines else 0
        if not first:
            return 0
        return first + self.runs[mention.run][3].count("\n", 0, mention.start)


class Mention(NamedTuple):
    """A name found in a run."""

    run: int  #: index in :attr:`PageText.runs`
    start: int
    end: int
    name: str
    target: str


class PlannedLink(NamedTuple):
    """One autolink: ``[start:end]`` of the run numbered *run* links *name*."""

    run: int  #: the run's ordinal in the walk of the page
    start: int
    end: int
    surface: str  #: the words linked, as written
    name: str  #: the registered name, the link's target
    target: str  #: the key of the entry linked to
    entry: str | None  #: the key of the entry the link is in (None in prose)


class NotLinked(NamedTuple):
    """A mention that was not linked, and why (a key of NOT_LINKED_REASONS)."""

    target: str
    reason: str
    entry: str | None  #: the entry it is in (None in prose)


#: How everyday words link inside glossary entries
#: (``seed_glossary_autolink_everyday_in_entries``).
EVERYDAY_IN_ENTRIES = ("related", "first")

#: Which mentions link in the prose of pages
#: (``seed_glossary_autolink_prose_mentions``).
PROSE_MENTIONS = ("first", "introduced")


@dataclass(frozen=True)
class Policy:
    """What the rules need to know of the whole build.

    :param common: entries named in the prose of many pages (for entries)
    :param common_in_prose: those, and entries named in many units, entries
        and pages together (for prose)
    :param related: ``(entry, other)`` pairs of entries whose definitions
        mention each other
    :param everyday_in_entries: ``"related"``: an everyday word links inside
        an entry related to its own; ``"first"``: at its first mention in
        every entry
    :param max_per_paragraph: autolinks allowed in one paragraph (0: no cap)
    :param heading_phrases: the two- and three-word phrases of the build's
        headings (:func:`.compounds.heading_phrases`)
    :param prose_mentions: ``"first"``: a page's prose links each entry at
        its first mention; ``"introduced"``: only where the page introduces
        it (italics or bold of its own), its title names it, or the heading
        of the section names it
    """

    common: frozenset[str] = frozenset()
    common_in_prose: frozenset[str] = frozenset()
    related: frozenset[tuple[str, str]] = frozenset()
    everyday_in_entries: str = "related"
    max_per_paragraph: int = 0
    prose_mentions: str = "first"
    heading_phrases: frozenset[str] = frozenset()

    @property
    def digest(self) -> str:
        """Changes whenever a rule would decide differently."""
        text = f"{sorted(self.common)}\0{sorted(self.common_in_prose)}\0"
        text += f"{sorted(self.related)}\0"
        text += f"{self.everyday_in_entries}\0{self.max_per_paragraph}\0"
        text += f"{self.prose_mentions}\0{sorted(self.heading_phrases)}"
        return hashlib.sha256(text.encode()).hexdigest()


# -- finding -------------------------------------------------------------------------


def find_mentions(page: PageText, names: LinkNames) -> list[Mention]:
    """Every name in the page's runs, leftmost-longest, in document order."""
    found = []
    for index, (_ordinal, _unit, _block, text) in enumerate(page.runs):
        found += [
            Mention(index, m.start, m.end, m.name, m.target)
            for m in names.matcher.find(text)
        ]
    return found


# -- deciding --------------------------------------------------------------------------


def page_topics(title: str, names: LinkNames) -> set[str]:
    """The entries a page's title names as its topic.

    A name that another word of the title qualifies is not the topic: "Call
    expressions" is about call expressions, not expressions. Words of the
    language's most frequent (articles, prepositions: "Creating a Database")
    qualify nothing.
    """
    return {found.target for found in _unqualified(title, names)}


def section_topics(heading: str, names: LinkNames) -> set[str]:
    """The entries a section's heading names as its topic: as a page's title
    does (:func:`page_topics`), but only the head of the heading's phrase. A
    name that qualifies the word after it ("Array layout" is about layout, on
    a page about type layout) or that is part of a longer name ("The
    staff-padding property") is not the section's topic."""
    topics = set()
    for found in _unqualified(heading, names):
        after = heading[found.end :]
        word_after = _WORD_AFTER.match(after)
        if in_longer_name(heading[: found.start], after) or (
            word_after and word_after.group(1).casefold() not in names.function_words
        ):
            continue
        topics.add(found.target)
    return topics


def _unqualified(title: str, names: LinkNames) -> list[Match]:
    """The names in *title* that no word right before them qualifies."""
    unqualified = []
    for found in names.matcher.find(title):
        before = _WORDS.findall(title[: found.start])
        if not before or before[-1].casefold() in names.function_words:
            unqualified.append(found)
    return unqualified


def plan_page(
    page: PageText,
    names: LinkNames,
    policy: Policy,
    *,
    prose: bool,
    mentions: list[Mention] | None = None,
) -> tuple[tuple[PlannedLink, ...], tuple[NotLinked, ...]]:
    """The autolinks of one page in document order, and the mentions left plain.

    :param page: the page's linkable text
    :param names: every name of the build
    :param policy: what the rules know of the whole build
    :param prose: link in the page's prose too, not only inside entries
    :param mentions: :func:`find_mentions` of the page, if already found
    """
    if mentions is None:
        mentions = find_mentions(page, names)
    seen: dict[int, set[str]] = {}
    for unit_index, target_name in page.xrefs:
        target = names.resolve(target_name)
        if target is not None:
            seen.setdefault(unit_index, set()).add(target)

    topics = page_topics(page.title, names)
    # Where prose links a term only where the text introduces it, a section
    # introduces what its heading names, as a page does its title's. With
    # "first", everyday words link on the page about them only: their first
    # mention in each section about them is mostly a word of the field in
    # passing (the manual's Quality section has the figures).
    sections: list[tuple[int, int, set[str]]] = []
    if policy.prose_mentions == "introduced":
        spans = zip(page.headings[1:], page.section_spans[1:], strict=False)
        sections = [
            (first, last, section_topics(heading, names))
            for heading, (first, last) in spans
            if first >= 0
        ]

    def topic(mention: Mention) -> bool:
        """Does the page's title, or (with "introduced") the heading of a
        section the mention is in, name its entry?"""
        if mention.target in topics:
            return True
        ordinal = page.runs[mention.run][0]
        return any(
            first <= ordinal <= last and mention.target in named
            for first, last, named in sections
        )

    def everyday(mention: Mention) -> bool:
        """An everyday word, or a name that many pages use?"""
        if names.overrides.get(mention.target) == "always":
            return False
        word = written(names.bare_of.get(mention.name, mention.name))
        in_prose = page.units[page.runs[mention.run][1]].entry is None
        if word in (names.everyday_in_prose if in_prose else names.everyday):
            return True
        common = policy.common_in_prose if in_prose else policy.common
        return mention.target in common

    def introduced(mention: Mention) -> bool:
        """Is the name set in italics or bold of its own, as a writer sets a
        term where the text introduces it ("*Beams* are added")?"""
        ordinal, _unit, block, text = page.runs[mention.run]
        if ordinal not in page.emphasized:
            return False
        following = page.runs[mention.run + 1 : mention.run + 2]
        if text[mention.end :].strip().startswith(":") or (
            following and following[0][2] == block and following[0][3][:1] == ":"
        ):
            return False  # a label: "**Note**: ..." or "**Note:** ..."
        return text.strip(_AROUND_A_TERM) == text[mention.start : mention.end]

    def wanted(entry: str | None, mention: Mention) -> bool:
        """Is an everyday word linked all the same: in prose, on the page about
        it; in an entry, where the two entries are related?"""
        if entry is None:
            return topic(mention) or introduced(mention)
        if policy.everyday_in_entries == "first":
            return True
        headword = names.headwords.get(entry, entry)
        return (entry, mention.target) in policy.related or _holds_word(
            headword, names.bare_of.get(mention.name, mention.name)
        )

    compound = side_by_side(page, mentions, everyday)
    code_named = named_by_code(page, mentions)
    per_block: Counter[int] = Counter()
    on_page: set[str] = set()
    links, plain = [], []
    for mention in mentions:
        ordinal, unit_index, block, text = page.runs[mention.run]
        entry = page.units[unit_index].entry
        if entry is None and not prose:
            continue
        target = mention.target
        if entry is not None and target in names.own_of.get(entry, {entry}):
            continue
        policy_of = names.overrides.get(target, "")
        unit_seen = seen.setdefault(unit_index, set())
        reason = ""
        if target in names.excluded or key(mention.name) in names.excluded:
            reason = "excluded"
        elif target in names.blank:
            reason = "empty"  # a placeholder: the reader would find nothing
        elif (
            other_sense(
                text,
                mention.start,
                mention.end,
                mention.name,
                names.sense,
                preceding=_preceding_in_block(page, mention.run),
            )
            or (
                ordinal in page.after_element
                and glued_to_element(text[: mention.start])
            )
            or mention in code_named
        ):
            reason = "sense"
        elif mention in compound or (
            entry is None
            and in_heading_compound(
                text,
                mention.start,
                mention.end,
                policy.heading_phrases,
                names.phrase_forms,
            )
        ):
            reason = "compound"
        elif target in unit_seen or (policy_of == "first" and target in on_page):
            reason = "repeat"
        elif (
            entry is None
            and policy.prose_mentions == "introduced"
            and policy_of != "always"
            and not wanted(None, mention)
        ):
            reason = "introduced"
        elif (target in names.empty or everyday(mention)) and not wanted(
            entry, mention
        ):
            # An entry that only says "see also" helps where the term is met
            # first or is the topic, as an everyday word does.
            reason = "empty" if target in names.empty else "everyday"
        elif policy.max_per_paragraph and per_block[block] >= policy.max_per_paragraph:
            reason = "density"
        if reason:
            plain.append(NotLinked(target, reason, entry))
            continue
        unit_seen.add(target)
        on_page.add(target)
        per_block[block] += 1
        links.append(
            PlannedLink(
                ordinal,
                mention.start,
                mention.end,
                text[mention.start : mention.end],
                mention.name,
                target,
                entry,
            )
        )
    return tuple(links), tuple(plain)


def _preceding_in_block(page: PageText, run: int) -> str:
    """The text of the runs before *run* in its paragraph, back to the last
    one that holds more than spaces ("" where the run starts the paragraph)."""
    block = page.runs[run][2]
    parts: list[str] = []
    for index in range(run - 1, -1, -1):
        _ordinal, _unit, other_block, text = page.runs[index]
        if other_block != block:
            break
        parts.append(text)
        if text.strip():
            break
    return "".join(reversed(parts))


# Characters around an emphasized term that do not make it a longer phrase.
_AROUND_A_TERM = " \t\n.,;:!?()[]“”‘’\"'"


_WORDS = re.compile(r"\w+")
# The word right after a name, with only spaces between.
_WORD_AFTER = re.compile(r"\s+(\w+)")


def _holds_word(headword: str, name: str) -> bool:
    """Does *headword* hold *name* as whole words ("keyword argument", "argument")?"""
    words, wanted = key(headword).split(), key(name).split()
    return any(
        words[i : i + len(wanted)] == wanted
        for i in range(len(words) - len(wanted) + 1)
    )
