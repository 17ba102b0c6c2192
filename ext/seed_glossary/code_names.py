"""Words that code beside the text names (no Sphinx, no docutils).

A word that the same sentence also writes in inline code names that piece of
code: in "``python -m module [arg]`` executes the source file for module",
*module* is the command's placeholder, not the glossary's concept. So does
a parameter that the signature of the described object declares: in the
description of ``list.extend(iterable)``, "the items from the iterable" is the
argument. So does a word in italics right after an option, or between two
pieces of code, as a syntax writes what to put there: "``-m`` *module*",
"``$`` *name* ``:`` *fragment-specifier*" (after other code only, it is a
term introduced: "the ``append()`` *method*"). Such a mention is in another
sense (:mod:`.sense`).

Only a bare word of the code counts: not one after a sigil or inside a
dotted name, path or option (``\\clef``, ``os.path``, ``--module``), nor
a call (``open()``). A word glued to code, with not even a space between, is
part of the code's token ("``$``\\ *name*"), except in scripts written
without spaces.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .matching import spaceless_script

if TYPE_CHECKING:
    from .autolink import Mention, PageText

# Where a sentence ends: its closing mark and the spaces after; marks of
# scripts written without spaces (Chinese, Japanese) end one on their own.
_SENTENCE_END = re.compile(r"[.!?]\s+|[。！？]\s*")
# What makes a word of code part of something longer, before and after it.
_NOT_BARE_BEFORE = r"(?<![\w\\@$%.:/#-])"
_NOT_BARE_AFTER = r"(?![\w(/.#-])"
# A command-line option: "-m", "--file".
_OPTION = re.compile(r"--?\w[\w-]*$")


#: The inline code of one block: its text by the ordinal of the run walked
#: after it (the last piece, where several share one).
_BlockCode = dict[int, str]


def named_by_code(page: PageText, mentions: Iterable[Mention]) -> set[Mention]:
    """The mentions that code beside them names: a bare word of inline code
    in the same sentence, a parameter the described object declares, a
    placeholder in italics after an option or between code, a word glued to
    code."""
    code: defaultdict[int, _BlockCode] = defaultdict(dict)
    for ordinal, block, text in page.inline_code:
        code[block][ordinal] = text
    declared = {
        block: frozenset(map(str.lower, names)) for block, names in page.declared
    }
    by_block: defaultdict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        block = page.runs[mention.run][2]
        if block in declared or block in code:
            by_block[block].append(mention)
    named: set[Mention] = set()
    for block, in_block in by_block.items():
        parameters = declared.get(block, frozenset())
        named.update(m for m in in_block if _words(page, m) & parameters)
        if block in code:
            block_code = code[block]
            named.update(
                m
                for m in in_block
                if _glued(page, m, block_code) or _placeholder(page, m, block_code)
            )
            named.update(_named_in_sentence(page, block, block_code, in_block))
    return named


def _glued(page: PageText, mention: Mention, code: _BlockCode) -> bool:
    """Is the mention glued to inline code, with not even a space between: one
    token of the code's ("``$``\\ *name*", a metavariable)?"""
    text = page.runs[mention.run][3]
    # Chinese and Japanese write code and words together with no space.
    return (
        mention.start == 0
        and not spaceless_script(text[0])
        and _code_beside(page, mention.run, -1, code, spaces=False) is not None
    ) or (
        mention.end == len(text)
        and not spaceless_script(text[-1])
        and _code_beside(page, mention.run, 1, code, spaces=False) is not None
    )


def _placeholder(page: PageText, mention: Mention, code: _BlockCode) -> bool:
    """Is the mention the whole of a run in italics, with only a space between
    it and an option before it ("``-m`` *module*"), or between it and code on
    both sides ("``$`` *name* ``:`` *fragment-specifier*")?"""
    ordinal, _unit, _block, text = page.runs[mention.run]
    if (
        ordinal not in page.emphasized
        or text.strip() != text[mention.start : mention.end]
    ):
        return False
    before = _code_beside(page, mention.run, -1, code)
    if before is None:
        return False
    return (
        bool(_OPTION.match(before))
        or _code_beside(page, mention.run, 1, code) is not None
    )


def _code_beside(
    page: PageText, index: int, step: int, code: _BlockCode, *, spaces: bool = True
) -> str | None:
    """The inline code right before (*step* -1) or after (+1) the run at
    *index* in :attr:`~.PageText.runs`, with at most a run of spaces between
    (with *spaces* false, only an empty one: reStructuredText's escaped
    space, ``\\ ``, leaves an empty text node between code and a word)."""
    ordinal, _unit, block, _text = page.runs[index]
    # A code piece is kept with the ordinal of the run walked after it.
    right_there = ordinal if step < 0 else ordinal + 1
    if right_there in code:
        return code[right_there]
    beside = index + step
    if not 0 <= beside < len(page.runs):
        return None
    space_ordinal, _unit, space_block, space = page.runs[beside]
    between = space.strip() if spaces else space
    if space_ordinal != ordinal + step or space_block != block or between:
        return None
    return code.get(space_ordinal if step < 0 else space_ordinal + 1)


def _words(page: PageText, mention: Mention) -> set[str]:
    """The mention as written and as named, in small letters, if one word each."""
    shown = page.runs[mention.run][3][mention.start : mention.end]
    return {
        w.lower()  # as re.IGNORECASE compares: "ß" stays "ß"
        for w in (shown, mention.name)
        if w and not any(c.isspace() for c in w)
    }


def _named_in_sentence(
    page: PageText, block: int, code: _BlockCode, mentions: list[Mention]
) -> set[Mention]:
    # The block's text in order, the inline code among its runs (a code piece
    # comes before the run walked after it). The code is masked where the
    # sentence ends are looked for: ``a+b. c`` ends no sentence. A block's
    # runs follow each other in page.runs, from its first mention's back.
    first_run = min(m.run for m in mentions)
    while first_run and page.runs[first_run - 1][2] == block:
        first_run -= 1
    last_run = first_run
    while last_run + 1 < len(page.runs) and page.runs[last_run + 1][2] == block:
        last_run += 1
    pieces = sorted(
        [(ordinal, 0, text, -1) for ordinal, text in code.items()]
        + [
            (page.runs[i][0], 1, page.runs[i][3], i)
            for i in range(first_run, last_run + 1)
        ]
    )
    masked, starts, code_at = [], {}, []
    offset = 0
    for _ordinal, is_text, text, index in pieces:
        if is_text:
            starts[index] = offset
            masked.append(text)
        else:
            code_at.append((offset, text))
            masked.append("x" * len(text))
        offset += len(text)
    ends = [m.end() for m in _SENTENCE_END.finditer("".join(masked))]
    named = set()
    for mention in mentions:
        words = _words(page, mention)
        if not words:
            continue
        at = starts[mention.run] + mention.start
        first = max((end for end in ends if end <= at), default=0)
        last = min((end for end in ends if end > at), default=offset)
        in_sentence = [text for start, text in code_at if first <= start < last]
        if in_sentence and _bare_word(words).search(" ".join(in_sentence)):
            named.add(mention)
    return named


def _bare_word(words: set[str]) -> re.Pattern[str]:
    """A pattern that finds any of *words* as a bare word of code."""
    alternatives = "|".join(map(re.escape, sorted(words)))
    return re.compile(
        f"{_NOT_BARE_BEFORE}(?:{alternatives}){_NOT_BARE_AFTER}", re.IGNORECASE
    )
