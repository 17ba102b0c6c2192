"""Environment state: which pages show which seeds, and who links to what.

Kept in a small domain so that Sphinx purges it per page (``clear_doc``) and
merges it back from parallel readers (``merge_domaindata``). Every key is
declared in :data:`KEYS` with how it is purged and merged; everything stored
is plain (tuples, strings, frozen dataclasses) and pickles with the
environment. The domain has no object types, roles or directives of its own:
terms are the std domain's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from sphinx.domains import Domain

from .ingest import discover

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .autolink import PlannedLink
    from .model import ItemNames
    from .previews import ReaderData
    from .seed_folder import Folder
    from .terminology import AbbreviationUse, AvoidedUse


@dataclass(frozen=True, slots=True)
class PageSeeds:
    """What one ``seed-glossary`` directive read: its folder or glob, the files."""

    spec: str  #: absolute folder or glob ("" on the pages of a split glossary)
    files: tuple[str, ...]  #: absolute paths, sorted
    #: the sidecar file of these seeds' reports (see :mod:`.sidecar`), or ""
    report: str
    items: tuple[ItemNames, ...] = ()


@dataclass(frozen=True, slots=True)
class PagePlan:
    """A page's autolinks, and what they were planned from."""

    text_digest: str  #: digest of the page's linkable text (its sidecar)
    #: digests of the names and of the policy (see :mod:`.autolink`)
    names_digest: tuple[str, str]
    links: tuple[PlannedLink, ...]
    #: ``((entry key, reason), count)`` of the mentions left plain
    not_linked: tuple[tuple[tuple[str, str], int], ...] = ()
    #: the first use of each abbreviation on the page
    abbreviations: tuple[AbbreviationUse, ...] = ()
    #: every use, in prose, of a name to avoid
    avoided: tuple[AvoidedUse, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """Where an entry is: its page, the id of its headword and the headword."""

    docname: str
    anchor: str
    headword: str


#: A source of a link to an entry: the page, and the entry it is in (or None).
Source = tuple[str, str | None]


@dataclass(frozen=True)
class Key:
    """One key of the domain's data."""

    name: str
    #: ``page``: a mapping docname -> value, set while the page is read, purged
    #: with the page and merged from parallel readers; ``derived``: computed
    #: from the page keys after reading (``env-updated``), never merged;
    #: ``build``: set once per build before reading.
    scope: Literal["page", "derived", "build"]
    help: str


KEYS: tuple[Key, ...] = (
    Key("pages", "page", "docname -> PageSeeds of each seed-glossary on the page"),
    Key(
        "xrefs", "page", "docname -> (target name as written, entry or None) per :term:"
    ),
    Key("see_xrefs", "page", "docname -> target names of See, See also links"),
    Key("texts", "page", "docname -> digest of the page's linkable-text sidecar"),
    Key("split_pages", "page", "docname -> (letter, fingerprint): split letter pages"),
    Key("split_index", "page", "docname -> seed folder stamp: split index pages"),
    Key("plans", "page", "docname -> PagePlan (set after reading, purged per page)"),
    Key("xref_places", "page", "docname -> where its :term: targets resolved"),
    Key(
        "mention_counts",
        "page",
        "docname -> (stamp, PageMentions: what its prose and entries name) "
        "(set after reading)",
    ),
    Key(
        "zipf",
        "derived",
        "language -> folded single-word name -> Zipf frequency (a cache)",
    ),
    Key("function_words", "derived", "language -> its most frequent words (a cache)"),
    Key("backlinks", "derived", "entry key -> Sources linking to it"),
    Key("places", "derived", "entry key -> Place"),
    Key("abbreviations", "derived", "folded abbreviation -> what it stands for"),
    Key("preview_digests", "derived", "entry key -> digest of its preview and URLs"),
    Key("confdir", "build", "the configuration directory (relative seed folders)"),
    Key("reading", "build", "the pages read in this build (env-before-read-docs)"),
)
_PAGE_KEYS = tuple(k.name for k in KEYS if k.scope == "page")
_AFTER_READING = ("plans", "xref_places", "mention_counts")
_MERGED_KEYS = tuple(k for k in _PAGE_KEYS if k not in _AFTER_READING)


class SeedGlossaryDomain(Domain):
    """Holds the seeds each page read and the links between pages and entries.

    See :data:`KEYS` for what ``data`` holds.
    """

    name = "seedglossary"
    label = "Seed glossary"
    initial_data: ClassVar[dict[str, Any]] = {
        **{k.name: {} for k in KEYS if k.scope != "build"},
        "confdir": "",
        "reading": frozenset(),
    }
    data_version = 8

    #: This build's preview fragments (see :mod:`.previews`), made after
    #: reading for the pages about to be written. Not in ``data``: it is never
    #: pickled, and every build makes it again.
    reader_data: ReaderData | None = None

    #: The seed folder of this build, read and cataloged once for the pages of
    #: a split glossary (see :mod:`.split`). Not in ``data`` either: a copy per
    #: application, never pickled.
    seed_folder: Folder | None = None

    def _page_key(self, name: str) -> dict[str, Any]:
        value: dict[str, Any] = self.data.setdefault(name, {})
        return value

    @property
    def pages(self) -> dict[str, list[PageSeeds]]:
        return self._page_key("pages")

    @property
    def xrefs(self) -> dict[str, tuple[Source, ...]]:
        return self._page_key("xrefs")

    @property
    def see_xrefs(self) -> dict[str, tuple[str, ...]]:
        return self._page_key("see_xrefs")

    @property
    def texts(self) -> dict[str, str]:
        return self._page_key("texts")

    @property
    def plans(self) -> dict[str, PagePlan]:
        return self._page_key("plans")

    @property
    def backlinks(self) -> dict[str, tuple[Source, ...]]:
        return self._page_key("backlinks")

    @property
    def places(self) -> dict[str, Place]:
        return self._page_key("places")

    @property
    def confdir(self) -> str:
        return str(self.data.get("confdir", ""))

    @property
    def reading(self) -> frozenset[str]:
        return frozenset(self.data.get("reading", ()))

    def note_seeds(self, docname: str, page: PageSeeds) -> None:
        """Record what a directive on *docname* read."""
        self.pages.setdefault(docname, []).append(page)

    def note_shown_names(
        self, docname: str, shown: Mapping[str, tuple[str, ...]]
    ) -> None:
        """The names of *docname*'s entries as the page shows them (translated):
        entry key -> its ``dt`` lines, headword first."""
        self.pages[docname] = [
            replace(
                page,
                items=tuple(
                    replace(item, names=shown[item.key], source_names=item.names)
                    if shown.get(item.key, item.names) != item.names
                    and len(shown[item.key]) == len(item.names)
                    else item
                    for item in page.items
                ),
            )
            for page in self.pages.get(docname, [])
        ]

    def clear_doc(self, docname: str) -> None:
        for name in _PAGE_KEYS:
            self._page_key(name).pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for name in _MERGED_KEYS:
            mine = self._page_key(name)
            for docname, value in otherdata.get(name, {}).items():
                if docname in docnames:
                    mine[docname] = value

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


def remember_confdir(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: keep the conf dir and the pages to read.

    Directives need both: the conf dir for relative seed folders, the pages
    to read to tell a term another page defines from one it defined before
    it was changed (it is read again later in this build).
    """
    domain = get_domain(env)
    domain.data["confdir"] = str(app.confdir)
    domain.data["reading"] = frozenset(docnames)


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
