"""What a single line looks like: the evidence that noise detection combines.

Each pattern describes a *kind* of page furniture (consent banners, calls to
action, navigation), never a sentence of a particular site. A line is dropped
only where the layout agrees with the vocabulary (see :mod:`.scraped`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that only consent and cookie banners use.
CONSENT = re.compile(
    r"\b(?:cookies?|consent\w*|gdpr|ccpa|do not sell|opt[- ]?(?:in|out)"
    r"|tracking technolog\w*"
    r"|privacy (?:policy|choices|settings|preferences|cent(?:er|re)|notice)"
    r"|your privacy|(?:manage|cookie|privacy|your|update) (?:your )?preferences"
    r"|accept all|reject all|allow all|deny all|necessary only|personal data"
    r"|legitimate interests?|on your device|vendors)\b",
    re.IGNORECASE,
)
# Words that banners share with other site text: weak alone, telling next to a
# consent line.
BANNER_WEAK = re.compile(
    r"\b(?:personali[sz]\w*|marketing|promotions?|advertis\w*|analytics"
    r"|visitors?|traffic|preferences|categories|partners|our (?:site|website)"
    r"|free resources|user experience|website performance|choices|storage"
    r"|remember|necessary|functional|essential|settings|withdraw)\b",
    re.IGNORECASE,
)
# The site talking to the reader, or about itself.
PERSON = re.compile(
    r"\b(?:our|ours|we|we're|we've|us|you|your|you're|yours)\b", re.IGNORECASE
)
# A call to action opens the line.
IMPERATIVE = re.compile(
    r"^(?:learn|discover|explore|see|read|book|find out|get|join|try|start|sign up"
    r"|subscribe|download|contact|schedule|shop|watch|check out|click|call|ask"
    r"|register|order|claim|unlock|meet|take|visit|browse|compare|save)\b",
    re.IGNORECASE,
)
# Selling words: services, offers and the people who buy them.
COMMERCIAL = re.compile(
    r"\b(?:programs?|programmes?|protocols?|services?|consultations?|clients?"
    r"|customers?|specialists?|clinicians?|coaching|packages?|subscriptions?"
    r"|newsletter|offers?|discounts?|free trial|shop|buy|pricing|sign up"
    r"|learn more|read more|click here)\b",
    re.IGNORECASE,
)
NAVIGATION = re.compile(
    r"^(?:skip to (?:the )?(?:main )?content|skip navigation|jump to (?:main )?content"
    r"|back to top|go to top|main menu|menu|open menu|close menu|toggle navigation"
    r"|home|search|close|previous|next|share|share this(?: page| article)?"
    r"|print(?: this page)?|table of contents|on this page|breadcrumbs?"
    r"|[«‹<←]?\s*back to (?:the )?[\w ]{1,30}|view all (?:terms|entries)"
    r"|all (?:terms|entries)|glossary|a[-–]z(?: index)?)$",
    re.IGNORECASE,
)
# Home › Glossary › Term, A / B / C, A | B
BREADCRUMB = re.compile(r"^[^.!?]{1,40}(?:\s(?:›|»|>|/|\|)\s[^.!?]{1,40}){1,6}$")
# Headings of page furniture: teaser lists, newsletters, share boxes.
FURNITURE = re.compile(
    r"\b(?:related|you (?:may|might) also|also like|more (?:articles|terms|from|on)"
    r"|popular|trending|recommended|newsletter|subscribe|follow us|share this"
    r"|further reading|read next|latest (?:articles|posts|news)"
    r"|stay (?:informed|updated))\b",
    re.IGNORECASE,
)
# <Title Case Topic> is/are ... — the subject of a tagline is a capitalised topic.
TITLE_SUBJECT = re.compile(r"^(?:[A-Z][\w'’-]*\s+){1,4}(?:is|are)\s+the\b")
SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9]|\s*$)")
_TERMINAL = ".,;:!"


@dataclass(frozen=True, slots=True)
class LineSignals:
    """Features of one line, computed once."""

    heading_shape: bool
    consent: bool
    banner_weak: bool
    person: bool
    imperative: str | None
    commercial: tuple[str, ...]
    navigation: bool
    sentences: int
    tagline_shape: bool
    furniture: str | None  #: furniture vocabulary in a heading-shaped line

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


def line_signals(text: str) -> LineSignals:
    """Compute the :class:`LineSignals` of a stripped, non-blank line."""
    imperative = IMPERATIVE.match(text)
    heading_shape = is_heading_shape(text)
    furniture = FURNITURE.search(text) if heading_shape else None
    return LineSignals(
        heading_shape=heading_shape,
        consent=CONSENT.search(text) is not None,
        banner_weak=BANNER_WEAK.search(text) is not None,
        person=PERSON.search(text) is not None,
        imperative=imperative.group(0) if imperative else None,
        commercial=tuple(dict.fromkeys(m.lower() for m in COMMERCIAL.findall(text))),
        navigation=NAVIGATION.match(text) is not None
        or (BREADCRUMB.match(text) is not None and len(text) <= 120),
        sentences=count_sentences(text),
        tagline_shape=TITLE_SUBJECT.match(text) is not None
        and PERSON.search(text) is not None,
        furniture=furniture.group(0) if furniture else None,
    )
