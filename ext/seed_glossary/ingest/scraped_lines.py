"""The lines of a scraped page, and the options of the reader that marks them.

Each non-blank line of a page becomes a :class:`Line`: its text, its signals
(:mod:`.signals`), how often the folder repeats it, and the role that the
stages of :mod:`.scraped` give it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import NoiseKind
from .signals import LineSignals
from .words import ReaderWords


@dataclass(frozen=True)
class NoiseOptions:
    """Configuration of the scraped-seed reader (``seed_glossary_*`` values)."""

    noise_patterns: tuple[re.Pattern[str], ...] = ()
    keep_patterns: tuple[re.Pattern[str], ...] = ()
    #: known section headings, case-folded; ``None``: the language's own
    #: (``section_headings`` of its data)
    headings: frozenset[str] | None = None

    @classmethod
    def from_config(
        cls,
        noise_patterns: Sequence[str] = (),
        keep_patterns: Sequence[str] = (),
        headings: Sequence[str] | None = None,
    ) -> NoiseOptions:
        """Build options from the plain config values (regex strings, names).

        :param headings: the known section headings, or ``None`` for those of
            the language's data
        """
        return cls(
            tuple(re.compile(p) for p in noise_patterns),
            tuple(re.compile(p) for p in keep_patterns),
            None if headings is None else frozenset(h.casefold() for h in headings),
        )

    def known_headings(self, words: ReaderWords) -> frozenset[str]:
        """The configured headings, or the language's, case-folded."""
        if self.headings is not None:
            return self.headings
        return frozenset(h.casefold() for h in words.section_headings)


@dataclass
class Line:
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


def free(line: Line) -> bool:
    """No stage has decided the line yet, and no keep pattern protects it."""
    return not line.keep and not line.role


def is_prose(line: Line) -> bool:
    """Not heading-shaped: a paragraph."""
    return not line.sig.heading_shape


def repeat_signal(line: Line, folder_size: int) -> str:
    """The signal of a line that other seeds of the folder repeat."""
    return f"same line in {line.repeats + 1} of {folder_size} seeds"
