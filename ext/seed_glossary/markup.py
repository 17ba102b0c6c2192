"""Parse the MyST text of curated seeds, as untrusted input.

Curated ``*.md`` seeds may use MyST (emphasis, lists, ``{term}`` roles), but a
seed must not run script or pull in files: raw HTML is shown as text, the
``raw`` and ``include`` directives are refused (docutils' ``raw_enabled`` and
``file_insertion_enabled`` settings), as for any untrusted document, and only
directives that make content run at all (:data:`SEED_DIRECTIVES` and
``seed_glossary_seed_directives``); any other, and ``eval-rst`` blocks, are
shown as text.
"""

from __future__ import annotations

import dataclasses
import functools
from copy import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import __
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.transforms.i18n import Locale, PreserveTranslatableMessages
from sphinx.util import logging
from sphinx.util.docutils import LoggingReporter
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

from ._compat import myst_config, myst_fragment, myst_renderer
from .model import WarningSubtype
from .render import ENTRY_KEY

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

# MyST extensions that turn HTML into nodes (images, admonitions): off for seeds.
_HTML_EXTENSIONS = frozenset({"html_image", "html_admonition"})

#: Directives a curated seed may use: they make content of the entry and
#: nothing else. Others could change the page or the build (``seed-glossary``
#: would read the seeds again, ``highlight`` changes the page's later code,
#: domain directives declare objects, ``ifconfig`` evaluates Python), so a
#: seed shows them as text. Images and figures run, and are then taken out
#: with their own warning (:data:`_UNSAFE`).
SEED_DIRECTIVES = frozenset(
    {
        # docutils
        *("attention", "caution", "danger", "error", "hint", "important"),
        *("note", "tip", "warning", "admonition", "topic", "rubric"),
        *("epigraph", "highlights", "pull-quote", "compound", "container"),
        *("line-block", "parsed-literal", "code", "math", "table", "csv-table"),
        *("list-table", "image", "figure"),
        # Sphinx
        *("code-block", "sourcecode", "seealso", "versionadded"),
        *("versionchanged", "versionremoved", "deprecated", "centered", "hlist"),
    }
)


def parse_myst(
    text: str, *, document: nodes.document, source: str, line: int
) -> list[nodes.Node]:
    """Parse *text* as MyST into nodes for the current Sphinx document.

    The text is rendered into a document of its own, with docutils'
    untrusted-input settings and a reporter that names the seed, so nothing
    of the page (its settings, reporter, substitutions, metadata) changes;
    what MyST registered there (ids, names, footnotes) is then registered in
    the page, where the docutils transforms that resolve them run.

    :param text: MyST source of one definition or section
    :param document: the document being read (gives env and settings)
    :param source: path of the seed, set on the nodes for warnings
    :param line: line of *text* in the seed, so node lines point into the seed
    """
    from myst_parser.parsers.mdit import create_md_parser

    env = document.settings.env
    config = myst_config(env)
    config = dataclasses.replace(
        config, enable_extensions=set(config.enable_extensions) - _HTML_EXTENSIONS
    )
    fragment = _fragment_document(document, source)
    parser = create_md_parser(config, _seed_renderer())
    renderer: Any = parser.renderer  # a SeedRenderer
    renderer.allowed_directives = SEED_DIRECTIVES | {
        name.lower() for name in env.config.seed_glossary_seed_directives
    }
    parser.options["document"] = fragment
    with myst_fragment(env, source):
        # Leading newlines make token lines match the seed's line numbers.
        parser.render("\n" * max(0, line - 1) + text)
    _raw_to_text(fragment)
    _remove_unsafe(fragment, source)
    children = list(fragment.children)
    fragment.children = []
    for child in children:
        child.parent = None
        for node in child.findall(nodes.Element):
            node.source = source
            if isinstance(node, nodes.TextElement):
                # A translation of this text is MyST too (TranslateSeedText).
                node["sg_markup"] = True
    # Substitution definitions stay behind: MyST's word count adds two to
    # every fragment, and a seed may not define substitutions (see _UNSAFE).
    children = [c for c in children if not isinstance(c, nodes.substitution_definition)]
    _register_in(document, children)
    return children


