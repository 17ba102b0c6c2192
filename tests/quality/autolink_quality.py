"""Does autolinking make the links a manual's own authors made, and few others?

Four manuals of different fields, each from a Debian documentation package,
with its authors' own links as the truth, stripped before the build (one
module each, which says what it reads and what it leaves out):

- ``cpython``: CPython 3.11's glossary and tutorial (``python3.11-doc``);
- ``sqlalchemy``: SQLAlchemy 1.4's glossary and tutorials (``python-sqlalchemy-doc``);
- ``lilypond``: LilyPond's music glossary and Learning Manual (``lilypond-doc-html``);
- ``rust``: the Rust reference's glossary and pages (``rust-doc``).

Each glossary entry becomes a curated seed (MyST, links removed), the prose
pages keep the text a reader sees with the authors' links stripped to their
text, and each manual is built twice with ``python -m sphinx -q``:

1. with the default ``seed_glossary_autolink`` (entries only): the glossary
   figures. The prose pages are in this build too, as in a real project;
2. with ``seed_glossary_autolink = "all"``: the prose figures. The default
   build is needed because which entries count as common depends on the
   setting (prose units count when prose is linked).

For each manual one row: entries; the authors' links between entries, the
share of them that autolinks make (recall) and the autolinks beyond them per
author link; the prose pages and their words (text outside headings and code
in the built pages); the (page, entry) places the authors linked from prose
and the share of them made; autolinks per 1,000 words; the pages whose title
names an entry and how many of them link it; self-links (an entry linking
itself). A title names an entry when, ignoring case, it holds one of the
entry's names or that name's plural (+s, +es, y -> ies) as whole words, the
longest name winning where names overlap (*key signatures* names "key
signature", not "key"); one-letter names (LilyPond's pitch "A") are not
looked for.

    python tests/quality/autolink_quality.py [--manual NAME]... [--json]
        [--sample N --seed S [--sample-out DIR]] [--set 'NAME = VALUE']...
        [--min-recall 0.85] [--max-beyond 1.0] [--min-places 0.70]
        [--min-titles 1.0]

It exits 1 when a manual misses a threshold (the issue's goal: recall at least
0.85 and at most 1.0 autolink beyond the authors' per author link in the
glossary; at least 0.70 of the prose places; every page whose title names an
entry links it) or an entry links itself. ``--sample N`` draws, with
``--seed``, before anyone reads a link, N autolinks beyond the authors' from
the glossary and N from the prose of each manual, printed in their sentence
with the link [[like this]]; ``--sample-out DIR`` writes them as
``DIR/<manual>.json``, with an empty ``judgement`` to fill in. ``--json``
prints everything, with the missed pairs. Packages that are not installed
are downloaded once (``apt-get download``) and unpacked into
``build/quality/packages``; builds are kept in ``build/quality/<manual>``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import re
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, NavigableString, Tag
from corpus import ROOT, Corpus, build
from wordfreq import top_n_list

MANUALS = ("cpython", "sqlalchemy", "lilypond", "rust")
WORK = ROOT / "build" / "quality"
#: The line that makes the second build link prose, and the ``setting`` of the
#: judged files that hold that build's links.
ALL_PROSE = 'seed_glossary_autolink = "all"'


# -- the build -------------------------------------------------------------------


def write_project(corpus: Corpus, project: Path, settings: list[str]) -> Path:
    """Seeds, pages and conf.py of one build; returns the docs folder."""
    shutil.rmtree(project, ignore_errors=True)
    seeds = project / "seeds"
    seeds.mkdir(parents=True)
    for n, entry in enumerate(corpus.entries):
        front: dict[str, object] = {"term": entry.names[0]}
        if entry.names[1:]:
            front["aliases"] = list(entry.names[1:])
        if entry.see_also:
            front["see_also"] = list(entry.see_also)
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n\n"
        (seeds / f"{n:04d}.md").write_text(text + entry.body + "\n", encoding="utf-8")
    docs = project / "docs"
    docs.mkdir()
    (docs / "conf.py").write_text(
        'extensions = ["myst_parser", "seed_glossary", "sphinx.ext.doctest"]\n'
        'seed_glossary_seeds = "../seeds"\n'
        "suppress_warnings = ['myst', 'seed_glossary', 'ref', 'toc', 'misc']\n"
        + "".join(f"{setting}\n" for setting in settings)
    )
    names = [path.rsplit(".", 1)[0] for path in corpus.pages]
    (docs / "index.rst").write_text(
        "Manual\n======\n\n.. toctree::\n   :maxdepth: 1\n\n   glossary\n"
        + "".join(f"   {name}\n" for name in names)
    )
    (docs / "glossary.md").write_text("# Glossary\n\n```{seed-glossary}\n```\n")
    for path, text in corpus.pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    return docs


# -- reading the built pages --------------------------------------------------------


def _term(dt: Tag) -> str:
    return dt.get_text().replace("¶", "").strip()


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


_NOT_PROSE = "pre, code, kbd, h1, h2, h3, h4, h5, h6, .headerlink"


def read_build(out: Path, pages: list[str]) -> dict:
    """Every autolink (page, entry it is in, target, context), self-links, and
    for each prose page its title and words."""
    glossary = BeautifulSoup((out / "glossary.html").read_text(), "html.parser")
    names_by_id = {
        dt["id"]: _term(dt) for dt in glossary.select("dl.glossary > dt[id]")
    }
    headword, current = {}, ""
    for dt in glossary.select("dl.glossary > dt"):
        if "sg-term" in dt.get("class", []) or "sg-alias" not in dt.get("class", []):
            current = _term(dt)
        headword[_term(dt).lower()] = current.lower()
    links, self_links, titles, words = [], 0, {}, {}
    for page in ["glossary", *pages]:
        soup = BeautifulSoup((out / f"{page}.html").read_text(), "html.parser")
        for span in soup.select("a.reference.internal > span.sg-autolink"):
            a = span.parent
            target_name = names_by_id.get(a["href"].split("#")[-1], "").lower()
            target = headword.get(target_name, target_name)
            entry = None
            dd = a.find_parent("dd")
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
        if page != "glossary":
            body = soup.select_one("div.body") or soup.body
            h1 = body.find("h1")
            titles[page] = _term(h1) if h1 else ""
            for tag in body.select(
                "pre, code, kbd, h1, h2, h3, h4, h5, h6, .headerlink"
            ):
                tag.decompose()
            words[page] = len(body.get_text(" ").split())
    return {"links": links, "self_links": self_links, "titles": titles, "words": words}


# -- titles ---------------------------------------------------------------------


def _plurals(name: str) -> list[str]:
    forms = [name, name + "s", name + "es"]
    if name.endswith("y") and len(name) > 1:
        forms.append(name[:-1] + "ies")
    return forms


def title_entries(title: str, names: dict[str, str]) -> set[str]:
    """Headwords of the entries a title names (see the module's docstring)."""
    text = title.lower()
    spans = []
    for name, head in names.items():
        if len(name) < 2:
            continue
        for form in _plurals(name):
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                spans.append((m.start(), m.end(), head))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: list[tuple[int, int]] = []
    found = set()
    for start, end, head in spans:
        if all(end <= a or start >= b for a, b in taken):
            taken.append((start, end))
            # A name another word qualifies is not what the page is about:
            # "Call expressions" names *call expression*, not *expression*.
            before = re.findall(r"\w+", text[:start])
            if not before or before[-1] in _FUNCTION_WORDS:
                found.add(head)
    return found


# The language's most frequent words (articles, prepositions), which qualify
# nothing: "Creating a Database" is about databases.
_FUNCTION_WORDS = frozenset(top_n_list("en", 100, wordlist="small"))


# -- the figures ----------------------------------------------------------------


def _share(made: int, total: int) -> float:
    return round(made / total, 4) if total else 1.0


def measure(corpus: Corpus, settings: list[str], workdir: Path, started: float) -> dict:
    """Both builds of one manual and every figure of its row (*started*: when
    reading the manual began, for its time)."""
    pages = [path.rsplit(".", 1)[0] for path in corpus.pages]
    read = {}
    warnings = {}
    for build_name, extra in (
        ("default", []),
        ("all", [ALL_PROSE]),
    ):
        docs = write_project(corpus, workdir / build_name, [*extra, *settings])
        out = workdir / build_name / "html"
        warnings[build_name] = build(docs, out)
        read[build_name] = read_build(out, pages)
    names = {n.lower(): e.names[0].lower() for e in corpus.entries for n in e.names}

    inline_named, inline_unnamed = named_in_definitions(corpus)
    glossary_truth = inline_named | see_also_named(corpus)

    def glossary_part(found: dict) -> dict:
        links = [x for x in found["links"] if x["entry"] is not None]
        made = {(x["entry"], x["target"]) for x in links}
        truth = glossary_truth
        beyond = [x for x in links if (x["entry"], x["target"]) not in truth]
        see_also = {
            (entry.names[0].lower(), other.lower())
            for entry in corpus.entries
            for other in entry.see_also
        }
        return {
            "author_links": len(truth),
            "inline_author_links": len(corpus.glossary_truth),
            # inline links whose text is not the entry's name ("appears
            # uncovered" for *uncovered type*): no autolink can make them
            "inline_unnamed": sorted(inline_unnamed),
            "made": len(truth & made),
            "recall": _share(len(truth & made), len(truth)),
            "autolinks": len(links),
            "beyond": len(beyond),
            "beyond_per_author_link": round(len(beyond) / len(truth), 2)
            if truth
            else None,
            # beyond the authors' inline links, but to an entry of the
            # source's "See also" list of the same entry
            "beyond_in_see_also": sum(
                (x["entry"], x["target"]) in see_also for x in beyond
            ),
            "self_links": found["self_links"],
            "missed": sorted(truth - made),
        }

    every = read["all"]
    prose_links = [x for x in every["links"] if x["page"] != "glossary"]
    made = {(x["page"], x["target"]) for x in prose_links}
    unmentioned = _unmentioned(corpus)
    truth = corpus.prose_truth - set(unmentioned)
    words = sum(every["words"].values())
    titled = {}
    forms = _forms(corpus)
    texts = {path.rsplit(".", 1)[0]: text for path, text in corpus.pages.items()}
    for page, title in every["titles"].items():
        for head in title_entries(title, names):
            # Only where the page's text names the entry, besides its title.
            body = texts.get(page, "").partition("\n")[2]
            if _names(body, forms.get(head, [])):
                titled[(page, head)] = (page, head) in made
    prose = {
        "pages": len(pages),
        "words": words,
        "author_places": len(truth),
        "author_places_unnamed": len(unmentioned),
        "made": len(truth & made),
        "places_share": _share(len(truth & made), len(truth)),
        "autolinks": len(prose_links),
        "beyond": sum((x["page"], x["target"]) not in truth for x in prose_links),
        "per_1000_words": round(1000 * len(prose_links) / words, 2) if words else 0,
        "title_pages": len(titled),
        "title_pages_linked": sum(titled.values()),
        "title_missed": sorted(f"{p}: {h}" for (p, h), ok in titled.items() if not ok),
        "missed": sorted(truth - made),
        "unmentioned_places": sorted(unmentioned),
    }
    beyond = {
        "glossary": [
            x
            for x in read["default"]["links"]
            if x["entry"] is not None
            and (x["entry"], x["target"]) not in glossary_truth
        ],
        "prose": [x for x in prose_links if (x["page"], x["target"]) not in truth],
    }
    return {
        "manual": corpus.name,
        "field": corpus.field,
        "entries": len(corpus.entries),
        "glossary": glossary_part(read["default"]),
        "glossary_with_all": glossary_part(every),
        "prose": prose,
        "self_links": read["default"]["self_links"] + every["self_links"],
        "unresolved_author_links": corpus.unresolved,
        "limits": corpus.limits,
        "notes": corpus.notes,
        "warnings": warnings,
        "seconds": round(time.monotonic() - started, 1),
        "_beyond": beyond,
    }


def _forms(corpus: Corpus) -> dict[str, list[str]]:
    """Each headword (folded) -> every name of its entry, singular and plural."""
    return {
        entry.names[0].lower(): [f for n in entry.names for f in _plurals(n.lower())]
        for entry in corpus.entries
    }


def _names(text: str, forms: list[str]) -> bool:
    text = " ".join(text.lower().split())
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text) for f in forms)


