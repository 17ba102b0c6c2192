"""Command line of the extension: ``seed-glossary``, or ``python -m seed_glossary``.

``seed-glossary extract PATH... [--json] [--stats]`` runs the reader alone,
without Sphinx, so a docs team can check new seeds: exit status 0 when every
seed is clean, 1 when one has problems, 2 on usage errors.

``seed-glossary report DOCS_BUILD_DIR [--json]`` prints the link report that
the last build wrote (unused entries, wanted terms, link counts).

``seed-glossary vale OUTDIR --seeds PATH [--style NAME]`` writes a Vale style
from the names that curated seeds ask writers to avoid, and a vocabulary of
the glossary's terms.

``--help`` is written for a terminal, not from these docstrings.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from .ingest import (
    DEFAULT_MAX_BYTES,
    NoiseOptions,
    discover,
    for_language,
    read_seeds,
)
from .ingest.seed_report import (
    REPORT_NAME,
    entry_to_json,
    stats,
    stats_text,
    summary,
)
from .model import SeedEntry
from .report_text import REPORT_LEGEND, link_summary

#: How ``--help`` names the program when it runs as a module.
MODULE_PROG = "python -m seed_glossary"
#: The console command that installing the package adds.
SCRIPT_PROG = "seed-glossary"

_DESCRIPTION = """\
Check glossary seed files without Sphinx, and print the link report of a
finished Sphinx build. "COMMAND --help" tells more about each command.
"""

_EPILOG = """\
examples:
  {prog} extract seeds
  {prog} extract 'seeds/*.txt' --stats
  {prog} extract seeds --json > seeds.json
  {prog} report docs/_build/html --fail-on-wanted

