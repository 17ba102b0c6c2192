"""Environment state: which pages show which seeds, and what was read.

Kept in a small domain so that Sphinx purges it per page (``clear_doc``) and
merges it back from parallel readers (``merge_domaindata``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from sphinx.domains import Domain
from sphinx.util import logging

from .ingest import discover
from .ingest.report import entry_to_json

if TYPE_CHECKING:
    from collections.abc import Iterable, Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .model import SeedEntry

logger = logging.getLogger(__name__)

#: Name of the JSON report written into the output folder after each build.
REPORT_NAME = "seed-glossary-report.json"


@dataclass(frozen=True, slots=True)
class PageSeeds:
    """What one ``seed-glossary`` directive read: its folder or glob, the files."""

    spec: str  #: absolute folder or glob
    files: tuple[str, ...]  #: absolute paths, sorted
    entries: tuple[SeedEntry, ...]


class SeedGlossaryDomain(Domain):
    """Holds, per page, the seeds its ``seed-glossary`` directives read."""

    name = "seedglossary"
    label = "Seed glossary"
    #: ``pages``: docname -> list[PageSeeds]; ``confdir``: the configuration
    #: directory, which relative ``seed_glossary_seeds`` values start from
    initial_data: ClassVar[dict[str, Any]] = {"pages": {}, "confdir": ""}
    data_version = 1

    @property
    def pages(self) -> dict[str, list[PageSeeds]]:
        return self.data.setdefault("pages", {})

    @property
    def confdir(self) -> str:
        return self.data.get("confdir", "")

    def note_seeds(self, docname: str, page: PageSeeds) -> None:
        """Record what a directive on *docname* read."""
        self.pages.setdefault(docname, []).append(page)

    def clear_doc(self, docname: str) -> None:
        self.pages.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname, pages in otherdata["pages"].items():
            if docname in docnames:
                self.pages[docname] = pages

    def resolve_xref(self, *args: Any, **kwargs: Any) -> None:
        return None

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []

    def entries(self) -> Iterable[tuple[str, SeedEntry]]:
        """Every read seed with the page that shows it, in page order."""
        for docname in sorted(self.pages):
            for page in self.pages[docname]:
                for entry in page.entries:
                    yield docname, entry


def remember_confdir(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: keep the conf dir where directives can see it."""
    env.get_domain(SeedGlossaryDomain.name).data["confdir"] = str(app.confdir)


def outdated_pages(
    app: Sphinx,
    env: BuildEnvironment,
    added: Set[str],
    changed: Set[str],
    removed: Set[str],
) -> list[str]:
    """``env-get-outdated``: pages whose seed folder gained or lost files.

    Changed and deleted seeds are already dependencies of their page
    (``env.note_dependency``); a new file in the folder is not, so we list
    the folder again and compare.
    """
    domain = env.get_domain(SeedGlossaryDomain.name)
    assert isinstance(domain, SeedGlossaryDomain)
    outdated = []
    for docname, pages in domain.pages.items():
        if docname in removed or docname in changed:
            continue
        for page in pages:
            if tuple(map(str, discover(page.spec))) != page.files:
                outdated.append(docname)
                break
    return outdated


def write_report(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write every seed's extraction report as JSON.

    The build log shows dropped lines only when a page is re-read; this file
    holds the report of every build, changed or not.
    """
    if exception is not None or app.builder.name == "dummy":
        return
    domain = app.env.get_domain(SeedGlossaryDomain.name)
    assert isinstance(domain, SeedGlossaryDomain)
    report = [
        {"page": docname, **entry_to_json(entry)} for docname, entry in domain.entries()
    ]
    if not report:
        return
    path = app.outdir / REPORT_NAME
    path.write_text(
        json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