def named_in_definitions(
    corpus: Corpus,
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """The authors' inline links between entries, split: those whose entry's
    definition names the target (a name or its plural), and the others."""
    forms = _forms(corpus)
    bodies = {entry.names[0].lower(): entry.body for entry in corpus.entries}
    named = {
        (source, target)
        for source, target in corpus.glossary_truth
        if _names(bodies.get(source, ""), forms.get(target, []))
    }
    return named, corpus.glossary_truth - named


def see_also_named(corpus: Corpus) -> set[tuple[str, str]]:
    """The authors' "See also" links of each entry whose definition names the
    entry linked to: the other links its authors made from it, where an
    autolink can make them (a glossary such as LilyPond's links mostly so)."""
    forms = _forms(corpus)
    heads = corpus.headword()
    out = set()
    for entry in corpus.entries:
        for other in entry.see_also:
            head = heads.get(other.lower())
            if head and _names(entry.body, forms.get(head, [])):
                out.add((entry.names[0].lower(), head))
    return out


def _unmentioned(corpus: Corpus) -> list[tuple[str, str]]:
    """Authors' prose places whose entry is not named (a name or its plural) in
    the page's text: no autolink can make them (the link's text was another
    word, or a dropped link list was the only mention). They are left out of
    the places measured, and counted."""
    forms = _forms(corpus)
    texts = {path.rsplit(".", 1)[0]: text for path, text in corpus.pages.items()}
    return [
        (page, head)
        for page, head in corpus.prose_truth
        if not _names(texts.get(page, ""), forms.get(head, []))
    ]


#: The checks of :func:`verdict`, as ``--known-miss`` names them.
CHECKS = ("recall", "beyond", "places", "titles", "self-links")


def verdict(row: dict, args: argparse.Namespace) -> list[tuple[str, str]]:
    """The thresholds this manual misses: ``(check, what)`` pairs."""
    g, p = row["glossary"], row["prose"]
    missed = []
    if g["recall"] < args.min_recall:
        missed.append(
            ("recall", f"glossary recall {g['recall']:.1%} < {args.min_recall:.0%}")
        )
    if g["beyond_per_author_link"] is not None and (
        g["beyond_per_author_link"] > args.max_beyond
    ):
        missed.append(
            (
                "beyond",
                f"glossary beyond per author link {g['beyond_per_author_link']} "
                f"> {args.max_beyond}",
            )
        )
    if p["places_share"] < args.min_places:
        missed.append(
            ("places", f"prose places {p['places_share']:.1%} < {args.min_places:.0%}")
        )
    if p["title_pages"] and (
        p["title_pages_linked"] / p["title_pages"] < args.min_titles
    ):
        missed.append(
            (
                "titles",
                f"title pages linked {p['title_pages_linked']}/{p['title_pages']}",
            )
        )
    if row["self_links"]:
        missed.append(("self-links", f"{row['self_links']} self-links"))
    return missed


def failing(row: dict, known: list[str]) -> list[str]:
    """The misses that fail the run: those not named by ``--known-miss``."""
    return [
        what
        for check, what in row["missed_thresholds"]
        if f"{row['manual']}:{check}" not in known
    ]


# -- the sample -----------------------------------------------------------------


def draw(row: dict, n: int, seed: int) -> dict:
    """N autolinks beyond the authors' from the glossary and N from the prose,
    drawn from the whole of each before anyone reads them."""
    out = {}
    for part in ("glossary", "prose"):
        population = row["_beyond"][part]
        rng = random.Random(f"{seed}:{row['manual']}:{part}")
        picked = rng.sample(population, min(n, len(population)))
        out[part] = {
            "population": len(population),
            "sample": [{**x, "judgement": ""} for x in picked],
        }
    return out


def _link_key(link: dict) -> tuple:
    return (link["page"], link["entry"], link["target"], link["context"])


def _judged_apart(path: Path, part: str) -> dict[tuple, dict]:
    """The rows judged outside the random sample, by link: each file of the
    manual's name in a folder beside *path* (``introduced/``, ``all/``) holds
    links that some build made and no sample held, every one read."""
    rows: dict[tuple, dict] = {}
    for other in sorted(path.parent.glob(f"*/{path.name}")):
        data = json.loads(other.read_text(encoding="utf-8"))
        for judged_row in data[part]["sample"]:
            rows.setdefault(_link_key(judged_row), judged_row)
    return rows


def rejudge(row: dict, path: Path, settings: list[str]) -> None:
    """Mark each judged row of *path* still linked or not by this build, and
    print the judged counts of the rows still linked, those of the links judged
    apart (:func:`_judged_apart`), and the links of this build that no row holds
    (a person must read those: ``JUDGING.md``). The rows judged apart for this
    run's *settings* (a file's ``setting``) are marked too; *path* itself only
    by a run without settings, the build its sample was drawn from."""
    _mark_apart(row, path, settings)
    data = json.loads(path.read_text(encoding="utf-8"))
    for part in ("glossary", "prose"):
        made = Counter(_link_key(x) for x in row["_beyond"][part])
        judged = set()
        for judged_row in data[part]["sample"]:
            judged_row["still_linked"] = _link_key(judged_row) in made
            judged.add(_link_key(judged_row))
        still = [r for r in data[part]["sample"] if r["still_linked"]]
        count = Counter(r["judgement"] for r in still)
        apart = _judged_apart(path, part)
        others = [x for x in row["_beyond"][part] if _link_key(x) not in judged]
        read_apart = Counter(
            apart[_link_key(x)]["judgement"] for x in others if _link_key(x) in apart
        )
        unread = [x for x in others if _link_key(x) not in apart]
        every = count + read_apart
        print(
            f"{row['manual']} {part}: {len(still)} of {len(data[part]['sample'])} "
            f"judged rows still linked (helpful {count['helpful']}, noise "
            f"{count['noise']}, wrong {count['wrong']}); {len(row['_beyond'][part])} "
            f"beyond the authors', {read_apart.total()} of them judged apart "
            f"(helpful {read_apart['helpful']}, noise {read_apart['noise']}, wrong "
            f"{read_apart['wrong']}), {len(unread)} in no judged row"
            + (
                f"; every link judged: {_shares(every)}"
                if not unread and every.total()
                else ""
            ),
            file=sys.stderr,
        )
        for link in unread:
            print(
                f"  unread: {link['page']} → {link['target']}: {link['context']}",
                file=sys.stderr,
            )
    if not settings:
        # The samples were drawn from the default build: a run with other
        # settings counts against them but does not mark them.
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False))


