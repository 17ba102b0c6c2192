"""sphinx-seed-glossary: turn seed files into a real Sphinx glossary.

Add ``"seed_glossary"`` to ``extensions`` and write ``.. seed-glossary::``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.2.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directive, config values, domain, transforms and handlers."""
    from . import (
        config,
        handwritten,
        html,
        links,
        markup,
        previews,
        report,
        seed_folder,
        settle,
        split,
        transforms,
        translated,
    )
    from .directive import SeedGlossaryDirective
    from .domain import SeedGlossaryDomain, outdated_pages, remember_confdir
    from .i18n import MESSAGE_CATALOG

    config.register(app)
    app.connect("config-inited", config.check, priority=100)
    app.connect("config-inited", config.exclude_seed_folder)
    app.connect("config-inited", config.resolve_language_data)
    app.connect("config-inited", config.latex_replacement_character)
    app.connect("config-inited", html.add_static_path)
    app.add_domain(SeedGlossaryDomain)
    app.add_directive("seed-glossary", SeedGlossaryDirective)
    app.add_post_transform(transforms.AutolinkTransform)
    app.add_post_transform(transforms.MarkAutolinks)
    app.add_post_transform(transforms.AbbreviationTitles)
    app.add_post_transform(transforms.SingleHTMLAnchors)
    app.connect("builder-inited", markup.add_translation_transform)
    app.connect("builder-inited", split.generate_pages)
    app.connect("builder-inited", previews.tidy_output)
    app.connect("env-before-read-docs", remember_confdir)
    app.connect("env-before-read-docs", seed_folder.refresh_folder)
    app.connect("env-get-outdated", outdated_pages)
    app.connect("env-get-outdated", split.outdated_letter_pages)
    # First: the other doctree-read handlers see hand-written entries as ours.
    app.connect("doctree-read", translated.as_shown, priority=390)
    app.connect("doctree-read", handwritten.register_glossaries, priority=400)
    app.connect("doctree-read", links.read_page_links)
    app.connect("doctree-read", html.save_entries)
    app.connect("env-updated", settle.settle_links)
    # After the links are settled: previews list every entry.
    app.connect("env-updated", previews.prepare, priority=800)
    app.connect("html-page-context", previews.page_context)
    app.connect("html-page-context", html.add_assets)
    # Early: other extensions' doctree-resolved handlers see the lines.
    app.connect("doctree-resolved", transforms.add_backlinks, priority=100)
    app.connect("build-finished", html.write_export)
    app.connect("build-finished", report.write_report)
    app.add_message_catalog(MESSAGE_CATALOG, str(Path(__file__).parent / "locales"))
    return {
        "version": __version__,
        # Bump when the data stored in the environment changes shape.
        "env_version": 10,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
