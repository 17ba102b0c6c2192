"""Hostile seeds: markup and script injection, broken and binary files, huge
files, odd names, unsafe symlinks and clashing terms.

One build of ``test-hostile`` (warnings are not errors) backs most tests, shared
through Sphinx's ``shared_result``. Small seeds are committed in the root; big,
binary and symlinked ones are made here, in its copy, before it is built.
Every hostile seed must end as a located warning that says
what to do, never as a traceback, and the seeds around it must still render.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from seed_glossary.ingest import OutsidePath, discover, read_seeds

from .helpers import shared_build

SECRET = "TOPSECRET-7f3a"
LONG_LINE_BYTES = 1_000_000
MANY_LINES = 100_000

#: Scraped payloads (``inject.txt``, ``tagterm.txt``): shown exactly as written.
SCRAPED_PAYLOADS = [
    '<script>alert("txt")</script>',
    "<img src=x onerror=alert(1)>",
    "</textarea>",
    "|subst|",
    ":ref:`target`",
    "`backticks`",
    "```{eval-rst}```",
    "[link](javascript:alert(2))",
    'a "quote", a \\"backslash quote\\", </script><script>alert(3)</script>',
    '{"key": "value"}',
    ".. raw:: html",
    "<svg onload=alert(4)>",
    '<a href="javascript:alert(5)">x</a>',
    "'); alert(6);//",
    "Tag <script>alert(7)</script> is a term",
]
#: Curated payloads (``inject.md``); MyST makes its quotes curly, so no quotes.
CURATED_PAYLOADS = [
    "<script>alert(",
    "<img src=x onerror=alert(9)>",
    "[link](javascript:alert(10))",
    "<javascript:alert(11)>",
    "</textarea>",
    "|subst|",
    '<div onclick="alert(12)">block html</div>',
]


# -- the hostile folder -----------------------------------------------------------


def _png() -> bytes:
    """A real 1x1 PNG (it holds NUL bytes, as every PNG does)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


def make_hostile_root(rootdir: Path, target: Path) -> Path:
    """Copy ``test-hostile`` to *target*/src and add the generated seeds."""
    srcdir = target / "src"
    shutil.copytree(rootdir / "test-hostile", srcdir)
    add_generated_seeds(srcdir)
    return srcdir


