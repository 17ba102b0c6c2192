"""HTML to MyST, as a reader sees the page: links become their text, code stays code.

Shared by the manual modules. Nothing here knows a manual: what to leave out
(navigation, link lists) each module says with a ``skip`` test. Text is
escaped so MyST reads it as text, and wrapped at 79 columns as authors wrap
their sources (a name may break across lines, as it does in real sources).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from corpus import Entry

Skip = Callable[[Tag], bool]

_INLINE_CODE = {"code", "kbd", "samp", "tt"}
_EMPHASIS = {"em": "*", "i": "*", "var": "*", "cite": "*", "dfn": "*"}
_STRONG = {"strong", "b"}
_DROP = {"script", "style", "img", "hr", "nav", "button", "svg", "input", "br"}
_BLOCKS = {
    "p",
    "div",
    "pre",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "hr",
    "figure",
    "center",
}
# CommonMark punctuation that could start markup inside a line.
_ESCAPE = re.compile(r"([\\`*_\[\]<>{}&|$])")
# What would start a block at the start of a line after wrapping.
_LINE_START = re.compile(r"^(\s*)([#+\-=%>~:(]|\d+[.)](?=\s|$))", re.M)


def never(_tag: Tag) -> bool:
    return False


def escape(text: str) -> str:
    """Text that MyST shows as it is."""
    return _ESCAPE.sub(r"\\\1", text)


def wrap(text: str, first: str = "", rest: str = "") -> str:
    """*text* filled to 79 columns; lines that would read as markup are escaped."""
    filled = textwrap.fill(
        text,
        79,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
        break_long_words=False,
    )
    lines = filled.split("\n")
    out = [lines[0][: len(first)] + _guard(lines[0][len(first) :])]
    out += [rest + _guard(line[len(rest) :]) for line in lines[1:]]
    return "\n".join(out)


def _guard(line: str) -> str:
    # A backslash before the first character keeps it text (\- \# \1. ...).
    match = _LINE_START.match(line)
    if not match or line.startswith("\\"):
        return line
    head, mark = match.group(1), match.group(2)
    if mark[0].isdigit():  # "1. " -> "1\. "
        return head + mark[:-1] + "\\" + mark[-1] + line[match.end() :]
    return head + "\\" + line[len(head) :]


def code_span(text: str) -> str:
    """Inline code, fenced with more backticks than it holds."""
    text = " ".join(text.split())
    if not text:
        return ""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def code_block(text: str, info: str = "text") -> str:
    """A fenced code block (the text as it is, blank lines at its ends dropped)."""
    text = text.strip("\n")
    if not text.strip():
        return ""
    longest = max((len(m) for m in re.findall(r"^`{3,}", text, re.M)), default=2)
    fence = "`" * (longest + 1)
    return f"{fence}{info}\n{text}\n{fence}"


def inline(node: Tag | NavigableString, skip: Skip = never) -> str:
    """The node's text as one MyST line: links turned into their text."""
    return " ".join(_inline(node, skip).split())


def _inline(node: Tag | NavigableString, skip: Skip, in_link: bool = False) -> str:
    # A link becomes its plain text: the bold or italics of a link role (a PEP,
    # a grammar symbol) are the link's style and go with it.
    if isinstance(node, Comment):
        return ""
    if isinstance(node, NavigableString):
        return escape(str(node))
    if skip(node) or node.name in _DROP:
        return " " if node.name == "br" else ""
    if node.name in _INLINE_CODE:
        return code_span(node.get_text())
    in_link = in_link or node.name == "a"
    inner = "".join(_inline(child, skip, in_link) for child in node.children)
    if (node.name in _EMPHASIS or node.name in _STRONG) and not in_link:
        mark = "**" if node.name in _STRONG else "*"
        core = inner.strip()
        if not core:
            return inner
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()) :]
        return f"{lead}{mark}{core}{mark}{trail}"
    if node.name in _BLOCKS:
        return f" {inner} "
    return inner


def blocks(node: Tag, skip: Skip = never, heading_offset: int = 0) -> list[str]:
    """The node's children as MyST blocks (paragraphs, lists, code, tables...).

    Inline content directly in *node* (text, ``em``, ``a``...) gathers into
    paragraphs; ``hN`` becomes a heading of level N - *heading_offset*.
    """
    return blocks_of(node.children, skip, heading_offset)


def blocks_of(
    nodes: Iterable[Tag | NavigableString], skip: Skip = never, heading_offset: int = 0
) -> list[str]:
    """:func:`blocks` of a run of sibling nodes."""
    out: list[str] = []
    run: list[Tag | NavigableString] = []

    def flush() -> None:
        text = inline_run(run, skip)
        if text:
            out.append(wrap(text))
        run.clear()

    for child in nodes:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            run.append(child)
            continue
        if skip(child) or child.name in ("script", "style", "hr", "img", "nav"):
            continue
        if child.name not in _BLOCKS:
            run.append(child)
            continue
        flush()
        out.extend(block(child, skip, heading_offset))
    flush()
    return [b for b in out if b.strip()]


