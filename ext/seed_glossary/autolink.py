"""Which mentions of glossary names become links (no Sphinx, no docutils).

The Sphinx layer hands over a page's linkable text as plain data
(:class:`PageText`: runs of text in document order, each in its *unit*, a
glossary entry or the page's prose, and in its *block*, a paragraph); this
module finds the names in it (:func:`find_mentions`) and decides which
mentions to link (:func:`plan_page`), and why the others are not linked.

The rules, in the order they apply to each mention:

1. *Never*: the entry itself, names excluded by configuration or by a seed's
   ``autolink: never``.
2. *Sense*: a mention used in another sense is not linked: part of a longer
   word (``site-packages``, ``module.py``), followed by a number (an
   identifier, ``PEP 8``), or a verb where the name is a noun (``to type
   the``, ``you list``, ``interpreted as``).
3. *Compound*: two names side by side (``statement type``) read as one
   name that the glossary does not have: the everyday one is not linked; a
   name right after inline code (``the gc module``) is not linked.
4. *First mention*: a unit links each entry once; a ``:term:`` the author
   wrote there counts as that link; ``autolink: first`` links once per page.
5. *Everyday words*: a name that is an everyday English word (a single word
   at or above a word-frequency threshold) or that the build uses in many
   units (a share of its entries and pages) is linked only inside glossary
   entries, where the first sentence of the entry uses it: there it names
   what the entry is. ``autolink: always`` lifts this rule for a term.
6. *Density*: at most so many autolinks per paragraph.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import NamedTuple

from .catalog import key
from .matching import TermMatcher, is_abbreviation
from .model import AvoidedName, ItemNames

#: Why a mention was not linked (the first word of a report's reason).
NOT_LINKED_REASONS = {
    "excluded": "excluded by configuration or by the seed (autolink: never)",
    "empty": "the entry has no definition of its own (only See also lines), "
    "linked only where an everyday word would be",
    "sense": "used in another sense (part of a longer word, an identifier, a verb)",
    "compound": "side by side with another name: a compound the glossary lacks",
    "repeat": "linked already in this entry or page",
    "everyday": "an everyday word, linked only where an entry's first sentence uses it",
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
    """One autolink: ``text[start:end]`` of run *text* links *name*."""

    text: int  #: the run's ordinal in the page walk
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


@dataclass
class LinkNames:
    """Every name that can be linked, and to which entry (one build).

    :param items: the glossary items of every page, in page order
    :param exclude: names never autolinked (``seed_glossary_autolink_exclude``)
    :param setting: the autolink setting, as text: part of :attr:`digest`
    :param everyday: names that are everyday words, as written (see
        :func:`everyday_words`)
    :param function_words: the language's most frequent words, folded (see
        :func:`function_words`)
    """

    items: Iterable[ItemNames]
    exclude: Iterable[str] = ()
    setting: str = ""
    everyday: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    #: folded name -> key of its entry (the first page's, if two define it;
    #: of names that differ in case, the lower-case one's)
    names: dict[str, str] = field(init=False)
    #: name as written (NFC, single spaces) -> key of its entry
    exact: dict[str, str] = field(init=False)
    #: bare name of a qualified headword ("function" of "Function (routine)")
    #: -> the headword, where no other entry has that name
    bare: dict[str, str] = field(init=False)
    #: the other way: qualified headword -> its bare name
    bare_of: dict[str, str] = field(init=False)
    #: entry key -> its headword
    headwords: dict[str, str] = field(init=False)
    #: entry key -> entries it must not link (itself, those its aliases name)
    own_of: dict[str, frozenset[str]] = field(init=False)
    #: folded names and entry keys never linked
    excluded: frozenset[str] = field(init=False)
    #: entries with no definition of their own: a link to one only says "see"
    empty: set[str] = field(init=False)
    #: entry key -> "always" or "first" (a curated seed's ``autolink:``)
    overrides: dict[str, str] = field(init=False)
    #: folded abbreviation -> what it stands for (a shared one: several terms)
    abbreviations: dict[str, tuple[str, ...]] = field(init=False)
    #: folded name to avoid -> (the preferred headword, the name as given)
    avoided: dict[str, tuple[str, AvoidedName]] = field(init=False)
    #: changes whenever a name, its entry, the exclusions or the setting change
    digest: str = field(init=False)

    def __post_init__(self) -> None:
        items = list(self.items)
        self.names, self.headwords, self.overrides, pairs = {}, {}, {}, []
        self.exact, self.empty = {}, set()
        spelled: dict[str, str] = {}  # folded -> the name that holds it
        excluded = {key(n) for n in self.exclude}
        for item in items:
            for name in item.names:
                folded = key(name)
                previous = spelled.get(folded)
                # Sphinx's case-insensitive fallback, but the lower-case name
                # wins: "Head" at a sentence start is "head", not "HEAD".
                if previous is None or (
                    name == name.lower() and previous != previous.lower()
                ):
                    self.names[folded] = item.key
                    spelled[folded] = name
                self.exact.setdefault(written(name), item.key)
                pairs.append((name, item.key))
            self.headwords.setdefault(item.key, item.names[0])
            if item.autolink == "never":
                excluded.add(item.key)
            if item.empty:
                self.empty.add(item.key)
            elif item.autolink:
                self.overrides.setdefault(item.key, item.autolink)
        self.own_of = {}
        self.abbreviations = {}
        self.avoided = {}
        for item in items:
            claimed = {self.names.get(key(alias)) for alias in item.claims}
            self.own_of[item.key] = frozenset({item.key} | {c for c in claimed if c})
            for abbreviation in item.abbreviations:
                self.abbreviations.setdefault(key(abbreviation), item.expansions)
            for avoided in item.avoided:
                self.avoided.setdefault(key(avoided.name), (item.names[0], avoided))
        # An excluded headword excludes its entry under every name.
        excluded |= {
            target
            for target, headword in self.headwords.items()
            if key(headword) in excluded
        }
        self.excluded = frozenset(excluded)
        self._pairs = dict(pairs)
        self.bare = bare_names(pairs, self.names)
        self.bare_of = {name: bare for bare, name in self.bare.items()}
        digest = hashlib.sha256()
        for name, target in sorted(pairs):
            digest.update(f"{name}\0{target}\n".encode())
        digest.update(repr(sorted(self.bare.items())).encode())
        digest.update(
            f"\0{self.setting}\0{sorted(self.excluded)}\0{sorted(self.overrides.items())}"
            f"\0{sorted(self.everyday)}\0{sorted(self.abbreviations.items())}"
            f"\0{sorted(self.avoided.items())}\0{sorted(self.empty)}"
            f"\0{sorted(self.function_words)}".encode()
        )
        self.digest = digest.hexdigest()

    @cached_property
    def matcher(self) -> TermMatcher:
        """Built on first use: a build that plans no page never needs it."""
        pairs = self._pairs
        spellings = {bare: (name, pairs[name]) for bare, name in self.bare.items()}
        return TermMatcher(self._pairs, spellings)

    def resolve(self, name: str) -> str | None:
        """The entry a ``:term:`` to *name* reaches: the name as written first,
        then without regard to case, as Sphinx resolves it."""
        return self.exact.get(written(name)) or self.names.get(key(name))


def written(name: str) -> str:
    """A name as written, compared: NFC, single spaces, case kept."""
    return " ".join(unicodedata.normalize("NFC", name).split())


# "Function (routine)", "Index (relation)": a name and what it means here.
_QUALIFIED = re.compile(r"(?P<bare>[^()]*[^\s()])\s+\([^()]+\)")


def bare_names(
    pairs: Iterable[tuple[str, str]], taken: Mapping[str, str]
) -> dict[str, str]:
    """The bare name of each qualified name, where it names one entry only.

    :param pairs: ``(name, entry key)`` of every name
    :param taken: folded names already registered: a bare name that is some
        entry's name is left to that entry
    """
    found: dict[str, list[tuple[str, str, str]]] = {}
    for name, target in pairs:
        match = _QUALIFIED.fullmatch(name.strip())
        if match:
            bare = match["bare"]
            found.setdefault(key(bare), []).append((bare, name, target))
    return {
        same[0][0]: same[0][1]
        for folded, same in found.items()
        if folded not in taken and len({target for *_, target in same}) == 1
    }


#: How everyday words link inside glossary entries
#: (``seed_glossary_autolink_everyday_in_entries``).
EVERYDAY_IN_ENTRIES = ("related", "first")


@dataclass(frozen=True)
class Policy:
    """What the rules need to know of the whole build.

    :param common: entries named in the prose of many pages
    :param related: ``(entry, other)`` pairs of entries whose definitions
        mention each other
    :param everyday_in_entries: ``"related"``: an everyday word links inside
        an entry related to its own; ``"first"``: at its first mention in
        every entry
    :param max_per_paragraph: autolinks allowed in one paragraph (0: no cap)
    """

    common: frozenset[str] = frozenset()
    related: frozenset[tuple[str, str]] = frozenset()
    everyday_in_entries: str = "related"
    max_per_paragraph: int = 0

    @property
    def digest(self) -> str:
        """Changes whenever a rule would decide differently."""
        text = f"{sorted(self.common)}\0{sorted(self.related)}\0"
        text += f"{self.everyday_in_entries}\0{self.max_per_paragraph}"
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


class PageMentions(NamedTuple):
    """What a page tells of the whole build's names (see :class:`Policy`)."""

    prose: bool  #: the page has prose that may be linked
    named: frozenset[str]  #: entries its prose names
    #: entry key -> the entries its definition names (entries on this page)
    in_entries: dict[str, frozenset[str]]
    #: entry key -> the entries its "See" and "See also" lines name
    see: dict[str, frozenset[str]]


