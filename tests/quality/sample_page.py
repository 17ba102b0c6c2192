"""Write the manual's page of judged autolink samples from the judged files.

Each judged file is what ``autolink_quality.py --sample-out`` wrote, with a
``judgement`` (helpful, noise, wrong) and a ``reason`` added to every row by a
person who read it (``../shared/JUDGING.md``: the sample is drawn at random
before anyone reads it). A file with a ``setting`` holds the links that a
build with that setting makes and no sample holds, every one of them judged
(``--rejudge`` lists them).

    cd tests/quality/judged
    python ../sample_page.py {cpython,sqlalchemy,lilypond,rust}.json \
        all/{cpython,sqlalchemy,lilypond,rust}.json \
        introduced/{cpython,sqlalchemy,lilypond,rust}.json \
        tried/{cpython,sqlalchemy,lilypond,rust}.json \
        > ../../../docs/autolink-samples.md
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

CLASSES = ("helpful", "noise", "wrong")
TITLES = {
    "cpython": "CPython 3.11",
    "sqlalchemy": "SQLAlchemy 1.4",
    "lilypond": "LilyPond's Music Glossary and Learning Manual",
    "rust": "The Rust reference",
}


def _cell(text: str) -> str:
    """Table-safe text: no pipes, no markup read by MyST."""
    for plain, escaped in (("\\", "\\\\"), ("|", "\\|"), ("*", "\\*"), ("`", "\\`")):
        text = text.replace(plain, escaped)
    for char in "<>_[]{}$#":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def _context(context: str) -> str:
    """The context with the link in bold instead of ``[[...]]``."""
    before, _, rest = context.partition("[[")
    word, _, after = rest.partition("]]")
    space_before = " " if before[-1:].isspace() else ""
    space_after = " " if after[:1].isspace() else ""
    return f"{_cell(before)}{space_before}**{_cell(word)}**{space_after}{_cell(after)}"


def _judged(row: dict) -> str:
    """The class, and whether the final build still makes the link."""
    if row.get("still_linked", True):
        return row["judgement"]
    return f"{row['judgement']} (no longer linked)"


def _title(data: dict) -> str:
    title = TITLES.get(data["manual"], data["manual"])
    if "setting" in data:
        return f"{title}, {_setting(data)}: links no sample holds"
    return title


def _setting(data: dict) -> str:
    """A configuration line in code; what a file of rules tried says, as text."""
    if "about" in data:
        return data["setting"]
    return f"with `{data['setting']}`"


def counts_table(judged: list[dict]) -> list[str]:
    """One row per manual and part: helpful, noise and wrong sense."""
    out = [
        "| Manual | Part | Autolinks beyond the authors' | Sample | Helpful "
        "| Noise | Wrong sense | Close calls |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for data in judged:
        for part in ("glossary", "prose"):
            rows = data[part]["sample"]
            if not rows:
                continue
            count = Counter(r["judgement"] for r in rows)
            close = sum("borderline" in r.get("reason", "") for r in rows)
            cells = [f"{count[c]} ({count[c] / len(rows):.0%})" for c in CLASSES]
            part_name = (
                f"{part}, no sample held them, {_setting(data)}"
                if "setting" in data
                else part
            )
            out.append(
                f"| {TITLES.get(data['manual'], data['manual'])} | {part_name} "
                f"| {data[part]['population']} | {len(rows)} | "
                + " | ".join(cells)
                + f" | {close} |"
            )
    return out


def rows_table(data: dict) -> list[str]:
    out = []
    for part in ("glossary", "prose"):
        rows = data[part]["sample"]
        if not rows:
            continue
        out += [
            "",
            f"### {part.capitalize()}: {len(rows)} of {data[part]['population']}",
            "",
            "| # | In | Links to | Context | Judged | Why |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for n, row in enumerate(rows, 1):
            where = row["entry"] if row["entry"] is not None else row["page"]
            out.append(
                f"| {n} | {_cell(where)} | {_cell(row['target'])} "
                f"| {_context(row['context'])} | {_judged(row)} "
                f"| {_cell(row.get('reason', ''))} |"
            )
    return out


def main(paths: list[str]) -> None:
    judged = [json.loads(Path(p).read_text(encoding="utf-8")) for p in paths]
    seeds = sorted({str(d["seed"]) for d in judged if "setting" not in d})
    # A file may say what its rows are ("about") where the sentence below,
    # for the links a setting makes, does not fit (rules tried and not kept).
    settings = {d["setting"]: d.get("about", "") for d in judged if "setting" in d}
    lines = [
        "# Judged samples of autolinks",
        "",
        "Every row of the random samples (seed "
        + ", ".join(seeds)
        + ") that {ref}`autolink-quality` counts: autolinks beyond the links the "
        "manuals' own authors wrote, drawn before anyone read them, each read "
        "in its sentence and judged *helpful*, *noise* or *wrong sense* by the "
        "rules of `JUDGING.md` (a link is helpful only when a reader can use the "
        "definition at that point; an everyday word of the field linked in "
        "passing is noise). Close calls say *borderline* and count as the "
        "first class named. Rows marked *no longer linked* are links that the "
        "rules changed after the draw took away; the table counts every row "
        "drawn.",
        *[
            "\n"
            + (
                about
                or f"The sections *with `{setting}`* hold every link that a "
                "build with that setting makes beyond the authors' and no "
                "sample holds, each judged the same way "
                "({ref}`autolink-prose-styles`)."
            )
            for setting, about in sorted(settings.items())
        ],
        "",
        *counts_table(judged),
    ]
    for data in judged:
        lines += ["", f"## {_title(data)}"]
        lines += rows_table(data)
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
