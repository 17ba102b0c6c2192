"""Keep Python's cyclic garbage collector from walking large glossaries again.

A glossary of thousands of entries adds tens of thousands of docutils nodes
in one go. Every few thousand allocations Python runs a collection, and the
full ones walk the whole heap (the environment and every doctree): measured
on 10,000 seeds, a third of the extension's time went there. The nodes we make
all stay alive, so there is nothing to collect meanwhile; collection resumes,
and catches up, as soon as the block ends.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable automatic collection for the block; restore the previous state."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def freeze_after_reading(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: move everything read so far out of the collector's sight.

    After reading, the environment and the doctrees kept for writing are long
    lived; each full collection during writing would walk all of them again
    (for 10,000 seeds, several seconds a build). ``gc.freeze`` leaves them to
    reference counting. :func:`unfreeze` undoes it when the build ends. Set
    ``seed_glossary_gc_freeze = False`` to leave the collector alone.
    """
    if app.config.seed_glossary_gc_freeze and _has_seeds(env):
        gc.freeze()


def refreeze(config: Config) -> None:
    """Freeze again, after a large batch of lasting nodes (if frozen before)."""
    if config.seed_glossary_gc_freeze and gc.get_freeze_count():
        gc.freeze()


def unfreeze(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: give frozen objects back to the collector."""
    if gc.get_freeze_count():
        gc.unfreeze()


def _has_seeds(env: BuildEnvironment) -> bool:
    from .domain import get_domain

    return bool(get_domain(env).pages)
