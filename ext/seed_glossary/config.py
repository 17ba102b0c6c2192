"""Configuration at work: the ``seed_glossary_*`` values declared to Sphinx,
checked at ``config-inited``, and what they set up.

The values themselves are one table, :data:`.config_values.CONFIG_VALUES`.
:func:`register` declares them to Sphinx, :func:`check` validates them (a bad
value is a warning that names the value and what is allowed, and the default
is used); the other handlers adjust Sphinx's own settings for the seeds.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from .config_values import CONFIG_VALUES
from .ingest import NoiseOptions
from .model import WarningSubtype

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)


def register(app: Sphinx) -> None:
    """Declare every config value with its default, rebuild and types."""
    for value in CONFIG_VALUES:
        app.add_config_value(
            value.name, value.default, value.rebuild, types=value.types
        )


def check(app: Sphinx, config: Config) -> None:
    """``config-inited``: warn about bad and deprecated values; use the default.

    A value of the wrong type is already reported by Sphinx (``types``); it is
    replaced by the default here without a second warning.
    """
    for value in CONFIG_VALUES:
        current = config[value.name]
        if value.deprecated:
            if current is not None:
                logger.warning(
                    "%s is deprecated since %s; it does nothing. Remove it from "
                    "conf.py",
                    value.name,
                    value.deprecated,
                    type="seed_glossary",
                    subtype=WarningSubtype.DEPRECATED_CONFIG,
                )
            continue
        if not isinstance(current, tuple(value.types)):
            config[value.name] = value.default
        elif not value.valid(current):
            logger.warning(
                "%s = %r is not allowed: expected %s; using the default, %r",
                value.name,
                current,
                value.allowed,
                value.default,
                type="seed_glossary",
                subtype=WarningSubtype.CONFIG,
            )
            config[value.name] = value.default


def exclude_seed_folder(app: Sphinx, config: Config) -> None:
    """``config-inited``: never read the seed folder as pages of the manual.

    A seed folder inside the source folder would otherwise make each curated
    seed (``*.md``) a page of its own, outside every toctree.
    """
    spec = Path(app.confdir, config.seed_glossary_seeds)
    # The folder of a glob is its part before the first wildcard.
    parts = spec.parts
    first = next((i for i, p in enumerate(parts) if _WILDCARD.search(p)), len(parts))
    folder = Path(*parts[:first]).resolve()
    try:
        relative = folder.relative_to(Path(app.srcdir).resolve()).as_posix()
    except ValueError:
        return  # outside the source folder: Sphinx never looks there
    if relative in ("", ".") or relative in config.exclude_patterns:
        return  # the source folder itself: its pages are pages
    config.exclude_patterns = [*config.exclude_patterns, relative]


_WILDCARD = re.compile(r"[*?[]")


def resolve_language_data(app: Sphinx, config: Config) -> None:
    """``config-inited``: the folders of ``seed_glossary_language_data`` made
    absolute, so that every stage reads them from the config alone."""
    config.seed_glossary_language_data = [
        str(Path(app.confdir, folder)) for folder in config.seed_glossary_language_data
    ]


def noise_options(config: Config) -> NoiseOptions:
    """The reader's options from the config; a bad regex warns and is skipped."""
    return NoiseOptions.from_config(
        _valid(config.seed_glossary_noise_patterns, "seed_glossary_noise_patterns"),
        _valid(config.seed_glossary_keep_patterns, "seed_glossary_keep_patterns"),
        None
        if config.seed_glossary_headings is None
        else [str(h) for h in config.seed_glossary_headings],
    )


def _valid(patterns: list[str], name: str) -> list[str]:
    """The patterns that compile; a warning for each other one."""
    valid = []
    for pattern in patterns:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            logger.warning(
                "%s: skipping invalid pattern %r: %s",
                name,
                pattern,
                exc,
                type="seed_glossary",
                subtype=WarningSubtype.CONFIG,
            )
        else:
            valid.append(pattern)
    return valid


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
