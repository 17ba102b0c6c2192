"""Does autolinking make the links a manual's own authors made, and few others?

The truth is CPython's documentation (Debian's ``python3.11-doc`` package
ships it built, with its sources): its glossary of about 130 entries, whose
authors link entries to each other by hand, and its tutorial, 17 pages whose
authors wrote ``:term:`` links. This script turns every glossary entry into a
curated seed (MyST, wrapped at 79 columns, links removed), strips the
``:term:`` roles of the tutorial down to their text, builds both with
``seed_glossary_autolink = "all"``, and compares the links it makes with the
authors' links, as (entry, entry) pairs in the glossary and (page, entry)
pairs in the tutorial.

    python tests/quality/autolink_quality.py [--docs DIR] [--json]
        [--sample N] [--seed S] [--min-recall 0.85]

``--docs`` is the package's HTML folder (``/usr/share/doc/python3.11/html``
when the package is installed; otherwise it is downloaded with ``apt-get
download`` into a temporary folder). It prints, for each part, the share of
the authors' links made (recall) and the autolinks made per author link, and
with ``--sample`` a random sample of the autolinks beyond the authors' own,
each in its context, to be judged by hand. It exits 1 when recall is under
``--min-recall`` or an entry links to itself.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, NavigableString, Tag

PACKAGE = "python3.11-doc"
INSTALLED = Path("/usr/share/doc/python3.11/html")
_TERM_ROLE = re.compile(r":term:`([^`<]*?)(?:\s*<([^`>]*)>)?`")
# Index directives of 3.11's sources use a syntax Sphinx 8 refuses; they hold
# no prose, so they are dropped.
_INDEX = re.compile(r"^\.\. index::.*\n(?:[ \t]+\S.*\n|[ \t]*\n(?=[ \t]+\S))*", re.M)


def docs_folder(workdir: Path) -> Path:
    """The installed documentation, or the Debian package unpacked in *workdir*."""
    if (INSTALLED / "glossary.html").is_file():
        return INSTALLED
    subprocess.run(["apt-get", "download", PACKAGE], cwd=workdir, check=True)
    (deb,) = workdir.glob(f"{PACKAGE}_*.deb")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(workdir / "x")], check=True)
    return workdir / "x" / INSTALLED.relative_to("/")


# -- the glossary ----------------------------------------------------------------


def _term(dt: Tag) -> str:
    return dt.get_text().replace("¶", "").strip()


def read_glossary(html: str) -> tuple[list[dict], set[tuple[str, str]]]:
    """Entries (names, markdown) and the authors' links between them (headwords)."""
    glossary = BeautifulSoup(html, "html.parser").select_one("dl.glossary")
    entries, ids, pending = [], {}, []
    for child in glossary.find_all(["dt", "dd"], recursive=False):
        if child.name == "dt":
            pending.append(child)
            continue
        names = [_term(dt) for dt in pending]
        for dt in pending:
            ids[dt["id"]] = names[0]
        entries.append({"names": names, "dd": child})
        pending = []
    truth = set()
    for entry in entries:
        for a in entry["dd"].select("a.reference.internal"):
            href = a.get("href", "")
            target = ids.get(href[1:]) if href.startswith("#") else None
            if target and target != entry["names"][0]:
                truth.add((entry["names"][0].lower(), target.lower()))
        entry["markdown"] = to_markdown(entry["dd"])
    return entries, truth


def to_markdown(dd: Tag) -> str:
    """The definition as MyST, every link turned into its text, lines wrapped."""
    blocks = []
    for child in dd.children:
        if isinstance(child, NavigableString):
            if child.strip():
                blocks.append(_wrap(child.strip()))
        elif child.name == "div" and "highlight" in " ".join(child.get("class", [])):
            blocks.append("```text\n" + child.get_text().rstrip() + "\n```")
        elif child.name in ("ul", "ol"):
            blocks.append(
                "\n".join(_wrap(_inline(li), "- ", "  ") for li in child.find_all("li"))
            )
        else:
            blocks.append(_wrap(_inline(child)))
    return "\n\n".join(b for b in blocks if b)


