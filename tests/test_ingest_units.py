"""The reader's parts: decoding, names, noise signals, structured seeds, overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from seed_glossary.abbreviations import abbreviates
from seed_glossary.ingest import NoiseOptions, discover, read_seeds
from seed_glossary.ingest.decode import decode_seed
from seed_glossary.ingest.names import extract_names
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


# The kinds of phrasing, in words the samples never use.
@pytest.mark.parametrize(
    ("sentence", "term", "aliases"),
    [
        # a quoted nickname after naming verbs in any tense, with adverbs
        (
            "Hepcidin, commonly dubbed the “iron gatekeeper,” is a liver peptide.",
            "Hepcidin",
            ("iron gatekeeper",),
        ),
        (
            "Adiponectin, informally labelled the “slimming signal,” is a protein.",
            "Adiponectin",
            ("slimming signal",),
        ),
        (
            "Motilin, sometimes described as the gut's “housekeeper,” is a hormone.",
            "Motilin",
            ("housekeeper",),
        ),
        (
            "Prolactin was christened the “nurturing hormone” for its role in milk.",
            "Prolactin",
            ("nurturing hormone",),
        ),
        (
            "Ghrelin goes by the nickname “appetite messenger” in many textbooks.",
            "Ghrelin",
            ("appetite messenger",),
        ),
        (
            "Melatonin has long been termed the “hormone of darkness” by biologists.",
            "Melatonin",
            ("hormone of darkness",),
        ),
        (
            "Butyrogenic bacteria, which researchers term the colon's “power "
            "plants,” are microbes that make butyrate.",
            "Butyrogenic bacteria",
            ("power plants",),
        ),
        (
            "Intestinal permeability, often referred to in the literature as "
            "“leaky gut,” describes how easily substances cross the gut wall.",
            "Intestinal permeability",
            ("leaky gut",),
        ),
        # unquoted alternative names
        (
            "Oestrogen, also spelled estrogen, is a sex hormone.",
            "Oestrogen",
            ("estrogen",),
        ),
        (
            "Clostridioides difficile, formerly Clostridium difficile, is a bacterium.",
            "Clostridioides difficile",
            ("Clostridium difficile",),
        ),
        (
            "Akkermansia muciniphila, originally called strain MucT, is a microbe.",
            "Akkermansia muciniphila",
            ("strain MucT",),
        ),
        (
            "Glucagon-like peptide 1, or simply GLP-1, is an incretin.",
            "Glucagon-like peptide 1",
            ("GLP-1",),
        ),
        (
            "Thyroid-stimulating hormone, aka thyrotropin, is a hormone.",
            "Thyroid-stimulating hormone",
            ("thyrotropin",),
        ),
        (
            "Bacteroidetes (now Bacteroidota) are a phylum of bacteria.",
            "Bacteroidetes",
            ("Bacteroidota",),
        ),
        (
            "Gut bacteria, often termed microbes or microbiota, live in the gut.",
            "Gut bacteria",
            ("microbes", "microbiota"),
        ),
        (
            "Serotonin, or 5-hydroxytryptamine (5-HT), is a neurotransmitter.",
            "Serotonin",
            ("5-hydroxytryptamine", "5-HT"),
        ),
        # a bracket right after the term: synonyms, abbreviations with a head noun
        (
            "Brush border (microvillus border) is the lining of the gut.",
            "Brush border",
            ("microvillus border",),
        ),
        (
            "Calcitriol (1,25-dihydroxyvitamin D3) is active vitamin D.",
            "Calcitriol",
            ("1,25-dihydroxyvitamin D3",),
        ),
        (
            "HbA1c (glycated haemoglobin) is a blood test.",
            "HbA1c",
            ("glycated haemoglobin",),
        ),
        (
            "The Gut-Liver axis (GL axis) is a two-way link.",
            "Gut-Liver axis",
            ("GL axis",),
        ),
        (
            "Angiotensin-converting enzyme inhibitor (ACE inhibitor) is a drug class.",
            "Angiotensin-converting enzyme inhibitor",
            ("ACE inhibitor",),
        ),
        (
            "Human growth hormone (HGH, or somatotropin) is a hormone.",
            "Human growth hormone",
            ("HGH", "somatotropin"),
        ),
        (
            "Prebiotic fibre (also: prebiotics) feeds gut bacteria, and is cheap.",
            "Prebiotic fibre",
            ("prebiotics",),
        ),
        # two aliases in one sentence
        (
            "Cortisol (CORT), often called the “alarm hormone,” is a steroid.",
            "Cortisol",
            ("CORT", "alarm hormone"),
        ),
        # subjects far from their verbs
        (
            "Lipopolysaccharide (LPS), a molecule made by many bacteria, has long "
            "been used as a marker of barrier leakage.",
            "Lipopolysaccharide",
            ("LPS",),
        ),
        (
            "Bile acids (made by the liver from cholesterol and stored in the "
            "gallbladder) are detergents.",
            "Bile acids",
            (),
        ),
        (
            "Kupffer cells — also termed stellate macrophages — are liver cells.",
            "Kupffer cells",
            ("stellate macrophages",),
        ),
        (
            "Ghrelin is a peptide hormone, jokingly labelled the “hunger gremlin”, "
            "that rises before meals.",
            "Ghrelin",
            ("hunger gremlin",),
        ),
        # not names: metaphors, scare quotes, explaining brackets, far phrases
        (
            "Goblet cells, acting as the lining’s “mucus factories,” are in the gut.",
            "Goblet cells",
            (),
        ),
        (
            "Lactobacilli are the “good” bacteria of fermented foods.",
            "Lactobacilli",
            (),
        ),
        (
            "Mucin-2 is a glycoprotein that serves as a “net” for microbes.",
            "Mucin-2",
            (),
        ),
        (
            "Polyphenols, compounds likened to “fertiliser” for microbes, are in tea.",
            "Polyphenols",
            (),
        ),
        ("Histamine (found mainly in mast cells) is an amine.", "Histamine", ()),
        (
            "Leptin (from the Greek leptos, “thin”) is a hormone of fat cells.",
            "Leptin",
            (),
        ),
        (
            "Secondary bile acids are made when bacteria modify primary bile acids, "
            "which are sometimes called the liver's “soaps.”",
            "Secondary bile acids",
            (),
        ),
        ("Estrogen is known to rise as ovulation nears.", "Estrogen", ()),
        ("Insulin is called upon whenever blood glucose rises.", "Insulin", ()),
        ("Leptin is named after the Greek word for thin.", "Leptin", ()),
        ("The term “leaky gut” refers to raised permeability.", None, ()),
    ],
)
def test_names_by_the_grammar_of_naming(sentence, term, aliases):
    names = extract_names(sentence)
    assert names.term == term
    assert names.aliases == aliases
    assert len(names.evidence) == len(aliases)
    for alias, phrase in zip(aliases, names.evidence, strict=True):
        assert phrase in sentence
        assert alias in phrase or alias.casefold() in phrase.casefold()


@pytest.mark.parametrize(
    ("sentence", "kept_out", "reason"),
    [
        (
            "Peyer’s patches are lymph tissue, described as a “sentinel” of the gut.",
            "sentinel",
            "after 'a' or 'an'",
        ),
        (
            "Secretin, christened the first “hormone” in 1902, is a peptide.",
            "hormone",
            "other words stand between",
        ),
        (
            "Lactobacilli, often called the “friendly” microbes, are bacteria.",
            "friendly",
            "scare quotes",
        ),
        ("Estrone (E1) is a weak estrogen.", "E1", "does not abbreviate the term"),
        (
            "Bile is a fluid stored in the gallbladder, which is sometimes called "
            "“the bile bladder” by herbalists.",
            "bile bladder",
            "far from the term",
        ),
        (
            "Mast cells, the immune system’s “first responders,” are cells.",
            "first responders",
            "only with a naming word",
        ),
        (
            "Cortisol, commonly known as the body's alarm, is a steroid.",
            "alarm",
            "owner",
        ),
        (
            "Aromatase, also known as the enzyme that converts androgens, is x.",
            "enzyme",
            "describe rather than name",
        ),
        (
            "Cortisol is called the master regulator of metabolism.",
            "master regulator of metabolism",
            "describe rather than name",
        ),
    ],
)
def test_undecidable_names_are_kept_out_with_a_reason(sentence, kept_out, reason):
    names = extract_names(sentence)
    assert names.aliases == ()
    [(name, phrase, why)] = names.left_out
    assert name == kept_out
    assert phrase in sentence
    assert reason in why


def test_kept_out_names_become_uncertain_notes_with_the_line():
    entry = _scraped(
        "Navigation Home",
        "Estrone (E1), sometimes billed as a “quiet estrogen,” is a hormone. "
        "It is weaker than estradiol.",
        "Origin",
        ORIGIN,
    )
    assert entry.term == "Estrone"
    assert entry.aliases == ()
    notes = [(n.subtype, n.line, n.message) for n in entry.notes]
    assert ("uncertain", 2) in [(s, line) for s, line, _ in notes]
    messages = " ".join(m for _, _, m in notes)
    assert "left 'E1' out of the aliases" in messages
    assert "left 'quiet estrogen' out" in messages
    assert "billed as a “quiet estrogen,”" in messages


def test_each_alias_keeps_its_phrase_and_line():
    entry = _scraped(
        "Fructooligosaccharides (FOS), colloquially called “prebiotic sugars,” are "
        "short chains of fructose. They feed bifidobacteria.",
        "Origin",
        ORIGIN,
    )
    assert entry.aliases == ("FOS", "prebiotic sugars")
    assert [(e.alias, e.phrase, e.line) for e in entry.alias_evidence] == [
        ("FOS", "Fructooligosaccharides (FOS)", 1),
        ("prebiotic sugars", "colloquially called “prebiotic sugars,”", 1),
    ]


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
    assert abbreviates(short, long) is expected


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
    assert len(entries) == 4
    for entry in entries:
        assert [d.text for d in entry.dropped] == ["Site Footer Text Line"]
        assert "repeated across the folder" in entry.dropped[0].signals


def test_a_page_scraped_twice_is_not_its_own_boilerplate(tmp_path: Path):
    page = "\n".join([DEFINITION, "Origin", ORIGIN])
    (tmp_path / "a.txt").write_text(page)
    (tmp_path / "b.txt").write_text(page)
    entries = read_seeds(discover(tmp_path))
    assert len(entries) == 2
    for entry in entries:
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


def test_curated_aliases_have_their_front_matter_line_as_evidence(tmp_path: Path):
    (tmp_path / "page.txt").write_text(
        "Hepcidin, widely dubbed the “iron gatekeeper,” is a peptide.\nOrigin\n"
        + ORIGIN
    )
    (tmp_path / "page.md").write_text(
        "---\nsource: page.txt\nterm: Hepcidin\naliases:\n  - LEAP-1\n  - HAMP\n---\n"
    )
    entries = {Path(e.file).name: e for e in read_seeds(discover(tmp_path))}
    curated = entries["page.md"]
    assert [(e.alias, e.phrase, e.line) for e in curated.alias_evidence] == [
        ("LEAP-1", "front matter 'aliases'", 4),
        ("HAMP", "front matter 'aliases'", 4),
    ]
    merged = entries["page.txt"]
    assert merged.aliases == ("LEAP-1", "HAMP")
    assert merged.alias_evidence == curated.alias_evidence
    (alone,) = read_seeds([tmp_path / "page.txt"])
    assert [e.phrase for e in alone.alias_evidence] == [
        "widely dubbed the “iron gatekeeper,”"
    ]


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
