"""Screenshots of the manual for the manual: its glossary and an open preview.

Build the manual, then run this from the repository's root::

    make html
    .venv/bin/python -m tests.browser.screenshots

It serves ``docs/_build/html`` from 127.0.0.1, opens it in headless Chromium
(as the browser tests do) in furo's light mode, and writes
``docs/_static/screenshots/glossary-light.png`` and ``preview-light.png``,
cropped to the part that matters. ``--theme dark`` makes the dark ones.
"""

from __future__ import annotations

import argparse
import base64
import sys
import tempfile
from pathlib import Path

from .harness import launch, open_page, serve, unavailable

ROOT = Path(__file__).resolve().parents[2]
MAX_BYTES = 200_000
MARGIN = 16


def _clip(page, top: float, bottom: float) -> dict[str, float]:
    """The article's width (with a margin) from *top* to *bottom*, in the viewport."""
    article = page.locator("article").bounding_box()
    left = max(0, article["x"] - MARGIN)
    right = min(page.viewport_size["width"], article["x"] + article["width"] + MARGIN)
    top = max(0, top)
    bottom = min(page.viewport_size["height"], bottom)
    return {"x": left, "y": top, "width": right - left, "height": bottom - top}


def _framed(page, png: bytes) -> bytes:
    """*png* with a thin grey frame, so that it stands apart from the page."""
    data = base64.b64encode(png).decode()
    page.set_content(
        '<body style="margin: 0"><img id="shot" alt="" style="display: block; '
        f'border: 1px solid #c9c9c9" src="data:image/png;base64,{data}"></body>'
    )
    page.wait_for_function("document.getElementById('shot').complete")
    return page.locator("#shot").screenshot()


def take(site: Path, out: Path, theme: str) -> list[Path]:
    """Write the two screenshots of *site* into *out*; return their paths."""
    from playwright.sync_api import expect, sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with (
        sync_playwright() as playwright,
        tempfile.TemporaryDirectory() as profile,
        serve(site) as origin,
    ):
        context = launch(playwright, Path(profile))
        page, log = open_page(context, origin, theme=theme)

        # The glossary: title, A–Z bar and the first entry's definition.
        page.goto(f"{origin}/glossary.html")
        expect(page.locator("body")).to_have_attribute("data-theme", theme)
        title = page.locator("article h1").bounding_box()
        entry = page.locator("article dl.sg-glossary > dd > p").first.bounding_box()
        clip = _clip(page, title["y"] - MARGIN, entry["y"] + entry["height"] + MARGIN)
        shots = {"glossary": page.screenshot(clip=clip)}

        # A preview over the example page's prose, with the paragraph around it.
        page.goto(f"{origin}/example-prose.html")
        link = page.locator(
            'article p a.reference.internal[href^="glossary.html#term-"]'
        ).first
        link.scroll_into_view_if_needed()
        page.evaluate("y => window.scrollBy(0, y)", link.bounding_box()["y"] - 120)
        link.hover()
        popover = page.locator("#sg-preview")
        expect(popover).to_be_visible()
        near, box = link.bounding_box(), popover.bounding_box()
        paragraph = link.locator("xpath=ancestor::p[1]").bounding_box()
        top = min(paragraph["y"], near["y"], box["y"]) - MARGIN
        bottom = max(near["y"] + near["height"], box["y"] + box["height"]) + MARGIN
        shots["preview"] = page.screenshot(clip=_clip(page, top, bottom))

        problems = log.problems()
        frame = context.new_page()
        for name, png in shots.items():
            path = out / f"{name}-{theme}.png"
            path.write_bytes(_framed(frame, png))
            written.append(path)
        context.close()
    if problems:
        raise SystemExit("the manual misbehaved:\n" + "\n".join(problems))
    for path in written:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SystemExit(f"{path} is {size} bytes, more than {MAX_BYTES}")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "docs/_build/html")
    parser.add_argument("--out", type=Path, default=ROOT / "docs/_static/screenshots")
    parser.add_argument("--theme", choices=["light", "dark"], default="light")
    args = parser.parse_args(argv)
    reason = unavailable()
    if reason:
        print(reason, file=sys.stderr)
        return 1
    if not (args.site / "glossary.html").is_file():
        print(f"no manual at {args.site}: run `make html` first", file=sys.stderr)
        return 1
    for path in take(args.site, args.out, args.theme):
        print(f"{path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
