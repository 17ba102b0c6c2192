"""Autolinks in languages other than English, on real text written by others.

The corpus is the Debian Reference as its translators wrote it in German,
French, Spanish and Japanese (Debian's ``debian-reference-de``, ``-fr``,
``-es``, ``-ja``): three chapters each, on package management (chapter 2),
the system initialisation (3) and the network setup (5). The glossary is
ours: 27-30 curated seeds per language in ``tests/quality/languages/<code>/
seeds/``, chosen by what a glossary of these chapters would define before
any build was run (see the README there). The manual has no glossary of its
own, so there is no truth to measure recall against: precision is read by
hand from a random sample, as ``/work/shared/JUDGING.md`` says, and recall is
seen from the mentions that stayed plain.

Each chapter is cut into pages as a Sphinx manual would have them: its
introduction, and each of its sections (``ch02-s01`` is section 2.1), 23
pages per language. Each is converted to MyST as a reader sees it
(``html2myst``): links
become their text, inline code stays code, shell sessions stay code blocks.
Left out: the table of contents, navigation, the titles of notes and tips
("Anmerkung", "Astuce": the note's text stays) and the tables (lists of
packages with their popcon figures and one-line descriptions; not prose).
Paragraphs the translators left in English stay as they are: that is the
text a reader of the translation gets.

Each language is one small Sphinx project (``language``, ``extensions =
["myst_parser", "seed_glossary"]``, ``seed_glossary_autolink = "all"``),
built twice with ``python -m sphinx -q -E -b html`` into
``build/quality/languages/<code>/<build>/``:

- ``default``: what a project gets. Most of these seeds are everyday words of
  this manual (named on 10 % of its pages or more, or frequent in the
  language), so they link only on the page about them or where the text
  introduces them: few links;
- ``every_mention``: the everyday-word rules off
  (``seed_glossary_autolink_everyday_zipf = None``,
  ``seed_glossary_autolink_common_share = 0``): each entry links at its
  first mention on each page, unless the rules of sense, compounds or
  density keep it plain. This shows the matcher itself (lemmas, capitals,
  word boundaries) on many more links.

Every autolink of the chapters' pages is read with its sentence; the
glossary's own links (between our definitions) are not counted: they are our
text, not the translators'.

    python tests/quality/languages.py [--lang de]... [--sample 80 --seed 2026]
        [--sample-out DIR] [--judged DIR] [--json]

The sample (up to ``--sample`` autolinks per language and build, drawn with
``--seed`` before anyone reads them) is matched against the judged files in
``--judged`` (``tests/quality/judged/languages-<code>.json``): each row
judged there counts, a row drawn and not judged is printed to be read.
``--sample-out DIR`` writes the sample as ``DIR/languages-<code>.json`` with
empty judgements (a judged file already there keeps its judgements for the
rows it has). Packages that are not installed are downloaded once
(``apt-get download``) and unpacked into ``build/quality/packages``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

from bs4 import NavigableString, Tag
from corpus import ROOT, build, debian_folder
from html2myst import blocks, soup

LANGUAGES = ("de", "fr", "es", "ja")
CHAPTERS = {
    "ch02": "package management",
    "ch03": "system initialisation",
    "ch05": "network setup",
}
INSTALLED = Path("/usr/share/debian-reference")
HERE = Path(__file__).resolve().parent
SEEDS = HERE / "languages"
JUDGED = HERE / "judged"
WORK = ROOT / "build" / "quality" / "languages"
CLASSES = ("helpful", "noise", "wrong")
_GLOSSARY = {"de": "Glossar", "fr": "Glossaire", "es": "Glosario", "ja": "用語集"}
#: DocBook's boxes whose title (a word such as "Note") is left out
_ADMONITIONS = ("note", "tip", "caution", "warning", "important")


# -- the pages --------------------------------------------------------------------


def _skip(tag: Tag) -> bool:
    classes = tag.get("class", [])
    return tag.name == "table" or not {
        "toc",
        "navheader",
        "navfooter",
        "table",  # div.table: a numbered table with its title
    }.isdisjoint(classes)


def _unbox(chapter: Tag) -> None:
    """Each note, tip or warning becomes its text, without its title."""
    for box in chapter.find_all("div", class_=list(_ADMONITIONS)):
        if box.find_parent("div", class_="table"):
            continue
        content = [td for td in box.find_all("td") if td.find(["p", "div", "pre"])]
        box.clear()
        for td in content:
            for child in list(td.children):
                box.append(child.extract())


def chapter_pages(html: str, chapter: str) -> dict[str, str]:
    """One chapter of the Debian Reference as MyST pages: its introduction
    (``chNN-s00.md``) and each of its sections (``chNN-s01.md``...), their
    headings one level up, as a Sphinx manual has a page per section."""
    page = soup(html)
    body = page.select_one("div.chapter")
    _unbox(body)
    out: dict[str, list[str]] = {}
    current = f"{chapter}-s00.md"
    for text in blocks(body, _skip):
        level = len(text) - len(text.lstrip("#"))
        if level == 2 and text[2:3] == " ":
            current = f"{chapter}-s{len(out):02d}.md"
        if level >= 2 and text[level : level + 1] == " ":
            text = text[1:]
        out.setdefault(current, []).append(text)
    return {name: "\n\n".join(parts) + "\n" for name, parts in out.items()}


def pages(code: str) -> dict[str, str]:
    """The chapters of one language as pages, ``chNN-sMM.md`` -> MyST."""
    members = [f"{chapter}.{code}.html" for chapter in CHAPTERS]
    folder = debian_folder(f"debian-reference-{code}", INSTALLED, *members)
    found: dict[str, str] = {}
    for chapter, member in zip(CHAPTERS, members, strict=True):
        html = (folder / member).read_text(encoding="utf-8")
        found.update(chapter_pages(html, chapter))
    return found


# -- the build --------------------------------------------------------------------


def write_project(code: str, project: Path, settings: list[str]) -> Path:
    """conf.py, the seeds, the glossary and the chapters; returns the docs folder."""
    shutil.rmtree(project, ignore_errors=True)
    docs = project / "docs"
    shutil.copytree(SEEDS / code / "seeds", docs / "seeds")
    (docs / "conf.py").write_text(
        f'language = "{code}"\n'
        'extensions = ["myst_parser", "seed_glossary"]\n'
        'seed_glossary_autolink = "all"\n'
        'seed_glossary_seeds = "seeds"\n'
        'exclude_patterns = ["seeds"]\n'
        "suppress_warnings = ['myst', 'misc']\n"
        + "".join(f"{setting}\n" for setting in settings),
        encoding="utf-8",
    )
    chapters = pages(code)
    (docs / "index.rst").write_text(
        "Debian Reference\n================\n\n.. toctree::\n   :maxdepth: 1\n\n"
        "   glossary\n" + "".join(f"   {p[:-3]}\n" for p in chapters),
        encoding="utf-8",
    )
    (docs / "glossary.md").write_text(
        f"# {_GLOSSARY[code]}\n\n```{{seed-glossary}}\n```\n", encoding="utf-8"
    )
    for name, text in chapters.items():
        (docs / name).write_text(text, encoding="utf-8")
    return docs


# -- reading the built pages -------------------------------------------------------

_NOT_PROSE = "pre, code, kbd, h1, h2, h3, h4, h5, h6, .headerlink"
# A sentence ends at . ! ? followed by a space, or at a Japanese full stop.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[。！？])")


def _term(dt: Tag) -> str:
    return dt.get_text().replace("¶", "").strip()


def sentence(a: Tag) -> str:
    """The sentence around the link, the link's words in ``[[...]]``."""
    block = a.find_parent(["p", "li", "dd", "td"]) or a.parent
    parts = []
    for piece in block.descendants:
        if piece is a:
            parts.append("[[" + a.get_text() + "]]")
        elif isinstance(piece, NavigableString):
            if a in piece.parents:
                continue
            parts.append(str(piece))
    text = " ".join("".join(parts).split())
    for one in _SENTENCE_END.split(text):
        if "[[" in one:
            return one.strip()
    return text


