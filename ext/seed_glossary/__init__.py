"""sphinx-seed-glossary: turn seed files into a real Sphinx glossary.

Add ``"seed_glossary"`` to ``extensions`` and write ``.. seed-glossary::``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directive, config values, domain, transforms and handlers."""
    from . import config, export, gcpause, links, split
    from .build_report import write_report
    from .directive import SeedGlossaryDirective
    from .domain import SeedGlossaryDomain, outdated_pages, remember_confdir
    from .markup import TranslateSeedText
    from .render import (
        MESSAGE_CATALOG,
        autolink_reference,
        autolink_text,
        backlinks_line,
        backlinks_placeholder,
        linked_text,
        skip_node,
        visit_autolink_reference_html,
        visit_autolink_text_html,
        visit_backlinks_line_html,
        visit_linked_text_html,
    )

    # Curated seeds are MyST; make sure the parser is there even if the
    # project lists only us.
    app.setup_extension("myst_parser")
    config.register(app)
    app.add_domain(SeedGlossaryDomain)
    app.add_directive("seed-glossary", SeedGlossaryDirective)
    skip = (skip_node, None)
    app.add_node(
        backlinks_placeholder, html=skip, latex=skip, text=skip, man=skip, texinfo=skip
    )
    app.add_node(backlinks_line, html=(visit_backlinks_line_html, None))
    app.add_node(autolink_reference, html=(visit_autolink_reference_html, None))
    # A Text node: Sphinx's signature says Element, but it registers any node.
    app.add_node(
        autolink_text,  # type: ignore[arg-type]
        html=(visit_autolink_text_html, None),
    )
    app.add_node(linked_text, html=(visit_linked_text_html, None))  # type: ignore[arg-type]
    app.add_transform(TranslateSeedText)
    app.connect("config-inited", config.latex_replacement_character)
    app.add_post_transform(links.AutolinkTransform)
    app.add_post_transform(links.CompactAutolinks)
    app.add_post_transform(links.ResumeCollection)
    app.add_post_transform(links.SingleHTMLAnchors)
    app.connect("config-inited", export.add_static_path)
    app.connect("builder-inited", export.add_assets)
    app.connect("builder-inited", split.generate_pages)
    app.connect("env-get-outdated", split.outdated_pages)
    app.connect("doctree-read", export.save_entries)
    app.connect("env-updated", export.write_previews_data, priority=800)
    app.connect("build-finished", export.write_export)
    app.connect("env-before-read-docs", remember_confdir)
    app.connect("env-before-read-docs", links.note_reread)
    app.connect("env-get-outdated", outdated_pages)
    app.connect("doctree-read", links.collect_explicit_links)
    # No collection between these two: what the env-updated handlers make is frozen.
    app.connect("env-updated", gcpause.hold_after_reading, priority=100)
    app.connect("env-updated", links.settle_links)
    # After every other env-updated handler: freeze what reading left behind.
    app.connect("env-updated", gcpause.freeze_after_reading, priority=900)
    app.connect("build-finished", write_report)
    app.connect("env-before-read-docs", gcpause.release_previous_build, priority=100)
    app.connect("build-finished", gcpause.end_of_build, priority=900)
    app.add_message_catalog(MESSAGE_CATALOG, str(Path(__file__).parent / "locales"))
    return {
        "version": __version__,
        # Bump when the data stored in the environment changes shape.
        "env_version": 3,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
