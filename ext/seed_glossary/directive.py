"""The ``seed-glossary`` directive: read a seed folder, return a glossary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import seed_folder, split
from ._compat import verbosity
from .abbreviations import abbreviates
from .catalog import only_refers
from .domain import PageSeeds, get_domain
from .ingest import discover, project_files
from .ingest.seed_report import printable
from .markup import parse_myst
from .model import ItemNames, Problem, WarningSubtype
from .render import (
    ENTRY_KEY,
    item_key,
    render_az_bar,
    render_glossary,
    render_letter_bar,
    render_parts_bar,
)
from .report import save_seed_report
from .translated import collation

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.domains.std import StandardDomain
    from sphinx.util.typing import OptionSpec

    from .catalog import CatalogItem, CatalogProblem
    from .model import SeedEntry

logger = logging.getLogger(__name__)


class SeedGlossaryDirective(SphinxDirective):
    """``.. seed-glossary:: [folder or glob]``

    Without an argument, reads ``seed_glossary_seeds`` (relative to the
    configuration directory). An argument is relative to the current document,
    or to the source directory when it starts with ``/``, as for
    ``literalinclude``.
    """

    has_content = False
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = {
        # Set on the pages that seed_glossary_split generates.
        "letter": directives.unchanged_required,
        "part": directives.positive_int,
    }

    def run(self) -> list[nodes.Node]:
        # The words the reader used: a project's edit of them re-reads the page.
        config = self.config
        for path in project_files(config.language, config.seed_glossary_language_data):
            self.env.note_dependency(path)
        if "letter" in self.options:
            return self._run_letter(self.options["letter"].strip())
        if not self.arguments and split.enabled(
            self.env, get_domain(self.env).confdir or self.env.srcdir, check=False
        ):
            return self._run_split_index()
        return self._run()

    def _run_split_index(self) -> list[nodes.Node]:
        """The page of a split glossary: problems, report, A–Z bar, toctree."""
        spec = self._seed_spec()
        folder = seed_folder.read_folder(self.env, spec, check=False)
        self._warn_empty(spec, folder.files)
        entries = self._report_entries(list(folder.entries), list(folder.problems))
        get_domain(self.env).note_seeds(
            self.env.docname,
            PageSeeds(
                str(spec),
                tuple(str(p) for p in folder.files),
                save_seed_report(self.env, self.env.docname, str(spec), entries),
            ),
        )
        split.note_index_page(self.env, folder)
        parts = split.layout(folder.items, self.config)
        toctree = addnodes.toctree(
            parent=self.env.docname,
            entries=[(None, part.docname) for part in parts],
            includefiles=[part.docname for part in parts],
            maxdepth=1,
            caption=None,
            glob=False,
            hidden=True,
            includehidden=False,
            numbered=0,
            titlesonly=True,
        )
        wrapper = nodes.compound(classes=["toctree-wrapper"])
        wrapper += toctree
        letters = collation(self.config).letters
        return [
            render_letter_bar(letters, _first_parts(parts), self.env.docname),
            wrapper,
        ]

    def _run_letter(self, letter: str) -> list[nodes.Node]:
        """One letter's page (or part of a letter's) of a split glossary."""
        spec = seed_folder.seeds_path(
            get_domain(self.env).confdir or self.env.srcdir, self.config
        )
        folder = seed_folder.read_folder(self.env, spec, check=False)
        parts = split.layout(folder.items, self.config)
        number = self.options.get("part", 1)
        part = next(
            (p for p in parts if p.letter == letter and p.number == number), None
        )
        items = list(part.items) if part else []
        split.note_letter_page(self.env, part, letter)
        glossary = self._render(items)
        get_domain(self.env).note_seeds(
            self.env.docname,
            PageSeeds("", (), "", self._item_names(items, glossary)),
        )
        out: list[nodes.Node] = [
            render_letter_bar(
                collation(self.config).letters,
                _first_parts(parts),
                self.env.docname,
                current=letter,
            )
        ]
        siblings = [p for p in parts if p.letter == letter]
        if len(siblings) > 1:
            out.append(
                render_parts_bar(
                    [(p.title, p.docname) for p in siblings], self.env.docname
                )
            )
        out.append(glossary)
        return out

    def _run(self) -> list[nodes.Node]:
        spec = self._seed_spec()
        if not self.arguments and self.config.seed_glossary_split == "auto":
            # Read already, to know whether to split: the same catalog.
            folder = seed_folder.read_folder(self.env, spec, check=False)
            files: Sequence[Path] = folder.files
            entries, items, problems = (
                list(folder.entries),
                list(folder.items),
                list(folder.problems),
            )
        else:
            files = discover(spec)
            entries, items, problems = seed_folder.read_catalog(files, self.config)
        self._warn_empty(spec, files)
        for path in files:
            self.env.note_dependency(path)
        entries = self._report_entries(entries, problems)
        glossary = self._render(items)
        get_domain(self.env).note_seeds(
            self.env.docname,
            PageSeeds(
                str(spec),
                tuple(str(p) for p in files),
                save_seed_report(self.env, self.env.docname, str(spec), entries),
                self._item_names(items, glossary),
            ),
        )
        if self.config.seed_glossary_az and items:
            return [render_az_bar(glossary, collation(self.config)), glossary]
        return [glossary]

    def _warn_empty(self, spec: Path, files: Sequence[Path]) -> None:
        if not files:
            logger.warning(
                "no seed files (*.txt, *.md) found at %s",
                spec,
                type="seed_glossary",
                subtype=WarningSubtype.NO_SEEDS,
                location=self.get_location(),
            )

    def _report_entries(
        self, entries: list[SeedEntry], problems: list[CatalogProblem]
    ) -> list[SeedEntry]:
        """Warn about every problem; return the entries with cross-seed problems."""
        # Dropped lines are logged at -v only: records that nothing shows
        # would cost time for every line of every seed.
        verbose = verbosity(self.env) > 0
        for entry in entries:
            _report(entry, verbose)
        for found in problems:
            _warn(found.file, found.problem)
        return _with_catalog_problems(entries, problems)

    def _render(self, items: Sequence[CatalogItem]) -> addnodes.glossary:
        glossary = render_glossary(
            items,
            env=self.env,
            document=self.state.document,
            docname=self.env.docname,
            parse_markup=self._parse_markup,
            taken=frozenset(self._terms_defined_elsewhere(items)),
        )
        self.set_source_info(glossary)
        return glossary

    def _item_names(
        self, items: Sequence[CatalogItem], glossary: addnodes.glossary
    ) -> tuple[ItemNames, ...]:
        anchors = _anchors(glossary)
        names = {name.casefold() for item in items for name in item.names}
        return tuple(
            _item_names(item, anchors, only_refers(item, names)) for item in items
        )

    def _seed_spec(self) -> Path:
        if self.arguments:
            _rel, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
            return Path(absolute)
        confdir = get_domain(self.env).confdir or self.env.srcdir
        return Path(confdir, self.config.seed_glossary_seeds).resolve()

    def _terms_defined_elsewhere(self, items: Sequence[CatalogItem]) -> set[str]:
        """Names of these items that another page already defines as a term.

        Such a name is shown but not registered again, so ``:term:`` links
        keep pointing at the other definition; a warning says where it is.
        """
        # Terms of this page were purged before it was read again: any entry
        # for this page now comes from a glossary written above the directive.
        # Sphinx reads pages in order, purging each just before: a page later
        # in that order and read in this build still shows its old terms,
        # which it may no longer define (a seed moved here from there). As in
        # a full build, the page first in order keeps a term both define.
        std = cast("StandardDomain", self.env.get_domain("std"))
        reading, current = get_domain(self.env).reading, self.env.docname
        elsewhere = {
            name.lower(): docname
            for (kind, name), (docname, _id) in std.objects.items()
            if kind == "term" and not (docname in reading and docname > current)
        }
        taken = set()
        for item in items:
            for name in item.names:
                other = elsewhere.get(name.lower())
                if other is None:
                    continue
                taken.add(name.lower())
                file, line = item.origin
                _warn(
                    file,
                    Problem(
                        WarningSubtype.DUPLICATE_TERM,
                        f"term {name!r} is also defined on page {other!r}; links to it "
                        "go there. Rename the seed's term (with an override) or remove "
                        "the other definition",
                        line,
                    ),
                )
        return taken

    def _parse_markup(self, text: str, source: str, line: int) -> list[nodes.Node]:
        return parse_myst(text, document=self.state.document, source=source, line=line)


def _first_parts(parts: Sequence[split.Part]) -> dict[str, str]:
    """Each letter's first page, for the A–Z bar."""
    out: dict[str, str] = {}
    for part in parts:
        out.setdefault(part.letter, part.docname)
    return out