def add_generated_seeds(srcdir: Path) -> None:
    """The seeds too big, binary or linked to be committed, in *srcdir*/seeds.

    The link target with the secret is beside *srcdir*, outside the sources.
    """
    seeds = srcdir / "seeds"
    secret = srcdir.parent / f"{srcdir.name}-secret.txt"
    secret.write_text(f"Secret Term is private. {SECRET} must never be published.\n")
    os.symlink(secret, seeds / "outside.txt")
    os.symlink("loop.txt", seeds / "loop.txt")
    (seeds / "picture.txt").write_bytes(_png())
    (seeds / "nul.txt").write_bytes(b"Nulterm is a term.\nA \x00 byte on line 2.\n")
    (seeds / "broken utf8.txt").write_bytes(
        "Brûlée is a crème dessert, café style, à la française.\n".encode()
        + b"A stray \xff byte breaks line 2.\n"
    )
    (seeds / "undefined.txt").write_bytes(
        b"Undefinable is a term.\nByte \x81 fits no encoding.\n"
    )
    head = "Longline is a term on one line of a megabyte."
    filler = " word" * ((LONG_LINE_BYTES - len(head)) // 5 + 1)
    (seeds / "long.txt").write_text(head + filler)
    lines = [f"Row {i} ends." for i in range(1, MANY_LINES)]
    (seeds / "many.txt").write_text(
        "Manyline is a term whose file has many lines.\n" + "\n".join(lines) + "\n"
    )


def _plain(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def _warnings(app: SphinxTestApp) -> list[str]:
    """Each warning as one string (a warning may span several lines)."""
    text = _plain(app.warning.getvalue())
    return [
        w.strip() for w in re.split(r"\n(?=\S.*?: WARNING: )", text) if "WARNING" in w
    ]


#: The one build of test-hostile and its generated seeds.
HOSTILE = shared_build("hostile-html", testroot="hostile")


@pytest.fixture
def hostile(app):
    """The shared HTML build of the hostile root: (srcdir, app, warnings)."""
    if not (app.srcdir / "seeds" / "many.txt").exists():
        # Seeds are read when the pages are, so they may come after the
        # application is set up; only the first test builds.
        add_generated_seeds(app.srcdir)
    app.build()
    return app.srcdir, app, _warnings(app)


def _soup(app: SphinxTestApp, page: str = "index.html") -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


def _dd(soup: BeautifulSoup, term_id: str):
    dt = soup.find("dt", id=term_id)
    assert dt is not None, term_id
    return dt.find_next_sibling("dd")


# -- the build goes on ------------------------------------------------------------


@HOSTILE
def test_build_completes_without_a_traceback(hostile):
    _srcdir, app, warnings = hostile
    output = _plain(app.status.getvalue() + app.warning.getvalue())
    assert "Traceback" not in output
    assert "Exception occurred" not in output
    assert "build succeeded" in output
    assert (app.outdir / "index.html").is_file()
    assert warnings  # the hostile seeds were noticed


@HOSTILE
def test_normal_seeds_beside_hostile_ones_still_render(hostile):
    _srcdir, app, _warnings = hostile
    soup = _soup(app)
    expected = {
        "term-Normal-Term": "Normal Term is an ordinary entry among hostile",
        # File names with a space and non-ASCII letters.
        "term-Cafe-Creme": "Café Crème is a coffee with cream",
        "term-Two-Words": "A curated entry in a file whose name has a space.",
        # Read although it holds a bad byte on line 2.
        "term-Brulee": "Brûlée is a crème dessert, café style",
        "term-Injectase": "Injectase is a term whose text is hostile",
    }
    for term_id, text in expected.items():
        assert text in _dd(soup, term_id).get_text(), term_id
    # A link from the page to a normal seed resolves.
    assert soup.find("a", href="#term-Normal-Term") is not None


@pytest.mark.parametrize(
    ("name", "line", "subtype", "advice"),
    [
        ("outside.txt", None, "unsafe_path", "Copy the file into the seed folder"),
        ("loop.txt", None, "unreadable", "remove it from the seed folder"),
        ("picture.txt", 3, "unreadable", "remove it from the seed folder"),
        ("nul.txt", 2, "unreadable", "save it as UTF-8"),
        ("broken utf8.txt", 2, "encoding", "Save the seed as UTF-8"),
        ("undefined.txt", 2, "encoding", "Save the seed as UTF-8"),
        ("empty.txt", None, "empty_definition", "write the definition"),
        ("blank.txt", None, "empty_definition", "write the definition"),
        ("zymase_b.txt", 1, "duplicate_term", "Merge the seeds"),
    ],
)
@HOSTILE
def test_each_hostile_seed_has_a_located_warning_saying_what_to_do(
    hostile, name, line, subtype, advice
):
    srcdir, _app, warnings = hostile
    seed = srcdir / "seeds" / name
    where = re.escape(str(seed)) + (rf":{line}:" if line else r"::")
    found = [w for w in warnings if re.match(where, w)]
    assert any(
        w.endswith(f"[seed_glossary.{subtype}]") and advice in w for w in found
    ), (name, found or warnings)


@HOSTILE
def test_only_one_warning_per_unread_seed(hostile):
    srcdir, _app, warnings = hostile
    for name in ("outside.txt", "loop.txt", "picture.txt", "nul.txt", "empty.txt"):
        seed = str(srcdir / "seeds" / name)
        assert len([w for w in warnings if w.startswith(seed)]) == 1, name


@HOSTILE
def test_warnings_without_a_line_name_the_seed_itself(hostile):
    srcdir, _app, warnings = hostile
    seed = str(srcdir / "seeds" / "outside.txt")
    assert any(w.startswith(f"{seed}:") for w in warnings), warnings


# -- never followed, never leaked -------------------------------------------------


@HOSTILE
def test_symlink_out_of_the_seed_folder_is_not_followed(hostile):
    _srcdir, app, _warnings = hostile
    for path in app.outdir.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
    assert _soup(app).find("dt", id="term-Secret-Term") is None


# -- seed text is text ------------------------------------------------------------


def _sphinx_script(script) -> bool:
    """Sphinx's own scripts: static files and the one-line search box switch."""
    src = script.get("src")
    if src is not None:
        return src.startswith("_static/") or src == "searchindex.js"
    return (script.string or "").strip().startswith("document.getElementById(")


@HOSTILE
def test_no_seed_markup_becomes_an_element_anywhere(hostile):
    _srcdir, app, _warnings = hostile
    pages = sorted(app.outdir.glob("*.html"))
    assert {p.name for p in pages} >= {"index.html", "genindex.html"}
    for page in pages:
        soup = _soup(app, page.name)
        assert all(_sphinx_script(s) for s in soup.find_all("script")), page
        assert soup.find_all(["img", "svg", "iframe", "textarea", "object"]) == []
        for tag in soup.find_all(True):
            assert not any(a.lower().startswith("on") for a in tag.attrs), tag
            for attr in ("href", "src", "action", "formaction"):
                value = str(tag.get(attr, "")).strip().lower()
                assert not value.startswith("javascript:"), tag


@HOSTILE
def test_scraped_payloads_are_shown_as_text(hostile):
    _srcdir, app, _warnings = hostile
    soup = _soup(app)
    text = _dd(soup, "term-Injectase").get_text() + _dd(
        soup, "term-Tag-script-alert-7-script"
    ).get_text(" ")
    for payload in SCRAPED_PAYLOADS:
        assert payload in text, payload
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;txt&quot;)&lt;/script&gt;" in html


@HOSTILE
def test_curated_payloads_are_shown_as_text(hostile):
    srcdir, app, warnings = hostile
    soup = _soup(app)
    dd = _dd(soup, "term-Fish-Chips-script")
    text = dd.get_text()
    for payload in CURATED_PAYLOADS:
        assert payload in text, payload
    # The raw directive and eval-rst blocks are refused with a warning and
    # shown as text; nothing of them reaches the HTML as markup.
    assert '```{raw} html\n<script>alert("raw-directive")</script>' in text
    assert "```{eval-rst}\n.. raw:: html" in text
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert '<script>alert("' not in html
    seed = srcdir / "seeds" / "inject.md"
    for line, what in ((12, "'raw'"), (16, "eval-rst")):
        assert any(w.startswith(f"{seed}:{line}:") and what in w for w in warnings)


@HOSTILE
def test_terms_with_markup_characters_stay_text(hostile):
    _srcdir, app, _warnings = hostile
    soup = _soup(app)
    terms = [dt.get_text().rstrip("¶") for dt in soup.select("dl.glossary dt")]
    assert "Tag <script>alert(7)</script>" in terms
    assert 'Fish <&> "Chips" </script>' in terms
    assert "<img src=x onerror=alert(8)>" in terms  # an alias
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Fish &lt;&amp;&gt; &quot;Chips&quot; &lt;/script&gt;" in html
    genindex = _soup(app, "genindex.html").get_text()
    assert "Tag <script>alert(7)</script>" in genindex


@HOSTILE
def test_report_and_search_index_hold_payloads_as_json_strings(hostile):
    srcdir, app, _warnings = hostile
    raw = (app.outdir / "seed-glossary-report.json").read_text(encoding="utf-8")
    report = json.loads(raw)
    by_name = {Path(e["file"]).name: e for e in report["seeds"]}
    injected = by_name["inject.txt"]
    usage_line = (srcdir / "seeds" / "inject.txt").read_text().splitlines()[4]
    assert injected["sections"]["Usage"] == usage_line
    strings = [
        injected["definition"],
        *injected["sections"].values(),
        by_name["inject.md"]["term"],
        by_name["inject.md"]["definition"],
    ]
    for value in strings:
        # Written as a proper JSON string: quotes and backslashes escaped.
        assert json.dumps(value, ensure_ascii=False) in raw
        assert json.loads(json.dumps(value)) == value
    assert by_name["inject.md"]["term"] == 'Fish <&> "Chips" </script>'
    assert "</script><script>alert(3)</script>" in injected["sections"]["Usage"]
    # Sphinx's search index is JSON too, and must still parse.
    index = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    data = json.loads(index[index.index("(") + 1 : index.rindex(")")])
    assert {'fish <&> "chips" </script>', "tag <script>alert(7)</script>"} <= set(
        data["indexentries"]
    )


# -- big seeds --------------------------------------------------------------------


@HOSTILE
def test_a_megabyte_line_and_a_hundred_thousand_lines_are_read(hostile):
    srcdir, app, _warnings = hostile
    seeds = srcdir / "seeds"
    assert (seeds / "long.txt").stat().st_size >= LONG_LINE_BYTES
    assert (seeds / "many.txt").read_text().count("\n") == MANY_LINES
    soup = _soup(app)
    assert len(_dd(soup, "term-Longline").get_text()) >= LONG_LINE_BYTES
    assert "Manyline is a term" in _dd(soup, "term-Manyline").get_text()
    report = json.loads((app.outdir / "seed-glossary-report.json").read_text())
    many = next(e for e in report["seeds"] if e["file"].endswith("many.txt"))
    # Every line is accounted for: the definition, or dropped with a reason.
    assert len(many["dropped"]) == MANY_LINES - 1
    assert many["problems"] == []


# -- clashing terms ---------------------------------------------------------------


@HOSTILE
def test_duplicate_terms_share_one_entry_and_terms_in_other_case_do_not(hostile):
    _srcdir, app, warnings = hostile
    soup = _soup(app)
    senses = _dd(soup, "term-Zymase").select("ol > li")
    assert [li.get_text().split()[0] for li in senses] == ["Zymase", "Zymase"]
    # "ZYMASE" differs past its first letter: its own entry, as in Sphinx.
    (capitals,) = [dt for dt in soup.select("dl.glossary > dt") if "ZYMASE" in dt.text]
    assert _dd(soup, capitals["id"]).get_text().split()[0] == "The"
    assert not any("zymase_c.md" in warning for warning in warnings)


@HOSTILE
def test_seed_term_equal_to_a_hand_written_term(hostile):
    srcdir, app, warnings = hostile
    soup = _soup(app)
    hand = _dd(soup, "term-Ghrelin")
    assert "Written by hand" in hand.get_text()
    # The seed's entry is there too, shown but not registered: links keep
    # going to the hand-written term.
    ghrelin_dts = [dt for dt in soup.select("dl.glossary dt") if "Ghrelin" in dt.text]
    assert len(ghrelin_dts) == 2
    assert not ghrelin_dts[1].get("id")
    assert "rises before meals" in ghrelin_dts[1].find_next_sibling("dd").get_text()
    link = soup.find("a", string="Ghrelin") or next(
        a for a in soup.select("a.reference.internal") if a.get_text() == "Ghrelin"
    )
    assert link["href"] == "#term-Ghrelin"
    seed = srcdir / "seeds" / "ghrelin.txt"
    assert any(
        w.startswith(f"{seed}:1:")
        and w.endswith("[seed_glossary.duplicate_term]")
        and "also defined on page 'index'" in w
        for w in warnings
    ), warnings
    assert not any("duplicate term description" in w for w in warnings)


# -- python -m seed_glossary extract ----------------------------------------------


@pytest.fixture(scope="module")
def hostile_seeds(tmp_path_factory, rootdir) -> Path:
    """The hostile seed folder, plus a FIFO and symlinked folders that loop."""
    seeds = make_hostile_root(rootdir, tmp_path_factory.mktemp("cli")) / "seeds"
    os.mkfifo(seeds / "fifo.txt")
    os.symlink(".", seeds / "again")
    os.symlink("..", seeds / "up")
    return seeds


def _extract(*args: str) -> subprocess.CompletedProcess[str]:
    # A process of its own: the command as users run it, and a timeout that
    # stops a reader stuck on a FIFO or a link loop without stopping pytest.
    return subprocess.run(
        [sys.executable, "-m", "seed_glossary", "extract", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,  # a FIFO or a symlink loop must not hang the reader
    )


def _blocks(summary: str) -> dict[str, str]:
    """The summary's text per seed, by file name (the problems section left out)."""
    blocks: dict[str, list[str]] = {}
    name = ""
    for line in summary.split("\n\n")[1].splitlines():
        if not line.startswith(" ") and line.endswith(")"):
            name = Path(line.rsplit(" (", 1)[0]).name
        blocks.setdefault(name, []).append(line)
    return {name: "\n".join(lines) for name, lines in blocks.items()}


def _problems(summary: str) -> dict[str, str]:
    """The problems listed first, by file name: ``:LINE: [subtype] message``."""
    found: dict[str, str] = {}
    for line in summary.split("\n\n")[0].splitlines()[1:]:
        match = re.match(r"(.*?\.(?:txt|md))((?::\d+)?: \[\w+\] .*)$", line)
        if match:
            found[Path(match[1]).name] = match[2]
    return found


def test_extract_lists_problems_and_exits_one(hostile_seeds):
    result = _extract(str(hostile_seeds))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    problems = _problems(result.stdout)
    expected = {
        "outside.txt": ": [unsafe_path]",
        "loop.txt": ": [unreadable]",
        "fifo.txt": ": [unreadable] not a regular file",
        "picture.txt": ":3: [unreadable]",
        "nul.txt": ":2: [unreadable]",
        "broken utf8.txt": ":2: [encoding]",
        "undefined.txt": ":2: [encoding]",
        "empty.txt": ": [empty_definition]",
        "blank.txt": ": [empty_definition]",
    }
    for name, problem in expected.items():
        assert problems.get(name, "").startswith(problem), (name, problems.get(name))
    assert result.stdout.startswith(f"{len(problems)} problems in ")
    assert "term: Normal Term" in _blocks(result.stdout)["normal.txt"]
    assert SECRET not in result.stdout


def test_extract_json_on_a_recursive_glob_through_looping_links(hostile_seeds):
    result = _extract(str(hostile_seeds / "**" / "*.txt"), "--json")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    names = [Path(d["file"]).name for d in data]
    # Linked folders are not walked: each seed is read once.
    assert len(names) == len(set(names))
    assert "normal.txt" in names
    by_name = {Path(d["file"]).name: d for d in data}
    assert by_name["outside.txt"]["problems"]
    assert by_name["outside.txt"]["term"] is None
    assert by_name["fifo.txt"]["problems"]
    assert SECRET not in result.stdout


# -- discover and read_seeds on unsafe paths -------------------------------------


def test_discover_marks_files_that_resolve_outside_the_folder(tmp_path):
    seeds = tmp_path / "seeds"
    elsewhere = tmp_path / "elsewhere"
    seeds.mkdir()
    elsewhere.mkdir()
    (elsewhere / "private.txt").write_text(f"Private is {SECRET}.\n")
    (seeds / "good.txt").write_text("Good is fine.\n")
    os.symlink(elsewhere / "private.txt", seeds / "link.txt")
    os.symlink("good.txt", seeds / "alias.txt")  # inside the folder: fine
    os.symlink(elsewhere, seeds / "linked")  # a linked folder

    found = discover(seeds)
    assert [(p.name, isinstance(p, OutsidePath)) for p in found] == [
        ("alias.txt", False),
        ("good.txt", False),
        ("link.txt", True),
    ]
    under_link = discover(seeds / "*" / "*.txt")
    assert [(p.name, isinstance(p, OutsidePath)) for p in under_link] == [
        ("private.txt", True)
    ]
    entries = read_seeds([*found, *under_link])
    problems = {Path(e.file).name: [p.subtype for p in e.problems] for e in entries}
    assert problems["link.txt"] == ["unsafe_path"]
    assert problems["private.txt"] == ["unsafe_path"]
    assert problems["good.txt"] == problems["alias.txt"] == []
    assert all(SECRET not in repr(e) for e in entries)


def test_read_seeds_refuses_an_escaping_symlink_given_directly(tmp_path):
    (tmp_path / "private.txt").write_text(f"Private is {SECRET}.\n")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    os.symlink(tmp_path / "private.txt", seeds / "link.md")
    (entry,) = read_seeds([str(seeds / "link.md")])
    assert entry.term is None
    assert [p.subtype for p in entry.problems] == ["unsafe_path"]
    assert entry.format == "structured"
    assert SECRET not in repr(entry)


def test_recursive_glob_does_not_follow_looping_folder_links(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "sub").mkdir(parents=True)
    (seeds / "a.txt").write_text("A is a.\n")
    (seeds / "sub" / "b.md").write_text("---\nterm: B\n---\nB.\n")
    (seeds / ".hidden").mkdir()
    (seeds / ".hidden" / "c.txt").write_text("C is c.\n")
    # One loop only: glob.glob would list a.txt ~40 times (two loops: 2**40).
    os.symlink(".", seeds / "again")
    assert [p.relative_to(seeds).as_posix() for p in discover(seeds / "**")] == [
        "a.txt",
        "sub/b.md",
    ]
    assert [p.name for p in discover("**/*.txt", base=seeds)] == ["a.txt"]


def test_an_unread_curated_seed_has_exactly_its_reading_problem(tmp_path):
    (tmp_path / "big.md").write_text("---\nterm: Big\n---\n" + "x" * 100)
    (tmp_path / "binary.md").write_bytes(b"---\x00\n")
    big, binary = read_seeds(discover(tmp_path), max_bytes=50)
    assert [p.subtype for p in big.problems] == ["too_large"]
    assert [p.subtype for p in binary.problems] == ["unreadable"]
    assert big.term is binary.term is None


def test_a_fifo_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text("Ok is ok.\n")
    code = (
        "import sys; from seed_glossary.ingest import discover, read_seeds; "
        "e = read_seeds(discover(sys.argv[1])); "
        "print([(p.subtype, p.message) for x in e for p in x.problems])"
    )
    # A process of its own: if opening the FIFO blocked, the timeout ends it.
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "('unreadable', 'not a regular file" in result.stdout


def test_mostly_utf8_text_with_a_bad_byte_is_not_read_as_cp1252(tmp_path):
    seed = tmp_path / "seed.txt"
    seed.write_bytes("Crème brûlée is a café dessert.\n".encode() + b"Bad \xff.\n")
    (entry,) = read_seeds([seed])
    assert entry.term == "Crème brûlée"
    assert [(p.subtype, p.line) for p in entry.problems] == [("encoding", 2)]
