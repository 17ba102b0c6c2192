"""What readers' browsers load: previews per page, and a names index for search.

A page pays only for what it links. After reading (``env-updated``), each
entry's preview becomes a small JSON fragment, kept in memory for the pages
about to be written. When a page is written (``html-page-context``), the
fragments of the entries it links on *other* pages go into a classic script
of its own, ``_static/seed_glossary/pages/<page>.js``, added to that page
only; the script reads entries on the page itself from the page. A page
that links no entry gets no script.

The search page gets ``_static/seed_glossary/names.js``: every entry's names
and anchors, no definitions. The first sentences are in files of
:data:`CHUNK` entries each, which the search page loads for the results it
shows.

Both are classic scripts, not JSON, because a page opened from disk
(``file://``) may not ``fetch()``; a page may add a ``<script>`` element.
Seed text goes in only through ``json.dumps``, with ``</`` escaped, and the
page script sets it with ``textContent``.

A page is written again when the preview of an entry it links changes
(``env-updated`` returns it), so the data of pages that were not read stays
exact.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from docutils import nodes

from .domain import get_domain
from .html import html_pages, page_items, page_uri
from .ingest.names import first_sentence

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .domain import SeedGlossaryDomain

#: Our folder in ``_static``.
FOLDER = "seed_glossary"
#: Entries per file of first sentences for the search page.
CHUNK = 64
#: A page's previews up to this many bytes come in one script with the page
#: (a prose page's: its first preview needs no request; what a page weighs is
#: on the manual's page-weight section) ...
WHOLE_BYTES = 24_000
#: ... and above, in parts of about this size, each loaded when a link needs
#: it: a page that links thousands of entries (a glossary page) does not
#: load them before it is read, and a part takes about one round trip.
PART_BYTES = 8_000
#: Stands for the page a URL is relative to, when resolving links.
_BASE = "http://page.invalid/"


@dataclass
class ReaderData:
    """This build's preview fragments: root-relative URL -> JSON object text."""

    previews: dict[str, str] = field(default_factory=dict)


def dumps(value: object) -> str:
    """Compact JSON that no string can end a ``<script>`` element with."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return text.replace("</", "<\\/")


def _summary(item: dict[str, Any]) -> str:
    summary: str = item["definition"].split("\n\n")[0]
    if not summary and item["see"]:
        summary = "→ " + "; ".join(item["see"])
    return summary


# -- after reading -------------------------------------------------------------------


def prepare(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: preview fragments and the search files; pages to write.

    Returns the pages whose links show a preview that changed since the last
    build (their scripts must follow).
    """
    domain = get_domain(env)
    domain.reader_data = None
    if not (app.config.seed_glossary_previews and html_pages(app.builder)):
        return []
    data = ReaderData()
    digests: dict[str, str] = {}
    names_entries: list[list[Any]] = []
    sentences: list[str] = []
    page_index: dict[str, int] = {}
    for docname, item, _files in page_items(env):
        names, anchors = item["names"], item["anchors"]
        summary = _summary(item)
        preview = {"t": names[0], "a": names[1:], "s": summary}
        uri = page_uri(app.builder, docname)
        digests[item["key"]] = hashlib.sha256(
            (uri + "\0" + dumps([anchors, preview])).encode()
        ).hexdigest()[:16]
        row: list[Any] = [page_index.setdefault(uri, len(page_index))]
        for index, anchor in enumerate(anchors):
            if not anchor:
                continue
            name = names[index]
            row += [name, "" if anchor == default_anchor(name) else anchor]
            extra = {"n": names[index]} if index else {}
            data.previews[f"{uri}#{anchor}"] = dumps({**preview, **extra})
        if len(row) > 1:
            names_entries.append(row)
            sentences.append(first_sentence(summary).strip())
    domain.reader_data = data
    _write_search_files(app, list(page_index), names_entries, sentences)
    previous: dict[str, str] = domain.data.get("preview_digests", {})
    changed = {
        k for k in digests.keys() | previous.keys() if digests.get(k) != previous.get(k)
    }
    domain.data["preview_digests"] = digests
    if not previous or not changed:
        return []
    return sorted(_pages_linking(domain, changed) & env.found_docs)


def default_anchor(name: str) -> str:
    """The anchor the page script assumes for a name when the index gives none.

    Only for plain ASCII names, whose anchor Sphinx makes by joining words
    with "-": the script rebuilds it the same way.
    """
    if _PLAIN.fullmatch(name):
        return "term-" + name.replace(" ", "-")
    return "\0"  # never equal to an anchor


_PLAIN = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")


def _pages_linking(domain: SeedGlossaryDomain, keys: set[str]) -> set[str]:
    """Pages with a link to one of the entries *keys*, on another page.

    The sources of an entry's backlinks link to it; an entry's own page links
    to its sources in its "Referenced from" line; See and See also links.
    """
    pages: set[str] = set()
    places = domain.places
    for target, sources in domain.backlinks.items():
        for page, entry in sources:
            if target in keys:
                pages.add(page)
            if entry in keys and target in places:
                pages.add(places[target].docname)
    folded = {k.casefold() for k in keys}
    for page, targets in domain.see_xrefs.items():
        if any(t.casefold() in folded for t in targets):
            pages.add(page)
    return pages


