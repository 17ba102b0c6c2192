"""How many of a real glossary's own cross-links does autolinking recover?

The truth is CPython's glossary (Debian's ``python3.11-doc`` package ships it
built as HTML): its authors link entries to each other by hand with ``:term:``.
This script turns every entry into a structured seed with the links removed,
builds a glossary from those seeds with autolinking on, and compares the
entry-to-entry links it makes with the authors' links.

    python tests/quality/autolink_recall.py [GLOSSARY_HTML]

Without an argument it downloads the Debian package (``apt-get download``)
into a temporary folder. It prints recall, precision and the self-link count,
and exits 1 when recall is under 90% or any entry links to itself.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, NavigableString, Tag

PACKAGE = "python3.11-doc"
GLOSSARY = "usr/share/doc/python3.11/html/glossary.html"


def fetch_glossary(workdir: Path) -> Path:
    """Download and unpack the Debian package; return its glossary.html."""
    subprocess.run(["apt-get", "download", PACKAGE], cwd=workdir, check=True)
    (deb,) = workdir.glob(f"{PACKAGE}_*.deb")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(workdir / "x")], check=True)
    return workdir / "x" / GLOSSARY


def _term(dt: Tag) -> str:
    return dt.get_text().replace("¶", "").strip()


def read_entries(html: str) -> tuple[list[dict], set[tuple[str, str]]]:
    """Entries (term, aliases, markdown) and the authors' links between them."""
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
    """The definition as MyST with every link turned into its text."""
    blocks = []
    for child in dd.children:
        if isinstance(child, NavigableString):
            if child.strip():
                blocks.append(child.strip())
        elif child.name == "div" and "highlight" in " ".join(child.get("class", [])):
            blocks.append("```text\n" + child.get_text().rstrip() + "\n```")
        elif child.name in ("ul", "ol"):
            blocks.append("\n".join(f"- {_inline(li)}" for li in child.find_all("li")))
        else:
            blocks.append(_inline(child))
    return "\n\n".join(b for b in blocks if b)


def _inline(node: Tag) -> str:
    out = []
    for piece in node.descendants:
        if isinstance(piece, NavigableString) and not any(
            p.name in ("code", "pre") for p in piece.parents if isinstance(p, Tag)
        ):
            out.append(str(piece))
        elif isinstance(piece, Tag) and piece.name == "code":
            out.append(f"`{piece.get_text()}`")
    text = " ".join("".join(out).split())
    # Keep MyST from reading text as markup: the seed is a fixture, not markup.
    return text.replace("*", "\\*").replace("<", "\\<").replace("{", "\\{")


def build(entries: list[dict], project: Path) -> Path:
    seeds = project / "seeds"
    seeds.mkdir(parents=True)
    for n, entry in enumerate(entries):
        front = {"term": entry["names"][0]}
        if entry["names"][1:]:
            front["aliases"] = entry["names"][1:]
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n\n"
        (seeds / f"{n:04d}.md").write_text(text + entry["markdown"] + "\n")
    docs = project / "docs"
    docs.mkdir()
    (docs / "conf.py").write_text(
        'extensions = ["myst_parser", "seed_glossary"]\n'
        'suppress_warnings = ["myst", "seed_glossary"]\n'
    )
    (docs / "index.md").write_text("# Glossary\n\n```{seed-glossary}\n```\n")
    out = project / "html"
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(docs), str(out)],
        check=True,
    )
    return out


def autolinks(out: Path) -> tuple[set[tuple[str, str]], int]:
    soup = BeautifulSoup((out / "index.html").read_text(), "html.parser")
    glossary = soup.select_one("dl.glossary")
    names_by_id = {dt["id"]: _term(dt) for dt in glossary.find_all("dt")}
    pairs, self_links = set(), 0
    for dt in glossary.select("dt.sg-term"):
        dd = dt.find_next_sibling("dd")
        source = _term(dt)
        own = {_term(d).lower() for d in _group(dt)}
        for a in dd.select("a.reference.internal"):
            if not a.find("span", class_="sg-autolink"):
                continue
            target = names_by_id.get(a["href"].lstrip("#"), "").lower()
            if target in own:
                self_links += 1
            pairs.add((source.lower(), target))
    return pairs, self_links


def _group(dt: Tag) -> list[Tag]:
    group = [dt]
    sibling = dt.find_next_sibling()
    while sibling is not None and sibling.name == "dt":
        group.append(sibling)
        sibling = sibling.find_next_sibling()
    return group


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("glossary_html", nargs="?", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        source = args.glossary_html or fetch_glossary(workdir)
        entries, truth = read_entries(source.read_text(encoding="utf-8"))
        found, self_links = autolinks(build(entries, workdir / "project"))
    hits = truth & found
    result = {
        "entries": len(entries),
        "author_links": len(truth),
        "autolinks": len(found),
        "recovered": len(hits),
        "recall": round(len(hits) / len(truth), 4) if truth else 1.0,
        "precision": round(len(hits) / len(found), 4) if found else 1.0,
        "self_links": self_links,
        "missed": sorted(truth - found),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for name in ("entries", "author_links", "autolinks", "recovered"):
            print(f"{name}: {result[name]}")
        print(f"recall: {result['recall']:.1%}  precision: {result['precision']:.1%}")
        print(f"self-links: {self_links}")
        for source, target in result["missed"]:
            print(f"  missed: {source} -> {target}")
    return 0 if result["recall"] >= 0.9 and not self_links else 1


if __name__ == "__main__":
    sys.exit(main())