def _with_catalog_problems(
    entries: list[SeedEntry], problems: list[CatalogProblem]
) -> list[SeedEntry]:
    """Problems found across seeds (duplicates) belong in each seed's report too."""
    extra: dict[str, list[Problem]] = {}
    for found in problems:
        extra.setdefault(found.file, []).append(found.problem)
    return [
        replace(e, problems=(*e.problems, *extra[e.file])) if e.file in extra else e
        for e in entries
    ]


def _item_names(
    item: CatalogItem, anchors: dict[str, tuple[str, ...]], refers: bool
) -> ItemNames:
    claims = tuple(dict.fromkeys(a for e in item.entries for a in e.aliases))
    key = item_key(item)
    ids = anchors.get(key, ())
    files = tuple(dict.fromkeys(e.file for e in item.entries)) or (item.origin[0],)
    autolink = next((e.autolink for e in item.entries if e.autolink), "")
    defined = any(e.definition.strip() or e.sections for e in item.entries)
    names = {name.casefold() for name in item.names}
    if item.see:
        # A shared alias: an abbreviation when it abbreviates a term it names.
        abbreviations = tuple(
            n for n in item.names if any(abbreviates(n, t) for t in item.see)
        )
        expansions = item.see if abbreviations else ()
    else:
        abbreviations = tuple(
            dict.fromkeys(
                a
                for e in item.entries
                for a in e.abbreviations
                if a.casefold() in names
            )
        )
        expansions = (item.names[0],) if abbreviations else ()
    return ItemNames(
        key,
        item.names,
        claims,
        ids[0] if ids else "",
        ids,
        files,
        autolink,
        abbreviations=abbreviations,
        expansions=expansions,
        avoided=tuple(dict.fromkeys(a for e in item.entries for a in e.avoided)),
        empty=refers or (not item.see and not defined),
        blank=not (item.see or item.see_also or defined),
    )