def page_mentions(
    page: PageText, mentions: Iterable[Mention], names: LinkNames, *, prose: bool
) -> PageMentions:
    """Which entries the page's prose names, and which each of its entries name.

    :param prose: the page's prose is linked (else its prose does not count)
    """
    named: set[str] = set()
    in_entries: dict[str, set[str]] = {}
    for mention in mentions:
        entry = page.units[page.runs[mention.run][1]].entry
        if entry is not None:
            in_entries.setdefault(entry, set()).add(mention.target)
        elif prose:
            named.add(mention.target)
    see: dict[str, set[str]] = {}
    for unit, name in page.see:
        entry, target = page.units[unit].entry, names.resolve(name)
        if entry is not None and target is not None:
            see.setdefault(entry, set()).add(target)
    has_prose = prose and any(unit.entry is None for unit in page.units)
    return PageMentions(
        has_prose,
        frozenset(named),
        {entry: frozenset(found) for entry, found in in_entries.items()},
        {entry: frozenset(found) for entry, found in see.items()},
    )


def common_entries(
    pages: Iterable[PageMentions], share: float, min_pages: int
) -> frozenset[str]:
    """Entries named in the prose of at least *share* of the pages with prose.

    Glossary entries do not count: a glossary that uses its own terms in
    every entry makes them no less worth linking there.
    """
    total, named = 0, Counter[str]()
    for page in pages:
        total += page.prose
        named.update(page.named)
    if total < min_pages or share <= 0:
        return frozenset()
    return frozenset(t for t, n in named.items() if n / total >= share)


