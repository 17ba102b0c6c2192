"""SQLAlchemy 1.4 (Debian's ``python-sqlalchemy-doc``): the glossary and the tutorials.

The glossary (75 entries under 123 names: one entry lists several names) comes
from the built ``html/glossary.html``; its "See also" boxes are the entries'
see_also (see :func:`html2myst.sphinx_glossary`). The prose is the package's
rST sources of its three tutorials: the unified 1.4/2.0 tutorial
(``tutorial/``, 11 pages), the ORM tutorial (``orm/tutorial.rst``) and the Core
tutorial (``core/tutorial.rst``), about 100 of the manual's 410 ``:term:``
links. The rest of the manual (API reference, changelogs, 150 more pages) is
left out to keep the build short; the tutorials are where a reader meets the
glossary's words first.

The sources are built with Sphinx's own directives only, so what SQLAlchemy's
extensions provide is neutralised, each the way a reader sees it:

- ``:term:`` roles become their text (the truth);
- Python roles (``:class:``, ``:meth:``, ``:paramref:``...) become literals of
  the text SQLAlchemy shows (``_orm.Session`` shows as ``Session``); they are
  links in the original and code either way, never autolinked;
- ``sourcecode`` and ``code-block`` blocks stay code, in plain text (their
  ``pycon+sql`` lexers are SQLAlchemy's);
- a directive Sphinx does not know (``deepalchemy``) becomes a ``container``
  of its text, which a reader sees in a box;
- the navigation (the include ``tutorial_nav_include.rst``, boxes with
  ``|prev|`` or ``|next|``, their substitutions) and the ``toctree`` are
  dropped: they are no prose.
"""

from __future__ import annotations

import re
from pathlib import Path

from corpus import Corpus, debian_folder
from cpython import strip_terms
from html2myst import sphinx_glossary

PACKAGE = "python-sqlalchemy-doc"
INSTALLED = Path("/usr/share/doc/python-sqlalchemy-doc")
PROSE = ("rst/tutorial", "rst/orm/tutorial.rst", "rst/core/tutorial.rst")
# Directives of docutils and Sphinx that the tutorials use or may use.
_KNOWN = (
    "admonition attention caution centered class code code-block compound "
    "container contents csv-table danger deprecated epigraph error figure glossary "
    "highlight hint hlist image important include index list-table literalinclude "
    "math note only parsed-literal raw rst-class rubric seealso sidebar sourcecode "
    "table testcode testoutput testsetup tip toctree topic versionadded "
    "versionchanged warning"
)
KNOWN_DIRECTIVES = frozenset(_KNOWN.split())
_CODE_ROLE = re.compile(
    r"(?<![\w`]):(class|meth|func|attr|data|mod|obj|exc|paramref):`([^`]+)`"
)
_DIRECTIVE = re.compile(r"^([ \t]*)\.\. ([\w:-]+)::(.*)$", re.M)


def shown(role: str, target: str) -> str:
    """What SQLAlchemy shows for a Python role: the title if given, else the
    target without its module prefix (``_orm.``, ``.``, ``~``), with ``()``
    after functions and methods as Sphinx adds."""
    title = re.match(r"(.*?)\s*<([^>]*)>$", target, re.S)
    if title and title.group(1):
        return " ".join(title.group(1).split())
    text = target.strip()
    if text.startswith("~"):
        text = text.rsplit(".", 1)[-1]
    text = re.sub(r"^\.|^_\w+\.", "", text.lstrip("~!"))
    if role in ("meth", "func") and not text.endswith(")"):
        text += "()"
    return text


def _literal(text: str) -> str:
    return "``" + text.replace("`", "'") + "``" if text else ""


def neutralise(text: str) -> str:
    """rST of SQLAlchemy's tutorials that Sphinx builds with its own directives."""
    text = _CODE_ROLE.sub(lambda m: _literal(shown(m.group(1), m.group(2))), text)
    text = re.sub(
        r"^\.\. \|(prev|next|tutorial_title)\| replace::.*\n", "", text, flags=re.M
    )
    out, lines, i = [], text.split("\n"), 0
    while i < len(lines):
        match = _DIRECTIVE.match(lines[i])
        if not match:
            out.append(lines[i])
            i += 1
            continue
        indent, name, rest = match.groups()
        end = _block_end(lines, i, len(indent))
        block = "\n".join(lines[i:end])
        if name in ("include", "toctree") or re.search(r"\|(prev|next)\|", block):
            i = end  # navigation, or pages listed elsewhere
            continue
        if name in ("sourcecode", "code-block", "code"):
            out.append(f"{indent}.. code-block:: text")
        elif name == "highlight":
            out.append(f"{indent}.. highlight:: text")
        elif name not in KNOWN_DIRECTIVES:
            out.append(f"{indent}.. container:: {name}")
        else:
            out.append(lines[i])
        i += 1
        if name not in KNOWN_DIRECTIVES and rest.strip():
            out.append("")
            out.append(f"{indent}   {rest.strip()}")
    return "\n".join(out)


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """The line after a directive's block (its options and indented content)."""
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        i += 1
    return i


def corpus() -> Corpus:
    docs = debian_folder(PACKAGE, INSTALLED, "html/glossary.html", *PROSE)
    entries, truth = sphinx_glossary((docs / "html" / "glossary.html").read_text())
    files = sorted((docs / "rst" / "tutorial").glob("*.rst"))
    files += [docs / "rst" / "orm" / "tutorial.rst", docs / "rst" / "core/tutorial.rst"]
    pages, links = {}, []
    for path in files:
        if path.name.endswith("_include.rst"):
            continue  # included by the pages, not a page
        page = path.relative_to(docs / "rst").with_suffix("").as_posix()
        text, found = strip_terms(path.read_text(encoding="utf-8"), page)
        pages[page + ".rst"] = neutralise(text)
        links += found
    result = Corpus(
        name="sqlalchemy",
        field="a database toolkit",
        entries=entries,
        glossary_truth=truth,
        pages=pages,
        prose_truth=set(),
        limits=[
            "prose: the three tutorials only (13 of about 180 pages), "
            "to keep the build short"
        ],
    )
    result.prose_truth = result.resolve(links)
    return result