def _mark_apart(row: dict, path: Path, settings: list[str]) -> None:
    """Mark still_linked in the files beside *path* that hold the links of a
    build with these *settings*: the samples page shows which rows, judged for
    an older build, this one no longer makes."""
    own = set(settings) or {ALL_PROSE}
    beyond = row["_beyond"]
    made = {part: {_link_key(x) for x in links} for part, links in beyond.items()}
    for other in sorted(path.parent.glob(f"*/{path.name}")):
        data = json.loads(other.read_text(encoding="utf-8"))
        if data.get("setting") not in own:
            continue
        for part in ("glossary", "prose"):
            for judged_row in data[part]["sample"]:
                judged_row["still_linked"] = _link_key(judged_row) in made[part]
        other.write_text(json.dumps(data, indent=1, ensure_ascii=False))


def _shares(count: Counter) -> str:
    """helpful / noise / wrong sense as shares of the links counted."""
    total = count.total()
    return (
        " / ".join(
            f"{name} {100 * count[name] / total:.1f}%"
            for name in ("helpful", "noise", "wrong")
        )
        + f" of {total}"
    )


# -- output -----------------------------------------------------------------------

_HEADER = (
    f"{'manual':<11}{'entries':>8}{'gl.links':>9}{'recall':>8}{'beyond/l':>9}"
    f"{'pages':>6}{'words':>8}{'places':>10}{'share':>7}{'/1k w':>7}"
    f"{'titles':>8}{'self':>5}{'secs':>6}"
)


