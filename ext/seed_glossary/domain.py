"""Environment state: which pages show which seeds, and who links to what.

Kept in a small domain so that Sphinx purges it per page (``clear_doc``) and
merges it back from parallel readers (``merge_domaindata``). Everything in
``data`` is plain (tuples, strings, frozen dataclasses) and pickles with the
environment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, cast

from sphinx.domains import Domain, ObjType
from sphinx.locale import get_translation

from .ingest import discover

_ = get_translation("seed_glossary")

if TYPE_CHECKING:
    from collections.abc import Iterator, Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


@dataclass(frozen=True, slots=True)
class ItemNames:
    """The names of one glossary item, as the link layer needs them."""

    key: str  #: the item's key: its case-folded headword
    names: tuple[str, ...]  #: dt lines, headword first
    claims: tuple[str, ...]  #: every alias its seeds give, shared ones included
    anchor: str = ""  #: id of the headword's ``dt``: where links to the entry go
    #: ids of every ``dt`` (parallel to ``names``; "" where a name has none)
    anchors: tuple[str, ...] = ()
    files: tuple[str, ...] = ()  #: the seeds the entry comes from


@dataclass(frozen=True, slots=True)
class PageSeeds:
    """What one ``seed-glossary`` directive read: its folder or glob, the files."""

    spec: str  #: absolute folder or glob
    files: tuple[str, ...]  #: absolute paths, sorted
    #: file (in the doctree folder) of the extraction report of these seeds,
    #: JSON lines as ``extract --json`` writes its objects
    report: str
    items: tuple[ItemNames, ...] = ()
    # Pages of a split glossary (seed_glossary_split) have no spec or files:
    # split.outdated_pages follows their seeds instead.


class SeedGlossaryDomain(Domain):
    """Holds the seeds each page read and the links between pages and entries.

    ``data`` keys:

    * ``pages``: docname -> list of :class:`PageSeeds` (one per directive);
    * ``xrefs``: docname -> ``(target key, from entry key or None)`` for each
      ``:term:`` reference written on the page (read time);
    * ``autolinks``: docname -> ``(target key, from entry or None, name)``
      planned after reading (see :mod:`seed_glossary.links`);
    * ``backlinks``: entry key -> ``(docname, from entry or None)`` pairs;
    * ``confdir``: the configuration directory (relative seed folders).
    """

    name = "seedglossary"
    # Search results read "<label> <object type>": "Glossary term".
    label = "Glossary"
    object_types: ClassVar[dict[str, ObjType]] = {"term": ObjType(_("term"), "term")}
    initial_data: ClassVar[dict[str, Any]] = {
        "pages": {},
        "xrefs": {},
        "autolinks": {},
        "backlinks": {},
        "autolinks_digest": "",
        "confdir": "",
    }
    data_version = 4
    #: pages read in this build (set per process by links.note_reread; not data)
    reread: Set[str] = frozenset()

    @property
    def pages(self) -> dict[str, list[PageSeeds]]:
        return cast("dict[str, list[PageSeeds]]", self.data.setdefault("pages", {}))

    @property
    def xrefs(self) -> dict[str, tuple[tuple[str, str | None], ...]]:
        return cast(
            "dict[str, tuple[tuple[str, str | None], ...]]",
            self.data.setdefault("xrefs", {}),
        )

    @property
    def autolinks(self) -> dict[str, tuple[tuple[str, str | None, str], ...]]:
        return cast(
            "dict[str, tuple[tuple[str, str | None, str], ...]]",
            self.data.setdefault("autolinks", {}),
        )

    @property
    def confdir(self) -> str:
        return str(self.data.get("confdir", ""))

    def note_seeds(self, docname: str, page: PageSeeds) -> None:
        """Record what a directive on *docname* read."""
        self.pages.setdefault(docname, []).append(page)

    def clear_doc(self, docname: str) -> None:
        self.pages.pop(docname, None)
        self.xrefs.pop(docname, None)
        self.autolinks.pop(docname, None)
        split = self.data.get("split", {})
        split.get("pages", {}).pop(docname, None)
        if docname in split.get("index_pages", ()):
            split["index_pages"] = tuple(
                d for d in split["index_pages"] if d != docname
            )

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for field in ("pages", "xrefs"):
            mine = self.data.setdefault(field, {})
            for docname, value in otherdata.get(field, {}).items():
                if docname in docnames:
                    mine[docname] = value
        theirs = otherdata.get("split", {})
        split = self.data.setdefault("split", {})
        for docname, value in theirs.get("pages", {}).items():
            if docname in docnames:
                split.setdefault("pages", {})[docname] = value
        index_pages = [d for d in theirs.get("index_pages", ()) if d in docnames]
        if index_pages:
            split["index_pages"] = tuple(
                sorted({*split.get("index_pages", ()), *index_pages})
            )
            split["stamp"] = theirs.get("stamp")

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Every term and alias as a search result that opens its entry.

        Sphinx's std domain keeps glossary terms out of the search objects
        (priority -1); ours point at the same anchors with priority 0, so a
        search for a term or alias lists the entry under its name, above plain
        page matches (Sphinx's own index-entry hit for the same anchor, titled
        with the page, may come first).
        """
        for docname, item in self.items():
            for name, anchor in zip(item.names, item.anchors, strict=False):
                if anchor:
                    yield name, name, "term", docname, anchor, 0

    def resolve_xref(self, *args: Any, **kwargs: Any) -> None:
        return None

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []

    def items(self) -> Iterator[tuple[str, ItemNames]]:
        """Every glossary item with its page, in page order."""
        for docname in sorted(self.pages):
            for page in self.pages[docname]:
                for item in page.items:
                    yield docname, item


def get_domain(env: BuildEnvironment) -> SeedGlossaryDomain:
    """Our domain of *env*."""
    domain = env.get_domain(SeedGlossaryDomain.name)
    assert isinstance(domain, SeedGlossaryDomain)
    return domain


def app_of(env: BuildEnvironment) -> Sphinx:
    """The application of *env* (``env._app`` from Sphinx 8.1, ``env.app`` before)."""
    app = getattr(env, "_app", None) or env.app
    return cast("Sphinx", app)


def remember_confdir(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: keep the conf dir where directives can see it."""
    get_domain(env).data["confdir"] = str(app.confdir)


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
    outdated = []
    for docname, pages in get_domain(env).pages.items():
        if docname in removed or docname in changed:
            continue
        for page in pages:
            if page.spec and tuple(map(str, discover(page.spec))) != page.files:
                outdated.append(docname)
                break
    return outdated