def _wrap(text: str, first: str = "", rest: str = "") -> str:
    # Wrapped as authors wrap their source: names break across lines.
    return textwrap.fill(
        text,
        79,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
        break_long_words=False,
    )


def _inline(node: Tag) -> str:
    out = []
    for piece in node.descendants:
        if isinstance(piece, NavigableString) and not any(
            p.name in ("code", "pre", "kbd")
            for p in piece.parents
            if isinstance(p, Tag)
        ):
            out.append(str(piece))
        elif isinstance(piece, Tag) and piece.name == "code":
            out.append(f"`{piece.get_text()}`")
        elif isinstance(piece, Tag) and piece.name == "kbd":
            out.append(f"{{kbd}}`{piece.get_text()}`")
    text = " ".join("".join(out).split())
    # Keep MyST from reading text as markup: the seed is a fixture, not markup.
    return text.replace("*", "\\*").replace("<", "\\<").replace("{k", "\0k")


# -- the tutorial ----------------------------------------------------------------


def read_tutorial(sources: Path) -> tuple[dict[str, str], set[tuple[str, str]]]:
    """Each tutorial page with its ``:term:`` roles stripped, and the links."""
    pages, truth = {}, set()
    for path in sorted((sources / "tutorial").glob("*.rst.txt")):
        page = "tutorial/" + path.name.removesuffix(".rst.txt")
        text = path.read_text(encoding="utf-8")
        for match in _TERM_ROLE.finditer(text):
            truth.add((page, (match.group(2) or match.group(1)).strip().lower()))
        text = _INDEX.sub("", text)
        pages[page] = _TERM_ROLE.sub(lambda m: m.group(1).strip(), text)
    return pages, truth


# -- the build -------------------------------------------------------------------


def build(
    entries: list[dict], pages: dict[str, str], project: Path, settings: list[str]
) -> Path:
    seeds = project / "seeds"
    seeds.mkdir(parents=True)
    for n, entry in enumerate(entries):
        front = {"term": entry["names"][0]}
        if entry["names"][1:]:
            front["aliases"] = entry["names"][1:]
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n\n"
        body = entry["markdown"].replace("\0k", "{k")
        (seeds / f"{n:04d}.md").write_text(text + body + "\n")
    docs = project / "docs"
    (docs / "tutorial").mkdir(parents=True)
    (docs / "conf.py").write_text(
        'extensions = ["myst_parser", "seed_glossary", "sphinx.ext.doctest"]\n'
        'seed_glossary_seeds = "../seeds"\nseed_glossary_autolink = "all"\n'
        "suppress_warnings = ['myst', 'seed_glossary', 'ref', 'toc', 'misc']\n"
        + "".join(f"{setting}\n" for setting in settings)
    )
    (docs / "index.rst").write_text(
        "Manual\n======\n\n.. toctree::\n\n   glossary\n   tutorial/index\n"
    )
    (docs / "glossary.md").write_text("# Glossary\n\n```{seed-glossary}\n```\n")
    for page, text in pages.items():
        (docs / f"{page}.rst").write_text(text, encoding="utf-8")
    out = project / "html"
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(docs), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"the build failed:\n{done.stderr[-3000:]}")
    return out


def _context(a: Tag, width: int = 70) -> str:
    """The link's words in brackets, with the text around it in its block."""
    block = a.find_parent(["p", "li", "dd", "td"]) or a.parent
    before, after, inside = [], [], False
    for piece in block.descendants:
        if piece is a:
            inside = True
        elif isinstance(piece, NavigableString):
            if inside and a in piece.parents:
                continue
            (after if inside else before).append(str(piece))
    head = " ".join("".join(before).split())
    tail = " ".join("".join(after).split())
    word = " ".join(a.get_text().split())
    gap_before = " " if "".join(before)[-1:].isspace() else ""
    gap_after = " " if "".join(after)[:1].isspace() else ""
    return f"{head[-width:]}{gap_before}[[{word}]]{gap_after}{tail[:width]}"


