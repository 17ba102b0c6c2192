"""Entries as the JSON of ``python -m seed_glossary extract --json``, and as text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any, get_args

from ..model import DroppedLine, SeedEntry, SeedFormat

#: Default file name of the report a build writes (``seed_glossary_report``):
#: ``{"seeds": [objects of entry_to_json + "page"], "links": {...}}``.
REPORT_NAME = "seed-glossary-report.json"


def entry_to_json(entry: SeedEntry) -> dict[str, Any]:
    """One seed as the documented JSON object (keys are a stable interface)."""
    return {
        "file": entry.file,
        "format": entry.format,
        "term": entry.term,
        "aliases": list(entry.aliases),
        "definition": entry.definition,
        "sections": {s.heading: s.text for s in entry.sections},
        "see_also": list(entry.see_also),
        "dropped": [
            {"line": d.line, "text": d.text, "reason": d.reason} for d in entry.dropped
        ],
        "problems": [_located(p.message, p.line) for p in entry.problems],
        "alias_evidence": [
            {"alias": e.alias, "phrase": e.phrase, "line": e.line}
            for e in entry.alias_evidence
        ],
        "abbreviations": list(entry.abbreviations),
        "avoided": [
            {"name": a.name, "kind": a.kind, "note": a.note} for a in entry.avoided
        ],
        # Doubts, not errors: decisions worth a look (no warning in a build).
        "notes": [
            {"subtype": n.subtype, "line": n.line, "message": n.message}
            for n in entry.notes
        ],
    }


def _located(message: str, line: int | None) -> str:
    return f"line {line}: {message}" if line else message


def summary(entries: Sequence[SeedEntry]) -> str:
    """The text report of ``extract``, most urgent first.

    Problems come first, each located at its file and line. Then each seed:
    its term, aliases and sections, and the lines it dropped that no other
    seed shares. Then the lines that several seeds dropped (a site's cookie
    banner, its navigation), each once with the seeds it came from. Last, one
    line of totals (:func:`totals`).
    """
    shared = _shared_lines(entries)
    parts = [
        _problems_text(entries),
        "\n".join(_seed_text(entry, shared) for entry in entries),
        _shared_text(shared, entries),
        totals(entries),
    ]
    return "\n\n".join(part for part in parts if part)


def totals(entries: Sequence[SeedEntry]) -> str:
    """The totals line, of which every other count printed is a part.

    Seeds read (by format), with an entry, with problems; lines dropped, and
    how many of them several seeds share.
    """
    formats = Counter(entry.format for entry in entries)
    by_format = ", ".join(
        f"{formats[name]} {name}" for name in get_args(SeedFormat) if formats[name]
    )
    with_entry = sum(1 for e in entries if _has_entry(e))
    with_problems = sum(1 for e in entries if e.problems)
    dropped = sum(len(e.dropped) for e in entries)
    in_shared = sum(len(found) for found in _shared_lines(entries).values())
    return (
        f"{_count(len(entries), 'seed')} read"
        + (f" ({by_format})" if by_format else "")
        + f": {with_entry} with an entry, {with_problems} with problems; "
        f"{_count(dropped, 'line')} dropped ({in_shared} of them shared by "
        "several seeds)"
    )


def stats_text(entries: Sequence[SeedEntry]) -> str:
    """The counts of :func:`stats` as text, then the :func:`totals` line."""
    counts = stats(entries)
    parts = [
        _counted("Dropped lines by kind:", counts["by_kind"]),
        _counted(
            "Signals (the evidence; one dropped line can have several):",
            counts["by_signal"],
        ),
        _counted("Problems by subtype:", dict(counts["problems"].most_common())),
        totals(entries),
    ]
    return "\n\n".join(part for part in parts if part)


def _counted(title: str, counts: dict[str, int]) -> str:
    if not counts:
        return ""
    width = len(str(max(counts.values())))
    rows = (f"  {n:>{width}}  {printable(name)}" for name, n in counts.items())
    return "\n".join([title, *rows])


def _has_entry(entry: SeedEntry) -> bool:
    # An override completes another seed's entry: it makes none of its own.
    return entry.term is not None and entry.format != "override"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


#: A dropped line's text -> the seeds that dropped it, and how.
_Shared = dict[str, list[tuple[SeedEntry, DroppedLine]]]


def _shared_lines(entries: Sequence[SeedEntry]) -> _Shared:
    """Dropped lines that two or more seeds hold, in the order first met."""
    found: _Shared = {}
    for entry in entries:
        for dropped in entry.dropped:
            found.setdefault(dropped.text, []).append((entry, dropped))
    return {
        text: pairs
        for text, pairs in found.items()
        if len({entry.file for entry, _ in pairs}) > 1
    }


def _display_names(entries: Sequence[SeedEntry]) -> dict[str, str]:
    """Each seed's file name, or its whole path where two seeds share a name."""
    names = Counter(PurePath(e.file).name for e in entries)
    return {
        e.file: printable(
            PurePath(e.file).name if names[PurePath(e.file).name] == 1 else e.file
        )
        for e in entries
    }


def _problems_text(entries: Sequence[SeedEntry]) -> str:
    problems = [(e.file, p) for e in entries for p in e.problems]
    if not problems:
        return "No problems."
    seeds = len({file for file, _ in problems})
    lines = [f"{_count(len(problems), 'problem')} in {_count(seeds, 'seed')}:"]
    for file, problem in problems:
        where = f"{file}:{problem.line}" if problem.line else file
        message = printable(problem.message).replace("\n", "\n    ")
        lines.append(f"{printable(where)}: [{problem.subtype}] {message}")
    return "\n".join(lines)


