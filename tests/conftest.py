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

#: Modules that take the longest, longest first (browsers in five themes,
#: Hypothesis storms of builds, huge seeds read twice by the command line, a
#: wheel installed in a new environment, LaTeX and epubcheck, ...), run first.
#: With ``make test`` (``pytest -n auto --dist loadfile --no-loadscope-reorder``)
#: each module goes to one worker as a whole, in this order; a long module
#: started last would leave the other workers idle until it ends. (Without
#: ``--no-loadscope-reorder``, pytest-xdist runs the modules with the most
#: tests first, and these, with few tests each, last.)
LONGEST_FIRST = (
    "test_browser.py",
    "test_browser_scale.py",
    "test_edit_storms.py",
    "test_hostile.py",
    "test_wheel.py",
    "test_pdf_epub.py",
    "test_links.py",
    "test_languages.py",
    "test_builders.py",
    "test_i18n.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The modules of :data:`LONGEST_FIRST` first; each module's tests stay
    together and in their order (they share builds)."""

    def rank(item: pytest.Item) -> int:
        name = item.path.name
        last = len(LONGEST_FIRST)
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else last

    items.sort(key=rank)  # stable: the order within each rank is kept


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
