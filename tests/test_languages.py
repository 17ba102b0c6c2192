"""Manuals in German, French, Swedish, Japanese and Chinese: links, order, letters.

Each test root (``tests/roots/test-language-*``) is a small manual with
curated seeds and a page of prose in its language, written for these tests.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from seed_glossary.inflection import lemmas_for
from seed_glossary.matching import TermMatcher
from seed_glossary.sense import other_sense, sense_words_for


def _soup(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


def _headwords(app) -> list[str]:
    """The glossary's ``dt`` lines, in the order shown."""
    return [
        dt.get_text().strip("¶ ")
        for dt in _soup(app, "glossary.html").select("dl.glossary > dt")
    ]


def _bar(app) -> tuple[list[str], list[str]]:
    """The A–Z bar: every letter shown, and those that link."""
    bar = _soup(app, "glossary.html").select_one(".sg-az")
    assert bar is not None
    shown = [el.get_text() for el in bar.find_all(["a", "span", "strong"])]
    linked = [a.get_text() for a in bar.find_all("a")]
    return shown, linked


def _autolinks(app) -> list[tuple[str, str]]:
    """(text, headword it links to) of each autolink of the prose page."""
    glossary = _soup(app, "glossary.html")
    headword = {
        dt["id"]: dt.get_text().strip("¶ ")
        for dt in glossary.select("dl.glossary > dt")
        if dt.get("id")
    }
    prose = _soup(app, "prose.html")
    return [
        (span.get_text(), headword[span.parent["href"].split("#")[1]])
        for span in prose.select("a.reference > span.sg-autolink")
    ]


def _report_terms(app) -> list[str]:
    report = json.loads((app.outdir / "seed-glossary-report.json").read_text("utf-8"))
    return sorted(seed["term"] for seed in report["seeds"])


