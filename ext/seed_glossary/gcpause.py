"""Keep Python's cyclic garbage collector from walking large glossaries again.

A glossary of thousands of entries adds tens of thousands of docutils nodes
in one go. Every few thousand allocations Python runs a collection, and the
full ones walk the whole heap (the environment and every doctree): measured
on 10,000 seeds, a third of the extension's time went there. The nodes we make
all stay alive, so there is nothing to collect meanwhile; collection resumes,
and catches up, as soon as the block ends.

Whether we froze is our own flag, not ``gc.get_freeze_count()``: that call
counts the frozen objects one by one (0.17 s for a 10,000-seed build).
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


class _State:
    frozen = False  # we called gc.freeze() in this build
    # Collection is off from hold_after_reading to freeze_after_reading, and
    # from AutolinkTransform to ResumeCollection.
    held = False


_state = _State()


def _freeze(config: Config) -> None:
    if config.seed_glossary_gc_freeze:
        gc.freeze()
        _state.frozen = True


@contextmanager
def gc_paused(freeze_after: Config | None = None) -> Iterator[None]:
    """Disable automatic collection for the block; restore the previous state.

    :param freeze_after: a config with ``seed_glossary_gc_freeze`` on: freeze
        what exists when the block ends. The directive does this with the
        glossary it made, which lives until the build ends: the full
        collections that Sphinx's transforms and the pickling of the page set
        off next would walk it twice (1.3 s at 10,000 seeds).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze_after is not None:
            _freeze(freeze_after)
        if was_enabled:
            gc.enable()


def _hold() -> None:
    """Turn automatic collection off, if it is on, until :func:`_release`."""
    if gc.isenabled():
        gc.disable()
        _state.held = True


def _release() -> bool:
    """Turn collection back on if :func:`_hold` turned it off; did it?"""
    if not _state.held:
        return False
    _state.held = False
    gc.enable()
    return True


def hold_after_reading(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``, first: no collection until :func:`freeze_after_reading`.

    The handlers in between (planning links, the previews' data) add objects
    that live as long as the build; the first collection after them would
    walk them all (0.04 s at 10,000 seeds) just before they are frozen.
    """
    if app.config.seed_glossary_gc_freeze and _has_seeds(env):
        _hold()


def freeze_after_reading(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: move everything read so far out of the collector's sight.

    After reading, the environment and the doctrees kept for writing are long
    lived; each full collection during writing would walk all of them again
    (for 10,000 seeds, several seconds a build). ``gc.freeze`` leaves them to
    reference counting, for the rest of the build (see :func:`end_of_build`). Set
    ``seed_glossary_gc_freeze = False`` to leave the collector alone.
    """
    if _has_seeds(env):
        _freeze(app.config)
    _release()


def hold_until_resolved() -> None:
    """Hold collection off until :func:`resume_after_resolving`.

    Called by our post-transform that adds autolinks, just before Sphinx's
    ``ReferencesResolver``, before it adds them. Adding and resolving them
    makes new nodes (for 30,000 autolinks, about 90,000 objects, all part of
    the page until it is written); on 10,000 seeds the collections this set
    off walked them four times, 0.5 s for nothing.
    """
    if _state.frozen:  # frozen only with the setting on
        _hold()


def resume_after_resolving(config: Config) -> None:
    """Collect again, with the resolved page frozen as well."""
    if _release():
        _freeze(config)


def end_of_build(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: collect again, but leave what we froze frozen.

    Unfreezing here would hand every written page's nodes back to the
    collector, and the collection at interpreter exit would then walk and free
    them one by one (1.7 s of a 10,000-seed ``sphinx-build``) just before the
    operating system takes the whole process back at once. Python never frees
    frozen objects at exit. In a process that goes on building,
    :func:`release_previous_build` gives them back when the next build starts.
    """
    _release()  # a build that failed between a hold and its end


def release_previous_build(app: Sphinx, *args: object) -> None:
    """``env-before-read-docs``: unfreeze what an earlier build froze.

    Each build in a process (tests, a server that builds again) thus keeps
    at most its own frozen objects, and no earlier build's garbage.
    """
    if _state.frozen:
        _state.frozen = False
        gc.unfreeze()


def _has_seeds(env: BuildEnvironment) -> bool:
    from .domain import get_domain

    return bool(get_domain(env).pages)
