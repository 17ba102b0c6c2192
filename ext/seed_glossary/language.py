"""What the rules know of a language: its data files (no Sphinx here).

Every rule that needs words of a language (the rules of sense, the naming
grammar of scraped pages, the letters of the A–Z bar) reads them from
``languages/<code>.json`` in this package: an object whose keys name groups,
each ``{"about": "...", "words": [...]}`` or another JSON value. A project
extends the data with files of the same name in folders of its own
(``seed_glossary_language_data``): their word groups add words to ours (a word
written ``"-word"`` removes one), their other values replace ours.

A language is named as Sphinx names it (``de``, ``pt_BR``, ``zh_CN``); the
file of the full code is read if there is one, else the file of its first
part.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeGuard

#: The language of a build that does not set Sphinx's ``language``.
DEFAULT = "en"


def codes(language: str | None) -> tuple[str, ...]:
    """The data files to look for, most specific first: ``pt_BR`` -> pt_br, pt."""
    code = (language or DEFAULT).replace("-", "_").lower()
    base = code.split("_")[0]
    return (code, base) if base != code else (code,)


def code_of(language: str | None) -> str:
    """The base code of a Sphinx ``language``: ``de_AT`` -> ``de``."""
    return codes(language)[-1]


def load(language: str | None, folders: Iterable[str | Path] = ()) -> dict[str, Any]:
    """The data of *language*: ours, extended by each file in *folders*.

    Returns ``{}`` for a language that neither we nor the project describe;
    rules that need words are then off, as :mod:`seed_glossary.sense` says.
    A file that is not a JSON object raises :class:`ValueError` naming it.
    """
    ours = files(__package__) / "languages"
    data: dict[str, Any] = {}
    for code in codes(language):
        found = ours / f"{code}.json"
        if found.is_file():
            data = _read(found.read_text(encoding="utf-8"), str(found))
            break
    for folder in folders:
        for code in codes(language):
            path = Path(folder) / f"{code}.json"
            if path.is_file():
                data = extend(data, _read(path.read_text(encoding="utf-8"), str(path)))
                break
    return data


def extend(data: Mapping[str, Any], more: Mapping[str, Any]) -> dict[str, Any]:
    """*data* with *more* laid over it: word groups merged, other values replaced."""
    out = dict(data)
    for name, value in more.items():
        mine = out.get(name)
        if _is_group(value) and _is_group(mine):
            words = list(mine["words"])
            for word in value["words"]:
                if word.startswith("-") and len(word) > 1:
                    words = [w for w in words if w != word[1:]]
                elif word not in words:
                    words.append(word)
            out[name] = {**mine, **{k: v for k, v in value.items() if k != "words"}}
            out[name]["words"] = words
        else:
            out[name] = value
    return out


def words(data: Mapping[str, Any], group: str) -> frozenset[str]:
    """The words of one group of *data*, or none."""
    found = data.get(group)
    return frozenset(found["words"]) if _is_group(found) else frozenset()


def _is_group(value: Any) -> TypeGuard[dict[str, Any]]:
    return isinstance(value, dict) and isinstance(value.get("words"), list)


def _read(text: str, where: str) -> dict[str, Any]:
    try:
        found = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"{where}: not JSON: {error}") from None
    if not isinstance(found, dict):
        raise ValueError(f"{where}: not a JSON object")
    return found
