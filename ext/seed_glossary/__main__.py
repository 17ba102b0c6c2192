"""Command line: ``python -m seed_glossary extract PATH... [--json] [--stats]``.

Runs the reader alone, without Sphinx, so a docs team can check new seeds.
Exit status 0 when every seed is clean, 1 when one has problems, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .ingest import (
    DEFAULT_HEADINGS,
    DEFAULT_MAX_BYTES,
    NoiseOptions,
    discover,
    read_seeds,
)
from .ingest.report import entry_to_json, stats, summary


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m seed_glossary``."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command != "extract":
        parser.print_help()
        return 2
    return _extract(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m seed_glossary", description=__doc__
    )
    sub = parser.add_subparsers(dest="command")
    extract = sub.add_parser(
        "extract",
        help="read seeds and report each entry and every dropped line",
        description="Read seed files (folders, globs or files) and report, for each "
        "seed, the entry it yields and every dropped line with its reason.",
    )
    extract.add_argument(
        "paths", nargs="+", metavar="PATH", help="seed file, folder or glob"
    )
    extract.add_argument(
        "--json", action="store_true", help="print a JSON array, one object per seed"
    )
    extract.add_argument(
        "--stats", action="store_true", help="print counts per noise kind and signal"
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
        help="extra known section heading (seed_glossary_headings)",
    )
    extract.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help="skip seeds larger than this (seed_glossary_max_seed_bytes)",
    )
    return parser


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
        options = NoiseOptions.from_config(
            args.noise_pattern, args.keep_pattern, (*DEFAULT_HEADINGS, *args.heading)
        )
    except Exception as exc:  # re.error: a bad pattern is a usage error
        print(f"error: bad pattern: {exc}", file=sys.stderr)
        return 2
    entries = read_seeds(
        list(dict.fromkeys(paths)), options=options, max_bytes=args.max_bytes
    )
    if args.json:
        json.dump(
            [entry_to_json(e) for e in entries],
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    else:
        print(summary(entries))
    if args.stats:
        print(
            json.dumps(stats(entries), indent=2, ensure_ascii=False),
            file=sys.stderr if args.json else sys.stdout,
        )
    for spec in missing:
        print(f"warning: no seed files match {spec!r}", file=sys.stderr)
    return 1 if missing or any(e.problems for e in entries) else 0


if __name__ == "__main__":
    sys.exit(main())