def words(body: Tag, code: str) -> int:
    """Words of the prose (characters other than spaces, for Japanese)."""
    for tag in body.find_all(["a", "span", "em", "strong", "abbr"]):
        tag.unwrap()  # a link is no word boundary ("-Datei")
    body.smooth()
    text = body.get_text(" ")
    if code == "ja":
        return len(re.sub(r"\s", "", text))
    return len(text.split())


def read_build(out: Path, chapters: list[str], code: str) -> dict:
    """Every autolink of the chapters, with its sentence, and their words."""
    glossary = soup((out / "glossary.html").read_text(encoding="utf-8"))
    headword, name_of, current = {}, {}, ""
    for dt in glossary.select("dl.glossary > dt"):
        if "sg-alias" not in dt.get("class", []):
            current = _term(dt)
        if dt.get("id"):
            name_of[dt["id"]] = _term(dt)
            headword[dt["id"]] = current
    links, counted = [], {}
    for page in chapters:
        html = soup((out / f"{page}.html").read_text(encoding="utf-8"))
        body = html.select_one("div.body") or html.body
        for span in body.select("a.reference > span.sg-autolink"):
            a = span.parent
            anchor = a["href"].split("#")[-1]
            links.append(
                {
                    "page": page,
                    "sentence": sentence(a),
                    "text": " ".join(a.get_text().split()),
                    "target": headword.get(anchor, anchor),
                    "name": name_of.get(anchor, anchor),
                }
            )
        for tag in body.select(_NOT_PROSE):
            tag.decompose()
        counted[page] = words(body, code)
    return {"links": links, "words": counted}


