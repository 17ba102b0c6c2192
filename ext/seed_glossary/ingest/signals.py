"""What a single line looks like: the evidence that noise detection combines.

Each pattern describes a *kind* of page furniture (consent banners, calls to
action, navigation), never a sentence of a particular site. Their words are
data of each language (:class:`~.words.ReaderWords`); the shapes (a
breadcrumb, a sentence end, a heading) are here. A line is dropped only where
the layout agrees with the vocabulary (see :mod:`.scraped`).
"""

from __future__ import annotations

import re
from functools import cached_property

from .words import ReaderWords

# Home › Glossary › Term, A / B / C, A | B
BREADCRUMB = re.compile(r"^[^.!?]{1,40}(?:\s(?:›|»|>|/|\|)\s[^.!?]{1,40}){1,6}$")
SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9]|\s*$)")
_TERMINAL = ".,;:!"


class LineSignals:
    """Features of one line, each computed on first use.

    Most lines need only a few features (a cookie line is dropped on its
    vocabulary alone), so the others are never computed for them.
    """

    def __init__(self, text: str, words: ReaderWords) -> None:
        self.text = text
        self.words = words
        # Vocabulary patterns are lower-case and run on this: much faster
        # than re.IGNORECASE on long lines.
        self.low = text.lower()
        # Every line needs these three, many times: plain attributes are read
        # much faster than cached properties.
        self.heading_shape = is_heading_shape(text)
        self.consent = words.consent.search(self.low) is not None
        self.navigation = words.navigation.match(self.low) is not None or (
            len(text) <= 120 and BREADCRUMB.match(text) is not None
        )

    @cached_property
    def banner_weak(self) -> bool:
        return self.words.banner_weak.search(self.low) is not None

    @cached_property
    def person(self) -> bool:
        return self.words.person.search(self.low) is not None

    @cached_property
    def imperative(self) -> str | None:
        match = self.words.imperative.match(self.low)
        return self.text[: match.end()] if match else None

    @cached_property
    def commercial(self) -> tuple[str, ...]:
        found = self.words.commercial.findall(self.low)
        return tuple(dict.fromkeys(m.lower() for m in found))

    @cached_property
    def sentences(self) -> int:
        return count_sentences(self.text)

    @cached_property
    def tagline_shape(self) -> bool:
        return self.words.tagline.match(self.text) is not None and self.person

    @cached_property
    def furniture(self) -> str | None:
        """Furniture vocabulary in a heading-shaped line."""
        if not self.heading_shape:
            return None
        match = self.words.furniture.search(self.low)
        return self.text[match.start() : match.end()] if match else None

    @property
    def promotional(self) -> bool:
        return self.person or self.imperative is not None or bool(self.commercial)

    def promo_evidence(self) -> list[str]:
        """Human-readable reasons why this line reads as promotion."""
        out = []
        if self.person:
            out.append("addresses the reader or speaks for the site (we/our/you)")
        if self.imperative:
            out.append(f"opens with a call to action ({self.imperative!r})")
        if self.commercial:
            out.append(f"sales vocabulary ({', '.join(self.commercial)})")
        return out


def is_heading_shape(text: str) -> bool:
    """A short line with no sentence punctuation that starts with a capital."""
    words = text.split()
    return (
        0 < len(words) <= 6
        and len(text) <= 60
        and (text[0].isupper() or text[0].isdigit())
        and text[-1] not in _TERMINAL
        and ". " not in text
    )


def count_sentences(text: str) -> int:
    """Sentences in a line, by terminal punctuation followed by a capital."""
    return max(1, len(SENTENCE_END.findall(text)))


def line_signals(
    text: str, words: ReaderWords, seen: dict[str, LineSignals] | None = None
) -> LineSignals:
    """The :class:`LineSignals` of a stripped, non-blank line.

    :param words: the word classes of the page's language
    :param seen: the signals of the lines read so far in the same folder, in
        the same language: banners and headings repeat word for word across a
        site's pages
    """
    if seen is None:
        return LineSignals(text, words)
    found = seen.get(text)
    if found is None:
        found = seen[text] = LineSignals(text, words)
    return found