def related_entries(pages: Iterable[PageMentions]) -> frozenset[tuple[str, str]]:
    """``(a, b)`` pairs of related entries: their definitions name each other,
    or one's "See also" line names the other (both ways)."""
    named: dict[str, frozenset[str]] = {}
    pairs: set[tuple[str, str]] = set()
    for page in pages:
        named.update(page.in_entries)
        for entry, others in page.see.items():
            pairs.update((entry, other) for other in others)
            pairs.update((other, entry) for other in others)
    pairs.update(
        (entry, other)
        for entry, others in named.items()
        for other in others
        if other != entry and entry in named.get(other, ())
    )
    return frozenset(pairs)


def everyday_words(
    names: Iterable[str], zipf: Mapping[str, float], at: float
) -> frozenset[str]:
    """The single-word names (as written) whose Zipf frequency is *at* or more.

    A name written with capitals inside ("HEAD", "SQL") is an abbreviation or
    a symbol, not the everyday word it folds to.
    """
    return frozenset(
        written(n)
        for n in names
        if " " not in n.strip()
        and not is_abbreviation(n)
        and zipf.get(key(n), 0.0) >= at
    )


def function_words(language: str, count: int = 100) -> frozenset[str]:
    """The *count* most frequent words of *language* (``wordfreq``'s data):
    its articles, prepositions and pronouns; none for a language it lacks."""
    from wordfreq import top_n_list

    try:
        return frozenset(top_n_list(language, count, wordlist="small"))
    except LookupError:
        return frozenset()


