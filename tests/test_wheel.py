"""The real package: sdist and wheel built by ``python -m build``, installed alone.

The wheel goes into a fresh virtual environment (not editable, not this
checkout) and builds a small project there, in German: a static file, a
message catalog or ``py.typed`` left out of the wheel fails here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent
PACKAGE = REPO / "ext" / "seed_glossary"


# Processes of their own: the wheel is built by `python -m build` and
# installed into a virtual environment of its own, apart from this checkout.
def _run(*args: str | Path, cwd: Path, timeout: int = 600) -> str:
    hidden = ("PYTHONPATH", "VIRTUAL_ENV")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    run = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert run.returncode == 0, f"{args}\n{run.stdout[-4000:]}\n{run.stderr[-4000:]}"
    return run.stdout + run.stderr


def _package_files(folder: Path) -> set[str]:
    """Files of the package, relative, without bytecode."""
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """``python -m build``: the sdist, then the wheel built from the sdist."""
    pytest.importorskip("build", reason="the test extra installs 'build'")
    # Build from a copy: the checkout keeps no build/ or dist/ of ours.
    tmp = tmp_path_factory.mktemp("dist")
    source = tmp / "source"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", ".tox", "_build", "dist", "build", "__pycache__", ".*cache"
        ),
    )
    out = tmp / "dist"
    _run(sys.executable, "-m", "build", "--outdir", out, source, cwd=tmp)
    return out


def test_sdist_and_wheel_pass_twine_check(dist):
    pytest.importorskip("twine", reason="the test extra installs 'twine'")
    files = sorted(dist.iterdir())
    assert sorted(f.suffix for f in files) == [".gz", ".whl"]
    _run(sys.executable, "-m", "twine", "check", "--strict", *files, cwd=dist)


def test_wheel_holds_every_file_of_the_package(dist):
    [wheel] = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = {
            n.removeprefix("seed_glossary/")
            for n in archive.namelist()
            if n.startswith("seed_glossary/")
        }
    expected = _package_files(PACKAGE)
    assert {"py.typed", "locales/de/LC_MESSAGES/seed_glossary.mo"} <= expected
    assert expected <= names, expected - names


def test_sdist_holds_the_sources_tests_and_manual(dist):
    [sdist] = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    for name in (
        "pyproject.toml",
        "README.md",
        "ext/seed_glossary/py.typed",
        "ext/seed_glossary/locales/seed_glossary.pot",
        "ext/seed_glossary/locales/de/LC_MESSAGES/seed_glossary.mo",
        "docs/conf.py",
        "tests/conftest.py",
    ):
        assert name in names, name
    assert not any(n.startswith("docs/_build") for n in names)


def test_installed_wheel_builds_a_project_in_german(dist, rootdir, tmp_path):
    [wheel] = dist.glob("*.whl")
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    # This environment's pip installs into the new one (which then needs no pip
    # of its own), the wheel and its dependencies, without compiling every
    # module to bytecode: the build below imports what it needs.
    _run(
        sys.executable,
        *("-m", "pip", "--python", python, "install", "--quiet", "--no-compile"),
        wheel,
        cwd=tmp_path,
    )

    # The package comes from the venv, not from this checkout.
    code = "import seed_glossary; print(seed_glossary.__file__)"
    where = _run(python, "-c", code, cwd=tmp_path).strip()
    installed = Path(where).parent
    assert installed.is_relative_to(venv), where
    assert _package_files(PACKAGE) <= _package_files(installed)
    # The console command the wheel declares runs the package's command line.
    usage = _run(venv / "bin" / "seed-glossary", "--help", cwd=tmp_path)
    assert usage.startswith("usage: seed-glossary "), usage[:200]

    srcdir = tmp_path / "project"
    shutil.copytree(rootdir / "test-basic", srcdir)
    out = tmp_path / "html"
    log = _run(
        python,
        "-m",
        "sphinx",
        "-W",
        "-q",
        "-b",
        "html",
        "-D",
        "language=de",
        srcdir,
        out,
        cwd=tmp_path,
    )
    assert "WARNING" not in log
    html = (out / "glossary.html").read_text(encoding="utf-8")
    assert 'id="term-leaky-gut"' in html
    assert "<em>Siehe</em>" in html  # the German catalog is in the wheel
    assert "<em>Referenziert von:</em>" in html
    assert (out / "seed-glossary-report.json").is_file()
    # The environment (some 4,000 files, 160 MB) goes once the test passes,
    # while the other workers still run: pytest would remove it at the end of
    # a later session, after its last test.
    shutil.rmtree(venv)
