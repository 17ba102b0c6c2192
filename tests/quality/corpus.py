"""What each manual module hands the driver, and how a manual's files are had.

A :class:`Corpus` is plain data: the glossary's entries as curated seeds, the
links its authors made between entries, the prose pages with their authors'
links stripped, and the (page, entry) places those links were. Names in the
truth sets are headwords folded to lower case, as Sphinx folds ``:term:``
targets.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
#: Where downloaded packages are unpacked (``build/`` is not in git).
CACHE = ROOT / "build" / "quality" / "packages"


class Entry(NamedTuple):
    """One glossary entry, as a curated seed."""

    names: tuple[str, ...]  #: the headword first, then its aliases
    body: str  #: the definition as MyST, links turned into their text
    #: headwords of the entries a trailing "See also" list links (front matter)
    see_also: tuple[str, ...] = ()


@dataclass
class Corpus:
    """One manual: its glossary and its prose, with the authors' links as truth."""

    name: str
    field: str
    entries: list[Entry]
    #: (entry, entry) pairs the authors linked inside definitions
    glossary_truth: set[tuple[str, str]]
    #: page path with its suffix (``tutorial/classes.rst``, ``reference/paths.md``)
    #: -> the page's source, authors' links stripped
    pages: dict[str, str]
    #: (page, entry) places the authors linked from prose; page without suffix
    prose_truth: set[tuple[str, str]]
    #: what was left out of the manual, and why (said in the report)
    limits: list[str] = field(default_factory=list)
    #: authors' links whose target is no entry: (where, target), dropped
    unresolved: list[tuple[str, str]] = field(default_factory=list)
    #: other figures about the truth worth printing with ``--json``
    notes: dict[str, object] = field(default_factory=dict)

    def headword(self) -> dict[str, str]:
        """Every name, folded, -> its entry's folded headword."""
        return {n.lower(): e.names[0].lower() for e in self.entries for n in e.names}

    def resolve(
        self, links: list[tuple[str, str]], where: str = "prose"
    ) -> set[tuple[str, str]]:
        """(place, target name) -> (place, headword); unknown targets go to
        :attr:`unresolved` (the authors linked something that is no entry)."""
        heads = self.headword()
        out = set()
        for place, target in links:
            head = heads.get(" ".join(target.split()).lower())
            if head is None:
                self.unresolved.append((f"{where}:{place}", target))
            else:
                out.add((place, head))
        return out


# -- the Debian packages ------------------------------------------------------------


def debian_folder(package: str, installed: Path, *members: str) -> Path:
    """*installed* when the package is installed, else the same folder unpacked
    from the package into :data:`CACHE` (downloaded once, kept for later runs).

    :param members: paths inside *installed* to unpack (all of it when none)
    """
    if installed.is_dir() and all((installed / m).exists() for m in members):
        return installed
    root = CACHE / package
    local = root / installed.relative_to("/")
    done = root / ".unpacked"
    if done.is_file() and done.read_text() == "\n".join(members):
        return local
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    debs = CACHE / "debs"
    debs.mkdir(exist_ok=True)
    found = sorted(debs.glob(f"{package}_*.deb"))
    if not found:
        _apt_download(package, debs)
        found = sorted(debs.glob(f"{package}_*.deb"))
    deb = found[-1]
    inside = [
        "./" + str(installed.relative_to("/") / m).rstrip("/.") for m in members
    ] or ["./" + str(installed.relative_to("/"))]
    print(f"unpacking {deb.name}: {', '.join(inside)}", file=sys.stderr)
    dpkg = subprocess.Popen(
        ["dpkg-deb", "--fsys-tarfile", str(deb)], stdout=subprocess.PIPE
    )
    tar = subprocess.run(
        ["tar", "-x", "-C", str(root), *inside], stdin=dpkg.stdout, check=False
    )
    dpkg.stdout.close()
    if dpkg.wait() or tar.returncode:
        raise SystemExit(f"could not unpack {', '.join(inside)} from {deb}")
    done.write_text("\n".join(members))
    return local


def _apt_download(package: str, into: Path) -> None:
    """``apt-get download``; on a machine without package lists, update them first
    (as root, or with sudo when there is one)."""
    print(f"downloading {package} (apt-get download)", file=sys.stderr)
    download = ["apt-get", "download", package]
    if subprocess.run(download, cwd=into, stdout=sys.stderr).returncode == 0:
        return
    sudo = [] if os.geteuid() == 0 or not shutil.which("sudo") else ["sudo"]
    subprocess.run([*sudo, "apt-get", "update", "-qq"], stdout=sys.stderr, check=True)
    subprocess.run(download, cwd=into, stdout=sys.stderr, check=True)


def build(docs: Path, out: Path, *, fresh: bool = False) -> int:
    """``sphinx -q -b html`` (``-E`` when *fresh*); returns the number of
    warnings it printed."""
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(docs), str(out)]
    if fresh:
        command.insert(4, "-E")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"the build of {docs} failed:\n{done.stderr[-3000:]}")
    return len(re.findall(r"WARNING|ERROR", done.stderr))