# -- the sample --------------------------------------------------------------------

#: The two builds of each language: what a project gets with the defaults, and
#: every first mention on a page (the everyday-word rules off), which shows
#: the matcher itself (lemmas, capitals, word boundaries) on many more links.
BUILDS = {
    "default": [],
    "every_mention": [
        "seed_glossary_autolink_everyday_zipf = None",
        "seed_glossary_autolink_everyday_zipf_in_prose = None",
        "seed_glossary_autolink_common_share = 0",
    ],
}


def _key(row: dict) -> tuple[str, str, str, str]:
    return (row["page"], row["sentence"], row["text"], row["target"])


def draw(links: list[dict], n: int, seed: int, code: str, name: str) -> list[dict]:
    """Up to *n* autolinks, drawn at random before anyone reads them, in page order."""
    rng = random.Random(f"{seed}:{code}:{name}")
    picked = sorted(rng.sample(range(len(links)), min(n, len(links))))
    return [links[i] for i in picked]


def load_judged(path: Path) -> dict:
    """Every judged row of a judged file (both builds), by page, sentence,
    link text and target."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        _key(row): row
        for part in data["builds"].values()
        for row in part["sample"]
        if row.get("judgement")
    }


def tally(sample: list[dict], judged: dict) -> dict:
    """Counts of each class over the sample's judged rows; close calls; unread rows."""
    classes: Counter[str] = Counter()
    close, unread = 0, []
    for row in sample:
        done = judged.get(_key(row))
        if done is None:
            unread.append(row)
            continue
        classes[done["judgement"]] += 1
        close += "borderline" in done.get("reason", "")
    return {"classes": dict(classes), "close_calls": close, "unread": unread}


def plain(out: Path) -> dict[str, int]:
    """From the build's link report: mentions that stayed plain, by reason."""
    path = out / "seed-glossary-report.json"
    entries = json.loads(path.read_text(encoding="utf-8"))["links"]["entries"]
    reasons: Counter[str] = Counter()
    for entry in entries.values():
        reasons.update(entry.get("not_linked", {}))
    return dict(reasons.most_common())


# -- the run -----------------------------------------------------------------------


