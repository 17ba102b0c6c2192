"""Parse the MyST text of curated seeds, as untrusted input.

Curated ``*.md`` seeds may use MyST (emphasis, lists, ``{term}`` roles), but a
seed must not run script or pull in files: raw HTML is shown as text, and the
``raw`` and ``include`` directives are refused (docutils' ``raw_enabled`` and
``file_insertion_enabled`` settings), as for any untrusted document.
"""

from __future__ import annotations

import dataclasses
import gettext
import logging
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import __
from sphinx.transforms import SphinxTransform
from sphinx.util import logging as sphinx_logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

from .domain import app_of

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

logger = sphinx_logging.getLogger(__name__)

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
    _remove_unsafe(container, source)
    for node in container.findall(nodes.Element):
        node.source = source
        if isinstance(node, nodes.TextElement):
            # A translation of this text is MyST too (TranslateSeedText).
            node["sg_markup"] = True
    return list(container.children)


# What a seed may not add to a page: files pulled into the output (images,
# downloads), page-level settings (meta refresh, substitutions), navigation.
_UNSAFE: tuple[tuple[type[nodes.Node], str], ...] = tuple(
    (cls, reason)
    for cls, reason in (
        (getattr(nodes, "meta", None), "a meta tag (it could redirect readers)"),
        (nodes.image, "an image (it would copy a file into the output)"),
        (
            addnodes.download_reference,
            "a download (it would copy a file into the output)",
        ),
        (nodes.substitution_definition, "a substitution (it would change the page)"),
        (nodes.pending, "a page-level directive"),
        (addnodes.toctree, "a toctree (it would change the navigation)"),
    )
    if cls is not None
)


def _remove_unsafe(container: nodes.Element, source: str) -> None:
    """Take out what a curated seed may not do; its text stays, as text."""
    for cls, reason in _UNSAFE:
        for node in list(container.findall(cls)):
            if node.parent is None:
                continue
            logger.warning(
                "%s is not allowed in a curated seed; it was left out",
                reason,
                type="seed_glossary",
                subtype="unsafe_markup",
                location=f"{source}:{node.line}" if node.line else f"{source}:",
            )
            element = cast("nodes.Element", node)
            text = element.get("alt", "") if isinstance(node, nodes.image) else ""
            text = text or element.astext()
            if text and isinstance(node.parent, nodes.TextElement):
                element.replace_self(nodes.Text(text))
            else:
                node.parent.remove(node)


def _fragment_renderer() -> type:
    from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer

    class FragmentRenderer(SphinxRenderer):
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


class TranslateSeedText(SphinxTransform):
    """Translations of seed text, read as the seed is: text as text, MyST as MyST.

    Sphinx's ``Locale`` transform parses every translation with the parser of
    the page. A curated seed is MyST on any page, so on a reStructuredText
    page the translation of its ``{term}`` links was lost ("inconsistent term
    references"); scraped text is never markup, but its translation became
    reST or MyST, raw HTML included. This transform runs first, translates the
    text of glossary entries, and leaves what it translated to nobody else.
    Terms are left to Sphinx, which keeps their anchors.
    """

    # After PreserveTranslatableMessages (10), before Locale (20).
    default_priority = 15

    def apply(self, **kwargs: Any) -> None:
        if self._extracting():
            return
        catalog = _translations(
            [Path(self.env.srcdir, d) for d in self.config.locale_dirs],
            self.config.language,
            docname_to_domain(self.env.docname, self.config.gettext_compact),
        )
        if catalog is None:
            return
        for node, msg in list(extract_messages(self.document)):
            if isinstance(node, nodes.term) or not _in_entry(node):
                continue
            msgstr = catalog.gettext(msg)
            if not msgstr.strip() or msgstr == msg:
                continue
            if node.get("sg_markup"):
                children = self._markup(node, msgstr)
                if children is None:
                    continue
            else:
                children = [nodes.Text(msgstr)]
            node.children = []
            node.extend(children)
            node["translated"] = True
            node["translatable"] = False  # done: Locale leaves it alone

    def _extracting(self) -> bool:
        """Is this the gettext builder (which wants the original messages)?"""
        from sphinx.builders.gettext import MessageCatalogBuilder

        builder = getattr(self.env, "_builder_cls", None) or type(
            app_of(self.env).builder
        )
        return issubclass(builder, MessageCatalogBuilder)

    def _markup(self, node: nodes.Element, msgstr: str) -> list[nodes.Node] | None:
        parsed = parse_myst(
            msgstr,
            document=self.document,
            source=node.source or "",
            line=node.line or 1,
        )
        if len(parsed) != 1 or not isinstance(parsed[0], nodes.paragraph):
            return None  # as Sphinx does: a translation is one paragraph
        old = sorted(
            x.get("reftarget", "") for x in node.findall(addnodes.pending_xref)
        )
        new = sorted(
            x.get("reftarget", "") for x in parsed[0].findall(addnodes.pending_xref)
        )
        if old != new:
            logger.warning(
                __(
                    "inconsistent term references in translated message."
                    " original: {0}, translated: {1}"
                ).format(old, new),
                type="i18n",
                subtype="inconsistent_references",
                location=node,
            )
        return list(parsed[0].children)


def _in_entry(node: nodes.Node) -> bool:
    """Is *node* inside the definition of one of our glossary entries?"""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.definition) and parent.get("sg_key"):
            return True
        parent = parent.parent
    return False


def _translations(
    dirs: Sequence[Path], language: str | None, domain: str
) -> gettext.NullTranslations | None:
    """The compiled catalogs of *domain* for *language*, as Sphinx finds them."""
    if not language:
        return None
    languages = [language]
    if "_" in language:
        languages.append(language.split("_")[0])
    found: gettext.NullTranslations | None = None
    for directory in dirs:
        try:
            translation = gettext.translation(
                domain, localedir=directory, languages=languages
            )
        except OSError:
            continue
        if found is None:
            found = translation
        else:
            found.add_fallback(translation)
    return found
