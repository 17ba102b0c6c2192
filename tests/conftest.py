"""Shared fixtures: Sphinx's own test fixtures and our test roots."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ["sphinx.testing.fixtures"]

TESTS = Path(__file__).parent
DATA = TESTS / "data"
SAMPLE_SEEDS = DATA / "seeds-dev"
PROJECT_SEEDS = TESTS.parent / "seeds"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds ``test-<name>`` roots."""
    return TESTS / "roots"


@pytest.fixture
def seed_dir(tmp_path: Path):
    """Copy seed files into a fresh folder: ``seed_dir(*paths) -> Path``."""

    def make(*files: Path, name: str = "seeds") -> Path:
        target = tmp_path / name
        target.mkdir(exist_ok=True)
        for file in files:
            shutil.copy2(file, target / file.name)
        return target

    return make
