"""Would the sentence against the entry's definition tell a link's sense?

A rule tried and not kept (docs/linking.md, Quality): keep a prose autolink
only where the words around it share a word with the definition of the entry
it links to. For every judged prose link beyond the authors' of the default
build, this prints, per manual and class (helpful, noise, wrong), how many
such a rule would keep::

    .venv/bin/python tests/quality/definition_overlap.py [--width 70]

"Words" are those of at least three letters that are not among the
language's 300 most frequent, a final "s" dropped; the link's own words do not
count. The builds are those of ``autolink_quality.py`` (``build/quality/``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import autolink_quality as quality
from wordfreq import top_n_list

MANUALS = ("cpython", "sqlalchemy", "lilypond", "rust")
_FREQUENT = frozenset(top_n_list("en", 300))


def content_words(text: str) -> set[str]:
    """The words of *text* that may say what it is about."""
    found = set()
    for word in re.findall(r"[a-z][a-z'-]+", text.lower()):
        word = word.strip("'-")
        if word.endswith("s") and len(word) > 3:
            word = word[:-1]
        if len(word) >= 3 and word not in _FREQUENT:
            found.add(word)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=70, help="characters each side")
    args = parser.parse_args(argv)
    print("manual      class    judged  kept (shares a word with the definition)")
    for name in MANUALS:
        corpus = importlib.import_module(name).corpus()
        row = quality.measure(corpus, [], quality.WORK / name, time.monotonic())
        judged_file = Path(__file__).parent / "judged" / f"{name}.json"
        judged = quality._judged_apart(judged_file, "prose")
        sample = json.loads(judged_file.read_text(encoding="utf-8"))
        judged |= {quality._link_key(r): r for r in sample["prose"]["sample"]}
        definitions = {
            n.lower(): f"{entry.body} {' '.join(entry.see_also)}"
            for entry in corpus.entries
            for n in entry.names
        }
        seen, kept = Counter[str](), Counter[str]()
        for link in row["_beyond"]["prose"]:
            judged_row = judged.get(quality._link_key(link))
            if judged_row is None:
                continue
            before, _, rest = link["context"].partition("[[")
            _word, _, after = rest.partition("]]")
            around = before[-args.width :] + " " + after[: args.width]
            own = content_words(link["text"]) | content_words(link["target"])
            definition = content_words(definitions.get(link["target"], "")) - own
            seen[judged_row["judgement"]] += 1
            kept[judged_row["judgement"]] += bool(definition & content_words(around))
        for judgement in ("helpful", "noise", "wrong"):
            print(
                f"{name:<11} {judgement:<8} {seen[judgement]:>6}  {kept[judgement]:>4}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