exit status: 0 when clean, 1 when a seed has a problem (or, with
--fail-on-wanted, a term is wanted), 2 on a usage error.
The same program runs as "{other}".
"""

_EXTRACT_DESCRIPTION = """\
Read seed files (folders, globs or files) together, as one seed-glossary
directive reads them, and report:

  1. the problems, each as FILE:LINE: [subtype] message;
  2. each seed: its term, aliases and sections, how many lines it dropped,
     and those of its dropped lines that no other seed shares, with reasons;
  3. the lines that several seeds dropped (a site's banner or navigation),
     each once, with its reason and the seeds it came from;
  4. one line of totals.
"""

_EXTRACT_EPILOG = """\
examples:
  every seed in seeds/, as text:
    {prog} seeds
  only the counts:
    {prog} seeds --stats
  one JSON object per seed, for a script:
    {prog} 'seeds/*.txt' --json
  one more kind of line to drop:
    {prog} seeds --noise-pattern '^Share this page$'
  German pages, with the project's own words in lang/de.json:
    {prog} seeds-de --language de --language-data lang

Quote a glob so that the shell leaves it alone. Exit status: 0 when every
seed is clean, 1 when a seed has a problem or a PATH matches no seed file,
2 on a usage error (such as a bad pattern).
"""

_REPORT_DESCRIPTION = """\
Print the link report that a Sphinx build wrote into its output folder
(seed_glossary_report): the links to each entry, the entries that nothing
links to (unused), and the term link targets that match no entry (wanted).
"""

_REPORT_EPILOG = """\
examples:
  {prog} docs/_build/html
  {prog} docs/_build/html --json
  {prog} docs/_build/html --fail-on-wanted

Exit status: 0, or 1 with --fail-on-wanted when a term link matches no entry;
2 when there is no report to read.
"""


def main(argv: Sequence[str] | None = None, prog: str = SCRIPT_PROG) -> int:
    """Run the command line and return its exit status.

    The ``seed-glossary`` console command calls this with no arguments (it
    passes the result to :func:`sys.exit`); ``python -m seed_glossary`` calls
    it with *prog* set to :data:`MODULE_PROG`, so that ``--help`` shows how
    the program was started.

    :param argv: the arguments, without the program name (default: sys.argv)
    :param prog: the program name that usage and help messages show
    """
    parser = _parser(prog)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        commands = {"extract": _extract, "report": _report, "vale": _vale}
        status = commands[args.command](args)
        # Inside the try: a short report is only written here, when it is
        # flushed, and a closed pipe must be caught here too.
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (``| head``): not our error, no traceback.
        # Point stdout at /dev/null so that the flush at exit is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return status


def _parser(prog: str) -> argparse.ArgumentParser:
    other = MODULE_PROG if prog == SCRIPT_PROG else SCRIPT_PROG
    parser = argparse.ArgumentParser(
        prog=prog,
        description=_DESCRIPTION,
        epilog=_EPILOG.format(prog=prog, other=other),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_extract(sub, prog)
    _add_report(sub, prog)
    _add_vale(sub, prog)
    return parser


def _add_extract(sub: Any, prog: str) -> None:
    extract = sub.add_parser(
        "extract",
        help="read seeds and report problems, entries and dropped lines",
        description=_EXTRACT_DESCRIPTION,
        epilog=_EXTRACT_EPILOG.format(prog=f"{prog} extract"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument(
        "paths", nargs="+", metavar="PATH", help="seed file, folder or glob"
    )
    extract.add_argument(
        "--json",
        action="store_true",
        help="print a JSON array, one object per seed, instead of the text",
    )
    extract.add_argument(
        "--stats",
        action="store_true",
        help="print only counts: dropped lines per kind and signal, problems per "
        "subtype, and the totals (with --json: the JSON array as usual, and the "
        "counts as a JSON object on standard error)",
    )
    extract.add_argument(
        "--noise-pattern",
        action="append",
        default=[],
        metavar="REGEX",
        help="extra regex of lines to drop (seed_glossary_noise_patterns)",
    )
    extract.add_argument(
        "--keep-pattern",
        action="append",
        default=[],
        metavar="REGEX",
        help="regex of lines never dropped (seed_glossary_keep_patterns)",
    )
    extract.add_argument(
        "--heading",
        action="append",
        default=[],
        metavar="NAME",
        help="extra known section heading, besides the language's "
        "(seed_glossary_headings)",
    )
    extract.add_argument(
        "--language",
        default="en",
        metavar="CODE",
        help="language of the seeds, as Sphinx's `language` names it (en, de, fr, "
        "...): its words find the term, aliases and page noise (default "
        "%(default)s)",
    )
    extract.add_argument(
        "--language-data",
        action="append",
        default=[],
        metavar="FOLDER",
        help="folder with the project's CODE.json, extending the language's "
        "words (seed_glossary_language_data); repeatable",
    )
    extract.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="skip seeds larger than N bytes (seed_glossary_max_seed_bytes; "
        "default %(default)s)",
    )


def _add_report(sub: Any, prog: str) -> None:
    report = sub.add_parser(
        "report",
        help="print the link report of a build (unused, wanted, link counts)",
        description=_REPORT_DESCRIPTION,
        epilog=REPORT_LEGEND + "\n\n" + _REPORT_EPILOG.format(prog=f"{prog} report"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument(
        "build_dir", metavar="DOCS_BUILD_DIR", help="the output folder, or the file"
    )
    report.add_argument("--json", action="store_true", help="print the links as JSON")
    report.add_argument(
        "--fail-on-wanted",
        action="store_true",
        help="exit with status 1 when some term link target matches no entry",
    )


def _add_vale(sub: Any, prog: str) -> None:
    vale = sub.add_parser(
        "vale",
        help="write a Vale style from the seeds: names to avoid, accepted terms",
        description="Write a Vale style (https://vale.sh) from the seeds, so "
        "that writers get the glossary's advice in their editor: a substitution "
        "rule from each name that a curated seed lists under 'deprecated:' or "
        "'avoid:' to its term, and a vocabulary that accepts every term and "
        "alias.",
        epilog=f"example:\n  {prog} vale .vale --seeds docs/seeds\n\n"
        "Then, in .vale.ini:\n  StylesPath = .vale/styles\n  Vocab = Glossary\n"
        "  [*.{md,rst}]\n  BasedOnStyles = Vale, Glossary",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    vale.add_argument("outdir", metavar="OUTDIR", help="folder to write into")
    vale.add_argument(
        "--seeds",
        action="append",
        metavar="PATH",
        help="seed file, folder or glob (default: seeds); may be repeated",
    )
    vale.add_argument(
        "--style", default="Glossary", help="name of the style (default: Glossary)"
    )


def _vale(args: argparse.Namespace) -> int:
    from .catalog import build_catalog, key
    from .model import ItemNames
    from .terminology import vale_style

    paths = _paths(args.seeds or ["seeds"])
    if not paths:
        print("error: no seed files found", file=sys.stderr)
        return 2
    items, _problems = build_catalog(read_seeds(paths))
    names = [
        ItemNames(
            key(item.names[0]),
            item.names,
            (),
            avoided=tuple(a for e in item.entries for a in e.avoided),
        )
        for item in items
    ]
    for relative, text in vale_style(names, args.style).items():
        target = Path(args.outdir, relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(target)
    return 0


def _paths(specs: Sequence[str]) -> list[Path]:
    found: list[Path] = []
    for spec in specs:
        path = Path(spec)
        found += [path] if path.is_file() else discover(spec)
    return list(dict.fromkeys(found))


def _report(args: argparse.Namespace) -> int:
    path = Path(args.build_dir)
    if path.is_dir():
        path = path / REPORT_NAME
    try:
        links = json.loads(path.read_text(encoding="utf-8"))["links"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"error: no link report at {path}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        _write_json(links)
    else:
        print(link_summary(links))
    return 1 if args.fail_on_wanted and links["wanted"] else 0


def _extract(args: argparse.Namespace) -> int:
    paths: list[Path] = []
    missing = []
    for spec in args.paths:
        path = Path(spec)
        found = [path] if path.is_file() else discover(spec)
        if not found:
            missing.append(spec)
        paths.extend(found)
    try:
        words = for_language(args.language, args.language_data)
    except ValueError as exc:  # a project's data file that is not JSON
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not words.described:
        print(
            f"warning: no language data for {args.language!r}: pages that read "
            "as English are read with English words, others by their structure "
            "only (the term from a title line)",
            file=sys.stderr,
        )
    headings = (*words.section_headings, *args.heading) if args.heading else None
    try:
        options = NoiseOptions.from_config(
            args.noise_pattern, args.keep_pattern, headings
        )
    except Exception as exc:  # re.error: a bad pattern is a usage error
        print(f"error: bad pattern: {exc}", file=sys.stderr)
        return 2
    entries = read_seeds(
        list(dict.fromkeys(paths)),
        options=options,
        max_bytes=args.max_bytes,
        words=words,
    )
    _print_entries(entries, as_json=args.json, counts_only=args.stats)
    for spec in missing:
        print(f"warning: no seed files match {spec!r}", file=sys.stderr)
    return 1 if missing or any(e.problems for e in entries) else 0


def _print_entries(
    entries: list[SeedEntry], *, as_json: bool, counts_only: bool
) -> None:
    """The text report, or only the counts (--stats), or JSON (--json)."""
    if not as_json:
        print(stats_text(entries) if counts_only else summary(entries))
        return
    _write_json([entry_to_json(e) for e in entries])
    if counts_only:
        # As before --stats printed text: standard output stays one JSON
        # document, and the counts go to standard error.
        _write_json(stats(entries), sys.stderr)


def _write_json(data: object, stream: TextIO | None = None) -> None:
    """*data* as indented JSON and a line break, in one write to *stream*
    (standard output by default): ``json.dump`` writes each token apart, a
    million writes for a folder whose seeds drop many lines."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    (stream or sys.stdout).write(text)


if __name__ == "__main__":
    sys.exit(main(prog=MODULE_PROG))
