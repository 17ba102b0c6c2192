"""LilyPond 2.24 (Debian's ``lilypond-doc-html``): the Music Glossary and the
Learning Manual, a field outside software.

The glossary is the English one-page HTML (``music-glossary-big-page.html``,
texinfo): each ``h2`` section is an entry (352: musical terms A-Z and the
non-Western terms); its heading, without the section number, is the headword.
The glossary declares no other names. What each entry holds:

- first, the term in other languages ("ES: acento, I: accento, F: accent...",
  a paragraph or a list; "UK:" gives the British name). These are not prose:
  they are left out of the seed, or every entry would mention a dozen foreign
  words. The British names are not made aliases: the glossary gives them as
  a translation, not as a headword;
- the definition: inline links to other entries in it are the authors' links
  (the truth), turned into their text. There are few (about 40): this
  glossary's authors link mostly through the trailing list;
- a trailing "See also" list of links to entries. It becomes the seed's
  ``see_also`` (the extension shows it as a See also line) and is not counted
  as truth: a list of related entries is not a mention in the definition that
  autolinking could make, and keeping it as text would give every link away.

Entries whose definition is empty (about 30, such as *bar*, which only says
"See also: measure") stay seeds with their see_also and no text.

The prose is the Learning Manual, one page per texinfo node (``learning/``,
chapters 1-5: installing, tutorial, common notation, fundamental concepts,
tweaking output). Its authors link the glossary in two ways, both counted as
(page, entry) places: inline, as in "an ossia", turned into text; and in
"Music Glossary: pitch, interval, scale." lines at the head of a section,
which are left out whole (they are link lists, not prose; their text would
give the links away). The appendices are left out: templates (code), the GNU
FDL (legal text) and the index are not prose about music. Navigation, menus,
the footer and images of music are left out; LilyPond input stays code.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import NavigableString, Tag
from corpus import Corpus, Entry, debian_folder
from html2myst import blocks_of, soup

PACKAGE = "lilypond-doc-html"
INSTALLED = Path("/usr/share/doc/lilypond/html/Documentation")
GLOSSARY = "music-glossary-big-page.html"
_LANGUAGE = re.compile(r"^\s*[A-Z]{1,3}(?:/[A-Z]{1,3})?\s*:")
_NUMBER = re.compile(r"^(?:[A-Z]|\d+)(?:\.\d+)*\.?\s+")


def headword(heading: Tag) -> str:
    """A heading's text without its section number (``1.167 key`` -> ``key``)."""
    return _NUMBER.sub("", " ".join(heading.get_text().split()))


def is_translations(element: Tag) -> bool:
    """A paragraph or list whose every line names the term in a language."""
    if element.name == "ul":
        lines = [li.get_text() for li in element.find_all("li", recursive=False)]
    elif element.name == "p":
        lines = element.get_text().split("\n")
    else:
        return False
    lines = [line for line in lines if line.strip()]
    return bool(lines) and all(_LANGUAGE.match(line) for line in lines)


def _skip(tag: Tag) -> bool:
    return (
        tag.name == "table"
        and not {"nav_table", "menu"}.isdisjoint(tag.get("class", []))
    ) or tag.get("id") in ("footer", "highlighting-settings", "tocframe")


def read_glossary(html: str) -> tuple[list[Entry], set[tuple[str, str]], dict]:
    """Entries, the authors' inline links between them, and anchor -> headword."""
    page = soup(html)
    heads = page.select("h2.section")
    anchors = {}
    for h2 in heads:
        anchor = h2.find_previous_sibling("a", attrs={"name": True})
        anchors[anchor["name"]] = headword(h2)
    entries, truth = [], set()
    for h2 in heads:
        name = headword(h2)
        body: list[Tag | NavigableString] = []
        see_also: list[str] = []
        in_see_also = False
        for node in h2.next_siblings:
            if isinstance(node, Tag) and node.name in ("hr", "h1", "h2"):
                break
            if isinstance(node, Tag) and node.name == "h4":
                in_see_also = "see also" in node.get_text().lower()
                continue
            if in_see_also:
                if isinstance(node, Tag):
                    for a in node.select('a[href^="#"]'):
                        target = anchors.get(a["href"][1:])
                        if target and target != name and target not in see_also:
                            see_also.append(target)
                continue
            if isinstance(node, Tag) and is_translations(node):
                continue
            if isinstance(node, Tag):
                for a in [node] if node.name == "a" else node.find_all("a"):
                    target = anchors.get(a.get("href", "")[1:])
                    if a.get("href", "").startswith("#") and target and target != name:
                        truth.add((name.lower(), target.lower()))
            body.append(node)
        text = "\n\n".join(blocks_of(body, _skip))
        entries.append(Entry((name,), text, tuple(see_also)))
    return entries, truth, anchors