def _seed_text(entry: SeedEntry, shared: _Shared) -> str:
    out = [f"{printable(entry.file)} ({entry.format})"]
    term = printable(entry.term) if entry.term is not None else "-- none --"
    out.append(f"  term: {term}")
    for label, values in (
        ("aliases", entry.aliases),
        ("sections", tuple(s.heading for s in entry.sections)),
        ("see also", entry.see_also),
    ):
        if values:
            out.append(f"  {label}: {printable(', '.join(values))}")
    if entry.source is not None:
        relation = "completes" if entry.format == "override" else "completed by"
        out.append(f"  {relation}: {printable(entry.source)}")
    if entry.problems:
        out.append(f"  problems: {len(entry.problems)} (listed at the top)")
    out.extend(_dropped_text(entry, shared))
    for note in entry.notes:
        out.append(
            f"  note [{note.subtype}] {printable(_located(note.message, note.line))}"
        )
    return "\n".join(out)


def _dropped_text(entry: SeedEntry, shared: _Shared) -> list[str]:
    """The seed's dropped-line count, and the lines no other seed shares."""
    if not entry.dropped:
        return []
    own = [d for d in entry.dropped if d.text not in shared]
    in_shared = len(entry.dropped) - len(own)
    head = f"  dropped: {_count(len(entry.dropped), 'line')}"
    if in_shared == len(entry.dropped):
        head += " (all shared with other seeds, listed below)"
    elif in_shared:
        head += f" ({in_shared} shared with other seeds, listed below)"
    out = [head]
    for dropped in own:
        out.append(f"    line {dropped.line} [{printable(dropped.reason)}]")
        out.append(f"      {_shorten(dropped.text)}")
    return out


def _shared_text(shared: _Shared, entries: Sequence[SeedEntry]) -> str:
    """Lines several seeds dropped, each once, grouped by the seeds that hold them.

    A site's banner is five lines in the same seeds: one list of seeds, then
    its lines with their reasons.
    """
    if not shared:
        return ""
    groups = _by_seeds(shared)
    names = _display_names(entries)
    count = sum(len(lines) for lines in groups.values())
    out = [f"Dropped from several seeds ({_count(count, 'line')}):"]
    # Most widely shared first; ties keep the order met, so a banner reads
    # top to bottom.
    for files, lines in sorted(groups.items(), key=lambda kv: -len(kv[0])):
        out.append(_seed_list(files, entries, names))
        for text, reason in lines:
            out.append(f"    [{printable(reason)}]")
            out.append(f"      {_shorten(text)}")
    return "\n".join(out)


def _by_seeds(shared: _Shared) -> dict[tuple[str, ...], list[tuple[str, str]]]:
    """Each shared line and reason, under the files that dropped it for that reason."""
    groups: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for text, pairs in shared.items():
        by_reason: dict[str, list[str]] = {}
        for entry, dropped in pairs:
            by_reason.setdefault(dropped.reason, []).append(entry.file)
        for reason, files in by_reason.items():
            groups.setdefault(tuple(dict.fromkeys(files)), []).append((text, reason))
    return groups


def _seed_list(
    files: tuple[str, ...], entries: Sequence[SeedEntry], names: dict[str, str]
) -> str:
    """``in N seeds (a, b):``, or ``in N of M scraped seeds (all but c):``.

    Only scraped seeds drop lines, so "all but" counts among them, as the
    reasons' "same line in N of M seeds" does.
    """
    scraped = [e.file for e in entries if e.format == "scraped"]
    others = [names[f] for f in scraped if f not in files]
    if set(files) <= set(scraped) and len(others) < len(files):
        if not others:
            return f"  in all {len(scraped)} scraped seeds:"
        label = f"in {len(files)} of {len(scraped)} scraped seeds (all but "
        return _wrapped(label, others) + "):"
    label = f"in {_count(len(files), 'seed')} ("
    return _wrapped(label, [names[f] for f in files]) + "):"


def _wrapped(label: str, items: list[str], width: int = 88) -> str:
    """*items* after *label*, comma-separated, in lines of up to *width*.

    Items are never split, even when they hold a space (a file name can).
    """
    lines = [f"  {label}"]
    for k, item in enumerate(items):
        piece = item if k == len(items) - 1 else item + ","
        if k and len(lines[-1]) + 1 + len(piece) > width - 2:
            lines.append("      " + piece)
        else:
            lines[-1] += (" " if k else "") + piece
    return "\n".join(lines)


def stats(entries: Sequence[SeedEntry]) -> dict[str, Any]:
    """Counts across seeds: dropped lines per noise kind and per signal."""
    kinds: Counter[str] = Counter()
    signals: Counter[str] = Counter()
    for entry in entries:
        for dropped in entry.dropped:
            kinds[dropped.kind] += 1
            signals.update(dropped.signals)
    return {
        "seeds": len(entries),
        "dropped": sum(kinds.values()),
        "by_kind": dict(kinds.most_common()),
        "by_signal": dict(signals.most_common()),
        "problems": Counter(p.subtype for e in entries for p in e.problems),
    }


def printable(text: str) -> str:
    """Seed text made safe for a terminal: control characters shown escaped.

    A scraped line can hold escape sequences; printed raw they would drive
    the terminal (retitle it, hide text).
    """
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or ch in "\n\t" else _escaped(ch) for ch in text
    )


def _escaped(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _shorten(text: str, width: int = 100) -> str:
    text = printable(text)
    return text if len(text) <= width else text[: width - 1] + "…"
