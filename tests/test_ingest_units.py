"""The reader's parts: decoding, names, noise signals, structured seeds, overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from seed_glossary.ingest import NoiseOptions, discover, read_seeds
from seed_glossary.ingest.decode import decode_seed
from seed_glossary.ingest.names import extract_names, is_abbreviation_of
from seed_glossary.ingest.scraped import read_scraped

# -- decoding ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Café – ok’s\n".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "Café – ok’s\n".encode(), "utf-8 (BOM)"),
        ("Café – ok’s\n".encode("cp1252"), "cp1252"),
        ("\ufeffCafé – ok’s\n".encode("utf-16-le"), "utf-16-le (BOM)"),
    ],
)
def test_decoding_keeps_unicode_quotes_and_dashes(data, encoding):
    decoded = decode_seed(data)
    assert decoded.encoding == encoding
    assert decoded.lines[0] == "Café – ok’s"
    assert decoded.problems == ()


def test_line_ends_crlf_cr_lf_count_like_an_editor():
    decoded = decode_seed(b"one\r\ntwo\rthree\nfour  \x0cstill four")
    assert decoded.lines == ("one", "two", "three", "four  \x0cstill four")


def test_text_is_normalised_to_nfc():
    decomposed = "Cafe\u0301"
    assert decode_seed(decomposed.encode()).lines[0] == "Caf\u00e9"


def test_nul_bytes_make_a_binary_file_with_a_problem():
    decoded = decode_seed(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert decoded.lines == ()
    assert [p.subtype for p in decoded.problems] == ["unreadable"]


def test_bytes_that_no_encoding_fits_are_replaced_and_reported():
    # 0x81 is undefined in cp1252 and invalid as UTF-8 here.
    decoded = decode_seed(b"good line\nbad \x81 byte\n")
    assert decoded.lines[1] == "bad \ufffd byte"
    assert [(p.subtype, p.line) for p in decoded.problems] == [("encoding", 2)]


# -- names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "term", "aliases"),
    [
        ("Zonulin is a protein that modulates tight junctions.", "Zonulin", ()),
        ("The microbiome is the community of microbes.", "microbiome", ()),
        (
            "Insulin-like growth factor 1 (IGF-1) is a hormone.",
            "Insulin-like growth factor 1",
            ("IGF-1",),
        ),
        (
            "Cortisol, commonly called the “stress hormone,” is a steroid.",
            "Cortisol",
            ("stress hormone",),
        ),
        (
            'Melatonin, often dubbed "the sleep hormone", is made at night.',
            "Melatonin",
            ("sleep hormone",),
        ),
        ("Thyroxine, or T4, is the main thyroid hormone.", "Thyroxine", ("T4",)),
        (
            "Vitamin D3, also known as cholecalciferol, is a secosteroid.",
            "Vitamin D3",
            ("cholecalciferol",),
        ),
        (
            "Gastrin is also called the acid hormone, and it drives acid output.",
            "Gastrin",
            ("acid hormone",),
        ),
        ("Serotonin (5-HT) is a monoamine.", "Serotonin", ()),
        ("It is a hormone made by the gut.", None, ()),
        ("A family of enzymes is a group of proteins.", None, ()),
        ("A small protein that seals junctions.", None, ()),
    ],
)
def test_names_from_the_first_sentence(sentence, term, aliases):
    names = extract_names(sentence)
    assert names.term == term
    assert names.aliases == aliases


def test_quoted_metaphor_and_later_sentences_name_no_alias():
    names = extract_names(
        "Insulin is a hormone that acts as the body's “key” for glucose. "
        "It was once known as islet hormone."
    )
    assert names == extract_names("Insulin is a hormone.")
    assert names.aliases == ()


def test_abbreviation_of_another_concept_is_not_an_alias():
    names = extract_names("Estradiol (E2) is made from testosterone (T) by aromatase.")
    assert names.term == "Estradiol"
    assert names.aliases == ()


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("SCFAs", "Short-chain fatty acids", True),
        ("SHBG", "Sex hormone-binding globulin", True),
        ("sIgA", "Secretory Immunoglobulin A", True),
        ("HPA", "hypothalamic-pituitary-adrenal axis", True),
        ("E2", "Estradiol", False),
        ("DHT", "Estradiol", False),
        ("LPS", "Gut permeability", False),
        ("gut", "Gut permeability", False),
    ],
)
def test_abbreviation_check(short, long, expected):
    assert is_abbreviation_of(short, long) is expected


# -- scraped structure and noise ---------------------------------------------


def _scraped(*lines: str, **kwargs):
    return read_scraped("x.txt", list(enumerate(lines, 1)), **kwargs)


DEFINITION = (
    "Zonulin is a protein that opens the tight junctions between intestinal cells. "
    "Its levels rise with gluten exposure."
)
ORIGIN = "The name comes from zonula occludens. It was described in 2000."


def test_banner_in_the_middle_and_new_wording_is_dropped():
    entry = _scraped(
        DEFINITION,
        "Our site relies on cookies and similar tracking technologies. Pick below.",
        "Privacy Centre",
        "Functional storage lets the page remember your choices.",
        "Marketing cookies follow visitors across other websites.",
        "Origin",
        ORIGIN,
    )
    assert [d.kind for d in entry.dropped] == ["banner"] * 4
    assert [s.heading for s in entry.sections] == ["Origin"]
    assert entry.definition == DEFINITION


def test_heading_followed_by_its_paragraph_after_a_banner_stays_a_section():
    entry = _scraped(
        DEFINITION,
        "We use cookies to improve the site.",
        "Clinical Relevance",
        "High values are seen in coeliac disease. They fall on a gluten-free diet.",
    )
    assert [s.heading for s in entry.sections] == ["Clinical Relevance"]
    assert [d.text for d in entry.dropped] == ["We use cookies to improve the site."]


def test_teasers_after_the_last_section_are_dropped_with_reasons():
    entry = _scraped(
        DEFINITION,
        "Origin",
        ORIGIN,
        "Gut Health is the precise science that explains your body.",
        "Discover how our stool test measures zonulin in one kit.",
        "Fasting may shift barrier proteins over several weeks.",
    )
    assert [d.kind for d in entry.dropped] == ["tagline", "teaser", "teaser"]
    assert "call to action" in entry.dropped[1].reason
    assert "single sentence" in entry.dropped[2].reason


def test_multi_sentence_plain_line_after_a_section_is_kept_and_noted():
    extra = "A second paragraph follows. It adds detail."
    entry = _scraped(DEFINITION, "Origin", ORIGIN, extra)
    assert entry.sections[0].text == f"{ORIGIN}\n\n{extra}"
    assert [n.subtype for n in entry.notes] == ["uncertain"]


def test_navigation_title_and_definition_heading():
    entry = _scraped(
        "Home › Glossary › Zonulin",
        "Zonulin",
        "Definition",
        DEFINITION,
        "Origin",
        ORIGIN,
    )
    assert [d.kind for d in entry.dropped] == ["navigation"]
    assert entry.structure == ((2, "Zonulin"), (3, "Definition"))
    assert entry.term == "Zonulin"


def test_title_names_the_term_when_the_definition_does_not():
    entry = _scraped(
        "Zonulin", "Meaning", "A protein that opens tight junctions. It rises."
    )
    assert entry.term == "Zonulin"
    assert entry.problems == ()


def test_noise_and_keep_patterns():
    options = NoiseOptions.from_config(
        noise_patterns=[r"^Fasting"], keep_patterns=[r"^Discover how"]
    )
    entry = _scraped(
        DEFINITION,
        "Origin",
        ORIGIN,
        "Fasting may shift barrier proteins. Over weeks.",
        "Discover how our stool test measures zonulin in one kit.",
        options=options,
    )
    assert [(d.kind, d.line) for d in entry.dropped] == [("pattern", 4)]
    assert entry.sections[0].text.endswith(
        "Discover how our stool test measures zonulin in one kit."
    )


def test_repeated_lines_count_only_when_shared_widely(tmp_path: Path):
    page = "\n".join([DEFINITION, "Origin", ORIGIN, "Site Footer Text Line"])
    for n in range(4):
        (tmp_path / f"{n}.txt").write_text(page.replace("Zonulin", f"Term{n}"))
    entries = read_seeds(discover(tmp_path))
    for entry in entries:
        assert [d.text for d in entry.dropped] == ["Site Footer Text Line"]
        assert (
            "same line in 4 of 4 seeds" in entry.dropped[0].reason
            or "repeated" in entry.dropped[0].reason
        )


def test_a_page_scraped_twice_is_not_its_own_boilerplate(tmp_path: Path):
    page = "\n".join([DEFINITION, "Origin", ORIGIN])
    (tmp_path / "a.txt").write_text(page)
    (tmp_path / "b.txt").write_text(page)
    for entry in read_seeds(discover(tmp_path)):
        assert entry.dropped == ()
        assert entry.definition == DEFINITION


# -- structured seeds and overrides -------------------------------------------


def test_structured_seed(tmp_path: Path):
    (tmp_path / "zonulin.md").write_text(
        "---\nterm: Zonulin\naliases: [pre-haptoglobin 2]\n"
        "see_also: [Occludin]\n---\n\n"
        "A *protein* that opens tight junctions.\n\n## Origin\n\nNamed in 2000.\n\n"
        "```text\n## not a heading\n```\n\n## Testing\n\nSerum assays vary.\n"
    )
    (entry,) = read_seeds([tmp_path / "zonulin.md"])
    assert entry.format == "structured"
    assert entry.term == "Zonulin"
    assert entry.aliases == ("pre-haptoglobin 2",)
    assert entry.see_also == ("Occludin",)
    assert entry.definition == "A *protein* that opens tight junctions."
    assert entry.definition_line == 7
    assert [s.heading for s in entry.sections] == ["Origin", "Testing"]
    assert "## not a heading" in entry.sections[0].text
    assert entry.problems == ()


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        ("no front matter here\n", "not_a_seed"),
        ("---\nterm: [unclosed\n---\nText.\n", "front_matter"),
        ("---\nterm: X\n", "front_matter"),
        ("---\naliases: [a]\n---\nText.\n", "no_term"),
        ("---\nterm: X\ncolour: red\n---\nText.\n", "front_matter"),
        ("---\nterm: X\n---\n\n", "empty_definition"),
    ],
)
def test_structured_seed_problems(tmp_path: Path, text, subtype):
    (tmp_path / "s.md").write_text(text)
    (entry,) = read_seeds([tmp_path / "s.md"])
    assert subtype in [p.subtype for p in entry.problems]


def test_override_names_an_unnamed_scraped_seed(tmp_path: Path):
    (tmp_path / "page.txt").write_text(
        "A gel that covers the gut lining.\nOrigin\n" + ORIGIN
    )
    (tmp_path / "page.md").write_text("---\nterm: Mucus layer\nsource: page.txt\n---\n")
    entries = {Path(e.file).name: e for e in read_seeds(discover(tmp_path))}
    merged = entries["page.txt"]
    assert merged.term == "Mucus layer"
    assert merged.problems == ()
    assert merged.source.endswith("page.md")
    assert entries["page.md"].format == "override"


def test_override_with_a_body_replaces_the_scraped_text(tmp_path: Path):
    (tmp_path / "page.txt").write_text(
        "A gel that covers the gut lining.\nOrigin\n" + ORIGIN
    )
    (tmp_path / "page.md").write_text(
        "---\nterm: Mucus layer\nsource: page.txt\n---\nCurated *text*.\n"
    )
    merged = next(e for e in read_seeds(discover(tmp_path)) if e.file.endswith(".txt"))
    assert merged.is_markup
    assert merged.definition == "Curated *text*."
    assert {d.kind for d in merged.dropped} == {"replaced"}
    assert len(merged.dropped) == 3


def test_override_of_a_missing_seed_is_a_problem(tmp_path: Path):
    (tmp_path / "page.md").write_text("---\nterm: X\nsource: gone.txt\n---\n")
    (entry,) = read_seeds([tmp_path / "page.md"])
    assert [p.subtype for p in entry.problems] == ["override"]


def test_too_large_and_unreadable_seeds_are_problems(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text("x" * 100)
    (entry,) = read_seeds([big], max_bytes=10)
    assert [p.subtype for p in entry.problems] == ["too_large"]
    (entry,) = read_seeds([tmp_path / "missing.txt"])
    assert entry.problems[0].subtype == "unreadable"


# -- confidence ------------------------------------------------------------------


def test_unknown_heading_is_read_but_noted_until_configured():
    lines = [DEFINITION, "Key Facts", ORIGIN]
    entry = _scraped(*lines)
    assert [s.heading for s in entry.sections] == ["Key Facts"]
    assert [(n.subtype, n.line) for n in entry.notes] == [("uncertain", 2)]
    options = NoiseOptions.from_config(headings=["Key Facts"])
    assert _scraped(*lines, options=options).notes == ()


def test_weak_alias_cue_is_noted_but_an_abbreviation_is_not():
    entry = _scraped("Butyrate, or butanoate, is a fatty acid. It feeds cells.")
    assert entry.aliases == ("butanoate",)
    assert [n.subtype for n in entry.notes] == ["uncertain"]
    entry = _scraped("Secretory Immunoglobulin A, or sIgA, is an antibody. It binds.")
    assert entry.aliases == ("sIgA",)
    assert entry.notes == ()


def test_loud_definition_is_kept_and_noted():
    entry = _scraped("Zonulin is what your gut makes to open its junctions. It rises.")
    assert entry.term == "Zonulin"
    assert [n.subtype for n in entry.notes] == ["uncertain"]


def test_promotion_before_the_definition_is_dropped():
    entry = _scraped(
        "Start your journey to better gut health today with our program.",
        DEFINITION,
        "Origin",
        ORIGIN,
    )
    assert entry.definition == DEFINITION
    assert [(d.kind, d.line) for d in entry.dropped] == [("promotion", 1)]


def test_furniture_heading_and_its_list_are_dropped():
    entry = _scraped(
        DEFINITION,
        "Origin",
        ORIGIN,
        "Related Articles",
        "How sleep shapes hunger across the day.",
        "Why fibre feeds your microbes.",
    )
    assert [s.heading for s in entry.sections] == ["Origin"]
    assert [d.kind for d in entry.dropped] == ["navigation", "teaser", "teaser"]


def test_configured_heading_and_keep_pattern_hold_without_a_paragraph():
    lines = [
        DEFINITION,
        "Origin",
        ORIGIN,
        "Usage",
        "Mechanism",
        ORIGIN.replace("name", "gene"),
    ]
    entry = _scraped(*lines, options=NoiseOptions.from_config(headings=["Usage"]))
    assert [(s.heading, s.text) for s in entry.sections][1] == ("Usage", "")
    assert entry.dropped == ()
    entry = _scraped(
        *lines, options=NoiseOptions.from_config(headings=[], keep_patterns=["^Usage$"])
    )
    assert [s.heading for s in entry.sections] == ["Origin", "Usage", "Mechanism"]
    # Without either, it is a stray label.
    entry = _scraped(*lines, options=NoiseOptions.from_config(headings=[]))
    assert [d.text for d in entry.dropped] == ["Usage"]


def test_md_without_front_matter_reports_one_problem(tmp_path: Path):
    (tmp_path / "README.md").write_text("# Just a readme\n")
    (entry,) = read_seeds([tmp_path / "README.md"])
    assert [p.subtype for p in entry.problems] == ["not_a_seed"]
