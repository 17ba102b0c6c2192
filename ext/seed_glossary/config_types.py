"""The row of the configuration table (:mod:`.config_values`): what Sphinx
and the manual need to know of one ``seed_glossary_*`` value, and the checks
that several values share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

#: When a change of the value makes Sphinx read pages again (``add_config_value``).
Rebuild = Literal["", "env", "html"]


@dataclass(frozen=True)
class ConfigValue:
    """One ``seed_glossary_*`` value."""

    name: str
    default: object
    rebuild: Rebuild
    types: frozenset[type]
    #: what is allowed, in words, for the warning and the manual
    allowed: str
    help: str
    #: is the value (already of one of the types) allowed?
    valid: Callable[[object], bool] = lambda value: True
    #: for a value that does nothing any more: since when, and what to do
    deprecated: str = ""


def strings(value: object) -> bool:
    """Is *value* a list or tuple of strings?"""
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)


def autolink_scope(value: object) -> bool:
    """Is *value* a scope of ``seed_glossary_autolink``: a bool, a word or
    glob, or a list of document globs?"""
    if isinstance(value, bool):
        return True
    if isinstance(value, str):
        return bool(value.strip())
    return strings(value)


#: The type of ``None``, for values that may be unset.
NOTHING = frozenset({type(None)})