def zipf_frequencies(words: Iterable[str]) -> dict[str, float]:
    """Zipf frequency in English of each single word, from ``wordfreq``'s data.

    ``wordfreq`` ships its word lists in the package; it is imported here, on
    first use, because importing it takes a moment. Its small list holds every
    word of Zipf 3 or more (a rarer word is 0 here): enough for a threshold
    of everyday words, in much less memory than the large one.
    """
    from wordfreq import zipf_frequency

    return {w: zipf_frequency(w, "en", wordlist="small") for w in words}


# -- deciding --------------------------------------------------------------------------


def page_topics(title: str, names: LinkNames) -> set[str]:
    """The entries a page's title names as its topic.

    A name that another word of the title qualifies is not the topic: "Call
    expressions" is about call expressions, not expressions. Words of the
    language's most frequent (articles, prepositions: "Creating a Database")
    qualify nothing.
    """
    topics = set()
    for found in names.matcher.find(title):
        before = _WORDS.findall(title[: found.start])
        if not before or before[-1].casefold() in names.function_words:
            topics.add(found.target)
    return topics


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

    def everyday(mention: Mention) -> bool:
        """An everyday word, or a name that many pages use?"""
        if names.overrides.get(mention.target) == "always":
            return False
        word = names.bare_of.get(mention.name, mention.name)
        return written(word) in names.everyday or mention.target in policy.common

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
            return mention.target in topics or introduced(mention)
        if policy.everyday_in_entries == "first":
            return True
        headword = names.headwords.get(entry, entry)
        return (entry, mention.target) in policy.related or _holds_word(
            headword, names.bare_of.get(mention.name, mention.name)
        )

    compound = _side_by_side(page, mentions, everyday)
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
        elif _other_sense(text, mention):
            reason = "sense"
        elif mention in compound:
            reason = "compound"
        elif target in unit_seen or (policy_of == "first" and target in on_page):
            reason = "repeat"
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


# Characters around an emphasized term that do not make it a longer phrase.
_AROUND_A_TERM = " \t\n.,;:!?()[]“”‘’\"'"


_WORDS = re.compile(r"\w+")


# -- the rules of sense ------------------------------------------------------------

# Characters that join a word into a longer name: site-packages, module.py,
# os.path, a/b, snake_case, user@host.
_JOINERS = "-/._\\@"
_LONGER_WORD_END = re.compile(r"\w\w$")
# A word with a capital inside (NumPy, GNU), or two capitalised words, right
# before: the name is the kind of a product named there.
_PROPER_NAME_BEFORE = re.compile(
    r"(?:\b[A-Za-z]*[a-z][A-Z]\w*|\b[A-Z]{2,}\w*|\b[A-Z]\w+\s+[A-Z]\w+)\s+$"
)
# What a sentence, or a quotation in it, starts after.
_OPENERS = ".!?:“‘\"'(["
# A capitalised word, a comma, a space: the list "Atomicity, Consistency".
_CAPITALISED_LIST = re.compile(r"\b[A-Z]\w*,[ \u00a0]$")
_WORD_BEFORE = re.compile(r"([A-Za-z’']+)\s+$")
_WORD_AFTER = re.compile(r"^\s+([A-Za-z’']+)")
_NUMBER_AFTER = re.compile(r"^[ \u00a0]\d")
# Brackets glued to the name: a call or a manual page, "open()", "git-archive(1)".
_CALL_AFTER = re.compile(r"^\(\w*\)")
# Words after which a single-word name is a verb: modals, subject pronouns.
_VERB_SUBJECTS = frozenset(
    [
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "must",
        "may",
        "might",
        "cannot",
        "you",
        "we",
        "they",
        "i",
        "please",
        "don’t",
        "don't",
        "doesn’t",
        "doesn't",
        "didn’t",
        "didn't",
        "won’t",
        "won't",
        "let’s",
        "let's",
    ]
)
# Words that follow a verb, not a noun: determiners, object pronouns, particles.
_VERB_OBJECTS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "these",
        "that",
        "those",
        "your",
        "my",
        "our",
        "their",
        "it",
        "them",
        "in",
        "out",
        "into",
        "up",
    ]
)
_PASSIVE = frozenset(["is", "are", "was", "were", "be", "been", "being", "get", "gets"])
# Endings of verb forms. Not "-able": an entry such as "reachable" or
# "callable" is that adjective, and "reachable from" is its own sense.
_VERBAL_ENDINGS = ("ed", "ing")
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "its", "their", "each"])
_PARTICIPLE_PREPOSITIONS = frozenset(["as", "by", "into", "from", "with", "between"])


