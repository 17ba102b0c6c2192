"""The ``seed_glossary_*`` configuration values, declared once."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from sphinx.util import logging

from .ingest import DEFAULT_HEADINGS, DEFAULT_MAX_BYTES, NoiseOptions
from .ingest.report import REPORT_NAME

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

#: When a change of the value makes Sphinx read pages again (``add_config_value``).
Rebuild = Literal["", "env", "html"]

#: name -> (default, rebuild, types, help). The help text feeds the manual's
#: reference page; ``env`` means a change re-reads the pages that use seeds.
CONFIG_VALUES: dict[str, tuple[object, Rebuild, frozenset[type], str]] = {
    "seed_glossary_seeds": (
        "../seeds",
        "env",
        frozenset({str}),
        "Folder (or glob) of seed files, relative to the configuration directory.",
    ),
    "seed_glossary_noise_patterns": (
        [],
        "env",
        frozenset({list, tuple}),
        "Extra regular expressions; a scraped line that matches one is dropped.",
    ),
    "seed_glossary_keep_patterns": (
        [],
        "env",
        frozenset({list, tuple}),
        "Regular expressions of scraped lines that are never dropped.",
    ),
    "seed_glossary_headings": (
        list(DEFAULT_HEADINGS),
        "env",
        frozenset({list, tuple}),
        "Section headings known to occur in scraped seeds.",
    ),
    "seed_glossary_autolink": (
        "glossary",
        "",
        frozenset({str, list, tuple, bool}),
        'Where mentions of terms link themselves: "glossary" (inside entries), '
        '"all" (every page), a list of document globs (entries and those pages), '
        "or False (nowhere).",
    ),
    "seed_glossary_autolink_exclude": (
        [],
        "",
        frozenset({list, tuple}),
        "Terms and aliases that are never autolinked (case-insensitive).",
    ),
    "seed_glossary_backlinks": (
        True,
        "env",
        frozenset({bool}),
        'End each entry with "Referenced from": the pages and entries linking to it.',
    ),
    "seed_glossary_report": (
        REPORT_NAME,
        "",
        frozenset({str, type(None)}),
        "File name, in the output folder, of the JSON report written after each "
        "build (seeds, dropped lines, links); None to write none.",
    ),
    "seed_glossary_az": (
        True,
        "env",
        frozenset({bool}),
        "Put an A–Z bar above each seed glossary (letters link to their first entry).",
    ),
    "seed_glossary_previews": (
        True,
        "html",
        frozenset({bool}),
        "Show a term's definition in a popover when a link to it is hovered or "
        "focused (HTML builders).",
    ),
    "seed_glossary_export": (
        "glossary.json",
        "html",
        frozenset({str, type(None)}),
        "File name, in the HTML output, of the glossary as JSON for other tools; "
        "None to write none.",
    ),
    "seed_glossary_split": (
        None,
        "env",
        frozenset({str, type(None)}),
        '"letter": one page per initial letter (generated into '
        "seed_glossary_split_dir), the glossary page becomes their index.",
    ),
    "seed_glossary_split_dir": (
        "glossary",
        "env",
        frozenset({str}),
        "Folder, relative to the source directory, for the pages of a split glossary.",
    ),
    "seed_glossary_gc_freeze": (
        True,
        "",
        frozenset({bool}),
        "Exempt the glossary, and what was read, from Python's cyclic garbage "
        "collector until the next build in the process starts (much faster "
        "builds of large glossaries).",
    ),
    "seed_glossary_compact_html": (
        True,
        "",
        frozenset({bool}),
        "HTML builders: lighter nodes for autolinks and backlink lines once "
        "they are resolved (the same HTML, written faster); False keeps "
        "ordinary reference nodes, for extensions that post-process them.",
    ),
    "seed_glossary_max_seed_bytes": (
        DEFAULT_MAX_BYTES,
        "env",
        frozenset({int}),
        "Seeds larger than this many bytes are skipped with a warning.",
    ),
}


def register(app: Sphinx) -> None:
    """Declare every config value with its type."""
    for name, (default, rebuild, types, _help) in CONFIG_VALUES.items():
        app.add_config_value(name, default, rebuild, types=types)


def noise_options(config: Config) -> NoiseOptions:
    """The reader's options from the config; a bad regex warns and is skipped."""
    return NoiseOptions(
        tuple(
            _compile(
                config.seed_glossary_noise_patterns, "seed_glossary_noise_patterns"
            )
        ),
        tuple(
            _compile(config.seed_glossary_keep_patterns, "seed_glossary_keep_patterns")
        ),
        frozenset(str(h).casefold() for h in config.seed_glossary_headings),
    )


def _compile(patterns: list[str], name: str) -> list[re.Pattern[str]]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern))
        except (re.error, TypeError) as exc:
            logger.warning(
                "%s: skipping invalid pattern %r: %s",
                name,
                pattern,
                exc,
                type="seed_glossary",
                subtype="config",
            )
    return compiled


#: pdflatex has no glyph for U+FFFD, which the reader puts for undecodable
#: seed bytes: without this, one such byte stops the PDF build.
LATEX_REPLACEMENT_CHARACTER = r"\DeclareUnicodeCharacter{FFFD}{\fbox{?}}"


def latex_replacement_character(app: Sphinx, config: Config) -> None:
    """``config-inited``: a glyph for U+FFFD in LaTeX made by pdflatex."""
    if config.latex_engine != "pdflatex":
        return  # xelatex and lualatex take the glyph from the font
    elements = dict(config.latex_elements)
    preamble = elements.get("preamble", "")
    if "{FFFD}" not in preamble:
        elements["preamble"] = f"{preamble}\n{LATEX_REPLACEMENT_CHARACTER}\n"
        config.latex_elements = elements
