"""The seed folder of a build, read and cataloged once (no reading per page).

A split glossary's letter pages and its index all need the whole catalog; a
page of ``.. seed-glossary::`` with ``seed_glossary_split = "auto"`` needs it
to know whether to split. :func:`read_folder` reads the folder once per
build and keeps the copy on the build's own domain
(:attr:`.SeedGlossaryDomain.seed_folder`): never pickled, never shared by two
applications in one process. :func:`refresh_folder` drops a copy whose files
changed, before pages are read.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .catalog import CatalogItem, CatalogProblem, build_catalog
from .collation import collation_of
from .config import noise_options
from .ingest import discover, for_language, read_seeds
from .language import load

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from .domain import SeedGlossaryDomain
    from .ingest import ReaderWords
    from .model import SeedEntry

Stamp = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class Folder:
    """The seed folder read and cataloged once."""

    spec: Path
    options: str  #: the noise settings it was read with (:func:`options_key`)
    stamp: Stamp
    files: tuple[Path, ...]
    entries: tuple[SeedEntry, ...]
    items: tuple[CatalogItem, ...]
    problems: tuple[CatalogProblem, ...]


def seeds_path(confdir: str | os.PathLike[str], config: Config) -> Path:
    """The seed folder (or glob) of ``seed_glossary_seeds``, made absolute."""
    return Path(confdir, config.seed_glossary_seeds).resolve()


def stamp(files: Iterable[Path]) -> Stamp:
    """Path, modification time and size of each file: cheap change detection."""
    out = []
    for path in files:
        try:
            info = path.stat()
        except OSError:
            continue
        out.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(out)


def read_folder(env: BuildEnvironment, spec: Path, *, check: bool = True) -> Folder:
    """Read and catalog the folder, or return this build's copy if unchanged.

    :param env: the build's environment: its config and its domain
    :param spec: the seed folder or glob (:func:`seeds_path`)
    :param check: list and stat the folder's files to know whether the copy
        is still current. The directives of a build pass ``False``, since
        :func:`refresh_folder` checked just before reading: listing a large
        folder again for each letter page cost more than the pages.
    """
    folder = _current(env, spec)
    if folder is not None and not check:
        return folder
    files = tuple(discover(spec))
    now = stamp(files)
    if folder is None or folder.stamp != now:
        entries, items, problems = read_catalog(files, env.config)
        options = repr(options_key(env.config))
        folder = Folder(
            spec, options, now, files, tuple(entries), tuple(items), tuple(problems)
        )
        _domain(env).seed_folder = folder  # one at a time: a build reads one
    return folder


def _domain(env: BuildEnvironment) -> SeedGlossaryDomain:
    from .domain import get_domain

    return get_domain(env)


def _current(env: BuildEnvironment, spec: Path) -> Folder | None:
    """This build's copy of the folder *spec*, if read with the current settings."""
    folder = _domain(env).seed_folder
    options = repr(options_key(env.config))
    if folder is None or folder.spec != spec or folder.options != options:
        return None
    return folder


def read_catalog(
    files: Sequence[Path], config: Config
) -> tuple[list[SeedEntry], list[CatalogItem], list[CatalogProblem]]:
    """Read seed files with the project's noise settings, and catalog them."""
    entries = read_seeds(
        files,
        options=noise_options(config),
        max_bytes=config.seed_glossary_max_seed_bytes,
        words=reader_words(config),
    )
    items, problems = build_catalog(
        entries, collation_of(config.language, config.seed_glossary_language_data)
    )
    return entries, items, problems


def reader_words(config: Config) -> ReaderWords:
    """The words the reader of seeds needs, in the build's ``language``.

    The project's ``seed_glossary_language_data`` extends ours; its folders
    were made absolute at ``config-inited``.
    """
    return for_language(config.language, config.seed_glossary_language_data)


def options_key(config: Config) -> tuple[object, ...]:
    """The settings that shape what the folder reads as: a copy read with
    others is read again."""
    headings = config.seed_glossary_headings
    return (
        tuple(config.seed_glossary_noise_patterns),
        tuple(config.seed_glossary_keep_patterns),
        None if headings is None else tuple(headings),
        config.seed_glossary_max_seed_bytes,
        # The language and its data's content, not its folders: editing a
        # word list or the alphabet reads again.
        config.language,
        json.dumps(
            load(config.language, config.seed_glossary_language_data), sort_keys=True
        ),
    )


def refresh_folder(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: the directives of this build do not check
    the seed folder themselves; a copy read before it changed is dropped.

    With nothing to read, nothing is checked; without a copy, the first
    directive reads the folder.
    """
    folder = _current(env, seeds_path(app.confdir, app.config))
    if docnames and folder is not None and folder.stamp != stamp(discover(folder.spec)):
        _domain(env).seed_folder = None
