"""The structure of a scraped page: title, definition, sections, extra prose.

Stages 4 to 6 of :mod:`.scraped`, on the lines that the noise stages left: a
heading-shaped line followed by prose is a heading, the first prose line is
the definition, and prose that no heading owns is weighed as promotion or
kept and noted.
"""

from __future__ import annotations

from ..model import NoiseKind, Problem
from .scraped_lines import Line, is_prose


def mark_structure(
    lines: list[Line],
    headings: frozenset[str],
    definition_headings: frozenset[str],
    notes: list[Problem],
) -> None:
    """Stages 4 to 6: give every line the noise stages left a role.

    :param headings: known section headings, case-folded
    :param definition_headings: headings of the definition, case-folded
    :param notes: uncertain readings are added here
    """
    live = [ln for ln in lines if ln.role != "dropped"]
    _drop_loud_lead(live, definition_headings)
    live = [ln for ln in live if ln.role != "dropped"]
    first_prose = next((k for k, ln in enumerate(live) if is_prose(ln)), None)
    if first_prose is None:
        # No prose at all: nothing to define. Headings without text are kept
        # as sections so that nothing is lost; the assembler reports it.
        for ln in live:
            ln.role = "heading"
        return
    _mark_head(live[:first_prose], headings, definition_headings, notes)
    owner = "definition"
    block_start = True
    for k in range(first_prose, len(live)):
        line = live[k]
        nxt = live[k + 1] if k + 1 < len(live) else None
        if line.sig.heading_shape:
            if line.sig.furniture and line.text.casefold() not in headings:
                line.drop(
                    "navigation", f"page-furniture heading ({line.sig.furniture!r})"
                )
                owner, block_start = f"furniture:{line.text}", False
            elif nxt is not None and is_prose(nxt):
                line.role = "heading"
                owner = line.text
                block_start = True
                if line.text.casefold() not in headings:
                    notes.append(
                        Problem(
                            "uncertain",
                            f"read {line.text!r} as a section heading; it is not in "
                            "seed_glossary_headings (add it there to confirm it)",
                            line.number,
                        )
                    )
            else:
                _drop_stray_heading(line, headings)
            continue
        if owner.startswith("furniture:"):
            line.drop("teaser", f"listed under the {owner[10:]!r} heading")
            continue
        if block_start:
            line.role = "definition" if owner == "definition" else "body"
            block_start = False
            _check_block_opening(line, owner, nxt)
            if line.role != "dropped" and _is_loud(line) and not line.keep:
                notes.append(
                    Problem(
                        "uncertain",
                        "kept as content although it "
                        + "; ".join(line.sig.promo_evidence()),
                        line.number,
                    )
                )
            continue
        _classify_extra_prose(line, owner, notes)
    _fix_promotional_sections(live)
    _drop_repeated_leftovers(live)


def _is_loud(line: Line) -> bool:
    """Speaks to the reader, calls to action or is a tagline: not a definition."""
    return line.sig.person or line.sig.imperative is not None or line.sig.tagline_shape


def _drop_loud_lead(live: list[Line], definition_headings: frozenset[str]) -> None:
    """Promotional prose *before* the definition: noise is not always at the end.

    Looks from the top for the first prose line that does not address the
    reader; louder prose lines before it are dropped, unless a section heading
    comes first (then the first prose line is the definition, loud or not).
    """
    loud: list[Line] = []
    for k, line in enumerate(live):
        if line.keep:
            break
        if line.sig.heading_shape:
            nxt = live[k + 1] if k + 1 < len(live) else None
            is_definition_heading = line.text.casefold() in definition_headings
            if nxt is not None and is_prose(nxt) and not is_definition_heading:
                return
            continue
        if not _is_loud(line):
            break
        loud.append(line)
    else:
        return  # no quiet prose line: keep the first loud one as the definition
    for line in loud:
        kind: NoiseKind = "tagline" if line.sig.tagline_shape else "promotion"
        line.drop(
            kind, *line.sig.promo_evidence(), "promotional line before the definition"
        )


