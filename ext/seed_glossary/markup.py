"""Parse the MyST text of curated seeds, as untrusted input.

Curated ``*.md`` seeds may use MyST (emphasis, lists, ``{term}`` roles), but a
seed must not run script or pull in files: raw HTML is shown as text, and the
``raw`` and ``include`` directives are refused (docutils' ``raw_enabled`` and
``file_insertion_enabled`` settings), as for any untrusted document.
"""

from __future__ import annotations

import dataclasses
import logging
from contextlib import contextmanager
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Iterator

# MyST extensions that turn HTML into nodes (images, admonitions): off for seeds.
_HTML_EXTENSIONS = frozenset({"html_image", "html_admonition"})
# The logger MyST reports directive errors through (sphinx.util.logging names).
_MYST_WARNINGS_LOGGER = "sphinx.myst_parser.warnings_"


def parse_myst(
    text: str, *, document: nodes.document, source: str, line: int
) -> list[nodes.Node]:
    """Parse *text* as MyST into nodes for the current Sphinx document.

    :param text: MyST source of one definition or section
    :param document: the document being read (gives env, settings, reporter)
    :param source: path of the seed, set on the nodes for warnings
    :param line: line of *text* in the seed, so node lines point into the seed
    """
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    env = document.settings.env
    config = getattr(env, "myst_config", None) or MdParserConfig()
    config = dataclasses.replace(
        config, enable_extensions=set(config.enable_extensions) - _HTML_EXTENSIONS
    )
    container = nodes.container()
    parser = create_md_parser(config, _fragment_renderer())
    parser.options["document"] = document
    parser.options["current_node"] = container
    with _untrusted(document, source):
        # Leading newlines make token lines match the seed's line numbers.
        parser.render("\n" * max(0, line - 1) + text)
    _raw_to_text(container)
    for node in container.findall(nodes.Element):
        node.source = source
    return list(container.children)


def _fragment_renderer() -> type:
    from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer

    class FragmentRenderer(SphinxRenderer):  # type: ignore[misc]
        """Renders a fragment into the host page without touching page state.

        MyST's finalisation stores heading slugs and a word count on the
        document and in ``env.metadata``: those belong to the host page, and
        the word count's substitution definitions would clash on every seed.
        """

        def _render_finalise(self) -> None:
            pass

    return FragmentRenderer


@contextmanager
def _untrusted(document: nodes.document, source: str) -> Iterator[None]:
    """Untrusted-input settings, and a reporter that locates messages in the seed."""
    from sphinx.util.docutils import LoggingReporter

    settings = document.settings
    saved = (
        settings.raw_enabled,
        settings.file_insertion_enabled,
        document.reporter,
        document["source"],
    )
    settings.raw_enabled = settings.file_insertion_enabled = False
    document.reporter = LoggingReporter.from_reporter(document.reporter)
    # MyST takes node sources and directive error locations from these two.
    document.reporter.source = document["source"] = source
    relocate = _Relocate(settings.env.docname, source)
    myst_logger = logging.getLogger(_MYST_WARNINGS_LOGGER)
    myst_logger.addFilter(relocate)
    try:
        yield
    finally:
        (
            settings.raw_enabled,
            settings.file_insertion_enabled,
            document.reporter,
            document["source"],
        ) = saved
        myst_logger.removeFilter(relocate)


class _Relocate(logging.Filter):
    """Point MyST's warnings at the seed, not at the page that shows it.

    MyST logs a directive's errors at ``(env.docname, line)``; while a seed
    renders, the line is the seed's, so the file must be too.
    """

    def __init__(self, docname: str, source: str) -> None:
        super().__init__()
        self.docname, self.source = docname, source

    def filter(self, record: logging.LogRecord) -> bool:
        location = getattr(record, "location", None)
        if isinstance(location, tuple) and location and location[0] == self.docname:
            line = location[1] if len(location) > 1 else None
            record.location = f"{self.source}:{line}" if line else self.source
        return True


def _raw_to_text(container: nodes.Element) -> None:
    """Show raw HTML from a seed as the text it is."""
    for raw in list(container.findall(nodes.raw)):
        text = raw.astext()
        if isinstance(raw.parent, nodes.TextElement):
            replacement: nodes.Node = nodes.inline(text, text, classes=["sg-raw"])
        else:
            replacement = nodes.literal_block(text, text, classes=["sg-raw"])
            replacement["language"] = "text"
        raw.replace_self(replacement)
