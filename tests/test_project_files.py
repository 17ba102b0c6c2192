"""The project's files agree with its code: tested lower bounds, the reference."""

from __future__ import annotations

import configparser
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).parents[1]


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _tox() -> configparser.ConfigParser:
    ini = configparser.ConfigParser(interpolation=None)
    ini.read_string(_pyproject()["tool"]["tox"]["legacy_tox_ini"])
    return ini


def _lower_bound(requirement: str) -> tuple[str, str]:
    name, bound = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([0-9.]+)", requirement).groups()
    return name.lower(), bound


def test_lowest_tox_stack_is_the_declared_lower_bounds():
    bounds = dict(_lower_bound(r) for r in _pyproject()["project"]["dependencies"])
    deps = _tox()["testenv"]["deps"]
    pins = {
        name.lower(): version
        for name, version in re.findall(
            r"^\s*(?:py311-)?lowest:\s*([A-Za-z0-9_.-]+)==([0-9.]+)\s*$",
            deps,
            flags=re.MULTILINE,
        )
    }
    for name, bound in bounds.items():
        assert pins.get(name, "").startswith(bound), (name, bound, pins)


def test_every_config_value_and_warning_is_in_the_generated_reference():
    """reference.md lists config values and warnings from the code's tables."""
    sys.path.insert(0, str(REPO / "docs" / "_ext"))
    try:
        import seed_glossary_docs as docs
    finally:
        sys.path.pop(0)
    from seed_glossary.config_values import CONFIG_VALUES
    from seed_glossary.model import WarningSubtype

    reference = (REPO / "docs" / "reference.md").read_text()
    assert "```{seed-glossary-config}" in reference
    assert "```{seed-glossary-warnings}" in reference
    config = "\n".join(docs.config_markdown())
    for value in CONFIG_VALUES:
        assert f"`{value.name}`\n: **Type:**" in config, value.name
        assert f"**Default:** `{docs.shown(value.default)}`" in config, value.name
        assert value.help in config
    warnings = "\n".join(docs.warnings_markdown())
    for subtype in WarningSubtype:
        assert f"| `{subtype}` |" in warnings, subtype