def _anchors(glossary: nodes.Element) -> dict[str, tuple[str, ...]]:
    """Each item's key -> the ids of its ``dt`` lines, headword first."""
    out = {}
    for definition in glossary.findall(nodes.definition):
        if definition.get(ENTRY_KEY):
            terms = [t for t in definition.parent.children if isinstance(t, nodes.term)]
            out[definition[ENTRY_KEY]] = tuple(
                t["ids"][0] if t["ids"] else "" for t in terms
            )
    return out


def _report(entry: SeedEntry, verbose: bool) -> None:
    """Problems as warnings; doubts and dropped lines at ``-v``.

    A warning is for what a person must act on (with ``-W`` it fails the
    build); a doubt (``uncertain``) is a decision that was probably right: it
    goes to the report (``notes``) and, with ``-v``, to the log.
    """
    for problem in entry.problems:
        _warn(entry.file, problem)
    for note in entry.notes if verbose else ():
        logger.verbose(
            "%s [seed_glossary.%s]",
            printable(note.message),
            note.subtype,
            location=_location(entry.file, note.line),
        )
    for dropped in entry.dropped if verbose else ():
        logger.verbose(
            "dropped line (%s): %s",
            dropped.reason,
            printable(dropped.text),
            location=f"{entry.file}:{dropped.line}",
        )


def _location(file: str, line: int | None) -> str:
    # "path:" as Sphinx writes a location with no line; a bare string would be
    # taken for a document name.
    return f"{file}:{line}" if line else f"{file}:"


def _warn(file: str, problem: Problem) -> None:
    location = _location(file, problem.line)
    logger.warning(
        "%s",
        printable(problem.message),
        type="seed_glossary",
        subtype=problem.subtype,
        location=location,
    )
