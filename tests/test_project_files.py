"""The project's own configuration agrees with itself: RTD, CI, tox, packaging."""

from __future__ import annotations

import configparser
import re
import sys
import tomllib
from pathlib import Path

import yaml

from .test_pdf_epub import DEBIAN

REPO = Path(__file__).parents[1]


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _tox() -> configparser.ConfigParser:
    ini = configparser.ConfigParser(interpolation=None)
    ini.read_string(_pyproject()["tool"]["tox"]["legacy_tox_ini"])
    return ini


def test_read_the_docs_builds_the_manual_like_make_html():
    rtd = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert rtd["version"] == 2
    assert rtd["build"] == {"os": "ubuntu-24.04", "tools": {"python": "3.12"}}
    assert rtd["python"]["install"] == [
        {"method": "pip", "path": ".", "extra_requirements": ["docs"]}
    ]
    assert "docs" in _pyproject()["project"]["optional-dependencies"]
    assert rtd["sphinx"]["configuration"] == "docs/conf.py"
    assert (REPO / rtd["sphinx"]["configuration"]).is_file()
    assert rtd["sphinx"]["fail_on_warning"] is True
    assert sorted(rtd["formats"]) == ["epub", "pdf"]


def test_ci_installs_what_the_pdf_and_epub_tests_need():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    for package in DEBIAN.split():
        assert re.search(rf"\b{re.escape(package)}\b", script), package
    assert "--no-install-recommends" in script
    assert "apt-get update" in script
    for target in ("make test", "make pdf", "make corners"):
        assert target in script


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


def test_tox_runs_each_python_against_lowest_and_newest():
    env_list = _tox()["tox"]["env_list"].strip()
    assert env_list == "py3{11,12,13}-{lowest,newest}"
    classifiers = _pyproject()["project"]["classifiers"]
    for minor in ("11", "12", "13"):
        assert f"Programming Language :: Python :: 3.{minor}" in classifiers
    assert "Framework :: Sphinx :: Extension" in classifiers
    assert _pyproject()["project"]["license"] == "MIT"


def test_the_package_is_typed():
    assert (REPO / "ext" / "seed_glossary" / "py.typed").is_file()
    mypy = _pyproject()["tool"]["mypy"]
    assert mypy["strict"] is True
    assert mypy["files"] == ["ext"]


def test_every_config_value_and_warning_is_in_the_generated_reference():
    """reference.md lists config values and warnings from the code's tables."""
    sys.path.insert(0, str(REPO / "docs" / "_ext"))
    try:
        import seed_glossary_docs as docs
    finally:
        sys.path.pop(0)
    from seed_glossary.config import CONFIG_VALUES
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