def _glossary_target(href: str, anchors: dict[str, str]) -> str | None:
    """The headword a link into the glossary points at (``None``: its index)."""
    path, _, fragment = href.partition("#")
    for anchor in (fragment, Path(path).stem):
        if anchor in anchors:
            return anchors[anchor]
    return None


def read_page(
    html: str, page: str, anchors: dict[str, str]
) -> tuple[str, str, list[tuple[str, str]], list[tuple[str, str]]]:
    """A Learning Manual node as MyST: its title, its text, and its glossary
    places: those linked inline, and those in "Music Glossary:" lines (dropped)."""
    main = soup(html).select_one("div#main")
    heading = main.find(["h1", "h2", "h3", "h4"])
    title = headword(heading)
    offset = int(heading.name[1]) - 1
    inline, listed = [], []
    for a in main.select('a[href*="music-glossary"]'):
        target = _glossary_target(a["href"], anchors)
        paragraph = a.find_parent("p")
        in_list = paragraph is not None and _is_link_list(paragraph)
        if target is None and not in_list:
            continue  # "look them up in the Music Glossary": the whole glossary
        (listed if in_list else inline).append((page, target or a.get_text()))
    for paragraph in main.find_all("p"):
        if _is_link_list(paragraph):
            paragraph.decompose()
    for h in main.find_all(["h1", "h2", "h3", "h4", "h5"]):
        h.string = headword(h)
    text = "\n\n".join(blocks_of(main.children, _skip, offset)) + "\n"
    return title, text, inline, listed


def _is_link_list(paragraph: Tag) -> bool:
    return paragraph.get_text().strip().startswith("Music Glossary:")


def corpus() -> Corpus:
    docs = debian_folder(PACKAGE, INSTALLED, GLOSSARY, "learning")
    entries, truth, anchors = read_glossary((docs / GLOSSARY).read_text())
    pages, inline, listed, left_out = {}, [], [], []
    for path in sorted((docs / "learning").glob("*.html")):
        if re.search(r"\.[a-z]{2}\.html$", path.name):
            continue  # a translation
        html = path.read_text(encoding="utf-8")
        if not re.match(r"\d", _first_heading_number(html)):
            left_out.append(path.name)  # appendices, the top pages, the index
            continue
        page = "learning/" + path.stem
        _title, text, found_inline, found_listed = read_page(html, page, anchors)
        pages[page + ".md"] = text
        inline += found_inline
        listed += found_listed
    result = Corpus(
        name="lilypond",
        field="music notation",
        entries=entries,
        glossary_truth=truth,
        pages=pages,
        prose_truth=set(),
        limits=[
            "glossary: the per-language names of each entry",
            f"prose: {len(left_out)} pages of the Learning Manual "
            "(appendices: templates, the GNU FDL, the index; the top pages)",
        ],
    )
    result.prose_truth = result.resolve(inline + listed)
    heads = result.headword()
    made_inline = {(p, heads.get(t.lower())) for p, t in inline}
    result.notes["prose_places_only_in_link_lists"] = len(
        result.prose_truth - made_inline
    )
    return result


def _first_heading_number(html: str) -> str:
    match = re.search(r"<h[1-4][^>]*>([^<]*)", html)
    return match.group(1).strip() if match else ""
