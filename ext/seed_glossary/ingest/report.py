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
    }


def _located(message: str, line: int | None) -> str:
    return f"line {line}: {message}" if line else message


def summary(entries: Sequence[SeedEntry]) -> str:
    """A readable report: per seed, what it yields and what was dropped and why."""
    out: list[str] = []
    for entry in entries:
        out.append(f"{entry.file} ({entry.format})")
        out.append(f"  term: {entry.term if entry.term is not None else '-- none --'}")
        if entry.aliases:
            out.append(f"  aliases: {', '.join(entry.aliases)}")
        if entry.sections:
            out.append(f"  sections: {', '.join(s.heading for s in entry.sections)}")
        if entry.see_also:
            out.append(f"  see also: {', '.join(entry.see_also)}")
        for dropped in entry.dropped:
            out.append(f"  dropped line {dropped.line} [{dropped.reason}]")
            out.append(f"    {_shorten(dropped.text)}")
        for problem in entry.problems:
            where = _located(problem.message, problem.line)
            out.append(f"  PROBLEM [{problem.subtype}] {where}")
        for note in entry.notes:
            out.append(f"  note [{note.subtype}] {_located(note.message, note.line)}")
    with_problems = sum(1 for e in entries if e.problems)
    dropped = sum(len(e.dropped) for e in entries)
    out.append(
        f"{len(entries)} seed(s), {dropped} line(s) dropped, "
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


def _shorten(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
