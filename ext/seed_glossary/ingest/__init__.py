"""Read seed files into :class:`~seed_glossary.model.SeedEntry` objects.

This package knows nothing of Sphinx: it is used by the extension and by
``python -m seed_glossary``, and tested on its own.
"""

from __future__ import annotations

import glob
import hashlib
import math
import os
import re
import stat
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from ..model import DroppedLine, Problem, SeedEntry, SeedFormat
from .decode import DecodedSeed, decode_seed
from .scraped import NoiseOptions, read_scraped
from .signals import LineSignals
from .structured import read_structured
from .words import ReaderWords, for_language, project_files

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SEED_SUFFIXES",
    "NoiseOptions",
    "OutsidePath",
    "ReaderWords",
    "discover",
    "for_language",
    "project_files",
    "read_seeds",
]

#: File suffixes read as seeds, and their format.
SEED_SUFFIXES = {".txt": "scraped", ".md": "structured"}
#: Seeds larger than this are skipped with a warning (``seed_glossary_max_seed_bytes``).
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
# A line counts as site boilerplate when this share of the folder's seeds
# (and at least two) holds it word for word.
_BOILERPLATE_SHARE = 0.25


def __getattr__(name: str) -> object:
    """``DEFAULT_HEADINGS``, deprecated in 0.3 and removed in 0.4: the English
    section headings, as 0.2 listed them for ``seed_glossary_headings``."""
    if name == "DEFAULT_HEADINGS":
        warnings.warn(
            "seed_glossary.ingest.DEFAULT_HEADINGS is deprecated since 0.3 and "
            "will be removed in 0.4: leave seed_glossary_headings unset and add "
            "headings to the group section_headings of your language data "
            "(seed_glossary_language_data)",
            DeprecationWarning,
            stacklevel=2,
        )
        return for_language("en").section_headings
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def discover(
    spec: str | os.PathLike[str], base: str | os.PathLike[str] = "."
) -> list[Path]:
    """List the seed files that a folder or a glob names, sorted by path.

    A listed file whose real location is outside the folder (a symlink that
    leaves it, or a file under a linked folder) comes back as an
    :class:`OutsidePath`: :func:`read_seeds` reports it and never opens it.
    Folders that ``**`` crosses are not followed when they are symlinks (a link
    to ``.`` would make the walk endless).

    :param spec: a folder (its ``*.txt`` and ``*.md`` files) or a glob pattern
    :param base: folder that a relative *spec* is relative to
    """
    path = Path(base, spec)
    if path.is_dir():
        root = path
        try:
            candidates: Iterable[Path] = list(path.iterdir())
        except OSError:
            candidates = []
    else:
        root, candidates = _glob(path)
    inside = _real(root)
    found = []
    for candidate in candidates:
        if candidate.suffix.lower() not in SEED_SUFFIXES or _is_dir(candidate):
            continue
        if not _real(candidate).is_relative_to(inside):
            candidate = OutsidePath(candidate)
        found.append(candidate)
    return sorted(found)


class OutsidePath(type(Path())):  # type: ignore[misc]
    """A seed path that resolves outside its seed folder: listed, never read."""


_UNSAFE = Problem(
    "unsafe_path",
    "the file is really outside the seed folder (a symlink, or a file in a "
    "linked folder); it was not followed or read. Copy the file into the seed "
    "folder (or point the seed folder at where it lives), or remove the link",
)
_EMPTY = Problem(
    "empty_definition",
    "the seed is empty or holds only whitespace; write the definition into it, "
    "or remove the file",
)
_MAGIC = re.compile(r"[*?[]")


def _glob(pattern: Path) -> tuple[Path, list[Path]]:
    """Matches of a glob, and the folder they must stay in (before any wildcard)."""
    parts = pattern.parts
    first = next((i for i, p in enumerate(parts) if _MAGIC.search(p)), len(parts))
    root = Path(*parts[:first]) if first else Path()
    rest = parts[first:]
    if "**" not in rest:
        if not rest:
            root = pattern.parent
        return root, [Path(p) for p in glob.glob(str(pattern))]
    # glob.glob follows symlinked folders under "**"; pathlib does not.
    rest = tuple(p if p == "**" else re.sub(r"\*{2,}", "*", p) for p in rest)
    if rest[-1] == "**":
        rest = (*rest, "*")
    hidden_ok = any(p.startswith(".") for p in rest)
    try:
        matches = list(root.glob("/".join(rest)))
    except (ValueError, NotImplementedError, OSError):
        return root, []
    return root, [
        p
        for p in matches
        if hidden_ok or not any(q.startswith(".") for q in p.relative_to(root).parts)
    ]


