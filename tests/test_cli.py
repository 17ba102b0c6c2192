"""The command line: JSON schema, text report, counts, help, exit status."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from seed_glossary.__main__ import main

from .conftest import PROJECT_SEEDS, SAMPLE_SEEDS, TESTS

REPO = TESTS.parent
TEST_BASIC_SEEDS = TESTS / "roots" / "test-basic" / "seeds"

KEYS = [
    "file",
    "format",
    "term",
    "aliases",
    "definition",
    "sections",
    "see_also",
    "dropped",
    "problems",
    "alias_evidence",
    "abbreviations",
    "avoided",
    "notes",
]


def test_json_has_exactly_the_documented_keys(capsys):
    status = main(["extract", str(PROJECT_SEEDS), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    assert [Path(d["file"]).name for d in data] == sorted(
        p.name for p in PROJECT_SEEDS.glob("*.txt")
    )
    for obj in data:
        assert list(obj) == KEYS
        assert obj["format"] == "scraped"
        assert all(list(d) == ["line", "text", "reason"] for d in obj["dropped"])
        assert isinstance(obj["sections"], dict)
    assert [d["aliases"] for d in data] == [["leaky gut"], ["leaky gut"]]
    for obj in data:
        (evidence,) = obj["alias_evidence"]
        assert list(evidence) == ["alias", "phrase", "line"]
        assert evidence["alias"] == "leaky gut"
        assert "“leaky gut,”" in evidence["phrase"]
        assert evidence["phrase"] in obj["definition"]
        assert evidence["line"] == 1


def test_problems_make_exit_status_one(capsys):
    status = main(["extract", str(SAMPLE_SEEDS / "*.txt"), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert status == 1
    unnamed = [d for d in data if d["problems"]]
    assert len(unnamed) == 1
    assert unnamed[0]["term"] is None
    assert "source: 204_4002f5169d75b923.txt" in unnamed[0]["problems"][0]


def test_summary_lists_each_shared_line_once(capsys):
    main(["extract", str(PROJECT_SEEDS)])
    out = capsys.readouterr().out
    assert out.startswith("No problems.\n")
    assert "term: Gut permeability" in out
    # The five banner lines both seeds hold: once each, after the seeds.
    assert out.count("Detailed Cookie Preferences") == 1
    assert "  dropped: 8 lines (5 shared with other seeds, listed below)" in out
    assert "  dropped: 5 lines (all shared with other seeds, listed below)" in out
    assert "  in all 2 scraped seeds:\n    [banner: consent/cookie vocabulary" in out
    # The three lines only the first seed drops stay under it, with reasons.
    assert out.count("    line ") == 3
    assert "    line 6 [tagline: " in out
    assert out.rstrip().endswith(
        "2 seeds read (2 scraped): 2 with an entry, 0 with problems; "
        "13 lines dropped (10 of them shared by several seeds)"
    )


def _text_and_json(capsys, *paths: str) -> tuple[str, list[dict]]:
    main(["extract", *paths])
    text = capsys.readouterr().out
    main(["extract", *paths, "--json"])
    return text, json.loads(capsys.readouterr().out)


def test_problems_come_first_with_file_line_and_subtype(capsys):
    text, data = _text_and_json(capsys, str(SAMPLE_SEEDS / "*.txt"))
    (unnamed,) = (d for d in data if d["problems"])
    lines = text.splitlines()
    assert lines[0] == "1 problem in 1 seed:"
    assert lines[1].startswith(f"{unnamed['file']}:1: [no_term] the text never")
    # The lines to copy into a new file follow the message, indented.
    assert lines[2:6] == [
        "    ---",
        "    term: <the term>",
        f"    source: {Path(unnamed['file']).name}",
        "    ---",
    ]
    assert lines[6] == ""
    assert lines[7].endswith("(scraped)")
    assert "  problems: 1 (listed at the top)" in text


def test_totals_agree_with_the_seeds_and_the_groups(capsys):
    text, data = _text_and_json(capsys, str(SAMPLE_SEEDS / "*.txt"))
    dropped = sum(len(d["dropped"]) for d in data)
    with_entry = sum(1 for d in data if d["term"] is not None)
    assert (dropped, with_entry) == (99, 13)
    assert text.rstrip().splitlines()[-1] == (
        "14 seeds read (14 scraped): 13 with an entry, 1 with problems; "
        "99 lines dropped (74 of them shared by several seeds)"
    )
    per_seed = re.findall(r"^  dropped: (\d+) lines?", text, re.M)
    assert sum(int(n) for n in per_seed) == dropped
    own = re.findall(r"^    line \d+ \[", text, re.M)
    assert len(own) == dropped - 74
    # Each group: its seeds times its lines, 74 in all.
    groups = text[text.index("Dropped from several seeds") :].split("\n  in ")[1:]
    in_groups = sum(
        int(re.match(r"(?:all )?(\d+)", group)[1]) * group.count("\n    [")
        for group in groups
    )
    assert in_groups == 74


def test_a_banner_is_listed_once_with_its_seeds(capsys):
    text, data = _text_and_json(capsys, str(SAMPLE_SEEDS / "*.txt"))
    without = sorted(
        Path(d["file"]).name
        for d in data
        if not any(x["text"] == "Detailed Cookie Preferences" for x in d["dropped"])
    )
    assert len(without) == 2
    header = f"  in 12 of 14 scraped seeds (all but {without[0]},\n      {without[1]}):"
    group = text[text.index(header) + len(header) :].split("\n  in ")[0]
    # The banner's five lines, in page order, under that one list of seeds.
    texts = re.findall(r"^      (\S.*)$", group, re.M)
    assert len(texts) == 5
    assert texts[1] == "Detailed Cookie Preferences"
    assert texts[2].startswith("This helps support our free resources")
    assert group.count("same line in 12 of 14 seeds]") == 5
    assert text.count("Detailed Cookie Preferences") == 1
    assert "  in 4 seeds (" in text  # "Skip to main content": listed by name


def test_stats_print_counts_only(capsys):
    main(["extract", str(SAMPLE_SEEDS / "*.txt")])
    totals = capsys.readouterr().out.rstrip().splitlines()[-1]
    status = main(["extract", str(SAMPLE_SEEDS / "*.txt"), "--stats"])
    out = capsys.readouterr().out
    assert status == 1
    assert "(scraped)" not in out and "term:" not in out and "[no_term]" not in out
    assert out.startswith("Dropped lines by kind:\n")
    assert out.rstrip().splitlines()[-1] == totals
    kinds = out[: out.index("\n\n")].splitlines()[1:]
    assert sum(int(row.split()[0]) for row in kinds) == 99
    assert "Problems by subtype:\n  1  no_term\n" in out


def test_stats_with_json_keep_stdout_one_json_document(capsys):
    status = main(["extract", str(SAMPLE_SEEDS / "*.txt"), "--json", "--stats"])
    captured = capsys.readouterr()
    assert status == 1
    assert len(json.loads(captured.out)) == 14
    stats = json.loads(captured.err)
    assert list(stats) == ["seeds", "dropped", "by_kind", "by_signal", "problems"]
    assert stats["seeds"] == 14
    assert sum(stats["by_kind"].values()) == stats["dropped"] == 99
    assert stats["problems"] == {"no_term": 1}


def test_curated_seeds_and_overrides_in_the_text(capsys):
    status = main(["extract", str(TEST_BASIC_SEEDS)])
    out = capsys.readouterr().out
    assert status == 0
    override = TEST_BASIC_SEEDS / "204_4002f5169d75b923.md"
    assert f"{override} (override)\n  term: Mucus layer\n" in out
    assert "  completes: 204_4002f5169d75b923.txt\n" in out
    assert f"  completed by: {override}\n" in out
    assert "zonulin.md (structured)\n  term: Zonulin\n" in out
    assert "  see also: Intestinal permeability\n" in out
    # An override completes an entry: it makes none of its own.
    assert "5 seeds read (3 scraped, 1 structured, 1 override): 4 with an entry" in out


def test_seed_text_is_printed_escaped(tmp_path, capsys):
    noise = "We use cookies\x1b]0;owned\x07 to personalize content and marketing."
    (tmp_path / "a.txt").write_text(f"Alphase is an enzyme of sugars.\n{noise}\n")
    (tmp_path / "b.txt").write_text(f"Betase is an enzyme of sugars.\n{noise}\n")
    (tmp_path / "c\x1b[2J.txt").write_text("a gel that coats things.\n")
    main(["extract", str(tmp_path)])
    main(["extract", str(tmp_path), "--stats"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "We use cookies\\x1b]0;owned\\x07 to personalize" in out
    assert "c\\x1b[2J.txt:1: [no_term]" in out


def test_report_has_a_legend_and_escapes_names(tmp_path, capsys):
    links = {
        "entries": {
            "Bad\x1b[2Jname": {
                "page": "glossary",
                "explicit": 2,
                "autolinks": 3,
                "referenced_from": [{"page": "prose\x07", "entry": None}],
            }
        },
        "unused": [],
        "wanted": {"nowhere": ["prose"]},
    }
    report = tmp_path / "seed-glossary-report.json"
    report.write_text(json.dumps({"seeds": [], "links": links}))
    assert main(["report", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    legend, table = out.split("\n\n", 1)
    assert legend.splitlines()[0] == "legend:"
    for column in ("role", "auto", "referenced from", "unused", "wanted"):
        assert re.search(rf"^  {column}  +\S", legend, re.M), column
    assert table.splitlines()[1].split() == ["Bad\\x1b[2Jname", "2", "3", "prose\\x07"]
    assert "\x1b" not in out and "\x07" not in out
    assert main(["report", str(report), "--fail-on-wanted"]) == 1


def test_help_is_plain_text_with_examples(capsys):
    for argv in ([], ["extract"], ["report"]):
        with pytest.raises(SystemExit) as exit_:
            main([*argv, "--help"])
        assert exit_.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"usage: {' '.join(['seed-glossary', *argv])} ")
        assert "``" not in out
        assert "\nexamples:\n" in out
    assert main([]) == 2
    assert capsys.readouterr().out.startswith("usage: seed-glossary ")


def test_help_as_a_module_names_the_module():
    # A process of its own: `python -m` sets the program name that help shows.
    result = subprocess.run(
        [sys.executable, "-m", "seed_glossary", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: python -m seed_glossary ")
    assert "  python -m seed_glossary extract seeds\n" in result.stdout
    assert "``" not in result.stdout


@pytest.mark.parametrize("unbuffered", ["", "1"])
def test_a_closed_pipe_is_not_a_traceback(unbuffered):
    # Buffered (as usual), the short output is only written when flushed.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = unbuffered
    # A process of its own: its stdout is a pipe already closed at the far end.
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "seed_glossary", "extract", "seeds", "--stats"],
            cwd=REPO,
            env=env,
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write)
    assert result.returncode == 1
    assert result.stderr == ""


def test_missing_path_and_bad_pattern(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nothing-here")]) == 1
    assert "no seed files match" in capsys.readouterr().err
    assert main(["extract", str(PROJECT_SEEDS), "--noise-pattern", "("]) == 2


def test_runs_as_a_module():
    # A process of its own: the package's __main__ as `python -m` runs it.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "seed_glossary",
            "extract",
            str(PROJECT_SEEDS),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 2
