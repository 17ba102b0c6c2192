"""Abbreviations: one place for what the reader and the link layer call one.

Plain functions, no Sphinx: the reader of seeds (:mod:`.ingest`) and the
link layer (:mod:`.matching`, :mod:`.vocabulary`) ask the same questions.

- :func:`is_abbreviation`: is a name *written as* an abbreviation, so that its
  case matters when it is matched ("SCFA", "sIgA", not "Butyrate")?
- :func:`is_shorthand`: may a lone word in brackets stand for some longer
  name (an abbreviation, or a symbol with digits: "DHT", "E2")?
- :func:`abbreviates`: is one name the short form of another?
"""

from __future__ import annotations


def is_abbreviation(name: str) -> bool:
    """Short, one word, with a capital after its first letter: SCFA, sIgA, IgA.

    The link layer matches such a name with its case ("IgA", never "iga").
    """
    return (
        " " not in name
        and len(name) <= 8
        and sum(ch.isupper() for ch in name[1:]) >= 1
        and any(ch.isalpha() for ch in name)
    )


def is_shorthand(word: str) -> bool:
    """One short token that may stand for a longer name: "DHT", "E2", "IL-6".

    Wider than :func:`is_abbreviation`: up to 12 characters, and a digit
    counts as much as a capital after the first letter ("E2" stands for
    estradiol). The reader doubts such a word in brackets after a term it does
    not abbreviate; the link layer does not use it, since a digit does not
    make a name's case matter.
    """
    return (
        1 < len(word) <= 12
        and " " not in word
        and (any(ch.isupper() for ch in word[1:]) or any(ch.isdigit() for ch in word))
        and any(ch.isalpha() for ch in word)
    )


def singular_abbreviation(short: str) -> str:
    """The singular of a plural abbreviation ("SCFAs" -> "SCFA"), else ""."""
    if len(short) > 2 and short.endswith("s") and short[-2].isupper():
        return short[:-1]
    return ""


def abbreviates(short: str, long: str) -> bool:
    """True if *short* abbreviates *long* (Schwartz & Hearst, 2003).

    Every letter or digit of the abbreviation must occur in the long form, in
    order, and its first character must start a word of the long form. A
    plural ``s`` ending the abbreviation ("SCFAs") may stand for the plural.
    """
    short = short.strip()
    if not (1 < len(short) <= 12) or " " in short or not short[0].isalnum():
        return False
    if not any(ch.isupper() for ch in short):
        return False
    letters = [
        ch.lower() for ch in singular_abbreviation(short) or short if ch.isalnum()
    ]
    long_l = long.lower()
    s, lg = len(letters) - 1, len(long_l) - 1
    while s >= 0:
        ch = letters[s]
        while lg >= 0 and (
            long_l[lg] != ch or (s == 0 and lg > 0 and long_l[lg - 1].isalnum())
        ):
            lg -= 1
        if lg < 0:
            return False
        s -= 1
        lg -= 1
    return True
