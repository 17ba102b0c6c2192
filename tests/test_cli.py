"""``python -m seed_glossary extract``: JSON schema, summary, exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from seed_glossary.__main__ import main

from .conftest import PROJECT_SEEDS, SAMPLE_SEEDS

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


def test_summary_lists_every_dropped_line_with_its_reason(capsys):
    main(["extract", str(PROJECT_SEEDS)])
    out = capsys.readouterr().out
    assert out.count("dropped line ") == 13
    assert "term: Gut permeability" in out
    assert "[banner: consent/cookie vocabulary" in out
    assert out.rstrip().endswith(
        "2 seed(s), 13 line(s) dropped, 0 seed(s) with problems"
    )


def test_stats_count_kinds(capsys):
    main(["extract", str(SAMPLE_SEEDS / "*.txt"), "--stats"])
    out = capsys.readouterr().out
    stats = json.loads(out[out.index("{") :])
    assert stats["seeds"] == 14
    assert sum(stats["by_kind"].values()) == stats["dropped"]


def test_missing_path_and_bad_pattern(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nothing-here")]) == 1
    assert "no seed files match" in capsys.readouterr().err
    assert main(["extract", str(PROJECT_SEEDS), "--noise-pattern", "("]) == 2


def test_runs_as_a_module():
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
