"""Read a scraped glossary page (``*.txt``): structure first, then noise.

A scraped page is a list of blocks, one a line: maybe a navigation line and a
title, maybe a ``Meaning`` heading, the definition, headed sections (a
heading-shaped line followed by its paragraph), and page furniture anywhere.
Every non-blank line ends as exactly one of: title or definition heading
(``structure``), definition, section heading or text, or a dropped line with
the signals that dropped it.

The decisions, in order:

1. *Patterns* from the configuration: keep patterns win over everything,
   noise patterns drop.
2. *Banners*: a line with consent vocabulary starts a banner block; its
   neighbours join the block when they are repeated across the folder, use
   banner or first-person vocabulary, or are heading-shaped lines followed by
   more banner (a banner's own heading, not a section).
3. *Navigation*: skip links, menus and breadcrumbs.
4. *Structure*: a heading-shaped line followed by prose is a heading. The
   first prose line is the definition; heading-shaped lines before it are the
   title and the definition heading. Each heading owns the prose line after it.
5. *Extra prose*: a prose line that no heading owns (after a section's first
   paragraph, most often after the last section) is a tagline, teaser or
   promotion when it has their shape or vocabulary, else it is kept as a
   further paragraph and noted as uncertain.
6. *Repetition* alone (the same line in several seeds of the folder) drops
   lines that the structure does not claim.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..model import AliasEvidence, DroppedLine, NoiseKind, Problem, Section, SeedEntry
from .names import Names, extract_names
from .naming import is_abbreviation_of
from .signals import LineSignals, line_signals

#: Headings that introduce the definition itself; not kept as sections.
DEFINITION_HEADINGS = frozenset(
    {"meaning", "definition", "overview", "summary", "description", "what is it?"}
)
#: Section headings every glossary site uses. Unknown heading-shaped lines that
#: head a paragraph are sections too; these are certain even without one.
DEFAULT_HEADINGS = (
    "Origin",
    "Etymology",
    "Mechanism",
    "History",
    "Usage",
    "Examples",
    "Clinical Significance",
    "Symptoms",
    "Causes",
    "Diagnosis",
    "Treatment",
    "Function",
    "Notes",
)


@dataclass(frozen=True)
class NoiseOptions:
    """Configuration of the scraped-seed reader (``seed_glossary_*`` values)."""

    noise_patterns: tuple[re.Pattern[str], ...] = ()
    keep_patterns: tuple[re.Pattern[str], ...] = ()
    headings: frozenset[str] = field(
        default_factory=lambda: frozenset(h.casefold() for h in DEFAULT_HEADINGS)
    )

    @classmethod
    def from_config(
        cls,
        noise_patterns: Sequence[str] = (),
        keep_patterns: Sequence[str] = (),
        headings: Sequence[str] = DEFAULT_HEADINGS,
    ) -> NoiseOptions:
        """Build options from the plain config values (regex strings, names)."""
        return cls(
            tuple(re.compile(p) for p in noise_patterns),
            tuple(re.compile(p) for p in keep_patterns),
            frozenset(h.casefold() for h in headings),
        )


@dataclass
class _Line:
    number: int
    text: str
    sig: LineSignals
    repeats: int  # how many *other* seeds of the folder hold the same line
    role: str = ""  # title, definition_heading, definition, heading, body, dropped
    kind: NoiseKind | None = None
    signals: list[str] = field(default_factory=list)
    keep: bool = False

    def drop(self, kind: NoiseKind, *signals: str) -> None:
        self.role, self.kind = "dropped", kind
        self.signals.extend(s for s in signals if s not in self.signals)


def read_scraped(
    file: str,
    numbered: Sequence[tuple[int, str]],
    *,
    repeats: Mapping[str, int] | None = None,
    folder_size: int = 1,
    options: NoiseOptions | None = None,
    problems: Sequence[Problem] = (),
    signals: dict[str, LineSignals] | None = None,
) -> SeedEntry:
    """Turn the numbered non-blank lines of a scraped page into an entry.

    :param file: the seed's path, as it should appear in reports
    :param numbered: ``(line number, stripped text)`` of the non-blank lines
    :param repeats: for each line text, in how many other seeds it also occurs
    :param folder_size: how many seeds were read together (for messages)
    :param options: configured patterns and known headings
    :param problems: problems found while decoding, carried into the entry
    :param signals: the signals of lines already read with this one (a cache
        that the reader of a folder keeps for the folder)
    """
    options = options or NoiseOptions()
    repeats = repeats or {}
    lines = [
        _Line(n, text, line_signals(text, signals), repeats.get(text, 0))
        for n, text in numbered
    ]
    _apply_patterns(lines, options)
    _mark_banners(lines, folder_size)
    _mark_navigation(lines)
    notes: list[Problem] = []
    _mark_structure(lines, options, notes)
    return _assemble(file, lines, list(problems), notes)


def _apply_patterns(lines: list[_Line], options: NoiseOptions) -> None:
    for line in lines:
        if any(p.search(line.text) for p in options.keep_patterns):
            line.keep = True
            continue
        for pattern in options.noise_patterns:
            if pattern.search(line.text):
                line.drop(
                    "pattern",
                    f"matches seed_glossary_noise_patterns {pattern.pattern!r}",
                )
                break


def _free(line: _Line) -> bool:
    return not line.keep and not line.role


def _mark_banners(lines: list[_Line], folder_size: int) -> None:
    for line in lines:
        if _free(line) and line.sig.consent:
            line.drop("banner", "consent/cookie vocabulary")
    # Grow each banner block over neighbours that belong to it, both ways:
    # a line that joins puts its own neighbours up for another look.
    todo = sorted(
        {j for i, ln in enumerate(lines) if ln.kind == "banner" for j in (i - 1, i + 1)}
    )
    while todo:
        i = todo.pop()
        if not 0 <= i < len(lines) or not _free(lines[i]):
            continue
        evidence = _banner_neighbour_evidence(lines, i)
        if evidence:
            lines[i].drop("banner", *evidence)
            todo += [i - 1, i + 1]
    for line in lines:
        if line.kind == "banner" and line.repeats:
            line.signals.append(_repeat_signal(line, folder_size))


def _banner_neighbour_evidence(lines: list[_Line], i: int) -> list[str]:
    line = lines[i]
    prev_banner = i > 0 and lines[i - 1].kind == "banner"
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    next_banner = nxt is not None and nxt.kind == "banner"
    if not (prev_banner or next_banner):
        return []
    if line.sig.heading_shape:
        return _banner_heading_evidence(line, prev_banner, nxt, lines[i + 2 : i + 3])
    evidence = []
    if line.repeats:
        evidence.append("repeated across the folder next to a consent banner")
    if prev_banner and next_banner:
        # Inside a block, weaker evidence suffices: banners explain themselves
        # in words that also appear in site copy.
        if line.sig.banner_weak:
            evidence.append("banner vocabulary between consent lines")
        if line.sig.person:
            evidence.append("site speaks for itself (we/our/you) between consent lines")
    return evidence


def _banner_heading_evidence(
    line: _Line, prev_banner: bool, nxt: _Line | None, after: list[_Line]
) -> list[str]:
    """Is a heading-shaped line next to a banner the banner's own heading?

    Inside the block (banner on both sides, or banner then end of page) it is.
    Right before a banner it is only when it shares the banner's words or
    repeats across the folder: a page title or ``Meaning`` heading often
    stands just before a banner at the top. Right after one, it is a banner
    heading only if the prose it heads is banner text with more banner after.
    """
    if line.text.casefold() in DEFINITION_HEADINGS:
        return []
    next_banner = nxt is not None and nxt.kind == "banner"
    signal = ["heading-shaped line inside a consent banner"]
    if prev_banner and (next_banner or nxt is None):
        return signal
    if next_banner:
        return signal if line.sig.banner_weak or line.repeats else []
    inside = (
        nxt is not None
        and nxt.sig.banner_weak
        and bool(after)
        and after[0].kind == "banner"
    )
    return signal if inside else []


def _repeat_signal(line: _Line, folder_size: int) -> str:
    return f"same line in {line.repeats + 1} of {folder_size} seeds"


def _mark_navigation(lines: list[_Line]) -> None:
    for line in lines:
        if _free(line) and line.sig.navigation:
            line.drop("navigation", "navigation link or breadcrumb")
            if line.repeats:
                line.signals.append("repeated across the folder")


def _is_prose(line: _Line) -> bool:
    return not line.sig.heading_shape


def _mark_structure(
    lines: list[_Line], options: NoiseOptions, notes: list[Problem]
) -> None:
    live = [ln for ln in lines if ln.role != "dropped"]
    _drop_loud_lead(live)
    live = [ln for ln in live if ln.role != "dropped"]
    first_prose = next((k for k, ln in enumerate(live) if _is_prose(ln)), None)
    if first_prose is None:
        # No prose at all: nothing to define. Headings without text are kept
        # as sections so that nothing is lost; the assembler reports it.
        for ln in live:
            ln.role = "heading"
        return
    _mark_head(live[:first_prose], options, notes)
    owner = "definition"
    block_start = True
    for k in range(first_prose, len(live)):
        line = live[k]
        nxt = live[k + 1] if k + 1 < len(live) else None
        if line.sig.heading_shape:
            if line.sig.furniture and line.text.casefold() not in options.headings:
                line.drop(
                    "navigation", f"page-furniture heading ({line.sig.furniture!r})"
                )
                owner, block_start = f"furniture:{line.text}", False
            elif nxt is not None and _is_prose(nxt):
                line.role = "heading"
                owner = line.text
                block_start = True
                if line.text.casefold() not in options.headings:
                    notes.append(
                        Problem(
                            "uncertain",
                            f"read {line.text!r} as a section heading; it is not in "
                            "seed_glossary_headings (add it there to confirm it)",
                            line.number,
                        )
                    )
            else:
                _drop_stray_heading(line, options)
            continue
        if owner.startswith("furniture:"):
            line.drop("teaser", f"listed under the {owner[10:]!r} heading")
            continue
        if block_start:
            line.role = "definition" if owner == "definition" else "body"
            block_start = False
            _check_block_opening(line, owner, nxt)
            if line.role != "dropped" and _is_loud(line) and not line.keep:
                notes.append(
                    Problem(
                        "uncertain",
                        "kept as content although it "
                        + "; ".join(line.sig.promo_evidence()),
                        line.number,
                    )
                )
            continue
        _classify_extra_prose(line, owner, notes)
    _fix_promotional_sections(live)
    _drop_repeated_leftovers(live)


def _is_loud(line: _Line) -> bool:
    """Speaks to the reader, calls to action or is a tagline: not a definition."""
    return line.sig.person or line.sig.imperative is not None or line.sig.tagline_shape


def _drop_loud_lead(live: list[_Line]) -> None:
    """Promotional prose *before* the definition: noise is not always at the end.

    Looks from the top for the first prose line that does not address the
    reader; louder prose lines before it are dropped, unless a section heading
    comes first (then the first prose line is the definition, loud or not).
    """
    loud: list[_Line] = []
    for k, line in enumerate(live):
        if line.keep:
            break
        if line.sig.heading_shape:
            nxt = live[k + 1] if k + 1 < len(live) else None
            is_definition_heading = line.text.casefold() in DEFINITION_HEADINGS
            if nxt is not None and _is_prose(nxt) and not is_definition_heading:
                return
            continue
        if not _is_loud(line):
            break
        loud.append(line)
    else:
        return  # no quiet prose line: keep the first loud one as the definition
    for line in loud:
        kind: NoiseKind = "tagline" if line.sig.tagline_shape else "promotion"
        line.drop(
            kind, *line.sig.promo_evidence(), "promotional line before the definition"
        )


def _mark_head(head: list[_Line], options: NoiseOptions, notes: list[Problem]) -> None:
    """Lines before the definition: a title, a definition heading, strays."""
    if not head:
        return
    last = head[-1]
    if last.text.casefold() in DEFINITION_HEADINGS:
        last.role = "definition_heading"
        head = head[:-1]
    for k, line in enumerate(head):
        if k == 0 and not line.repeats:
            line.role = "title"
        elif _is_confirmed_heading(line, options):
            line.role = "heading"  # a known heading with no text of its own
        elif line.repeats:
            line.drop(
                "navigation",
                "heading-shaped line before the definition",
                "repeated across the folder",
            )
        else:
            line.drop(
                "navigation",
                "heading-shaped line before the definition, after the title",
            )
            notes.append(
                Problem(
                    "uncertain",
                    f"dropped {line.text!r} before the definition as page structure",
                    line.number,
                )
            )


def _is_confirmed_heading(line: _Line, options: NoiseOptions) -> bool:
    """Configured headings and keep patterns hold even without a paragraph."""
    return line.keep or line.text.casefold() in options.headings


def _drop_stray_heading(line: _Line, options: NoiseOptions) -> None:
    """A heading-shaped line that heads no prose: a label of page furniture."""
    if _is_confirmed_heading(line, options):
        line.role = "heading"
        return
    signals = ["heading-shaped line that heads no paragraph"]
    if line.repeats:
        signals.append("repeated across the folder")
    line.drop("navigation", *signals)


def _check_block_opening(line: _Line, owner: str, nxt: _Line | None) -> None:
    """The first prose line of a block is content unless it is plainly noise."""
    if (
        not line.keep
        and line.repeats
        and (line.sig.promotional or line.sig.banner_weak)
    ):
        line.drop(
            "promotion" if not line.sig.tagline_shape else "tagline",
            "repeated across the folder",
            *line.sig.promo_evidence(),
        )


def _classify_extra_prose(line: _Line, owner: str, notes: list[Problem]) -> None:
    where = "the definition" if owner == "definition" else f"the {owner!r} paragraph"
    if line.keep:
        line.role = "definition" if owner == "definition" else "body"
        return
    signals = []
    if line.sig.tagline_shape:
        signals.append(
            "tagline shape (a capitalised topic 'is the ...' addressing the reader)"
        )
    signals.extend(line.sig.promo_evidence())
    if line.sig.sentences == 1:
        signals.append(f"a single sentence after {where}")
    if line.repeats:
        signals.append("repeated across the folder")
    if not signals:
        line.role = "definition" if owner == "definition" else "body"
        notes.append(
            Problem(
                "uncertain",
                f"kept line as a further paragraph of {where}; "
                "add a noise pattern if it is page furniture",
                line.number,
            )
        )
        return
    if line.sig.tagline_shape:
        kind: NoiseKind = "tagline"
    elif line.sig.sentences == 1:
        kind = "teaser"
    else:
        kind = "promotion"
    line.drop(kind, *signals)


def _fix_promotional_sections(live: list[_Line]) -> None:
    """A heading whose only paragraph is one promotional sentence is a teaser box.

    The heading goes too, but only when nothing else under it is content.
    """
    heading: _Line | None = None
    block: list[_Line] = []
    for line in [*live, None]:
        if line is None or line.role == "heading":
            if heading is not None:
                _drop_teaser_box(heading, block)
            heading, block = line, []
        elif heading is not None:
            block.append(line)


def _drop_teaser_box(heading: _Line, block: list[_Line]) -> None:
    if not block or heading.keep:
        return
    body, rest = block[0], block[1:]
    if body.keep or any(r.role != "dropped" for r in rest):
        return
    if body.role == "body" and body.sig.sentences == 1 and body.sig.promotional:
        body.drop(
            "teaser",
            *body.sig.promo_evidence(),
            f"the only sentence under {heading.text!r}",
        )
        heading.drop("teaser", "heading of a block of promotional lines")


def _drop_repeated_leftovers(live: list[_Line]) -> None:
    # Lines the structure did not claim, repeated word for word in other seeds.
    for line in live:
        if not line.role and not line.keep and line.repeats:
            line.drop("banner", "repeated across the folder")


def _assemble(
    file: str, lines: list[_Line], problems: list[Problem], notes: list[Problem]
) -> SeedEntry:
    definition = [ln for ln in lines if ln.role == "definition"]
    structure = tuple(
        (ln.number, ln.text)
        for ln in lines
        if ln.role in ("title", "definition_heading")
    )
    sections: list[Section] = []
    current: list[_Line] = []
    heading: _Line | None = None
    for line in lines:
        if line.role == "heading":
            if heading is not None:
                sections.append(_section(heading, current))
            heading, current = line, []
        elif line.role == "body" and heading is not None:
            current.append(line)
        elif line.role == "body":
            line.role = "definition"  # no heading owns it: keep it, never lose it
            definition.append(line)
    if heading is not None:
        sections.append(_section(heading, current))
    for line in lines:
        if not line.role:
            # Defensive: nothing may be lost; an unclaimed line becomes content
            # of the definition and is noted.
            line.role = "definition"
            definition.append(line)
            notes.append(
                Problem("uncertain", "line kept with the definition", line.number)
            )
    definition_text = "\n\n".join(ln.text for ln in definition)
    names = extract_names(definition[0].text) if definition else None
    title = next((ln for ln in lines if ln.role == "title"), None)
    term: str | None = None
    aliases: tuple[str, ...] = ()
    evidence: tuple[AliasEvidence, ...] = ()
    term_line: int | None = None
    if names and names.term:
        term, aliases, term_line = names.term, names.aliases, definition[0].number
        evidence = tuple(
            AliasEvidence(alias, phrase, term_line)
            for alias, phrase in zip(names.aliases, names.evidence, strict=True)
        )
        notes.extend(_name_notes(names, term_line))
        if title and title.text.casefold() != term.casefold():
            notes.append(
                Problem(
                    "uncertain",
                    f"title line {title.text!r} differs from "
                    f"the term {term!r} the definition names",
                    title.number,
                )
            )
    elif title:
        term, term_line = title.text, title.number
    unread = any(p.subtype in ("unreadable", "too_large") for p in problems)
    if unread:
        pass  # the reading problem says it all
    elif not definition:
        problems.append(
            Problem(
                "empty_definition",
                "no definition paragraph found; the seed has no prose line",
                None,
            )
        )
    elif term is None:
        problems.append(Problem("no_term", _no_term_message(file), 1))
    dropped = tuple(
        DroppedLine(ln.number, ln.text, ln.kind or "pattern", tuple(ln.signals))
        for ln in lines
        if ln.role == "dropped"
    )
    return SeedEntry(
        file=file,
        format="scraped",
        term=term,
        aliases=tuple(aliases),
        definition=definition_text,
        sections=tuple(sections),
        dropped=dropped,
        problems=tuple(problems),
        notes=tuple(notes),
        term_line=term_line,
        definition_line=definition[0].number if definition else None,
        structure=structure,
        alias_evidence=evidence,
        # Initials of the term given as an alias: "(SCFAs)".
        abbreviations=tuple(
            a for a in aliases if term is not None and is_abbreviation_of(a, term)
        ),
    )


def _name_notes(names: Names, line: int) -> list[Problem]:
    """Doubts about names: an alias that may be a list item, a name kept out."""
    notes = [
        Problem(
            "uncertain",
            f"read {alias!r} as an alias of {names.term!r} (', or ...,' may also "
            "start a list); set 'aliases' in an override if it is not",
            line,
        )
        for alias in names.doubtful
    ]
    notes += [
        Problem(
            "uncertain",
            f"left {name!r} out of the aliases of {names.term!r}: {why} "
            f"({phrase!r}); set 'aliases' in an override if it is one",
            line,
        )
        for name, phrase, why in names.left_out
    ]
    return notes


def _no_term_message(file: str) -> str:
    name = file.replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0]
    return (
        "the text never names its term, so the entry has no headword. Name it in a "
        f"file {stem}.md beside the seed, holding these lines:\n"
        f"---\nterm: <the term>\nsource: {name}\n---"
    )


def _section(heading: _Line, body: list[_Line]) -> Section:
    return Section(
        heading=heading.text,
        text="\n\n".join(ln.text for ln in body),
        line=heading.number,
        body_line=body[0].number if body else heading.number,
    )
