"""The link report as text, for the console (no Sphinx).

``python -m seed_glossary report`` prints :func:`link_summary` of the link
report that a build wrote (:mod:`.report`).
"""

from __future__ import annotations

from typing import Any

from .ingest.seed_report import printable

#: What the columns and lists of ``report`` mean: printed above its table, and
#: in its --help.
REPORT_LEGEND = """\
legend:
  role             links to the entry written with the term role (:term:`...`
                   in reStructuredText, {term}`...` in MyST)
  auto             mentions of the entry that were linked automatically
  plain            mentions left unlinked, by reason: everyday (an everyday
                   word), sense (another sense), compound (next to another
                   name), repeat (linked already), density (the paragraph's
                   cap), excluded (configuration or the seed), empty (an
                   entry with no definition of its own), introduced (prose
                   that does not introduce the term, with "introduced")
  referenced from  the entries and pages (document names) that link to it
  unused           entries that nothing links to
  wanted           term link targets that match no entry, and their pages
  abbreviations    first uses on a page before its term is named; shared ones
  names to avoid   old (deprecated:) and wrong (avoid:) names found in prose"""


def link_summary(links: dict[str, Any]) -> str:
    """The link report as text: the legend, links per entry, unused and wanted."""
    entries = {printable(name): info for name, info in links["entries"].items()}
    width = max((len(name) for name in entries), default=10)
    lines = [REPORT_LEGEND, "", f"{'entry':<{width}}  role  auto  referenced from"]
    for name, info in sorted(entries.items(), key=lambda kv: kv[0].lower()):
        sources = ", ".join(
            src["entry"] or src["page"] for src in info["referenced_from"]
        )
        lines.append(
            f"{name:<{width}}  {info['explicit']:>4}  {info['autolinks']:>4}  "
            f"{printable(sources)}"
        )
        plain = info.get("not_linked") or {}
        if plain:
            reasons = ", ".join(f"{reason} {n}" for reason, n in plain.items())
            lines.append(f"{'':<{width}}  plain: {reasons}")
    lines.append("")
    unused = printable(", ".join(links["unused"])) or "-"
    lines.append(f"unused ({len(links['unused'])}): {unused}")
    lines.append(f"wanted ({len(links['wanted'])}):")
    for target, pages in links["wanted"].items():
        lines.append(f"  {target!r} from {printable(', '.join(pages))}")
    abbreviations = links.get("abbreviations", {})
    early = abbreviations.get("used_before_spelled_out", [])
    lines.append(f"abbreviations used before they are spelled out ({len(early)}):")
    for use in early:
        stands_for = "; ".join(use["stands_for"])
        lines.append(
            printable(
                f"  {use['page']}:{use['line']}: {use['abbreviation']} ({stands_for})"
            )
        )
    shared = abbreviations.get("shared", [])
    lines.append(f"abbreviations that several terms share ({len(shared)}):")
    for item in shared:
        lines.append(printable(f"  {item['abbreviation']}: {'; '.join(item['terms'])}"))
    avoided = links.get("avoided", [])
    lines.append(f"names to avoid, used in prose ({len(avoided)}):")
    for use in avoided:
        lines.append(
            printable(
                f"  {use['page']}:{use['line']}: {use['name']!r} -> "
                f"{use['preferred']!r} ({use['kind']})"
            )
        )
    return "\n".join(lines)
