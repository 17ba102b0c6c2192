"""Sphinx configuration of the sphinx-seed-glossary manual."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import seed_glossary

# Pages generated from the code (config values, warnings): docs/_ext.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "sphinx-seed-glossary"
author = "sphinx-seed-glossary contributors"
copyright = "2026, sphinx-seed-glossary contributors"
version = release = seed_glossary.__version__

extensions = [
    "myst_parser",
    "seed_glossary",
    "seed_glossary_docs",
    "sphinx.ext.intersphinx",
]
# The glossary reads ../seeds (the default of seed_glossary_seeds).
# Mentions of terms link themselves inside glossary entries (the default)
# and on the example page; see linking.md, "Automatic links".
seed_glossary_autolink = ["example-prose", "every-glossary"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = [
    "_build",
    "_ext",
    "_examples",
    "Thumbs.db",
    ".DS_Store",
    "performance/*",
]
myst_enable_extensions = ["colon_fence", "deflist"]

html_theme = "furo"
html_title = "sphinx-seed-glossary"
# Intersphinx is configured but not used by default: the manual builds offline.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}

# pdflatex has no glyphs for the Chinese, Japanese, Korean, Cyrillic and Greek
# examples of the languages page: the PDF shows each such character as its
# code point in a box (the HTML manual shows the text).
_OTHER_SCRIPTS = (
    (0x0370, 0x03FF),
    (0x0400, 0x04FF),
    (0x1100, 0x11FF),
    (0x3040, 0x30FF),
    (0x3130, 0x318F),
    (0x3400, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xFF00, 0xFFEF),
)
_SOURCES = Path(__file__).parent
_IN_OTHER_SCRIPTS = re.compile(
    "[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _OTHER_SCRIPTS) + "]"
)
_CHARACTERS = sorted(
    {
        ch
        for page in _SOURCES.glob("*.md")
        for ch in _IN_OTHER_SCRIPTS.findall(page.read_text(encoding="utf-8"))
    }
)
latex_elements = {
    "preamble": "\n".join(
        rf"\DeclareUnicodeCharacter{{{ord(ch):04X}}}{{\fbox{{\tiny U+{ord(ch):04X}}}}}"
        for ch in _CHARACTERS
    ),
}