def _real(path: Path) -> Path:
    """Where *path* really is; never raises, even on a symlink loop."""
    return Path(os.path.realpath(path))


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _escapes_folder(path: Path) -> bool:
    """A symlink whose target is not in the folder that holds the link."""
    try:
        return path.is_symlink() and not _real(path).is_relative_to(_real(path.parent))
    except OSError:
        return False


def read_seeds(
    paths: Sequence[str | os.PathLike[str]],
    *,
    options: NoiseOptions | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    words: ReaderWords | None = None,
) -> list[SeedEntry]:
    """Read seed files together and return one entry per file, in path order.

    Seeds are read together because a line that many pages of a site share is
    boilerplate, and because a structured seed can complete a scraped one
    (``source:`` in its front matter).

    :param paths: seed files (``*.txt`` scraped, ``*.md`` structured)
    :param options: noise patterns, keep patterns and known headings
    :param max_bytes: larger files are not read and get a ``too_large`` problem
    :param words: the word classes of the seeds' language, from
        :func:`for_language` (English if not given)
    """
    refused = {
        Path(p) for p in paths if isinstance(p, OutsidePath) or _escapes_folder(Path(p))
    }
    ordered = sorted({Path(p) for p in paths})
    decoded = {
        path: _decode(path, max_bytes) if path not in refused else _unsafe()
        for path in ordered
    }
    scraped = [p for p in ordered if p.suffix.lower() == ".txt"]
    repeats = _boilerplate_counts(decoded[p] for p in scraped)
    words = words or for_language()
    # Lines repeat across a site's pages: their signals are kept, per language.
    signals: dict[str, dict[str, LineSignals]] = {}
    entries = []
    for path in ordered:
        text = decoded[path]
        if not text.lines and text.problems:
            # Not read (too large, binary, unsafe, unreadable): the reading
            # problem is the only thing to say about it.
            entries.append(_unread(path, text.problems))
        elif path.suffix.lower() == ".txt" and not text.numbered():
            entries.append(_unread(path, (*text.problems, _EMPTY)))
        elif path.suffix.lower() == ".md":
            entries.append(read_structured(str(path), text.lines, text.problems))
        else:
            page = words.for_page(line for _n, line in text.numbered())
            entries.append(
                read_scraped(
                    str(path),
                    text.numbered(),
                    repeats=repeats,
                    folder_size=len(scraped),
                    options=options,
                    problems=text.problems,
                    signals=signals.setdefault(page.language, {}),
                    words=page,
                )
            )
    return apply_overrides(entries)


def _decode(path: Path, max_bytes: int) -> DecodedSeed:
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as file:
            mode = os.fstat(file.fileno()).st_mode
            if not stat.S_ISREG(mode):
                return _unread_text(
                    "unreadable",
                    "not a regular file (a folder, FIFO, socket or device); it "
                    "was not read. Remove it from the seed folder",
                )
            data = file.read(max_bytes + 1)
    except OSError as exc:
        return _unread_text(
            "unreadable",
            f"cannot read: {exc.strerror or exc}. Check that the file exists and "
            "is readable, or remove it from the seed folder",
        )
    if len(data) > max_bytes:
        size = max(len(data), _size(path))
        return _unread_text(
            "too_large",
            f"seed is {size:,} bytes, over the limit of {max_bytes:,} "
            "(seed_glossary_max_seed_bytes); it was not read. Split it, or raise "
            "the limit",
        )
    return decode_seed(data)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _unread_text(subtype: str, message: str) -> DecodedSeed:
    return DecodedSeed((), "unread", (Problem(subtype, message),))


def _unsafe() -> DecodedSeed:
    return DecodedSeed((), "unread", (_UNSAFE,))


def _unread(path: Path, problems: tuple[Problem, ...]) -> SeedEntry:
    seed_format: SeedFormat = (
        "structured" if path.suffix.lower() == ".md" else "scraped"
    )
    return SeedEntry(file=str(path), format=seed_format, term=None, problems=problems)


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
    if not any(e.format == "override" for e in entries):
        return entries
    by_path = {_real(Path(e.file)): i for i, e in enumerate(entries)}
    result = list(entries)
    for k, override in enumerate(entries):
        if override.format != "override" or override.source is None:
            continue
        target = _real(Path(override.file).parent / override.source)
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
        alias_evidence=(
            override.alias_evidence if override.aliases else scraped.alias_evidence
        ),
        see_also=override.see_also or scraped.see_also,
        autolink=override.autolink or scraped.autolink,
        abbreviations=override.abbreviations
        if override.aliases
        else scraped.abbreviations,
        avoided=override.avoided or scraped.avoided,
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