@pytest.mark.sphinx("html", testroot="language-de", freshenv=True)
def test_german_plural_and_case_forms_link_verbs_and_compounds_do_not(app):
    app.build()
    assert app.warning.getvalue() == ""
    assert _autolinks(app) == [
        ("Datenbanken", "Datenbank"),
        ("Tabellen", "Tabelle"),
        ("Zeilen", "Zeile"),
        ("Transaktionen", "Transaktion"),
        # An adjective inflects too: the two-word name in its dative plural.
        ("relationalen Datenbanken", "relationale Datenbank"),
    ]
    # "rechnen" (to compute) is not the noun "Rechner", and the compound
    # "Datenbanktabelle" is one word: neither links.
    prose = _soup(app, "prose.html").get_text()
    assert "rechnen" in prose and "Datenbanktabelle" in prose
    # German sorts Ä with A (as a mark on A), not after Z.
    assert _headwords(app)[:2] == ["Änderung", "Attribut"]
    shown, linked = _bar(app)
    assert shown == [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    assert linked == ["A", "D", "R", "T", "Z"]
    assert "Änderung" in _report_terms(app)


@pytest.mark.sphinx("html", testroot="language-fr", freshenv=True)
def test_french_plurals_link_and_a_verb_of_the_same_stem_does_not(app):
    app.build()
    assert app.warning.getvalue() == ""
    links = _autolinks(app)
    assert ("bases de données", "base de données") in links
    assert ("clé primaire", "clé primaire") in links
    assert ("transactions", "transaction") in links
    # "indexons" is the verb: only the noun "index" links.
    assert [text for text, target in links if target == "index"] == ["index"]
    # É sorts with E.
    assert _headwords(app) == [
        "base de données",
        "clé primaire",
        "écran",
        "éditeur",
        "index",
        "table",
        "transaction",
    ]
    assert _bar(app)[1] == ["B", "C", "E", "I", "T"]
    assert "base de données" in _report_terms(app)


@pytest.mark.sphinx("html", testroot="language-sv", freshenv=True)
def test_swedish_sorts_a_ring_a_umlaut_o_umlaut_after_z_with_letters_of_their_own(
    app,
):
    app.build()
    assert app.warning.getvalue() == ""
    assert _headwords(app) == ["apa", "bok", "zebra", "ångström", "äpple", "öl"]
    shown, linked = _bar(app)
    assert shown[-4:] == ["Z", "Å", "Ä", "Ö"]
    assert linked == ["A", "B", "Z", "Å", "Ä", "Ö"]
    assert ("äpplen", "äpple") in _autolinks(app)
    export = json.loads((app.outdir / "glossary.json").read_text("utf-8"))
    assert [entry["term"] for entry in export] == _headwords(app)
    assert _report_terms(app) == sorted(
        ["apa", "bok", "zebra", "ångström", "äpple", "öl"]
    )


@pytest.mark.sphinx("html", testroot="language-ja", freshenv=True)
def test_japanese_names_link_in_text_without_spaces_not_inside_longer_words(app):
    app.build()
    assert app.warning.getvalue() == ""
    assert _autolinks(app) == [
        # The longer entry wins; "テーブルスペース" is one katakana word.
        ("データベース管理システム", "データベース管理システム"),
        ("データベース", "データベース"),
        ("テーブル", "テーブル"),
        ("インデックス", "インデックス"),
    ]
    # By the rows of the kana: イ (あ row), キ (か), then デ and テ (た row;
    # voicing only breaks ties), the alias in kanji with its entry.
    assert _headwords(app) == [
        "インデックス",
        "索引",
        "キー",
        "データベース",
        "データベース管理システム",
        "テーブル",
    ]
    shown, linked = _bar(app)
    assert shown[26:] == ["あ", "か", "さ", "た", "な", "は", "ま", "や", "ら", "わ"]
    assert linked == ["あ", "か", "た"]
    assert "データベース" in _report_terms(app)


@pytest.mark.sphinx("html", testroot="language-zh", freshenv=True)
def test_chinese_names_link_in_running_text_and_the_longest_entry_wins(app):
    app.build()
    assert app.warning.getvalue() == ""
    assert _autolinks(app) == [
        ("数据库管理系统", "数据库管理系统"),
        ("API", "API"),
        ("数据库", "数据库"),
        ("表格", "表格"),
        ("索引", "索引"),
        # 事务 ("affairs", and the transaction) is an everyday word by
        # Chinese word frequencies: in prose it links on its own page only.
    ]
    # Without readings, Chinese characters sort by code point, under "#";
    # a name in Latin letters has its letter.
    assert _headwords(app)[0] == "API"
    assert _bar(app)[1] == ["A", "#"]
    assert "数据库" in _report_terms(app)


@pytest.mark.sphinx("html", testroot="language-gettext", freshenv=True)
def test_a_manual_translated_with_gettext_sorts_letters_and_links_translated(app):
    """English seeds, German catalogs: Apple, Bile acid, Zinc become
    Zwetschge, Gallensäure, Zink."""
    app.build()
    assert app.warning.getvalue() == ""
    assert _headwords(app) == ["Gallensäure", "Zink", "Zwetschge"]
    assert _bar(app)[1] == ["G", "Z"]
    # The translated prose names the translated headwords, inflected.
    assert _autolinks(app) == [("Zwetschgen", "Zwetschge"), ("Zink", "Zink")]
    names = (app.outdir / "_static" / "seed_glossary" / "names.js").read_text("utf-8")
    assert "Zwetschge" in names
    assert '"Apple"' not in names  # the anchor keeps the source's term-Apple


@pytest.mark.sphinx(
    "html",
    testroot="language-de",
    freshenv=True,
    confoverrides={"language": "eu"},
    verbosity=1,
)
def test_a_language_without_word_frequencies_says_so_at_verbose(app):
    app.build()
    assert "no word frequencies for language 'eu'" in app.status.getvalue()
    # Basque is a language simplemma does not know: names link as written.
    assert _autolinks(app) == [("Tabelle", "Tabelle")]


@pytest.mark.parametrize(
    ("language", "names", "text", "linked"),
    [
        (
            "es",
            {"base de datos": "db", "tabla": "t", "índice": "i"},
            "Creamos dos bases de datos y varias tablas con sus índices.",
            ["bases de datos", "tablas", "índices"],
        ),
        (
            "ru",
            {"база данных": "db", "таблица": "t", "строка": "s"},
            "Мы создаём две базы данных и несколько таблиц. Строки таблицы "
            "меняем в транзакциях.",
            ["базы данных", "таблиц", "Строки", "таблицы"],
        ),
        (
            "sv",
            {"databas": "db", "tabell": "t", "rad": "r"},
            "Databaserna har tabeller med rader. Radera inget.",
            ["Databaserna", "tabeller", "rader"],
        ),
    ],
)
def test_case_and_plural_forms_in_spanish_russian_swedish(
    language, names, text, linked
):
    matcher = TermMatcher(names, english=False, lemmas=lemmas_for(language))
    assert [text[m.start : m.end] for m in matcher.find(text)] == linked


def test_english_has_no_lemmas_and_an_unknown_language_none():
    assert lemmas_for("en") is None  # English names inflect by rule
    assert lemmas_for("eu") is None  # simplemma has no Basque


def test_a_german_name_whose_lemma_simplemma_lacks_still_links_its_plural():
    matcher = TermMatcher(
        {"Paketquelle": "pq"},
        english=False,
        lemmas=lemmas_for("de"),
        nouns_capitalised=True,
    )
    text = "Die Paketquellen und eine Paketquelle."
    assert [text[m.start : m.end] for m in matcher.find(text)] == [
        "Paketquellen",
        "Paketquelle",
    ]


def test_katakana_names_with_or_without_the_final_long_vowel_mark():
    matcher = TermMatcher({"ディレクトリ": "d", "サーバー": "s"}, english=False)
    text = "ディレクトリーとサーバを確認します。"
    assert [text[m.start : m.end] for m in matcher.find(text)] == [
        "ディレクトリー",
        "サーバ",
    ]


def test_a_japanese_noun_made_a_verb_with_suru_is_another_sense():
    words = sense_words_for("ja")
    text = "ミラーするとミラーが増えます。"
    assert other_sense(text, 0, 3, "ミラー", words)
    assert not other_sense(text, 6, 9, "ミラー", words)
    # できる, the potential of する: "can upgrade".
    assert other_sense("アップグレードできます", 0, 7, "アップグレード", words)
    # English has no such suffixes: the rule is the language's data.
    assert not sense_words_for("en").verb_suffixes
