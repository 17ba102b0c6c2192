"""What a single line looks like: the evidence that noise detection combines.

Each pattern describes a *kind* of page furniture (consent banners, calls to
action, navigation), never a sentence of a particular site. A line is dropped
only where the layout agrees with the vocabulary (see :mod:`.scraped`).
"""

from __future__ import annotations

import re
from functools import cached_property

# Words that only consent and cookie banners use.
CONSENT = re.compile(
    r"\b(?:cookies?|consent\w*|gdpr|ccpa|do not sell|opt[- ]?(?:in|out)"
    r"|tracking technolog\w*"
    r"|privacy (?:policy|choices|settings|preferences|cent(?:er|re)|notice)"
    r"|your privacy|(?:manage|cookie|privacy|your|update) (?:your )?preferences"
    r"|accept all|reject all|allow all|deny all|necessary only|personal data"
    r"|legitimate interests?|on your device|vendors)\b"
)
# Words that banners share with other site text: weak alone, telling next to a
# consent line.
BANNER_WEAK = re.compile(
    r"\b(?:personali[sz]\w*|marketing|promotions?|advertis\w*|analytics"
    r"|visitors?|traffic|preferences|categories|partners|our (?:site|website)"
    r"|free resources|user experience|website performance|choices|storage"
    r"|remember|necessary|functional|essential|settings|withdraw)\b"
)
# The site talking to the reader, or about itself.
PERSON = re.compile(r"\b(?:our|ours|we|we're|we've|us|you|your|you're|yours)\b")
# A call to action opens the line.
IMPERATIVE = re.compile(
    r"^(?:learn|discover|explore|see|read|book|find out|get|join|try|start|sign up"
    r"|subscribe|download|contact|schedule|shop|watch|check out|click|call|ask"
    r"|register|order|claim|unlock|meet|take|visit|browse|compare|save)\b"
)
# Selling words: services, offers and the people who buy them.
COMMERCIAL = re.compile(
    r"\b(?:programs?|programmes?|protocols?|services?|consultations?|clients?"
    r"|customers?|specialists?|clinicians?|coaching|packages?|subscriptions?"
    r"|newsletter|offers?|discounts?|free trial|shop|buy|pricing|sign up"
    r"|learn more|read more|click here)\b"
)
NAVIGATION = re.compile(
    r"^(?:skip to (?:the )?(?:main )?content|skip navigation|jump to (?:main )?content"
    r"|back to top|go to top|main menu|menu|open menu|close menu|toggle navigation"
    r"|home|search|close|previous|next|share|share this(?: page| article)?"
    r"|print(?: this page)?|table of contents|on this page|breadcrumbs?"
    r"|[«‹<←]?\s*back to (?:the )?[\w ]{1,30}|view all (?:terms|entries)"
    r"|all (?:terms|entries)|glossary|a[-–]z(?: index)?)$"
)
# Home › Glossary › Term, A / B / C, A | B
BREADCRUMB = re.compile(r"^[^.!?]{1,40}(?:\s(?:›|»|>|/|\|)\s[^.!?]{1,40}){1,6}$")
# Headings of page furniture: teaser lists, newsletters, share boxes.
FURNITURE = re.compile(
    r"\b(?:related|you (?:may|might) also|also like|more (?:articles|terms|from|on)"
    r"|popular|trending|recommended|newsletter|subscribe|follow us|share this"
    r"|further reading|read next|latest (?:articles|posts|news)"
    r"|stay (?:informed|updated))\b"
)
# <Title Case Topic> is/are ... — the subject of a tagline is a capitalised topic.
TITLE_SUBJECT = re.compile(r"^(?:[A-Z][\w'’-]*\s+){1,4}(?:is|are)\s+the\b")
SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9]|\s*$)")
_TERMINAL = ".,;:!"


class LineSignals:
    """Features of one line, each computed on first use.

    Most lines need only a few features (a cookie line is dropped on its
    vocabulary alone), so the others are never computed for them.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # Vocabulary patterns are lower-case and run on this: much faster
        # than re.IGNORECASE on long lines.
        self.low = text.lower()
        # Every line needs these three, many times: plain attributes are read
        # much faster than cached properties.
        self.heading_shape = is_heading_shape(text)
        self.consent = CONSENT.search(self.low) is not None
        self.navigation = NAVIGATION.match(self.low) is not None or (
            len(text) <= 120 and BREADCRUMB.match(text) is not None
        )

    @cached_property
    def banner_weak(self) -> bool:
        return BANNER_WEAK.search(self.low) is not None

    @cached_property
    def person(self) -> bool:
        return PERSON.search(self.low) is not None

    @cached_property
    def imperative(self) -> str | None:
        match = IMPERATIVE.match(self.low)
        return self.text[: match.end()] if match else None

    @cached_property
    def commercial(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.lower() for m in COMMERCIAL.findall(self.low)))

    @cached_property
    def sentences(self) -> int:
        return count_sentences(self.text)

    @cached_property
    def tagline_shape(self) -> bool:
        return TITLE_SUBJECT.match(self.text) is not None and self.person

    @cached_property
    def furniture(self) -> str | None:
        """Furniture vocabulary in a heading-shaped line."""
        if not self.heading_shape:
            return None
        match = FURNITURE.search(self.low)
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


def line_signals(text: str, seen: dict[str, LineSignals] | None = None) -> LineSignals:
    """The :class:`LineSignals` of a stripped, non-blank line.

    :param seen: the signals of the lines read so far in the same folder:
        banners and headings repeat word for word across a site's pages
    """
    if seen is None:
        return LineSignals(text)
    found = seen.get(text)
    if found is None:
        found = seen[text] = LineSignals(text)
    return found
