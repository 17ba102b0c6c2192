"""Read seed files into :class:`~seed_glossary.model.SeedEntry` objects.

This package knows nothing of Sphinx: it is used by the extension and by
``python -m seed_glossary``, and tested on its own.
"""

from __future__ import annotations

import glob
import hashlib
import math
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from ..model import DroppedLine, Problem, SeedEntry
from .decode import DecodedSeed, decode_seed
from .scraped import DEFAULT_HEADINGS, NoiseOptions, read_scraped
from .structured import read_structured

__all__ = [
    "DEFAULT_HEADINGS",
    "DEFAULT_MAX_BYTES",
    "SEED_SUFFIXES",
    "NoiseOptions",
    "discover",
    "read_seeds",
]

#: File suffixes read as seeds, and their format.
SEED_SUFFIXES = {".txt": "scraped", ".md": "structured"}
#: Seeds larger than this are skipped with a warning (``seed_glossary_max_seed_bytes``).
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
# A line counts as site boilerplate when this share of the folder's seeds
# (and at least two) holds it word for word.
_BOILERPLATE_SHARE = 0.25


def discover(
    spec: str | os.PathLike[str], base: str | os.PathLike[str] = "."
) -> list[Path]:
    """List the seed files that a folder or a glob names, sorted by path.

    :param spec: a folder (its ``*.txt`` and ``*.md`` files) or a glob pattern
    :param base: folder that a relative *spec* is relative to
    """
    path = Path(base, spec)
    if path.is_dir():
        candidates: Iterable[Path] = path.iterdir()
    else:
        candidates = (Path(p) for p in glob.glob(str(path), recursive=True))
    return sorted(
        p for p in candidates if p.suffix.lower() in SEED_SUFFIXES and not p.is_dir()
    )


def read_seeds(
    paths: Sequence[str | os.PathLike[str]],
    *,
    options: NoiseOptions | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[SeedEntry]:
    """Read seed files together and return one entry per file, in path order.

    Seeds are read together because a line that many pages of a site share is
    boilerplate, and because a structured seed can complete a scraped one
    (``source:`` in its front matter).

    :param paths: seed files (``*.txt`` scraped, ``*.md`` structured)
    :param options: noise patterns, keep patterns and known headings
    :param max_bytes: larger files are not read and get a ``too_large`` problem
    """
    ordered = sorted(Path(p) for p in paths)
    decoded = {path: _decode(path, max_bytes) for path in ordered}
    scraped = [p for p in ordered if p.suffix.lower() == ".txt"]
    repeats = _boilerplate_counts(decoded[p] for p in scraped)
    entries = []
    for path in ordered:
        text = decoded[path]
        if path.suffix.lower() == ".md":
            entries.append(read_structured(str(path), text.lines, text.problems))
        else:
            entries.append(
                read_scraped(
                    str(path),
                    text.numbered(),
                    repeats=repeats,
                    folder_size=len(scraped),
                    options=options,
                    problems=text.problems,
                )
            )
    return apply_overrides(entries)


def _decode(path: Path, max_bytes: int) -> DecodedSeed:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            problem = Problem(
                "too_large",
                f"seed is {size:,} bytes, over the limit of {max_bytes:,} "
                "(seed_glossary_max_seed_bytes); it was not read",
            )
            return DecodedSeed((), "unread", (problem,))
        data = path.read_bytes()
    except OSError as exc:
        return DecodedSeed(
            (),
            "unread",
            (Problem("unreadable", f"cannot read: {exc.strerror or exc}"),),
        )
    return decode_seed(data)


def _boilerplate_counts(texts: Iterable[DecodedSeed]) -> dict[str, int]:
    """For lines shared by enough seeds: how many *other* seeds hold them.

    Identical files count once, so a page scraped twice is not its own boilerplate.
    """
    seen_files: set[bytes] = set()
    counts: Counter[str] = Counter()
    files = 0
    for text in texts:
        digest = hashlib.sha256("\n".join(text.lines).encode()).digest()
        if digest in seen_files:
            continue
        seen_files.add(digest)
        files += 1
        counts.update({line for _, line in text.numbered()})
    threshold = max(2, math.ceil(files * _BOILERPLATE_SHARE))
    return {line: n - 1 for line, n in counts.items() if n >= threshold}


def apply_overrides(entries: list[SeedEntry]) -> list[SeedEntry]:
    """Merge each ``override`` seed into the scraped seed its ``source`` names.

    Front matter keys that the override gives replace what the scrape yields.
    A body, if the override has one, replaces the scraped text; the scraped
    lines then appear in ``dropped`` with the kind ``replaced``.
    """
    by_path = {Path(e.file).resolve(): i for i, e in enumerate(entries)}
    result = list(entries)
    for k, override in enumerate(entries):
        if override.format != "override" or override.source is None:
            continue
        target = (Path(override.file).parent / override.source).resolve()
        index = by_path.get(target)
        if index is None or entries[index].format != "scraped":
            problem = Problem(
                "override",
                f"source {override.source!r} is not a scraped seed (*.txt) in the "
                "folders read; the override has nothing to complete",
                override.term_line,
            )
            result[k] = replace(override, problems=(*override.problems, problem))
            continue
        result[index] = _merge(entries[index], override)
    return result


def _merge(scraped: SeedEntry, override: SeedEntry) -> SeedEntry:
    problems = tuple(p for p in scraped.problems if p.subtype not in ("no_term",))
    merged = replace(
        scraped,
        term=override.term or scraped.term,
        aliases=override.aliases or scraped.aliases,
        see_also=override.see_also or scraped.see_also,
        problems=problems,
        source=override.file,
    )
    if override.term is None and scraped.term is None:
        merged = replace(merged, problems=scraped.problems)
    if not (override.definition or override.sections):
        return merged
    replaced = [(scraped.definition_line, scraped.definition)] + [
        pair
        for s in scraped.sections
        for pair in ((s.line, s.heading), (s.body_line, s.text))
    ]
    dropped = [
        DroppedLine(line or 0, text, "replaced", (f"curated text in {override.file}",))
        for line, text in replaced
        if text
    ]
    return replace(
        merged,
        definition=override.definition,
        sections=override.sections,
        definition_line=override.definition_line,
        is_markup=True,
        dropped=tuple(sorted((*scraped.dropped, *dropped), key=lambda d: d.line)),
    )
