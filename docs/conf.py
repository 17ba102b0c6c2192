"""Sphinx configuration of the sphinx-seed-glossary manual."""

from __future__ import annotations

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
