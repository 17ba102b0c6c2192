"""The theme gallery of the manual: the glossary, a preview and a search result
in each of the five themes the browser tests use, light and dark.

Run from the repository's root (the themes come with the ``test`` extra)::

    .venv/bin/python -m tests.browser.gallery

It builds the ``test-browser`` root in furo, alabaster, sphinx_rtd_theme,
pydata-sphinx-theme and sphinx-book-theme (as ``tests/test_browser.py``
does), serves each from 127.0.0.1, opens it in headless Chromium (Debian's,
as the tests do) and writes ``docs/_static/gallery/THEME-MODE-KIND.png``,
KIND being ``glossary``, ``preview`` and ``search``, MODE ``light`` and, for
the three themes that have one, ``dark``. Each picture is cropped to the text
column and kept under 150 kB. ``docs/themes.md`` shows them.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
from pathlib import Path

from .harness import launch, open_page, serve, unavailable
from .themes import MODE_NOW, THEMES, Theme, missing, theme_root

ROOT = Path(__file__).resolve().parents[2]
ROOTS = ROOT / "tests" / "roots"
OUT = ROOT / "docs" / "_static" / "gallery"
MAX_BYTES = 150_000
MARGIN = 12
VIEWPORT = {"width": 1280, "height": 800}
QUERY = "intestinal mucus"


def build(srcdir: Path, outdir: Path) -> Path:
    """Build *srcdir* as HTML into *outdir*, quietly (the hostile page warns)."""
    from sphinx.application import Sphinx

    app = Sphinx(
        str(srcdir),
        str(srcdir),
        str(outdir),
        str(outdir / ".doctrees"),
        "html",
        status=None,
        warning=io.StringIO(),
        freshenv=True,
    )
    app.build()
    return outdir


def _clip(
    page,
    top: float,
    bottom: float,
    column: str = '[role="main"] section',
    also: dict[str, float] | None = None,
) -> dict[str, float]:
    """The text *column* (and the box *also*), with a margin, from *top* to
    *bottom*, in the viewport."""
    boxes = [page.locator(column).first.bounding_box()] + ([also] if also else [])
    left = max(0, min(b["x"] for b in boxes) - MARGIN)
    right = min(
        page.viewport_size["width"], max(b["x"] + b["width"] for b in boxes) + MARGIN
    )
    top = max(0, top)
    bottom = min(page.viewport_size["height"], bottom)
    return {"x": left, "y": top, "width": right - left, "height": bottom - top}


def shoot(context, origin: str, theme: Theme, mode: str) -> dict[str, bytes]:
    """The three pictures of one theme in one mode."""
    from playwright.sync_api import expect

    page, log = open_page(context, origin, theme=mode)
    page.set_viewport_size(VIEWPORT)
    shots = {}

    # The glossary: title, A–Z bar, the first entry with its first section.
    page.goto(f"{origin}/glossary.html")
    if theme.dark:
        assert page.evaluate(MODE_NOW) == mode, theme
    title = page.locator('[role="main"] section h1').first
    title.scroll_into_view_if_needed()
    top = title.bounding_box()["y"] - MARGIN
    section = page.locator("dl.sg-glossary p.sg-section").first.bounding_box()
    shots["glossary"] = page.screenshot(clip=_clip(page, top, section["y"] + 140))

    # A preview over the prose, with the paragraph around the link.
    page.goto(f"{origin}/prose.html")
    link = page.locator(
        '[role="main"] a.reference.internal[href="glossary.html#term-intestinal-mucus"]'
    ).first
    link.hover()
    popover = page.locator("#sg-preview")
    expect(popover).to_be_visible()
    paragraph = link.locator("xpath=ancestor::p[1]").bounding_box()
    box = popover.bounding_box()
    top = min(paragraph["y"], box["y"]) - MARGIN
    bottom = max(paragraph["y"] + paragraph["height"], box["y"] + box["height"])
    shots["preview"] = page.screenshot(clip=_clip(page, top, bottom + MARGIN, also=box))
    page.mouse.move(1, 1)

    # The search for an alias: its entry first, with the first sentence.
    page.goto(f"{origin}/search.html?q={QUERY.replace(' ', '+')}")
    expect(page.locator("#search-results li.sg-search-entry")).to_have_count(1)
    summary = page.locator("#search-results p.search-summary")
    expect(summary).not_to_be_empty()
    first = page.locator("#search-results li.sg-search-entry").bounding_box()
    top = summary.bounding_box()["y"] - MARGIN
    bottom = first["y"] + first["height"] + MARGIN
    shots["search"] = page.screenshot(
        clip=_clip(page, top, bottom, column="#search-results")
    )

    problems = log.problems()
    page.close()
    if problems:
        raise SystemExit(f"{theme.name} ({mode}) misbehaved:\n" + "\n".join(problems))
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--theme", action="append", help="only these themes (html_theme names)"
    )
    args = parser.parse_args(argv)
    reason = unavailable() or next(filter(None, map(missing, THEMES)), None)
    if reason:
        print(reason, file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    themes = [t for t in THEMES if not args.theme or t.name in args.theme]
    args.out.mkdir(parents=True, exist_ok=True)
    too_big = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        roots = Path(tmp, "roots")
        shutil.copytree(ROOTS, roots)
        context = launch(playwright, Path(tmp, "profile"))
        try:
            for theme in themes:
                site = build(theme_root(roots, theme), Path(tmp, "out", theme.name))
                with serve(site) as origin:
                    for mode in ("light", "dark") if theme.dark else ("light",):
                        for kind, png in shoot(context, origin, theme, mode).items():
                            path = args.out / f"{theme.name}-{mode}-{kind}.png"
                            path.write_bytes(png)
                            size = path.stat().st_size
                            print(f"{path.relative_to(ROOT)} ({size:,} bytes)")
                            if size > MAX_BYTES:
                                too_big.append(path.name)
        finally:
            context.close()
    if too_big:
        print(f"over {MAX_BYTES:,} bytes: {', '.join(too_big)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
