"""The only home of workarounds for Sphinx and MyST-Parser.

Each shim says which release or upstream issue ends it, and has a test that
fails when it stops working (``tests/test_compat.py``). The manual lists them
(``docs/reference.md``, "Compatibility shims").
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
    from sphinx.environment import BuildEnvironment


def verbosity(env: BuildEnvironment) -> int:
    """How many ``-v`` the build was given.

    Ends with Sphinx 8.1 as the lowest supported version: ``Config.verbosity``
    is public from 8.1; before, only the application knew it.
    """
    config = env.config
    if hasattr(type(config), "verbosity"):
        return int(config.verbosity)
    return int(getattr(env, "app").verbosity)  # noqa: B009 (Sphinx 8.0)


# MyST's warnings module logs through this logger (sphinx.util.logging names).
_MYST_WARNINGS_LOGGER = "sphinx.myst_parser.warnings_"
# What MyST's renderer writes into the page's metadata when it finishes.
_MYST_PAGE_METADATA = ("wordcount", "myst_slugs")


@contextmanager
def myst_fragment(env: BuildEnvironment, source: str) -> Iterator[None]:
    """Render a MyST fragment of a seed inside a page without side effects.

    Two things MyST-Parser (4.0 to 5.2) does that a fragment must not:

    * its renderer, when it finishes, writes the fragment's word count and
      heading slugs into the *page's* ``env.metadata``: we put back what the
      page had;
    * it locates a directive's or role's warnings at ``(env.docname, line)``,
      the page, although the line is the seed's (5.x), or at ``(source,
      line)``, which Sphinx reads as a document name (4.0): we point them at
      the seed.

    Ends when MyST lets a caller render a fragment with a source of its own
    (not yet asked upstream; see the manual).
    """
    metadata = env.metadata.get(env.docname)
    saved = (
        {key: metadata[key] for key in _MYST_PAGE_METADATA if key in metadata}
        if metadata is not None
        else None
    )
    relocate = _RelocateMystWarnings(env.docname, source)
    myst_logger = logging.getLogger(_MYST_WARNINGS_LOGGER)
    myst_logger.addFilter(relocate)
    try:
        yield
    finally:
        myst_logger.removeFilter(relocate)
        metadata = env.metadata.get(env.docname)
        if metadata is not None:
            for key in _MYST_PAGE_METADATA:
                metadata.pop(key, None)
            metadata.update(saved or {})


class _RelocateMystWarnings(logging.Filter):
    """Point MyST's warnings about a seed at the seed, not at the page."""

    def __init__(self, docname: str, source: str) -> None:
        super().__init__()
        self.docname, self.source = docname, source

    def filter(self, record: logging.LogRecord) -> bool:
        location = getattr(record, "location", None)
        if isinstance(location, tuple) and location[:1] in (
            (self.docname,),
            (self.source,),
        ):
            line = location[1] if len(location) > 1 else None
            record.location = f"{self.source}:{line}" if line else self.source
        return True


#: The first fragment of a link that the singlehtml builder writes.
_SINGLEHTML_PAGE_PREFIX = "#document-"


def singlehtml_anchor(reference: nodes.Element, root_doc: str) -> None:
    """Make a link of the one page of ``singlehtml`` point at an anchor it has.

    From Sphinx 8.2, that builder writes ``#document-page#anchor``, two
    fragments that no browser follows (sphinx-doc/sphinx#14221, open); every
    page is on the one HTML page, so the anchor alone is right, as before 8.2.
    A link to the root document, ``#document-<root>``, has no anchor at all
    (only included pages get one): it goes to the top of the page.

    Ends when sphinx-doc/sphinx#14221 is fixed. Applied to our own links only.
    """
    uri: Any = reference.get("refuri", "")
    if not isinstance(uri, str):
        return
    if uri.startswith(_SINGLEHTML_PAGE_PREFIX) and uri.count("#") > 1:
        reference["refuri"] = uri[uri.rindex("#") :]
    elif uri == f"{_SINGLEHTML_PAGE_PREFIX}{root_doc}":
        reference["refuri"] = "#"


def myst_config(env: BuildEnvironment) -> Any:
    """The project's MyST settings (``myst_*``), or MyST's defaults.

    ``env.myst_config`` is where MyST-Parser keeps them when the project loads
    it; it is not a declared attribute of the environment. Ends when MyST-Parser
    offers a public way to read the parsed settings.
    """
    from myst_parser.config.main import MdParserConfig

    return getattr(env, "myst_config", None) or MdParserConfig()


def myst_renderer() -> tuple[type[SphinxRenderer], Callable[..., int]]:
    """MyST's Sphinx renderer and its ``token_line`` helper, to subclass.

    A curated seed may run only some directives, and MyST-Parser has no public
    hook to refuse the others in one parse (its renderer's ``run_directive``
    and ``render_restructuredtext`` are the way in). Ends when MyST-Parser
    offers one.
    """
    from myst_parser.mdit_to_docutils.base import token_line
    from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer

    return SphinxRenderer, token_line


def intersphinx_terms(env: BuildEnvironment) -> dict[str, list[str]]:
    """The ``std:term`` names of each named intersphinx inventory.

    ``sphinx.ext.intersphinx`` keeps them in ``env.intersphinx_named_inventory``,
    which it does not declare; inventories are mappings from Sphinx 8.2 on
    (``_Inventory`` with ``data`` before). Ends when intersphinx offers a
    public way to ask what an inventory holds.
    """
    named = getattr(env, "intersphinx_named_inventory", None) or {}
    out = {}
    for name, inventory in named.items():
        try:
            terms = list(inventory["std:term"])
        except (KeyError, TypeError, AttributeError):
            data = getattr(inventory, "data", {})
            terms = list(data.get("std:term", {}))
        out[name] = terms
    return out