def _row(r: dict) -> str:
    g, p = r["glossary"], r["prose"]
    beyond = "-" if g["beyond_per_author_link"] is None else g["beyond_per_author_link"]
    places = f"{p['made']}/{p['author_places']}"
    titles = f"{p['title_pages_linked']}/{p['title_pages']}"
    return (
        f"{r['manual']:<11}{r['entries']:>8}{g['author_links']:>9}"
        f"{g['recall']:>8.1%}{beyond:>9}{p['pages']:>6}{p['words']:>8}"
        f"{places:>10}{p['places_share']:>7.1%}{p['per_1000_words']:>7}"
        f"{titles:>8}{r['self_links']:>5}{r['seconds']:>6}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--manual", action="append", choices=MANUALS, help="repeatable; all by default"
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sample", type=int, default=0, metavar="N")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample-out", type=Path, metavar="DIR")
    parser.add_argument(
        "--rejudge",
        type=Path,
        metavar="DIR",
        help="mark which judged rows in DIR/<manual>.json this build still links "
        "(still_linked) and count them; list the links beyond the authors' that "
        "no judged sample holds",
    )
    parser.add_argument("--min-recall", type=float, default=0.85)
    parser.add_argument("--max-beyond", type=float, default=1.0)
    parser.add_argument("--min-places", type=float, default=0.70)
    parser.add_argument("--min-titles", type=float, default=1.0)
    parser.add_argument("--work", type=Path, default=WORK, help="builds go here")
    parser.add_argument(
        "--known-miss",
        action="append",
        default=[],
        metavar="MANUAL:CHECK",
        help="a miss published in the manual, reported but not failing the run "
        f"(checks: {', '.join(CHECKS)})",
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a line added to the projects' conf.py, to try other settings",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    rows, samples = [], {}
    if not args.json:
        print(_HEADER, flush=True)
    for name in args.manual or MANUALS:
        began = time.monotonic()
        corpus = importlib.import_module(name).corpus()
        row = measure(corpus, args.set, args.work / name, began)
        row["missed_thresholds"] = verdict(row, args)
        if args.sample:
            samples[name] = draw(row, args.sample, args.seed)
        if args.rejudge:
            rejudge(row, args.rejudge / f"{name}.json", args.set)
        rows.append(row)
        if not args.json:
            print(_row(row), flush=True)
    wall = round(time.monotonic() - started, 1)
    if args.sample_out:
        args.sample_out.mkdir(parents=True, exist_ok=True)
        for name, sample in samples.items():
            (args.sample_out / f"{name}.json").write_text(
                json.dumps(
                    {"manual": name, "seed": args.seed, **sample},
                    indent=2,
                    ensure_ascii=False,
                )
                + "\n"
            )
    if args.json:
        for row in rows:
            del row["_beyond"]
            if row["manual"] in samples:
                row["sample"] = samples[row["manual"]]
        print(json.dumps({"rows": rows, "seconds": wall}, indent=2, ensure_ascii=False))
    else:
        _report(rows, samples, wall, args.known_miss)
    return 1 if any(failing(row, args.known_miss) for row in rows) else 0


def _report(
    rows: list[dict], samples: dict, wall: float, known_misses: list[str]
) -> None:
    print(
        "\ngl.links: authors' links between entries; recall: share of them made "
        "(default build);\nbeyond/l: glossary autolinks beyond the authors' per "
        "author link; pages, words: prose;\nplaces: authors' (page, entry) places "
        "made/all (autolink = all); /1k w: prose autolinks\nper 1,000 words; "
        "titles: pages whose title names an entry that link it; secs: reading the\n"
        "manual and both builds. The glossary in the autolink = all build:"
    )
    for row in rows:
        g = row["glossary_with_all"]
        print(
            f"  {row['manual']}: {g['made']}/{g['author_links']} made "
            f"({g['recall']:.1%}), {g['beyond']} beyond "
            f"({g['beyond_per_author_link']} per author link)"
        )
    print("Thresholds missed:" if any(r["missed_thresholds"] for r in rows) else "")
    for row in rows:
        for check, what in row["missed_thresholds"]:
            known = f"{row['manual']}:{check}" in known_misses
            note = " (known, published in the manual)" if known else ""
            print(f"  {row['manual']}: {what}{note}")
    print(f"wall time: {wall} s")
    for name, sample in samples.items():
        for part in ("glossary", "prose"):
            s = sample[part]
            print(
                f"\n{name} {part}: {len(s['sample'])} of {s['population']} "
                "autolinks beyond the authors' (drawn at random)"
            )
            for n, link in enumerate(s["sample"], 1):
                where = link["entry"] or link["page"]
                print(f"{n:3d}. [{where} -> {link['target']}] {link['context']}")


if __name__ == "__main__":
    sys.exit(main())
