"""A scraped page's marked lines assembled into a seed entry.

The definition's first sentence names the term and its aliases
(:mod:`.names`); every line ends in the entry once, as content, structure or
a dropped line with its reasons.
"""

from __future__ import annotations

from ..abbreviations import abbreviates
from ..model import AliasEvidence, DroppedLine, Problem, Section, SeedEntry
from .names import Names, extract_names
from .scraped_lines import Line
from .words import ReaderWords


def assemble(
    file: str,
    lines: list[Line],
    problems: list[Problem],
    notes: list[Problem],
    words: ReaderWords,
) -> SeedEntry:
    """The entry of a page whose lines have their roles.

    :param problems: problems of decoding; a missing definition or term is added
    :param notes: the stages' uncertain readings; doubts about names are added
    :param words: the word classes of the page's language
    """
    definition = [ln for ln in lines if ln.role == "definition"]
    structure = tuple(
        (ln.number, ln.text)
        for ln in lines
        if ln.role in ("title", "definition_heading")
    )
    sections: list[Section] = []
    current: list[Line] = []
    heading: Line | None = None
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
    names = extract_names(definition[0].text, words) if definition else None
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
            a for a in aliases if term is not None and abbreviates(a, term)
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


def _section(heading: Line, body: list[Line]) -> Section:
    return Section(
        heading=heading.text,
        text="\n\n".join(ln.text for ln in body),
        line=heading.number,
        body_line=body[0].number if body else heading.number,
    )