def _mark_head(
    head: list[Line],
    headings: frozenset[str],
    definition_headings: frozenset[str],
    notes: list[Problem],
) -> None:
    """Lines before the definition: a title, a definition heading, strays."""
    if not head:
        return
    last = head[-1]
    if last.text.casefold() in definition_headings:
        last.role = "definition_heading"
        head = head[:-1]
    for k, line in enumerate(head):
        if k == 0 and not line.repeats:
            line.role = "title"
        elif _is_confirmed_heading(line, headings):
            line.role = "heading"  # a known heading with no text of its own
        elif line.repeats:
            line.drop(
                "navigation",
                "heading-shaped line before the definition",
                "repeated across the folder",
            )
        else:
            line.drop(
                "navigation",
                "heading-shaped line before the definition, after the title",
            )
            notes.append(
                Problem(
                    "uncertain",
                    f"dropped {line.text!r} before the definition as page structure",
                    line.number,
                )
            )


def _is_confirmed_heading(line: Line, headings: frozenset[str]) -> bool:
    """Configured headings and keep patterns hold even without a paragraph."""
    return line.keep or line.text.casefold() in headings


def _drop_stray_heading(line: Line, headings: frozenset[str]) -> None:
    """A heading-shaped line that heads no prose: a label of page furniture."""
    if _is_confirmed_heading(line, headings):
        line.role = "heading"
        return
    signals = ["heading-shaped line that heads no paragraph"]
    if line.repeats:
        signals.append("repeated across the folder")
    line.drop("navigation", *signals)


def _check_block_opening(line: Line, owner: str, nxt: Line | None) -> None:
    """The first prose line of a block is content unless it is plainly noise."""
    if (
        not line.keep
        and line.repeats
        and (line.sig.promotional or line.sig.banner_weak)
    ):
        line.drop(
            "promotion" if not line.sig.tagline_shape else "tagline",
            "repeated across the folder",
            *line.sig.promo_evidence(),
        )


def _classify_extra_prose(line: Line, owner: str, notes: list[Problem]) -> None:
    where = "the definition" if owner == "definition" else f"the {owner!r} paragraph"
    if line.keep:
        line.role = "definition" if owner == "definition" else "body"
        return
    signals = []
    if line.sig.tagline_shape:
        signals.append(
            "tagline shape (a capitalised topic 'is the ...' addressing the reader)"
        )
    signals.extend(line.sig.promo_evidence())
    if line.sig.sentences == 1:
        signals.append(f"a single sentence after {where}")
    if line.repeats:
        signals.append("repeated across the folder")
    if not signals:
        line.role = "definition" if owner == "definition" else "body"
        notes.append(
            Problem(
                "uncertain",
                f"kept line as a further paragraph of {where}; "
                "add a noise pattern if it is page furniture",
                line.number,
            )
        )
        return
    if line.sig.tagline_shape:
        kind: NoiseKind = "tagline"
    elif line.sig.sentences == 1:
        kind = "teaser"
    else:
        kind = "promotion"
    line.drop(kind, *signals)


def _fix_promotional_sections(live: list[Line]) -> None:
    """A heading whose only paragraph is one promotional sentence is a teaser box.

    The heading goes too, but only when nothing else under it is content.
    """
    heading: Line | None = None
    block: list[Line] = []
    for line in [*live, None]:
        if line is None or line.role == "heading":
            if heading is not None:
                _drop_teaser_box(heading, block)
            heading, block = line, []
        elif heading is not None:
            block.append(line)


def _drop_teaser_box(heading: Line, block: list[Line]) -> None:
    if not block or heading.keep:
        return
    body, rest = block[0], block[1:]
    if body.keep or any(r.role != "dropped" for r in rest):
        return
    if body.role == "body" and body.sig.sentences == 1 and body.sig.promotional:
        body.drop(
            "teaser",
            *body.sig.promo_evidence(),
            f"the only sentence under {heading.text!r}",
        )
        heading.drop("teaser", "heading of a block of promotional lines")


def _drop_repeated_leftovers(live: list[Line]) -> None:
    # Lines the structure did not claim, repeated word for word in other seeds.
    for line in live:
        if not line.role and not line.keep and line.repeats:
            line.drop("banner", "repeated across the folder")