def _other_sense(text: str, mention: Mention) -> bool:
    """Is this mention used in another sense than the glossary's?"""
    start, end = mention.start, mention.end
    before, after = text[:start], text[end:]
    surface = text[start:end]
    if (before[-1:] in _JOINERS and _LONGER_WORD_END.search(before[:-1])) or (
        after[:1] in _JOINERS and after[1:2].isalnum()
    ):
        return True  # part of a longer word or name (a one-letter prefix, as
        # in "C-contiguous", qualifies the name instead)
    if _NUMBER_AFTER.match(after) and not mention.name[-1:].isdigit():
        return True  # an identifier: "PEP 8", "Python 3"
    if _CALL_AFTER.match(after):
        return True  # a command or a function, not the thing it is named for
    if not surface.strip(".…"):
        return True  # an ellipsis in prose is an ellipsis
    if len(surface) == 1:
        return True  # a letter says nothing of its sense ("A" or "a")
    at_sentence_start = not before.strip() or before.rstrip()[-1:] in _OPENERS
    if (
        surface[:1].isupper()
        and mention.name[:1].islower()
        and not at_sentence_start
        and not _CAPITALISED_LIST.search(before)
    ):
        return True  # part of a proper name: "the Python Package Index", "the
        # Staff context" (not a list of capitalised words: "Atomicity, Consistency")
    if " " in surface or not surface.isalpha():
        return False
    previous = _WORD_BEFORE.search(before)
    following = _WORD_AFTER.match(after)
    prev_word = previous.group(1) if previous else ""
    next_word = following.group(1).lower() if following else ""
    if surface.islower() and _PROPER_NAME_BEFORE.search(before):
        return True  # named by a product: "the NumPy package", "GNU Readline package"
    prev_word = prev_word.lower()
    if prev_word in _VERB_SUBJECTS:
        return True  # "you type", "can list"
    if prev_word == "to" and next_word in _VERB_OBJECTS:
        return True  # "to type the", "to list them"
    if at_sentence_start and surface[:1].isupper() and next_word in _VERB_OBJECTS:
        return True  # an instruction: "Type the following"
    lower = surface.lower()
    if lower.endswith("ed") and prev_word in _PASSIVE:
        return True  # a passive verb: "are interpreted"
    if lower.endswith(_VERBAL_ENDINGS) and next_word in _PARTICIPLE_PREPOSITIONS:
        return True  # a verb: "interpreted as", "importing from"
    # A present participle between a determiner and a noun is an adjective:
    # "the importing module".
    return (
        lower.endswith("ing")
        and prev_word in _DETERMINERS
        and bool(following)
        and next_word not in _PARTICIPLE_PREPOSITIONS | {"of"}
    )


def _side_by_side(
    page: PageText, mentions: list[Mention], everyday: Callable[[Mention], bool]
) -> set[Mention]:
    """Mentions that are part of a longer name the glossary lacks.

    Two names with only a space between them read as one name, whose head
    is the second: "asynchronous generator function" links *asynchronous
    generator*, "class attribute" links neither (*class* is an everyday
    word), "statement type" neither. A name
    right after an inline element, with only a space between ("the ``gc``
    module"), names the kind of what the element shows: it is not linked. (A
    run of text that starts with a space, after another run of the same
    paragraph, follows such an element.)
    """
    plain: set[Mention] = set()
    for first, second in pairwise(mentions):
        if first.run != second.run:
            continue
        between = page.runs[first.run][3][first.end : second.start]
        if not between or between.strip():
            continue
        # The second name is the compound's head, the first says what kind
        # ("class attribute" is an attribute of a class): the head is never
        # linked, the kind only when it is no everyday word.
        if everyday(first):
            plain.add(first)
        plain.add(second)
    for mention in mentions:
        _ordinal, _unit, block, text = page.runs[mention.run]
        before = text[: mention.start]
        after_element = mention.run and page.runs[mention.run - 1][2] == block
        if before and not before.strip() and after_element:
            plain.add(mention)
    return plain


def _holds_word(headword: str, name: str) -> bool:
    """Does *headword* hold *name* as whole words ("keyword argument", "argument")?"""
    words, wanted = key(headword).split(), key(name).split()
    return any(
        words[i : i + len(wanted)] == wanted
        for i in range(len(words) - len(wanted) + 1)
    )
