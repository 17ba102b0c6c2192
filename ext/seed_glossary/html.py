"""What HTML readers and other tools get: assets, entries as text, ``glossary.json``.

After each page is read (and translated), its glossary entries are saved as
plain text (the page's ``entries`` sidecar, see :mod:`.sidecar`). In an HTML
build they become ``glossary.json`` (``seed_glossary_export``), one object per
entry for other tools, and the previews and search data of :mod:`.previews`.

Seed text is untrusted: it goes into JSON only through ``json.dumps``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from docutils import nodes
from sphinx import addnodes

from . import sidecar
from .domain import get_domain
from .i18n import _
from .render import ENTRY_KEY

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

STATIC = Path(__file__).parent / "static"


def html_pages(builder: Builder) -> bool:
    """Does this builder write a folder of HTML pages (html, dirhtml, singlehtml)?

    Not epub: its folder is the book, zipped, and a file Sphinx does not know
    there fails the next build with -W. Not latex, text, man, ...: the files
    belong next to the HTML pages they describe.
    """
    from sphinx.builders.epub3 import Epub3Builder

    return builder.format == "html" and not isinstance(builder, Epub3Builder)


def relative_path(path: str, start: os.PathLike[str] | str) -> str:
    """*path* relative to *start*, with ``/``: the same on every machine."""
    try:
        return Path(os.path.relpath(path, start)).as_posix()
    except ValueError:  # another drive on Windows
        return path


# -- assets --------------------------------------------------------------------


def add_static_path(app: Sphinx, config: Config) -> None:
    """``config-inited``: our CSS and JS, shipped in the package.

    Added here, not later, so that every build sees the same value and Sphinx
    does not report a changed ``html_static_path``.
    """
    path = str(STATIC)
    if path not in config.html_static_path:
        config.html_static_path.append(path)


def add_assets(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: our CSS and JS, on the pages that show our work.

    A page that shows no glossary, no term link and no abbreviation of ours
    gets nothing, so it is the page it would be without the extension. The
    search page gets the script: it makes search results answer. Added
    here, a file goes to this page only (Sphinx resets the list per page).
    """
    if app.builder.format != "html":
        return
    if doctree is None and not (pagename == "search" and html_pages(app.builder)):
        return
    if doctree is not None and not _shows_our_work(doctree):
        return
    app.add_css_file("seed_glossary.css")  # epub books too
    if app.config.seed_glossary_autolink_style:
        app.add_css_file("seed_glossary_autolinks.css")
    if html_pages(app.builder):
        _add_scripts(app, doctree)


#: The page script, one classic script per job (``static/``), in the order
#: they must run. The first holds what the others share; a page gets it and
#: the groups it needs. Classic scripts, not ES modules: a page opened from
#: disk (``file://``) may not load modules.
SCRIPT_CORE = "seed_glossary.js"
#: The A–Z bar's name and its return link: pages with a bar.
SCRIPTS_AZ = ("seed_glossary_az.js",)
#: Previews of entries: content pages (not the search page), when previews are on.
SCRIPTS_PREVIEWS = (
    "seed_glossary_preview_data.js",
    "seed_glossary_preview_box.js",
    "seed_glossary_preview_pointer.js",
    "seed_glossary_preview_touch.js",
)
#: Search results that answer: the search page, when previews are on (the
#: same setting writes their data).
SCRIPTS_SEARCH = ("seed_glossary_search.js",)


def _page_scripts(doctree: nodes.document | None, *, previews: bool) -> tuple[str, ...]:
    """The page script's files a page needs, in order (*doctree*: None for the
    search page)."""
    if doctree is None:
        return (SCRIPT_CORE, *(SCRIPTS_SEARCH if previews else ()))
    has_bar = any("sg-az" in p["classes"] for p in doctree.findall(nodes.paragraph))
    return (
        SCRIPT_CORE,
        *(SCRIPTS_AZ if has_bar else ()),
        *(SCRIPTS_PREVIEWS if previews else ()),
    )


def _add_scripts(app: Sphinx, doctree: nodes.document | None) -> None:
    previews = bool(app.config.seed_glossary_previews)
    # The attribute tells the script to show previews (of entries on the
    # page too, which need no data script).
    settings: dict[str, Any] = {"data-sg-previews": "on"} if previews else {}
    # What screen readers call the A–Z bar and its return link.
    settings["data-sg-az-label"] = str(_("Letters A to Z"))
    settings["data-sg-az-return"] = str(_("Back to the letters A to Z"))
    for name in _page_scripts(doctree, previews=previews):
        # defer: they run in this order once the page is parsed, after our
        # data scripts (priority 400, see previews.py); the settings go on the
        # first one's tag, where the script reads them.
        extra = settings if name == SCRIPT_CORE else {}
        app.add_js_file(name, loading_method="defer", **extra)


