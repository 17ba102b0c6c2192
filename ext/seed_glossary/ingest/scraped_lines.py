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
