"""Page furniture of a scraped page: configured patterns, banners, navigation.

Stages 1 to 3 of :mod:`.scraped`. A line is dropped only where the layout
agrees with the vocabulary: a consent line starts a banner block, and its
neighbours join the block on evidence of their own.
"""

from __future__ import annotations

from .scraped_lines import Line, NoiseOptions, free, repeat_signal


def apply_patterns(lines: list[Line], options: NoiseOptions) -> None:
    """Stage 1: keep patterns protect a line, noise patterns drop it."""
    for line in lines:
        if any(p.search(line.text) for p in options.keep_patterns):
            line.keep = True
            continue
        for pattern in options.noise_patterns:
            if pattern.search(line.text):
                line.drop(
                    "pattern",
                    f"matches seed_glossary_noise_patterns {pattern.pattern!r}",
                )
                break


def mark_banners(
    lines: list[Line], folder_size: int, definition_headings: frozenset[str]
) -> None:
    """Stage 2: drop consent lines and the neighbours of their block.

    :param definition_headings: case-folded headings of the definition, never
        a banner's own heading
    """
    for line in lines:
        if free(line) and line.sig.consent:
            line.drop("banner", "consent/cookie vocabulary")
    # Grow each banner block over neighbours that belong to it, both ways:
    # a line that joins puts its own neighbours up for another look.
    todo = sorted(
        {j for i, ln in enumerate(lines) if ln.kind == "banner" for j in (i - 1, i + 1)}
    )
    while todo:
        i = todo.pop()
        if not 0 <= i < len(lines) or not free(lines[i]):
            continue
        evidence = _banner_neighbour_evidence(lines, i, definition_headings)
        if evidence:
            lines[i].drop("banner", *evidence)
            todo += [i - 1, i + 1]
    for line in lines:
        if line.kind == "banner" and line.repeats:
            line.signals.append(repeat_signal(line, folder_size))


def _banner_neighbour_evidence(
    lines: list[Line], i: int, definition_headings: frozenset[str]
) -> list[str]:
    line = lines[i]
    prev_banner = i > 0 and lines[i - 1].kind == "banner"
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    next_banner = nxt is not None and nxt.kind == "banner"
    if not (prev_banner or next_banner):
        return []
    if line.sig.heading_shape:
        return _banner_heading_evidence(
            line, prev_banner, nxt, lines[i + 2 : i + 3], definition_headings
        )
    evidence = []
    if line.repeats:
        evidence.append("repeated across the folder next to a consent banner")
    if prev_banner and next_banner:
        # Inside a block, weaker evidence suffices: banners explain themselves
        # in words that also appear in site copy.
        if line.sig.banner_weak:
            evidence.append("banner vocabulary between consent lines")
        if line.sig.person:
            evidence.append("site speaks for itself (we/our/you) between consent lines")
    return evidence


def _banner_heading_evidence(
    line: Line,
    prev_banner: bool,
    nxt: Line | None,
    after: list[Line],
    definition_headings: frozenset[str],
) -> list[str]:
    """Is a heading-shaped line next to a banner the banner's own heading?

    Inside the block (banner on both sides, or banner then end of page) it is.
    Right before a banner it is only when it shares the banner's words or
    repeats across the folder: a page title or ``Meaning`` heading often
    stands just before a banner at the top. Right after one, it is a banner
    heading only if the prose it heads is banner text with more banner after.
    """
    if line.text.casefold() in definition_headings:
        return []
    next_banner = nxt is not None and nxt.kind == "banner"
    signal = ["heading-shaped line inside a consent banner"]
    if prev_banner and (next_banner or nxt is None):
        return signal
    if next_banner:
        return signal if line.sig.banner_weak or line.repeats else []
    inside = (
        nxt is not None
        and nxt.sig.banner_weak
        and bool(after)
        and after[0].kind == "banner"
    )
    return signal if inside else []


def mark_navigation(lines: list[Line]) -> None:
    """Stage 3: drop skip links, menus and breadcrumbs."""
    for line in lines:
        if free(line) and line.sig.navigation:
            line.drop("navigation", "navigation link or breadcrumb")
            if line.repeats:
                line.signals.append("repeated across the folder")