def inline_run(run: list[Tag | NavigableString], skip: Skip = never) -> str:
    return " ".join("".join(_inline(piece, skip) for piece in run).split())


def block(node: Tag, skip: Skip = never, heading_offset: int = 0) -> list[str]:
    """One block element as MyST blocks."""
    name = node.name
    if name == "p":
        text = inline(node, skip)
        return [wrap(text)] if text else []
    if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
        level = max(1, int(name[1]) - heading_offset)
        text = inline(node, skip)
        return [f"{'#' * level} {text}"] if text else []
    if name == "pre":
        return [code_block(_pre_text(node, skip))]
    if name in ("ul", "ol"):
        return [_list(node, skip, heading_offset)]
    if name == "dl":
        found = []
        for child in node.find_all(["dt", "dd"], recursive=False):
            if child.name == "dt":
                text = inline(child, skip)
                found += [wrap(text)] if text else []
            else:
                found += blocks(child, skip, heading_offset)
        return found
    if name == "blockquote":
        inner = blocks(node, skip, heading_offset)
        return [_prefix("\n\n".join(inner), "> ")] if inner else []
    if name == "table":
        return [table(node, skip)]
    return blocks(node, skip, heading_offset)


def _pre_text(node: Tag, skip: Skip) -> str:
    parts = []
    for piece in node.descendants:
        if (
            isinstance(piece, NavigableString)
            and not isinstance(piece, Comment)
            and not any(skip(p) for p in piece.parents if isinstance(p, Tag))
        ):
            parts.append(str(piece))
    return "".join(parts)


def _list(node: Tag, skip: Skip, heading_offset: int) -> str:
    items = []
    for n, li in enumerate(node.find_all("li", recursive=False), 1):
        marker = f"{n}. " if node.name == "ol" else "- "
        pad = " " * len(marker)
        inner = blocks(li, skip, heading_offset)
        if not inner:
            continue
        first, *more = inner
        if _is_paragraph(first):
            first = wrap(" ".join(first.split()), marker, pad)
        else:
            first = marker + _prefix(first, pad)[len(pad) :]
        items.append("\n\n".join([first, *(_prefix(b, pad) for b in more)]))
    loose = any("\n\n" in item for item in items)
    return ("\n\n" if loose else "\n").join(items)


def _is_paragraph(text: str) -> bool:
    return not re.match(r"`{3,}[^`\n]*\n|#|> |\||- |\d+\. ", text)


def _prefix(text: str, prefix: str) -> str:
    lines = text.split("\n")
    return "\n".join(prefix + line if line else prefix.rstrip() for line in lines)


def table(node: Tag, skip: Skip = never) -> str:
    """A pipe table; the first row is the header (MyST tables need one)."""
    rows = []
    for tr in node.find_all("tr"):
        if tr.find_parent("table") is not node:
            continue
        cells = [
            inline(cell, skip).replace("\n", " ")
            for cell in tr.find_all(["td", "th"], recursive=False)
        ]
        if any(cells):
            rows.append(cells)
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


# -- Sphinx glossaries (CPython, SQLAlchemy) -------------------------------------------


def term_text(dt: Tag) -> str:
    return dt.get_text().replace("¶", "").strip()


def sphinx_glossary(html: str) -> tuple[list[Entry], set[tuple[str, str]]]:
    """Entries of a Sphinx ``glossary`` (``dl.glossary``) and the authors' links
    between them, as (entry, entry) headwords folded to lower case.

    Links inside a "See also" box (``.. seealso::``) are the entry's see_also,
    not counted: a list of related entries is not a mention in the text. The box
    is left out of the seed: what else it holds are links to other pages.
    """
    glossary = soup(html).select_one("dl.glossary")
    ids: dict[str, str] = {}
    found: list[tuple[list[str], Tag]] = []
    pending: list[Tag] = []
    for child in glossary.find_all(["dt", "dd"], recursive=False):
        if child.name == "dt":
            pending.append(child)
            continue
        names = [term_text(dt) for dt in pending]
        for dt in pending:
            if dt.get("id"):
                ids[dt["id"]] = names[0]
        found.append((names, child))
        pending = []

    def target(a: Tag) -> str | None:
        href = a.get("href", "")
        page, _, anchor = href.partition("#")
        if page not in ("", "glossary.html"):
            return None
        return ids.get(anchor)

    entries, truth = [], set()
    for names, dd in found:
        see_also: list[str] = []
        for box in dd.select("div.seealso"):
            for a in box.select("a.reference.internal"):
                name = target(a)
                if name and name != names[0] and name not in see_also:
                    see_also.append(name)
            box.decompose()
        for a in dd.select("a.reference.internal"):
            name = target(a)
            if name and name != names[0]:
                truth.add((names[0].lower(), name.lower()))
        body = "\n\n".join(blocks(dd, _sphinx_skip))
        entries.append(Entry(tuple(names), body, tuple(see_also)))
    return entries, truth


def _sphinx_skip(tag: Tag) -> bool:
    return "headerlink" in tag.get("class", [])
