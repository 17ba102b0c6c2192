"""Parse the MyST text of curated seeds, as untrusted input.

Curated ``*.md`` seeds may use MyST (emphasis, lists, ``{term}`` roles), but a
seed must not run script or pull in files: raw HTML is shown as text, and the
``raw`` and ``include`` directives are refused (docutils' ``raw_enabled`` and
``file_insertion_enabled`` settings), as for any untrusted document.
"""

from __future__ import annotations

import dataclasses
from contextlib import contextmanager
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Iterator

# MyST extensions that turn HTML into nodes (images, admonitions): off for seeds.
_HTML_EXTENSIONS = frozenset({"html_image", "html_admonition"})


def parse_myst(text: str, *, document: nodes.document, source: str, line: int) -> list[nodes.Node]:
    """Parse *text* as MyST into nodes for the current Sphinx document.

    :param text: MyST source of one definition or section
    :param document: the document being read (gives env, settings, reporter)
    :param source: path of the seed, set on the nodes for warnings
    :param line: line of *text* in the seed, so node lines point into the seed
    """
    from myst_parser.config.main import MdParserConfig
    from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
    from myst_parser.parsers.mdit import create_md_parser

    env = document.settings.env
    config = getattr(env, "myst_config", None) or MdParserConfig()
    config = dataclasses.replace(
        config, enable_extensions=set(config.enable_extensions) - _HTML_EXTENSIONS
    )
    container = nodes.container()
    parser = create_md_parser(config, SphinxRenderer)
    parser.options["document"] = document
    parser.options["current_node"] = container
    with _untrusted(document, env):
        # Leading newlines make token lines match the seed's line numbers.
        parser.render("\n" * max(0, line - 1) + text)
    _raw_to_text(container)
    for node in container.findall(nodes.Element):
        node.source = source
    return list(container.children)


@contextmanager
def _untrusted(document: nodes.document, env: object) -> Iterator[None]:
    settings = document.settings
    saved = (settings.raw_enabled, settings.file_insertion_enabled)
    # MyST stores heading slugs on the document it renders into; keep the
    # host page's.
    slugs = getattr(document, "myst_slugs", None)
    settings.raw_enabled = settings.file_insertion_enabled = False
    try:
        yield
    finally:
        settings.raw_enabled, settings.file_insertion_enabled = saved
        if slugs is not None:
            document.myst_slugs = slugs


def _raw_to_text(container: nodes.Element) -> None:
    """Show raw HTML from a seed as the text it is."""
    for raw in list(container.findall(nodes.raw)):
        text = raw.astext()
        if isinstance(raw.parent, nodes.TextElement):
            replacement: nodes.Node = nodes.inline(text, text, classes=["sg-raw"])
        else:
            replacement = nodes.literal_block(text, text, classes=["sg-raw"])
        raw.replace_self(replacement)
