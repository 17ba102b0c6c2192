"""The seed reader in German and French: names, noise and headings from each
language's data (``languages/<code>.json``), and a project's own data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seed_glossary.__main__ import main
from seed_glossary.ingest import discover, for_language, read_seeds
from seed_glossary.ingest.names import extract_names

PAGES = Path(__file__).parent / "data" / "languages"


def _expected(language: str) -> list[dict]:
    return json.loads((PAGES / language / "expected.json").read_text("utf-8"))


def _read(language: str, words_language: str | None = None):
    words = for_language(words_language or language)
    entries = read_seeds(discover(PAGES / language), words=words)
    return {Path(e.file).name: e for e in entries}


def _cases():
    return [
        pytest.param(language, page, id=f"{language}-{page['file']}")
        for language in ("de", "fr")
        for page in _expected(language)
    ]


@pytest.mark.parametrize(("language", "page"), _cases())
def test_scraped_page_in_its_language(language, page):
    entry = _read(language)[page["file"]]
    assert entry.term == page["term"]
    assert list(entry.aliases) == page["aliases"]
    assert entry.definition.startswith(page["definition_start"])
    assert [s.heading for s in entry.sections] == page["sections"]
    assert [line for line, _text in entry.structure] == page["structure"]
    assert {str(d.line): d.kind for d in entry.dropped} == page["dropped"]
    assert all(d.signals for d in entry.dropped)  # each says why
    assert entry.problems == ()


@pytest.mark.parametrize("language", ["de", "fr"])
def test_every_line_is_accounted_for_once(language):
    entries = _read(language)
    assert entries
    for name, entry in entries.items():
        text = (PAGES / language / name).read_text("utf-8")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        seen = [d.text for d in entry.dropped] + [t for _n, t in entry.structure]
        seen += entry.definition.split("\n\n")
        for section in entry.sections:
            seen.append(section.heading)
            seen += [p for p in section.text.split("\n\n") if p]
        assert sorted(seen) == sorted(lines), name


@pytest.mark.parametrize("language", ["de", "fr"])
def test_english_words_miss_what_the_language_data_finds(language):
    """The result comes from the data: read with English words, the pages
    lose their aliases and keep their page furniture."""
    own, english = _read(language), _read(language, "en")
    aliases = sum(len(page["aliases"]) for page in _expected(language))
    assert sum(len(e.aliases) for e in own.values()) == aliases
    assert sum(len(e.aliases) for e in english.values()) < aliases
    assert sum(len(e.dropped) for e in english.values()) < sum(
        len(e.dropped) for e in own.values()
    )


@pytest.mark.parametrize(
    ("sentence", "term", "aliases"),
    [
        ("Der Darm wird auch Intestinum genannt.", "Darm", ["Intestinum"]),
        ("Der Darm wird auch als Intestinum bezeichnet.", "Darm", ["Intestinum"]),
        ("Die Darmflora heißt auch Mikrobiota.", "Darmflora", ["Mikrobiota"]),
        (
            "Der Darm (auch Gedärm oder Eingeweide genannt) ist ein Organ.",
            "Darm",
            ["Gedärm", "Eingeweide"],
        ),
        (
            "Das Mikrobiom, oft einfach Darmflora genannt, ist die Gesamtheit.",
            "Mikrobiom",
            ["Darmflora"],
        ),
        ("Die Darmflora, oder kurz Flora, ist wichtig.", "Darmflora", ["Flora"]),
        ("Der Darm (lat. Intestinum) ist ein Organ.", "Darm", ["Intestinum"]),
        # A naming phrase of another noun, in a relative clause: not taken.
        (
            "Zonulin ist ein Protein, das im Darm gebildet und oft „Türöffner“ "
            "genannt wird.",
            "Zonulin",
            [],
        ),
        # A participle that ends the clause but names nothing before it.
        ("Insulin, das im Pankreas gebildet wird, ist ein Hormon.", "Insulin", []),
    ],
)
def test_german_naming_grammar(sentence, term, aliases):
    names = extract_names(sentence, for_language("de"))
    assert (names.term, list(names.aliases)) == (term, aliases)


@pytest.mark.parametrize(
    ("sentence", "term", "aliases"),
    [
        ("La vitamine D3, ou cholécalciférol, est une forme.", "vitamine D3",
         ["cholécalciférol"]),
        ("Le côlon, également connu sous le nom de gros intestin, est un organe.",
         "côlon", ["gros intestin"]),
        ("Le gros intestin est aussi appelé côlon.", "gros intestin", ["côlon"]),
        ("Les acides gras à chaîne courte (AGCC) sont produits par les bactéries.",
         "acides gras à chaîne courte", ["AGCC"]),
        ("La zonuline, surnommée « portier de l’intestin », est une protéine.",
         "zonuline", ["portier de l’intestin"]),
        ("Le microbiote (anciennement flore intestinale) désigne les bactéries.",
         "microbiote", ["flore intestinale"]),
        # Described, not named: a quoted span after "un".
        ("La zonuline, décrite comme un « portier », est une protéine.",
         "zonuline", []),
    ],
)  # fmt: skip
def test_french_naming_grammar(sentence, term, aliases):
    names = extract_names(sentence, for_language("fr"))
    assert (names.term, list(names.aliases)) == (term, aliases)


def test_a_project_extends_the_data(tmp_path):
    """A project's de.json adds a heading and a naming verb, and removes one."""
    page = tmp_path / "seeds" / "magen.txt"
    page.parent.mkdir()
    page.write_text(
        "Der Magen, oft Bauch gerufen, ist ein Hohlorgan des Verdauungstrakts.\n"
        "Wissenswertes\n"
        "Er fasst beim Erwachsenen etwa eineinhalb Liter.\n",
        encoding="utf-8",
    )
    (entry,) = read_seeds([page], words=for_language("de"))
    assert entry.aliases == ()
    assert [n.line for n in entry.notes] == [2]  # an unknown heading, noted
    data = tmp_path / "data"
    data.mkdir()
    (data / "de.json").write_text(
        json.dumps(
            {
                "naming_final_verbs": {"about": "", "words": ["gerufen"]},
                "section_headings": {
                    "about": "",
                    "words": ["Wissenswertes", "-Hinweise"],
                },
            }
        ),
        encoding="utf-8",
    )
    words = for_language("de", [data])
    assert words.fingerprint != for_language("de").fingerprint
    (entry,) = read_seeds([page], words=words)
    assert entry.aliases == ("Bauch",)
    assert entry.notes == ()
    assert "Hinweise" not in words.section_headings


