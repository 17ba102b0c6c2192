"""Files a page leaves in the doctree folder, next to its pickled doctree.

What a page yields that later stages need, but the environment need not
hold in memory, is written when the page is read and read back when needed:

* ``seeds``: each directive's seed reports (``extract --json`` objects), for
  the build report;
* ``entries``: the page's glossary entries as plain text (after translation),
  for previews and ``glossary.json``;
* ``text``: the page's linkable text, for planning autolinks after reading
  without loading the page's doctree again.

Each file's name depends on the page (and, for seeds, the directive), so a
page read again, also by a parallel reader, overwrites its own files.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sphinx.environment import BuildEnvironment

FOLDER = "seed_glossary"

Kind = Literal["seeds", "entries", "text"]


def path(env: BuildEnvironment, kind: Kind, *parts: str) -> Path:
    """The file of *kind* for the page (and directive) that *parts* name."""
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:20]
    return Path(env.doctreedir, FOLDER, f"{kind}-{digest}.jsonl")


def write_lines(target: Path, objects: Iterable[Any]) -> str:
    """Write *objects* as JSON lines; return a digest of what was written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with target.open("w", encoding="utf-8") as out:
        for obj in objects:
            line = json.dumps(obj, ensure_ascii=False) + "\n"
            digest.update(line.encode())
            out.write(line)
    return digest.hexdigest()


def read_lines(source: Path) -> Iterator[Any]:
    """The objects of a JSON-lines file, one at a time; nothing if it is gone."""
    try:
        lines = source.open(encoding="utf-8")
    except OSError:
        return  # removed by hand: the next read of the page writes it again
    with lines:
        for line in lines:
            yield json.loads(line)
