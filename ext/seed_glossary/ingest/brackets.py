"""What a parenthesis right after the term says about its names."""

from __future__ import annotations

from collections.abc import Sequence

from ..abbreviations import abbreviates, is_shorthand
from .cues import attached, find_verb_cue, marker_cue
from .naming import Naming, as_written, clean, name_shape, read_name
from .sentence import Token, tokenize
from .words import ReaderWords, is_function_word


def bracket_names(content: str, term: str, words: ReaderWords) -> list[Naming]:
    """What a parenthesis right after the term says about its names.

    Its parts (split at ``;`` and ``,``) are read one by one:

    - a naming phrase or marker: "(also called X)", "(formerly X)", "(Latin: X)";
    - an abbreviation of the term: "(TSH)" after "Thyroid-stimulating hormone";
    - an abbreviation with the term's head noun: "(GL axis)" after "Gut-Liver
      axis", "(ACE inhibitor)";
    - a short noun phrase with no function word: a synonym, "(microvillus
      border)", "(1,25-dihydroxyvitamin D3)".

    A lone abbreviation that does not abbreviate the term ("(E2)" after
    "Estradiol") and a bare quoted phrase are doubts. Anything else explains
    ("(found mainly in the liver)", "(a steroid)") and names nothing.

    :param words: the word classes of the sentence's language
    :returns: one :class:`Naming` per part that names or may name the term;
        token positions refer to the part, not the sentence
    """
    if abbreviates(content, term):
        # The common case, "(TSH)", settled before any tokens are made.
        return [Naming((content,), 0, 1)]
    parts = _bracket_parts(content)
    if parts and _explains(parts[0], words):
        return []  # "(from the Greek leptos, “thin”)": all of it explains
    out = []
    for part in parts:
        naming = _bracket_part(content, part, term, words)
        if naming is not None:
            out.append(naming)
    return out


def _explains(part: Sequence[Token], words: ReaderWords) -> bool:
    """A part that opens with a preposition, an article or "e.g." ("(NO)" does not)."""
    first = part[0]
    return (
        first.kind == "word"
        and first.text.islower()
        and (
            first.low in words.prepositions
            or first.low in words.determiners
            or first.low in words.not_names
        )
    )


def _bracket_parts(content: str) -> list[list[Token]]:
    """Split at commas and semicolons; a colon stays ("Latin: X")."""
    parts: list[list[Token]] = [[]]
    for token in tokenize(content):
        if token.kind == "comma" or token.text == ";":
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in parts if part]


def _bracket_part(
    text: str, part: list[Token], term: str, words: ReaderWords
) -> Naming | None:
    cue = find_verb_cue(part, words)
    if cue is not None and attached(part[: cue.start], words):
        return read_name(text, part, cue, words)
    marker = marker_cue(part, words)
    if marker is not None:
        return read_name(text, part, marker, words)
    raw = as_written(text, part)
    whole = Naming((clean(raw, words),), 0, len(part))
    if abbreviates(raw, term) or _abbreviation_with_head(part, term):
        return whole
    if len(part) == 1 and part[0].kind == "quote":
        return Naming(
            (clean(part[0].text, words),),
            0,
            1,
            "a quoted phrase beside the term names it only with a naming word",
        )
    if len(part) == 1 and is_shorthand(raw):
        return Naming(
            whole.names,
            0,
            1,
            "an abbreviation that does not abbreviate "
            "the term; it may stand for another noun",
        )
    if _synonym_shape(part, words) and raw.casefold() != term.casefold():
        return whole
    return None


def _abbreviation_with_head(part: list[Token], term: str) -> bool:
    """ "(GL axis)": an abbreviation, then the last words of the term."""
    words = [t.text for t in part if t.kind == "word"]
    term_words = term.split()
    if len(words) != len(part) or len(words) < 2:
        return False
    for k in range(1, len(words)):
        tail = [w.casefold().rstrip("s") for w in words[k:]]
        if len(tail) >= len(term_words):
            continue
        term_tail = [w.casefold().rstrip("s") for w in term_words[-len(tail) :]]
        rest = " ".join(term_words[: -len(tail)])
        if tail == term_tail and abbreviates(" ".join(words[:k]), rest):
            return True
    return False


def _synonym_shape(part: Sequence[Token], words: ReaderWords) -> bool:
    """A short noun phrase: words only, none a function word, no language name."""
    if any(t.kind not in ("word", "mark") for t in part):
        return False
    tokens = [t for t in part if t.kind == "word"]
    if not tokens or (len(tokens) == 1 and tokens[0].low in words.languages):
        return False
    if any(is_function_word(w, words) or w.low in words.not_names for w in tokens):
        return False
    if all(not ch.isalpha() for w in tokens for ch in w.text):
        return False  # "(2000)", "(1,25)"
    return name_shape(tokens, True, words)