def test_a_language_without_data_reads_structure_only(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Tarmen\nTarmen är en del av matsmältningskanalen.\n", "utf-8")
    words = for_language("sv")
    assert not words.described
    (entry,) = read_seeds([page], words=words)
    assert entry.term == "Tarmen"  # from the title line
    assert entry.definition == "Tarmen är en del av matsmältningskanalen."


def test_cli_reads_in_the_language_given(capsys):
    status = main(["extract", str(PAGES / "de"), "--json", "--language", "de"])
    found = {Path(e["file"]).name: e for e in json.loads(capsys.readouterr().out)}
    assert status == 0
    assert found["darmflora.txt"]["aliases"] == ["Darmmikrobiota", "Mikrobiom"]
    main(["extract", str(PAGES / "de"), "--json", "--language", "xx"])
    assert "no language data for 'xx'" in capsys.readouterr().err


def test_cli_language_data_and_heading(tmp_path, capsys):
    (tmp_path / "de.json").write_text("[1]", encoding="utf-8")
    status = main(
        ["extract", str(PAGES / "de"), "--language", "de", "--language-data",
         str(tmp_path)]
    )  # fmt: skip
    assert status == 2
    assert "not a JSON object" in capsys.readouterr().err


def test_english_pages_of_a_german_build_are_read_in_english():
    """A manual translated with gettext builds in German from English seeds:
    each page is read in the language whose function words it uses."""
    folder = PAGES.parent / "seeds-dev"
    english = read_seeds(discover(folder / "*.txt"))
    assert read_seeds(discover(folder / "*.txt"), words=for_language("de")) == english
    mixed = read_seeds(
        [*discover(folder / "20[01]_*.txt"), *discover(PAGES / "de")],
        words=for_language("de"),
    )
    found = {Path(e.file).name: e for e in mixed}
    assert found["darmflora.txt"].aliases == ("Darmmikrobiota", "Mikrobiom")
    assert [e.term for e in mixed if e.file.startswith(str(folder))] == [
        e.term for e in english if Path(e.file).name[:3] in ("200", "201")
    ]


def test_default_headings_of_0_2_still_import_with_a_deprecation_warning():
    from seed_glossary.ingest import for_language

    with pytest.warns(DeprecationWarning, match="section_headings"):
        from seed_glossary.ingest import DEFAULT_HEADINGS
    assert for_language("en").section_headings == DEFAULT_HEADINGS
    assert "Clinical Significance" in DEFAULT_HEADINGS  # as 0.2 listed them
