"""Entries as the JSON of ``python -m seed_glossary extract --json``, and as text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..model import SeedEntry

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
    }


def _located(message: str, line: int | None) -> str:
    return f"line {line}: {message}" if line else message


def summary(entries: Sequence[SeedEntry]) -> str:
    """A readable report: per seed, what it yields and what was dropped and why."""
    out: list[str] = []
    for entry in entries:
        out.append(f"{printable(entry.file)} ({entry.format})")
        term = printable(entry.term) if entry.term is not None else "-- none --"
        out.append(f"  term: {term}")
        if entry.aliases:
            out.append(f"  aliases: {printable(', '.join(entry.aliases))}")
        if entry.sections:
            headings = ", ".join(s.heading for s in entry.sections)
            out.append(f"  sections: {printable(headings)}")
        if entry.see_also:
            out.append(f"  see also: {printable(', '.join(entry.see_also))}")
        for dropped in entry.dropped:
            out.append(f"  dropped line {dropped.line} [{dropped.reason}]")
            out.append(f"    {_shorten(dropped.text)}")
        for problem in entry.problems:
            where = printable(_located(problem.message, problem.line))
            out.append(f"  PROBLEM [{problem.subtype}] {where}")
        for note in entry.notes:
            where = printable(_located(note.message, note.line))
            out.append(f"  note [{note.subtype}] {where}")
    with_problems = sum(1 for e in entries if e.problems)
    dropped_lines = sum(len(e.dropped) for e in entries)
    out.append(
        f"{len(entries)} seed(s), {dropped_lines} line(s) dropped, "
        f"{with_problems} seed(s) with problems"
    )
    return "\n".join(out)


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
