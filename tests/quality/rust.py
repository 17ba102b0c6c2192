"""The Rust Reference (Debian's ``rust-doc``, Rust 1.63): its glossary and its pages.

Only the reference's folder is unpacked (``html/reference``, a few MB of the
package's 500). The glossary is an mdBook page: each ``h3`` is an entry (its
heading the headword; the glossary declares no other names), the blocks
after it up to the next heading its definition. Links between entries are
``#anchor`` links inside definitions: the truth, turned into their text.
Links to other pages of the reference become their text too.

The prose is every other page of the reference (``print.html``, the
all-in-one page, and the redirect stubs are left out). The authors link the
glossary from few places (about a dozen links), all inline. Each page is
converted to MyST as a reader sees it: links become their text, inline code
stays code, examples stay code blocks (without the lines mdBook hides, the
``boring`` ones), and the grammar boxes ("Syntax", "Lexer") become text
blocks: they are grammar, not prose.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import Tag
from corpus import Corpus, Entry, debian_folder
from html2myst import blocks_of, soup

PACKAGE = "rust-doc"
INSTALLED = Path("/usr/share/doc/rust-doc/html/reference")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _skip(tag: Tag) -> bool:
    return "boring" in tag.get("class", []) or tag.name == "script"


def read_glossary(html: str) -> tuple[list[Entry], set[tuple[str, str]], dict]:
    """Entries, the authors' links between them, and anchor -> headword."""
    main = soup(html).select_one("main")
    heads = main.find_all("h3")
    anchors = {h3["id"]: " ".join(h3.get_text().split()) for h3 in heads}
    entries, truth = [], set()
    for h3 in heads:
        name = anchors[h3["id"]]
        body = []
        for node in h3.next_siblings:
            if isinstance(node, Tag) and node.name in _HEADINGS:
                break
            body.append(node)
            if isinstance(node, Tag):
                for a in node.find_all("a", href=True):
                    target = _glossary_target(a["href"], anchors, same_page=True)
                    if target and target != name:
                        truth.add((name.lower(), target.lower()))
        entries.append(Entry((name,), "\n\n".join(blocks_of(body, _skip))))
    return entries, truth, anchors


def _glossary_target(
    href: str, anchors: dict[str, str], same_page: bool = False
) -> str | None:
    path, _, anchor = href.partition("#")
    page = Path(path).name
    if (page == "glossary.html" or (same_page and not path)) and anchor in anchors:
        return anchors[anchor]
    return None


def grammar_as_text(main: Tag) -> None:
    """The grammar boxes (``> **Syntax**``) as plain text blocks."""
    for quote in main.find_all("blockquote"):
        first = quote.find("strong")
        if first is None or first.get_text().strip() not in ("Syntax", "Lexer"):
            continue
        for br in quote.find_all("br"):
            br.replace_with("\n")
        for sub in quote.find_all(["sub", "sup"]):
            sub.insert_before(" ")
        pre = soup("<pre></pre>").pre
        pre.string = "\n".join(line.strip() for line in quote.get_text().split("\n"))
        quote.replace_with(pre)


def read_page(
    html: str, page: str, anchors: dict[str, str]
) -> tuple[str, list[tuple[str, str]]] | None:
    """A page as MyST, and its links into the glossary (page, headword or the
    anchor when it is no entry)."""
    main = soup(html).select_one("main")
    heading = main.find(_HEADINGS) if main is not None else None
    if heading is None:
        return None
    offset = int(heading.name[1]) - 1  # a few pages start at h2
    places = []
    for a in main.find_all("a", href=True):
        if Path(a["href"].partition("#")[0]).name == "glossary.html":
            target = _glossary_target(a["href"], anchors)
            places.append((page, target or a["href"].partition("#")[2]))
    grammar_as_text(main)
    return "\n\n".join(blocks_of(main.children, _skip, offset)) + "\n", places


def corpus() -> Corpus:
    docs = debian_folder(PACKAGE, INSTALLED)
    entries, truth, anchors = read_glossary((docs / "glossary.html").read_text())
    pages, links, left_out = {}, [], []
    for path in sorted(docs.rglob("*.html")):
        relative = path.relative_to(docs).with_suffix("").as_posix()
        if relative in ("glossary", "print", "404") or relative.endswith("redirect"):
            continue
        found = read_page(path.read_text(encoding="utf-8"), relative, anchors)
        if found is None:
            left_out.append(relative)  # a redirect stub
            continue
        pages[f"reference/{relative}.md"] = found[0]
        links += [(f"reference/{p}", t) for p, t in found[1]]
    result = Corpus(
        name="rust",
        field="a systems programming language",
        entries=entries,
        glossary_truth=truth,
        pages=pages,
        prose_truth=set(),
        limits=[
            "prose: print.html (every page again) and the redirect stubs "
            f"({', '.join(left_out) or 'none'})"
        ],
    )
    result.prose_truth = result.resolve(links)
    return result
