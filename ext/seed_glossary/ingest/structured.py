"""Read a curated seed (``*.md``): YAML front matter, MyST definition, ``##`` sections.

The body stays MyST source here; the Sphinx layer parses it, with raw HTML
and file insertion turned off. This module only splits it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal

import yaml

from ..model import AliasEvidence, AvoidedName, Problem, Section, SeedEntry

#: Front matter keys and what they hold.
FRONT_MATTER_KEYS = {
    "term": "the headword (required)",
    "aliases": "list of other names",
    "see_also": "list of related terms",
    "source": "a scraped seed (*.txt) this file completes (override)",
    "autolink": "how mentions of the term link themselves: always, first or never",
    "abbreviation": "an abbreviation of the term (or a list of them), also an alias",
    "deprecated": "old names of the term: strings, or {name, note} mappings",
    "avoid": "wrong names for the term: strings, or {name, note} mappings",
}
#: Values of ``autolink:``.
AUTOLINK_POLICIES = ("always", "first", "never")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_SECTION = re.compile(r"^##\s+(.+?)\s*#*\s*$")


def read_structured(
    file: str, lines: Sequence[str], problems: Sequence[Problem] = ()
) -> SeedEntry:
    """Read a structured seed from its decoded lines (``lines[0]`` is line 1).

    :param file: the seed's path, as it should appear in reports
    :param lines: every line of the file, stripped of line ends
    :param problems: problems found while decoding, carried into the entry
    """
    found = list(problems)
    meta, body_start = _front_matter(lines, found)
    term = _string(meta, "term", found)
    aliases = _string_list(meta, "aliases", found)
    see_also = _string_list(meta, "see_also", found)
    source = _string(meta, "source", found)
    autolink = _string(meta, "autolink", found)
    abbreviations = _string_list(meta, "abbreviation", found)
    avoided = [
        *_avoided(meta, "deprecated", found),
        *_avoided(meta, "avoid", found),
    ]
    if autolink is not None and autolink not in AUTOLINK_POLICIES:
        found.append(
            Problem(
                "front_matter",
                f"autolink: {autolink!r} is not one of "
                f"{', '.join(AUTOLINK_POLICIES)}; it is ignored",
                _key_line(lines, "autolink", body_start),
            )
        )
        autolink = None
    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            found.append(
                Problem(
                    "front_matter",
                    f"unknown front matter key {key!r} "
                    f"(known: {', '.join(FRONT_MATTER_KEYS)})",
                    1,
                )
            )
    definition, definition_line, sections = _split_body(lines, body_start)
    aliases_line = _key_line(lines, "aliases", body_start)
    evidence = [
        AliasEvidence(a, "front matter 'aliases'", aliases_line) for a in aliases
    ]
    for abbreviation in abbreviations:
        if abbreviation.casefold() not in {a.casefold() for a in aliases}:
            aliases.append(abbreviation)
            evidence.append(
                AliasEvidence(
                    abbreviation,
                    "front matter 'abbreviation'",
                    _key_line(lines, "abbreviation", body_start),
                )
            )
    kept = [a for a in aliases if term is None or a.casefold() != term.casefold()]
    evidence = [e for e in evidence if e.alias in kept]
    aliases = kept
    unread = any(p.subtype in ("not_a_seed", "unreadable", "too_large") for p in found)
    if term is None and "term" not in meta and source is None and not unread:
        found.append(Problem("no_term", "front matter has no 'term'", 1))
    if not definition.strip() and not sections and source is None and not unread:
        found.append(
            Problem(
                "empty_definition",
                "no definition text after the front matter",
                body_start + 1,
            )
        )
    return SeedEntry(
        file=file,
        format="override" if source is not None else "structured",
        term=term,
        aliases=tuple(aliases),
        definition=definition,
        sections=tuple(sections),
        see_also=tuple(see_also),
        problems=tuple(found),
        term_line=_key_line(lines, "term", body_start),
        definition_line=definition_line,
        source=source,
        is_markup=True,
        autolink=autolink,
        alias_evidence=tuple(evidence),
        abbreviations=tuple(a for a in abbreviations if a in aliases),
        avoided=tuple(avoided),
    )


def _avoided(
    meta: dict[str, Any], kind: Literal["deprecated", "avoid"], problems: list[Problem]
) -> list[AvoidedName]:
    """``deprecated:`` or ``avoid:``: names as strings, or ``{name, note}``."""
    value = meta.get(kind)
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        value = [value]
    found = []
    for item in value if isinstance(value, list) else [None]:
        if isinstance(item, str) and item.strip():
            found.append(AvoidedName(" ".join(item.split()), kind))
        elif (
            isinstance(item, dict)
            and isinstance(item.get("name"), str)
            and item["name"].strip()
            and isinstance(item.get("note", ""), str)
        ):
            note = " ".join(item.get("note", "").split())
            found.append(AvoidedName(" ".join(item["name"].split()), kind, note))
        else:
            problems.append(
                Problem(
                    "front_matter",
                    f"{kind!r} must be a list of names, or of mappings with "
                    "'name' and an optional 'note'",
                    1,
                )
            )
            return []
    return found


def _front_matter(
    lines: Sequence[str], problems: list[Problem]
) -> tuple[dict[str, Any], int]:
    """Parse the YAML between the opening and closing ``---``.

    :returns: the mapping and the 0-based index of the first body line
    """
    if not lines or lines[0].strip() != "---":
        problems.append(
            Problem(
                "not_a_seed",
                "a structured seed starts with YAML front "
                "matter ('---', 'term: ...', '---'); this file has none",
                1,
            )
        )
        return {}, 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        problems.append(
            Problem("front_matter", "front matter is not closed with '---'", 1)
        )
        return {}, len(lines)
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problems.append(
            Problem(
                "front_matter",
                f"front matter is not valid YAML: "
                f"{getattr(exc, 'problem', None) or exc}",
                line,
            )
        )
        return {}, end + 1
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problems.append(
            Problem(
                "front_matter", "front matter must be a mapping of keys to values", 2
            )
        )
        return {}, end + 1
    return {str(k): v for k, v in data.items()}, end + 1


def _string(meta: dict[str, Any], key: str, problems: list[Problem]) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and str(value).strip():
        return " ".join(str(value).split())
    problems.append(Problem("front_matter", f"{key!r} must be a non-empty string", 1))
    return None


def _string_list(meta: dict[str, Any], key: str, problems: list[Problem]) -> list[str]:
    value = meta.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(v, (str, int, float)) for v in value
    ):
        problems.append(
            Problem("front_matter", f"{key!r} must be a list of strings", 1)
        )
        return []
    return [" ".join(str(v).split()) for v in value if str(v).strip()]


def _key_line(lines: Sequence[str], key: str, body_start: int) -> int:
    for i, line in enumerate(lines[:body_start], 1):
        if line.startswith(f"{key}:"):
            return i
    return 1


def _split_body(
    lines: Sequence[str], start: int
) -> tuple[str, int | None, list[Section]]:
    """Split the body at ``## Heading`` lines that are not inside code fences."""
    chunks: list[tuple[str | None, int, list[str]]] = [(None, start + 1, [])]
    fence: str | None = None
    for number, line in enumerate(lines[start:], start + 1):
        opener = _FENCE.match(line)
        if opener:
            mark = opener.group(1)
            if fence is None:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence):
                fence = None
        found = _SECTION.match(line) if fence is None else None
        if found:
            chunks.append((found.group(1), number, []))
        else:
            chunks[-1][2].append(line)
    definition_chunk = chunks[0]
    definition, definition_line = _trim(definition_chunk[2], definition_chunk[1])
    sections = []
    for heading, number, body in chunks[1:]:
        text, body_line = _trim(body, number + 1)
        sections.append(Section(heading or "", text, number, body_line or number))
    return definition, definition_line, sections


def _trim(body: list[str], first_line: int) -> tuple[str, int | None]:
    """Drop blank lines at both ends; return the text and its first line number."""
    lead = 0
    while lead < len(body) and not body[lead].strip():
        lead += 1
    trail = len(body)
    while trail > lead and not body[trail - 1].strip():
        trail -= 1
    if lead == trail:
        return "", None
    return "\n".join(body[lead:trail]), first_line + lead