#: Classes of what we make, or style: term links, abbreviations, the A–Z bar.
_OUR_CLASSES = frozenset({"std-term", "sg-abbr", "sg-az", "sg-backlinks", "sg-see"})


def _shows_our_work(doctree: nodes.document) -> bool:
    return any(
        isinstance(node, addnodes.glossary)
        or not _OUR_CLASSES.isdisjoint(node.get("classes", ()))
        for node in doctree.findall(nodes.Element)
    )


# -- entries as plain text -----------------------------------------------------


def save_entries(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: save the page's glossary entries as plain text.

    Runs after the translation transforms, so a translated manual exports and
    previews its translation.
    """
    items = [
        _entry_text(d) for d in doctree.findall(nodes.definition) if d.get(ENTRY_KEY)
    ]
    target = sidecar.path(app.env, "entries", app.env.docname)
    if items:
        sidecar.write_lines(target, items)
    else:
        # The page had entries in an earlier build: they are gone now.
        target.unlink(missing_ok=True)


def _entry_text(definition: nodes.definition) -> dict[str, Any]:
    terms = [t for t in definition.parent.children if isinstance(t, nodes.term)]
    out: dict[str, Any] = {
        "key": definition[ENTRY_KEY],
        "names": [t.astext() for t in terms],
        "anchors": [t["ids"][0] if t["ids"] else "" for t in terms],
        "definition": "",
        "sections": {},
        "see_also": [],
        "see": [],
    }
    blocks: list[str] = []
    heading: str | None = None
    for child in definition.children:
        if isinstance(child, nodes.rubric) and "sg-section" in child["classes"]:
            _store(out, heading, blocks)
            heading, blocks = child.astext(), []
        elif isinstance(child, addnodes.seealso):
            out["see_also"] = [x.astext() for x in child.findall(addnodes.pending_xref)]
        elif isinstance(child, nodes.Element) and "sg-see" in child["classes"]:
            out["see"] = [x.astext() for x in child.findall(addnodes.pending_xref)]
        else:
            blocks.append(" ".join(child.astext().split()))
    _store(out, heading, blocks)
    return out


def _store(out: dict[str, Any], heading: str | None, blocks: list[str]) -> None:
    text = "\n\n".join(b for b in blocks if b)
    if heading is None:
        out["definition"] = text
    else:
        out["sections"][heading] = text


def page_items(
    env: BuildEnvironment,
) -> Iterator[tuple[str, dict[str, Any], tuple[str, ...]]]:
    """(docname, entry text, source files) of every entry, in page order."""
    domain = get_domain(env)
    for docname in sorted(domain.pages):
        files = {
            item.key: item.files
            for page in domain.pages[docname]
            for item in page.items
        }
        for item in sidecar.read_lines(sidecar.path(env, "entries", docname)):
            yield docname, item, files.get(item["key"], ())


# -- outputs -------------------------------------------------------------------


def _wanted(app: Sphinx) -> bool:
    return html_pages(app.builder) and bool(get_domain(app.env).pages)


def write_export(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: ``glossary.json`` (``seed_glossary_export``)."""
    if exception is not None or not app.config.seed_glossary_export or not _wanted(app):
        return
    export = [
        _export_object(app, docname, item, files)
        for docname, item, files in page_items(app.env)
    ]
    path = Path(app.outdir, app.config.seed_glossary_export)
    path.write_text(json.dumps(export, ensure_ascii=False, indent=1) + "\n", "utf-8")


def page_uri(builder: Builder, docname: str) -> str:
    """The URI of a page from the output root, as links in any HTML builder use."""
    if builder.name == "singlehtml":
        return builder.get_target_uri(builder.config.root_doc).split("#")[0]
    return builder.get_target_uri(docname)


def _url(app: Sphinx, docname: str, anchor: str) -> str:
    uri = f"{page_uri(app.builder, docname)}#{anchor}"
    base = app.config.html_baseurl
    return urljoin(base if base.endswith("/") else base + "/", uri) if base else uri


def _export_object(
    app: Sphinx, docname: str, item: dict[str, Any], files: tuple[str, ...]
) -> dict[str, Any]:
    names, anchors = item["names"], item["anchors"]
    return {
        "term": names[0],
        "aliases": names[1:],
        "url": _url(app, docname, anchors[0]) if anchors and anchors[0] else None,
        "definition": item["definition"],
        "sections": item["sections"],
        "see_also": item["see_also"] or item["see"],
        "source": [relative_path(f, app.confdir) for f in files],
    }