def autolinks(out: Path) -> tuple[list[dict], int]:
    """Every autolink: its page, the entry it is in, its target; self-links."""
    glossary = BeautifulSoup((out / "glossary.html").read_text(), "html.parser")
    names_by_id = {
        dt["id"]: _term(dt) for dt in glossary.select("dl.glossary > dt[id]")
    }
    headword = {}
    for dt in glossary.select("dl.glossary > dt"):
        if "sg-term" in dt.get("class", []) or "sg-alias" not in dt.get("class", []):
            current = _term(dt)
        headword[_term(dt).lower()] = current.lower()
    links, self_links = [], 0
    for path in sorted(out.rglob("*.html")):
        page = path.relative_to(out).with_suffix("").as_posix()
        soup = BeautifulSoup(path.read_text(), "html.parser")
        for span in soup.select("a.reference.internal > span.sg-autolink"):
            a = span.parent
            target_name = names_by_id.get(a["href"].split("#")[-1], "").lower()
            target = headword.get(target_name, target_name)
            dd = a.find_parent("dd")
            entry = None
            if page == "glossary" and dd is not None:
                dt = dd.find_previous_sibling("dt")
                while dt is not None and "sg-alias" in dt.get("class", []):
                    dt = dt.find_previous_sibling("dt")
                entry = _term(dt).lower() if dt is not None else None
                if entry == target:
                    self_links += 1
            links.append(
                {
                    "page": page,
                    "entry": entry,
                    "target": target,
                    "text": a.get_text(),
                    "context": _context(a),
                }
            )
    return links, self_links


def _part(truth: set[tuple[str, str]], made: set[tuple[str, str]], links: int) -> dict:
    hits = truth & made
    return {
        "author_links": len(truth),
        "made": len(hits),
        "recall": round(len(hits) / len(truth), 4) if truth else 1.0,
        "autolinks": links,
        "autolinks_per_author_link": round(links / len(truth), 2) if truth else 0,
        "missed": sorted(truth - made),
    }


def measure(
    docs: Path, workdir: Path, settings: list[str] = ()
) -> tuple[dict, list[dict]]:
    entries, glossary_truth = read_glossary((docs / "glossary.html").read_text())
    pages, tutorial_truth = read_tutorial(docs / "_sources")
    headword = {n.lower(): e["names"][0].lower() for e in entries for n in e["names"]}
    tutorial_truth = {(p, headword.get(t, t)) for p, t in tutorial_truth}
    links, self_links = autolinks(
        build(entries, pages, workdir / "project", list(settings))
    )
    in_glossary = [x for x in links if x["entry"] is not None]
    in_tutorial = [x for x in links if x["page"].startswith("tutorial/")]
    result = {
        "entries": len(entries),
        "glossary": _part(
            glossary_truth,
            {(x["entry"], x["target"]) for x in in_glossary},
            len(in_glossary),
        ),
        "tutorial": _part(
            tutorial_truth,
            {(x["page"], x["target"]) for x in in_tutorial},
            len(in_tutorial),
        ),
        "self_links": self_links,
    }
    beyond = [
        x
        for x in links
        if (x["entry"], x["target"]) not in glossary_truth
        and (x["page"], x["target"]) not in tutorial_truth
    ]
    return result, beyond


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--min-recall", type=float, default=0.85)
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a line added to the project's conf.py, to try other settings",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        result, beyond = measure(args.docs or docs_folder(workdir), workdir, args.set)
    sample = random.Random(args.seed).sample(beyond, min(args.sample, len(beyond)))
    if args.json:
        print(json.dumps({**result, "sample": sample}, indent=2, ensure_ascii=False))
    else:
        print(f"entries: {result['entries']}  self-links: {result['self_links']}")
        for part in ("glossary", "tutorial"):
            r = result[part]
            print(
                f"{part}: {r['made']} of {r['author_links']} author links made "
                f"({r['recall']:.1%}); {r['autolinks']} autolinks, "
                f"{r['autolinks_per_author_link']} per author link"
            )
            for source, target in r["missed"]:
                print(f"  missed: {source} -> {target}")
        for n, link in enumerate(sample, 1):
            where = link["entry"] or link["page"]
            print(f"{n:3d}. [{where} -> {link['target']}] {link['context']}")
    recall = min(result["glossary"]["recall"], result["tutorial"]["recall"])
    return 0 if recall >= args.min_recall and not result["self_links"] else 1


if __name__ == "__main__":
    sys.exit(main())
