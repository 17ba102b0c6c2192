"""The five themes the browser tests and the theme gallery build, and WCAG
contrast from computed colours.

Each theme gets a copy of the ``test-browser`` root next to it (its seeds are
read from the other roots) with ``html_theme`` set. Furo, pydata-sphinx-theme
and sphinx-book-theme have a dark mode of their own, chosen by the reader
(stored in ``localStorage``) or by ``prefers-color-scheme``; alabaster and
sphinx_rtd_theme have none, and the glossary invents none for them.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Theme:
    name: str  #: html_theme
    module: str  #: what must be importable
    dark: bool  #: has a dark mode of its own
    label: str  #: as the manual names it


THEMES = [
    Theme("furo", "furo", True, "Furo"),
    Theme("alabaster", "alabaster", False, "Alabaster"),
    Theme("sphinx_rtd_theme", "sphinx_rtd_theme", False, "Read the Docs"),
    Theme("pydata_sphinx_theme", "pydata_sphinx_theme", True, "PyData"),
    Theme("sphinx_book_theme", "sphinx_book_theme", True, "Book"),
]
BY_NAME = {theme.name: theme for theme in THEMES}

#: Where each theme says which mode is on: furo on body, the pydata themes on html.
MODE_NOW = "document.body.dataset.theme || document.documentElement.dataset.theme"


def missing(theme: Theme) -> str | None:
    """Why *theme* cannot be built here, or None."""
    if importlib.util.find_spec(theme.module) is None:
        return f"{theme.name} is not installed (pip install -e '.[test]')"
    return None


def theme_root(roots: Path, theme: Theme) -> Path:
    """The source folder of ``test-browser`` in *theme*, inside *roots*."""
    source = roots / "test-browser"
    if theme.name == "furo":
        return source
    target = roots / f"test-browser-{theme.name}"
    if not target.exists():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("_build"))
        conf = target / "conf.py"
        text = conf.read_text(encoding="utf-8")
        text = re.sub(
            r"^html_theme = .*$", f"html_theme = {theme.name!r}", text, flags=re.M
        )
        conf.write_text(text, encoding="utf-8")
    return target


# -- contrast ------------------------------------------------------------------

RGBA = tuple[float, float, float, float]

#: (colour of the element, background colours from it up to html), as computed.
COLOUR_STACK = """el => {
  const backgrounds = [];
  let opacity = 1;
  for (let e = el; e; e = e.parentElement) {
    backgrounds.push(getComputedStyle(e).backgroundColor);
    opacity *= parseFloat(getComputedStyle(e).opacity);
  }
  return [getComputedStyle(el).color, backgrounds, opacity];
}"""


def parse_colour(text: str) -> RGBA:
    """A computed CSS colour (``rgb()``, ``rgba()``, ``color(srgb ...)``) as 0-1."""
    text = text.strip()
    if text == "transparent":
        return (0.0, 0.0, 0.0, 0.0)
    match = re.fullmatch(r"rgba?\((.*)\)", text)
    if match:
        parts = [p for p in re.split(r"[\s,/]+", match[1].strip()) if p]
        r, g, b = (float(p) / 255 for p in parts[:3])
        return (r, g, b, float(parts[3]) if len(parts) > 3 else 1.0)
    match = re.fullmatch(r"color\(srgb\s+(.*)\)", text)
    if match:
        parts = [p for p in re.split(r"[\s/]+", match[1].strip()) if p]
        r, g, b = (float(p) for p in parts[:3])
        return (r, g, b, float(parts[3]) if len(parts) > 3 else 1.0)
    raise ValueError(f"cannot read the colour {text!r}")


def _over(top: RGBA, bottom: tuple[float, float, float]) -> tuple[float, float, float]:
    alpha = top[3]
    return (
        top[0] * alpha + bottom[0] * (1 - alpha),
        top[1] * alpha + bottom[1] * (1 - alpha),
        top[2] * alpha + bottom[2] * (1 - alpha),
    )


def background(backgrounds: list[str]) -> tuple[float, float, float]:
    """What is painted behind an element: its and its ancestors' backgrounds
    (element first), composited from the white canvas up."""
    colour = (1.0, 1.0, 1.0)
    for layer in reversed(backgrounds):
        colour = _over(parse_colour(layer), colour)
    return colour


def luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG 2 relative luminance."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """WCAG 2 contrast ratio of two opaque colours."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def contrast(stack: list[object]) -> float:
    """Contrast of an element's text with what is behind it (from COLOUR_STACK).

    The opacity of the element and its ancestors fades the text too (a faded
    ancestor's background is left as it is: ours are transparent).
    """
    colour, backgrounds, opacity = stack
    behind = background(list(backgrounds))  # type: ignore[call-overload]
    r, g, b, alpha = parse_colour(str(colour))
    faded = (r, g, b, alpha * float(opacity))  # type: ignore[arg-type]
    return ratio(_over(faded, behind), behind)