@functools.cache
def _seed_renderer() -> type:
    """MyST's Sphinx renderer, running only the directives a seed may use.

    Made on first use: MyST is imported only when a curated seed is parsed.
    """
    SphinxRenderer, token_line = myst_renderer()

    # A base class from a function: mypy cannot check it.
    class SeedRenderer(SphinxRenderer):  # type: ignore[valid-type,misc]
        #: Names of the directives that run; set for each seed fragment.
        allowed_directives: frozenset[str] = SEED_DIRECTIVES

        def run_directive(
            self,
            name: str,
            first_line: str,
            content: str,
            position: int,
            *args: Any,
            **kwargs: Any,
        ) -> list[nodes.Element]:
            if name.lower() in self.allowed_directives:
                made: list[nodes.Element] = super().run_directive(
                    name, first_line, content, position, *args, **kwargs
                )
                return made
            text = f"```{{{name}}} {first_line}".rstrip() + f"\n{content}```"
            return [_refused(self.document, text, f"the {name!r} directive", position)]

        def render_restructuredtext(self, token: Any) -> None:
            text = f"```{{eval-rst}}\n{token.content}```"
            line = token_line(token, default=0)
            refused = _refused(self.document, text, "an eval-rst block", line)
            self.current_node.append(refused)

    return SeedRenderer


def _refused(
    document: nodes.document, text: str, what: str, line: int
) -> nodes.literal_block:
    """Warn that a seed may not use *what*, and show its source as text."""
    source = document.get("source", "")
    logger.warning(
        "%s is not allowed in a curated seed; it is shown as text",
        what,
        type="seed_glossary",
        subtype=WarningSubtype.UNSAFE_MARKUP,
        location=f"{source}:{line}",
    )
    block = nodes.literal_block(text, text, classes=["sg-raw"])
    block["language"] = "text"
    return block


def _fragment_document(document: nodes.document, source: str) -> nodes.document:
    """An empty document for one seed fragment, with untrusted-input settings.

    It shares the page's ids and id counter, so the ids MyST makes are new in
    the page and registered there.
    """
    settings = copy(document.settings)
    settings.raw_enabled = settings.file_insertion_enabled = False
    reporter = LoggingReporter(
        source,
        settings.report_level,
        settings.halt_level,
        settings.debug,
        settings.error_encoding_error_handler,
    )
    fragment = nodes.document(settings, reporter, source=source)
    fragment.id_counter = document.id_counter
    fragment.ids = document.ids
    return fragment


def _register_in(document: nodes.document, children: list[nodes.Node]) -> None:
    """Register in the page the targets and footnotes MyST made in the fragment.

    docutils resolves footnotes and named targets through the lists of the
    document they are registered in: without this, a seed's footnote would
    stay unresolved in the page.
    """
    for child in children:
        for node in child.findall(nodes.Element):
            if isinstance(node, nodes.footnote):
                if node.get("auto"):
                    document.note_autofootnote(node)
                else:
                    document.note_footnote(node)
                document.note_explicit_target(node, node)
            elif isinstance(node, nodes.footnote_reference):
                if node.get("auto"):
                    document.note_autofootnote_ref(node)
                if node.get("refname"):
                    document.note_footnote_ref(node)
            elif isinstance(node, nodes.target) and node["names"]:
                document.note_explicit_target(node, node)
            if isinstance(node, nodes.reference) and node.get("refname"):
                document.note_refname(node)


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
                subtype=WarningSubtype.UNSAFE_MARKUP,
                location=f"{source}:{node.line}" if node.line else f"{source}:",
            )
            element = cast("nodes.Element", node)
            text = element.get("alt", "") if isinstance(node, nodes.image) else ""
            text = text or element.astext()
            if text and isinstance(node.parent, nodes.TextElement):
                element.replace_self(nodes.Text(text))
            else:
                node.parent.remove(node)


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

    Registered at ``builder-inited`` for every builder but ``gettext``, which
    wants the original messages (see :func:`add_translation_transform`).
    """

    # After Sphinx keeps the original messages, before it translates the page.
    default_priority = (
        PreserveTranslatableMessages.default_priority + Locale.default_priority
    ) // 2

    def apply(self, **kwargs: Any) -> None:
        # The catalogs Sphinx's own translation of the page reads.
        catalog, found = init_locale(
            [Path(self.env.srcdir, d) for d in self.config.locale_dirs],
            self.config.language,
            docname_to_domain(self.env.docname, self.config.gettext_compact),
        )
        if not found:
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
        if isinstance(parent, nodes.definition) and parent.get(ENTRY_KEY):
            return True
        parent = parent.parent
    return False


def add_translation_transform(app: Sphinx) -> None:
    """``builder-inited``: translate seed text, unless messages are extracted."""
    from sphinx.builders.gettext import MessageCatalogBuilder

    if not isinstance(app.builder, MessageCatalogBuilder):
        app.add_transform(TranslateSeedText)