def measure(code: str, args: argparse.Namespace) -> dict:
    started = time.monotonic()
    judged = load_judged(args.judged / f"languages-{code}.json")
    builds = {}
    for name, settings in BUILDS.items():
        project = args.work / code / name
        docs = write_project(code, project, settings)
        out = project / "html"
        warnings = build(docs, out, fresh=True)
        chapters = sorted(p.stem for p in docs.glob("ch*.md"))
        found = read_build(out, chapters, code)
        sample = draw(found["links"], args.sample, args.seed, code, name)
        builds[name] = {
            "settings": settings,
            "autolinks": len(found["links"]),
            "by_target": dict(
                Counter(x["target"] for x in found["links"]).most_common()
            ),
            "plain": plain(out),
            "warnings": warnings,
            "sample": sample,
            "tally": tally(sample, judged),
            "links": found["links"],
        }
    return {
        "language": code,
        "seeds": len(list((SEEDS / code / "seeds").glob("*.md"))),
        "pages": len(chapters),
        "words": sum(found["words"].values()),
        "words_are": "characters" if code == "ja" else "words",
        "builds": builds,
        "seconds": round(time.monotonic() - started, 1),
    }


def write_sample(row: dict, folder: Path, seed: int) -> None:
    """The samples as ``languages-<code>.json``, keeping judgements already made."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"languages-{row['language']}.json"
    old = load_judged(path)
    data: dict = {
        "language": row["language"],
        "corpus": "Debian Reference 2.100, chapters 2, 3 and 5",
        "seed": seed,
        "builds": {},
    }
    for name, part in row["builds"].items():
        rows = []
        for link in part["sample"]:
            done = old.get(_key(link), {})
            rows.append(
                {
                    "page": link["page"],
                    "sentence": link["sentence"],
                    "text": link["text"],
                    "target": link["target"],
                    "judgement": done.get("judgement", ""),
                    "reason": done.get("reason", ""),
                }
            )
        data["builds"][name] = {
            "settings": part["settings"],
            "population": part["autolinks"],
            "sample": rows,
        }
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")


def _percent(n: int, total: int) -> str:
    return f"{n} ({n / total:.0%})" if total else "-"


def report(rows: list[dict]) -> None:
    print(
        f"{'lang':<5}{'build':<15}{'pages':>6}{'words':>8}{'links':>7}"
        f"{'sample':>7}{'helpful':>10}{'noise':>10}{'wrong':>10}{'close':>6}"
        f"{'unread':>7}"
    )
    for row in rows:
        for name, part in row["builds"].items():
            t = part["tally"]
            judged = sum(t["classes"].values())
            cells = [_percent(t["classes"].get(c, 0), judged) for c in CLASSES]
            print(
                f"{row['language']:<5}{name:<15}{row['pages']:>6}"
                f"{row['words']:>8}{part['autolinks']:>7}{len(part['sample']):>7}"
                f"{cells[0]:>10}{cells[1]:>10}{cells[2]:>10}{t['close_calls']:>6}"
                f"{len(t['unread']):>7}"
            )
    print(
        "words: characters other than spaces for Japanese. Plain mentions, by reason:"
    )
    for row in rows:
        for name, part in row["builds"].items():
            reasons = ", ".join(f"{k} {v}" for k, v in part["plain"].items())
            print(f"  {row['language']} {name}: {reasons}")
    for row in rows:
        seen = set()
        for name, part in row["builds"].items():
            unread = [x for x in part["tally"]["unread"] if _key(x) not in seen]
            seen.update(_key(x) for x in part["tally"]["unread"])
            if unread:
                print(f"\n{row['language']} {name}: {len(unread)} links to judge")
            for n, link in enumerate(unread, 1):
                print(
                    f"{n:3d}. [{link['page']} -> {link['target']}] {link['sentence']}"
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--lang", action="append", choices=LANGUAGES, help="repeatable; all by default"
    )
    parser.add_argument("--sample", type=int, default=80, metavar="N")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--sample-out", type=Path, metavar="DIR")
    parser.add_argument("--judged", type=Path, default=JUDGED, metavar="DIR")
    parser.add_argument("--work", type=Path, default=WORK, help="builds go here")
    parser.add_argument("--json", action="store_true", help="every link, as JSON")
    args = parser.parse_args(argv)
    rows = [measure(code, args) for code in args.lang or LANGUAGES]
    if args.sample_out:
        for row in rows:
            write_sample(row, args.sample_out, args.seed)
    if args.json:
        print(json.dumps(rows, indent=1, ensure_ascii=False, default=str))
    else:
        report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
