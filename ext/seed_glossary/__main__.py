"""Command line of the extension.

``python -m seed_glossary extract PATH... [--json] [--stats]`` runs the reader
alone, without Sphinx, so a docs team can check new seeds: exit status 0 when
every seed is clean, 1 when one has problems, 2 on usage errors.

``python -m seed_glossary report DOCS_BUILD_DIR [--json]`` prints the link
report that the last build wrote (unused entries, wanted terms, link counts).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .ingest import (
    DEFAULT_HEADINGS,
    DEFAULT_MAX_BYTES,
    NoiseOptions,
    discover,
    read_seeds,
)
from .ingest.report import REPORT_NAME, entry_to_json, stats, summary


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m seed_glossary``."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "extract":
        return _extract(args)
    if args.command == "report":
        return _report(args)
    parser.print_help()
    return 2


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
    report = sub.add_parser(
        "report",
        help="print the link report of a build (unused, wanted, link counts)",
        description="Print the link report that a build wrote into its output "
        "folder (seed_glossary_report): entries nothing links to, :term: targets "
        "that match no entry, and the links of each entry.",
    )
    report.add_argument(
        "build_dir", metavar="DOCS_BUILD_DIR", help="the output folder, or the file"
    )
    report.add_argument("--json", action="store_true", help="print the links as JSON")
    report.add_argument(
        "--fail-on-wanted",
        action="store_true",
        help="exit with status 1 when some :term: target matches no entry",
    )
    return parser


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
        json.dump(links, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(link_summary(links))
    return 1 if args.fail_on_wanted and links["wanted"] else 0


def link_summary(links: dict[str, Any]) -> str:
    """The link report as text: counts per entry, then unused and wanted."""
    entries = links["entries"]
    width = max((len(name) for name in entries), default=10)
    lines = [f"{'entry':<{width}}  role  auto  referenced from"]
    for name, info in sorted(entries.items(), key=lambda kv: kv[0].lower()):
        sources = ", ".join(
            src["entry"] or src["page"] for src in info["referenced_from"]
        )
        lines.append(
            f"{name:<{width}}  {info['explicit']:>4}  {info['autolinks']:>4}  {sources}"
        )
    lines.append("")
    lines.append(
        f"unused ({len(links['unused'])}): {', '.join(links['unused']) or '-'}"
    )
    lines.append(f"wanted ({len(links['wanted'])}):")
    for target, pages in links["wanted"].items():
        lines.append(f"  {target!r} from {', '.join(pages)}")
    return "\n".join(lines)


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