def _write_search_files(
    app: Sphinx, pages: list[str], entries: list[list[Any]], sentences: list[str]
) -> None:
    """``names.js`` and the files of first sentences, named by their content."""
    folder = Path(app.outdir, "_static", FOLDER)
    search = folder / "search"
    chunks = [sentences[i : i + CHUNK] for i in range(0, len(sentences), CHUNK)]
    digest = hashlib.sha256(dumps(chunks).encode()).hexdigest()[:12]
    prefix = f"{FOLDER}/search/{digest}-"
    wanted = set()
    search.mkdir(parents=True, exist_ok=True)
    for number, chunk in enumerate(chunks):
        name = f"{digest}-{number}.js"
        wanted.add(name)
        path = search / name
        if not path.exists():
            path.write_text(
                f"seedGlossaryDefinitions({number},{dumps(chunk)});\n", "utf-8"
            )
    for old in search.glob("*.js"):
        if old.name not in wanted:
            old.unlink()
    index = {"pages": pages, "entries": entries, "chunk": CHUNK, "sentences": prefix}
    _write_if_changed(
        folder / "names.js", f"window.seedGlossaryNames = {dumps(index)};\n"
    )


def _write_if_changed(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if path.read_text("utf-8") == text:
            return
    except OSError:
        pass
    path.write_text(text, "utf-8")


# -- while writing -------------------------------------------------------------------


def page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: the page's own preview script; the search page's index."""
    data = get_domain(app.env).reader_data
    if data is None:
        return
    if pagename == "search" and doctree is None:
        app.add_js_file(f"{FOLDER}/names.js", loading_method="defer", priority=400)
        return
    if doctree is None:
        return
    base = _BASE + page_uri(app.builder, pagename)
    found: dict[str, str] = {}
    for reference in doctree.findall(nodes.reference):
        uri = reference.get("refuri")
        if not uri or "#" not in uri:
            continue  # refid: on this page, the script reads it from the page
        absolute = urljoin(base, uri)
        if absolute.startswith(_BASE):
            key = absolute[len(_BASE) :]
            fragment = data.previews.get(key)
            if fragment is not None:
                found[key] = fragment
    static = Path(app.outdir, "_static")
    path = static / page_script(pagename)
    parts_folder = path.with_suffix("")
    if not found:
        path.unlink(missing_ok=True)
        shutil.rmtree(parts_folder, ignore_errors=True)
        return
    items = [f"{dumps(key)}:{found[key]}" for key in sorted(found)]
    size = sum(len(item) + 1 for item in items)
    if size <= WHOLE_BYTES:
        shutil.rmtree(parts_folder, ignore_errors=True)
        body = ",".join(items)
        _write_if_changed(path, f"window.seedGlossaryPreviews = {{{body}}};\n")
    else:
        count = -(-size // PART_BYTES)
        _write_parts(static, pagename, sorted(found), items, count)
    app.add_js_file(page_script(pagename), loading_method="defer", priority=400)


def _write_parts(
    static: Path, pagename: str, keys: list[str], items: list[str], count: int
) -> None:
    """The page's previews in *count* parts, by the hash of each anchor, and
    the small script that says where they are."""
    path = static / page_script(pagename)
    folder = path.with_suffix("")
    groups: list[list[str]] = [[] for _ in range(count)]
    for key, item in zip(keys, items, strict=True):
        groups[fnv1a(key.partition("#")[2]) % count].append(item)
    texts = [",".join(group) for group in groups]
    digest = hashlib.sha256("\0".join(texts).encode()).hexdigest()[:12]
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for number, text in enumerate(texts):
        (folder / f"{digest}-{number}.js").write_text(
            f"seedGlossaryPreviewPart({number},{{{text}}});\n", "utf-8"
        )
    prefix = f"{FOLDER}/pages/{pagename}/{digest}-"
    _write_if_changed(
        path,
        "window.seedGlossaryPreviewParts = "
        f"{dumps({'count': count, 'prefix': prefix})};\n",
    )


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes of *text*: the page script computes the
    same, to know which part holds a link's preview."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def page_script(pagename: str) -> str:
    """The preview script of a page, relative to ``_static``."""
    return f"{FOLDER}/pages/{pagename}.js"


def tidy_output(app: Sphinx) -> None:
    """``builder-inited``: no data of another layout or of previews turned off.

    0.2 wrote every preview into one ``_static/seed_glossary_data.js``.
    """
    if not html_pages(app.builder):
        return
    Path(app.outdir, "_static", "seed_glossary_data.js").unlink(missing_ok=True)
    if not app.config.seed_glossary_previews:
        shutil.rmtree(Path(app.outdir, "_static", FOLDER), ignore_errors=True)
