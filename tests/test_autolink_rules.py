"""The rules that decide which mentions become autolinks (the pure planner)."""

from __future__ import annotations

import pytest

from seed_glossary.autolink import (
    PageText,
    Policy,
    Unit,
    find_mentions,
    page_topics,
    plan_page,
    section_topics,
)
from seed_glossary.catalog import CatalogItem, only_refers
from seed_glossary.compounds import heading_phrases
from seed_glossary.directive import _item_names
from seed_glossary.matching import TermMatcher, typeset_variants
from seed_glossary.model import ItemNames, SeedEntry
from seed_glossary.usage import common_entries, page_mentions, related_entries
from seed_glossary.vocabulary import LinkNames, everyday_words


def _names(*items: tuple[str, ...], everyday=(), autolink=None) -> LinkNames:
    autolink = autolink or {}
    return LinkNames(
        [
            ItemNames(names[0].lower(), names, (), autolink=autolink.get(names[0], ""))
            for names in items
        ],
        everyday=frozenset(everyday),
        everyday_in_prose=frozenset(everyday),
    )


def _prose(*paragraphs: str) -> PageText:
    """A page of prose: one run per paragraph."""
    return PageText(
        units=(Unit("page#"),),
        runs=tuple((n, 0, n, text) for n, text in enumerate(paragraphs)),
    )


def _entry(key: str, *paragraphs: str) -> PageText:
    return PageText(
        units=(Unit(f"glossary#{key}", key),),
        runs=tuple((n, 0, n, text) for n, text in enumerate(paragraphs)),
    )


def _plan(page, names, policy=None, prose=True):
    links, plain = plan_page(page, names, policy or Policy(), prose=prose)
    return [link.surface for link in links], [(p.target, p.reason) for p in plain]


ITEMS = (("Butyrate",), ("Mucus layer",), ("Finder",), ("Path based finder",))


def test_first_mention_per_page_in_prose_and_per_entry_in_the_glossary():
    names = _names(*ITEMS)
    page = _prose("Butyrate feeds cells.", "More butyrate here.", "Butyrate again.")
    linked, plain = _plan(page, names)
    assert linked == ["Butyrate"]
    assert plain == [("butyrate", "repeat"), ("butyrate", "repeat")]
    entry = _entry("mucus layer", "Butyrate and butyrate.", "Butyrate.")
    assert _plan(entry, names)[0] == ["Butyrate"]


def test_an_entry_never_links_itself_and_glossary_only_leaves_prose_plain():
    names = _names(*ITEMS)
    assert _plan(_entry("butyrate", "Butyrate is a fatty acid."), names)[0] == []
    assert _plan(_prose("Butyrate."), names, prose=False)[0] == []


def test_the_authors_term_link_counts_as_the_mention():
    names = _names(*ITEMS)
    page = PageText(
        units=(Unit("page#"),),
        runs=((0, 0, 0, "Butyrate here."),),
        xrefs=((0, "butyrate"),),
    )
    assert _plan(page, names) == ([], [("butyrate", "repeat")])


def test_a_name_wrapped_across_lines_is_one_mention():
    """MyST gives each source line a text node; the walk joins them in a run."""
    names = _names(*ITEMS)
    linked, _plain = _plan(_prose("the path\nbased finder looks"), names)
    assert linked == ["path\nbased finder"]


def test_everyday_words_stay_plain_in_prose():
    names = _names(("List",), ("Module",), ("Iterable",), everyday={"List"})
    linked, plain = _plan(_prose("A list of modules, each iterable."), names)
    assert linked == ["modules", "iterable"]
    assert plain == [("list", "everyday")]


def test_everyday_words_link_in_entries_whose_headword_holds_them():
    """The genus: a "keyword argument" is an argument."""
    names = _names(
        ("Argument",),
        ("Function",),
        ("Keyword argument",),
        ("Decorator",),
        everyday={"Argument", "Function"},
    )
    assert _plan(_entry("keyword argument", "An argument named."), names)[0] == [
        "argument"
    ]
    # Elsewhere (and with no relation between the entries) it stays plain.
    linked, plain = _plan(_entry("decorator", "A function that wraps."), names)
    assert linked == [] and plain == [("function", "everyday")]


def test_everyday_words_by_frequency_are_single_words_only():
    zipf = {"list": 5.3, "decorator": 2.9}
    found = everyday_words(["List", "Decorator", "mailing list", "LIST"], zipf, 4.5)
    assert found == {"List"}  # as written: "LIST" is a symbol, not the word


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("install it into site-finders today", "part of a longer word"),
        ("the finder.py module", "a file name"),
        ("see Finder 3 for more", "an identifier with a number"),
        ("you finder the list", "a verb after its subject"),
        ("how to finder the files", "a verb after to"),
        ("how to find, or finder, the files", "a verb joined to an infinitive"),
        ("how to read and finder them", "a verb joined to an infinitive"),
        ("the Finder Index of packages", "part of a proper name"),
    ],
)
def test_other_senses_stay_plain(text, why):
    names = _names(("finder",), ("packages",))
    links, plain = plan_page(_prose(text), names, Policy(), prose=True)
    assert "finder" not in [link.target for link in links], why
    assert ("finder", "sense") in [(p.target, p.reason) for p in plain], why


@pytest.mark.parametrize(
    "text",
    [
        "nested tuples are interpreted correctly",
        "a string interpreted as bytes",
        "the importing module's name",
    ],
)
def test_verbs_and_adjectives_of_noun_entries_stay_plain(text):
    names = _names(("interpreted",), ("importing",), ("callable",))
    assert _plan(_prose(text), names)[0] == []


def test_an_adjective_entry_links_in_its_own_sense():
    """ "reachable from" is how a glossary defines *reachable*, not a verb."""
    names = _names(("reachable",), ("commit",))
    assert _plan(_prose("objects reachable from a commit"), names)[0] == [
        "reachable",
        "commit",
    ]


def test_a_noun_joined_to_an_infinitive_still_links():
    """Only a word followed by its object is a second verb of "to ..."."""
    names = _names(("finder",), ("loader",))
    text = "It is up to the importer, or finder, to locate it; to a loader and finder."
    assert _plan(_prose(text), names)[0] == ["finder", "loader"]


def test_nouns_after_to_and_at_sentence_start_still_link():
    names = _names(("finder",), ("interpreted",))
    assert _plan(_prose("It passes it to finders."), names)[0] == ["finders"]
    assert _plan(_prose("Finders search paths."), names)[0] == ["Finders"]
    assert _plan(_prose("an interpreted language"), names)[0] == ["interpreted"]
    assert _plan(_prose("a C-finder buffer"), names)[0] == ["finder"]


def test_an_ellipsis_is_never_a_name():
    names = _names(("...",), (">>>",))
    linked, _plain = _plan(_prose("prompts (>>> and …), then try … except."), names)
    assert linked == [">>>"]


def test_names_side_by_side_read_as_one_name():
    names = _names(
        ("mutable",),
        ("object",),
        ("statement",),
        ("type",),
        ("alpha",),
        ("beta",),
        everyday={"object", "statement", "type"},
    )
    # The everyday word gives way.
    assert _plan(_prose("a mutable object"), names)[0] == ["mutable"]
    # Two everyday words: neither.
    linked, plain = _plan(_prose("the statement type"), names)
    assert linked == [] and {r for _t, r in plain} == {"compound"}
    # Two specific names: the first.
    assert _plan(_prose("an alpha beta here"), names)[0] == ["alpha"]


def test_a_cap_of_autolinks_per_paragraph():
    names = _names(("alpha",), ("beta",), ("gamma",), ("delta",))
    page = _prose("alpha, beta, gamma and delta.", "delta alone.")
    linked, plain = _plan(page, names, Policy(max_per_paragraph=2))
    assert linked == ["alpha", "beta", "delta"]
    assert plain == [("gamma", "density"), ("delta", "density")]


def test_a_seed_can_say_always_first_or_never():
    names = _names(
        ("List",),
        ("Butyrate",),
        ("Mucin",),
        everyday={"List"},
        autolink={"List": "always", "Butyrate": "first", "Mucin": "never"},
    )
    page = PageText(
        units=(Unit("glossary#a", "a"), Unit("glossary#b", "b")),
        runs=(
            (0, 0, 0, "A list of butyrate and mucin."),
            (1, 1, 1, "Another list of butyrate."),
        ),
    )
    linked, plain = _plan(page, names)
    # always: linked although everyday, once per unit; first: once per page.
    assert linked == ["list", "butyrate", "list"]
    assert ("mucin", "excluded") in plain and ("butyrate", "repeat") in plain


def test_smart_quotes_and_typeset_dashes_are_found():
    assert typeset_variants("...") == {"...", "…"}
    assert "it’s done" in typeset_variants("it's done")
    matcher = TermMatcher({"...": "ellipsis", "it's done": "done", "a--b": "ab"})
    found = {m.target for m in matcher.find("so it’s done, a–b and (…)")}
    assert found == {"done", "ab", "ellipsis"}


def _graph_policy(*pages, **options) -> Policy:
    return Policy(
        common=common_entries(pages, 0.5, 2),
        related=related_entries(pages),
        **options,
    )


def _mentioned(page: PageText, names: LinkNames):
    return page_mentions(page, find_mentions(page, names), names)


def test_everyday_words_link_in_entries_related_to_theirs():
    """Related: the two definitions name each other, or a See also line."""
    names = _names(("Table",), ("Row",), ("Trigger",), ("Index",), everyday={"Table"})
    table = PageText(
        units=(Unit("g#table", "table"), Unit("g#index", "index")),
        runs=((0, 0, 0, "A set of rows."), (1, 1, 1, "Speeds up a table.")),
        see=((1, "Table"),),
    )
    row = _entry("row", "One line of a table.")
    trigger = _entry("trigger", "Runs when a table changes.")
    pages = [_mentioned(p, names) for p in (table, row, trigger)]
    policy = _graph_policy(*pages)
    assert policy.related >= {("row", "table"), ("table", "row"), ("index", "table")}
    assert _plan(row, names, policy)[0] == ["table"]
    assert _plan(table, names, policy)[0] == ["rows", "table"]
    linked, plain = _plan(trigger, names, policy)
    assert linked == [] and plain == [("table", "everyday")]
    # The other style: the first mention in every entry.
    first = _graph_policy(*pages, everyday_in_entries="first")
    assert _plan(trigger, names, first)[0] == ["table"]


def test_only_the_prose_of_pages_makes_a_name_common():
    """A glossary that uses its own term in every entry still links it."""
    names = _names(("Tuple",), ("Relation",), ("Lock",))
    entries = [
        _mentioned(_entry(f"e{n}", "A tuple of a relation."), names) for n in range(10)
    ]
    prose = [_mentioned(_prose(f"Take a lock {n}."), names) for n in range(4)]
    assert common_entries(entries, 0.5, 2) == frozenset()
    assert common_entries([*entries, *prose], 0.5, 2) == {"lock"}
    # Prose asks with the entries: a word most entries use is the field's own,
    # used in passing on a page.
    with_entries = common_entries([*entries, *prose], 0.5, 2, entries=True)
    assert with_entries == {"tuple", "relation"}


def test_half_of_a_compound_that_a_heading_names_is_not_linked():
    names = _names(("prelude",), ("trait",), ("database",))
    function_words = frozenset({"a", "the", "of"})
    phrases = heading_phrases(
        ["Extern prelude", "Trait objects", "Creating a Database"],
        names.phrase_forms,
        function_words,
    )
    assert "a database" not in phrases and "creating a" not in phrases
    policy = Policy(heading_phrases=phrases)
    text = "Added to the extern\nprelude. A trait object. The database."
    linked, plain = _plan(_prose(text), names, policy)
    assert linked == ["database"]
    assert ("prelude", "compound") in plain and ("trait", "compound") in plain
    # The prelude on its own, and inside entries, links.
    assert _plan(_prose("The prelude."), names, policy)[0] == ["prelude"]
    entry = _entry("other", "A trait object.")
    assert _plan(entry, names, policy)[0] == ["trait"]


def test_a_page_links_the_everyday_word_its_title_names():
    names = _names(("View",), ("Table",), everyday={"View", "Table"})
    page = PageText(
        units=(Unit("views#"),),
        runs=((0, 0, 0, "A view is a stored query over a table."),),
        title="Views",
    )
    linked, plain = _plan(page, names)
    assert linked == ["view"]
    assert plain == [("table", "everyday")]


def test_with_introduced_a_section_links_the_word_its_heading_names():
    """With "introduced", a section introduces what its heading names, as a
    page does its title's: there, and only there, its first mention links.
    With "first", only the page's title makes an everyday word its topic."""
    names = _names(("Rest",), ("Clef",), everyday={"Rest", "Clef"})
    page = PageText(
        units=(Unit("notation#"),),
        runs=(
            (0, 0, 0, "A rest before the clef."),
            (1, 0, 1, "A rest is silence."),
            (2, 0, 2, "The clef again."),
        ),
        title="Simple notation",
        headings=("Simple notation", "Rests", "Clefs"),
        section_spans=((0, 2), (1, 1), (-1, -1)),
    )
    introduced = Policy(prose_mentions="introduced")
    linked, plain = _plan(page, names, introduced)
    assert linked == ["rest"]
    assert plain == [
        ("rest", "introduced"),
        ("clef", "introduced"),
        ("clef", "introduced"),
    ]
    assert _plan(page, names)[0] == []


def test_a_name_right_after_inline_code_names_its_kind():
    """ "the ``gc`` module": the run after the code starts with a space."""
    names = _names(("module",), ("collector",))
    page = PageText(
        units=(Unit("page#"),),
        runs=((0, 0, 0, "see the "), (1, 0, 0, " module of the collector")),
    )
    linked, plain = _plan(page, names)
    assert linked == ["collector"]
    assert plain == [("module", "compound")]
    # At the start of a paragraph it is a name like any other.
    assert _plan(_prose(" module of"), names)[0] == ["module"]


def test_a_word_that_inline_code_of_the_same_sentence_names_is_that_code():
    """ "``python -m module [arg]`` runs the file for module": a placeholder."""
    names = _names(("module",), ("iterable",), ("clef",), ("lambda",))
    runs = (
        (0, 0, 0, "Run "),
        (2, 0, 0, ", which runs the file for module. A module again."),
        (3, 0, 1, "Set the clef with "),
        (4, 0, 1, ". Write one as "),
        (6, 0, 1, ". Lambda functions."),
    )
    code = (
        (1, 0, "python -m module [arg]"),
        (4, 1, "\\clef treble"),
        (6, 1, "lambda a, b: a+b"),
    )
    page = PageText(units=(Unit("page#"),), runs=runs, inline_code=code)
    linked, plain = _plan(page, names)
    # The next sentence is another: "A module" links. After a sigil
    # (``\\clef``), the word is a command's name, not the word itself; code in
    # the sentence before names nothing ("Lambda functions").
    assert linked == ["module", "clef", "Lambda"]
    assert plain == [("module", "sense")]
    # Without the code beside it, the first mention links.
    bare = PageText(units=(Unit("page#"),), runs=runs)
    assert _plan(bare, names)[0][0] == "module"
    # A call or a dotted name is not the bare word: "open()", "os.module".
    for other in ("module()", "os.module", "module.py", "--module"):
        page = PageText(
            units=(Unit("page#"),), runs=runs[:2], inline_code=((1, 0, other),)
        )
        assert _plan(page, names)[0] == ["module"], other


def test_a_word_in_italics_right_after_an_option_is_its_placeholder():
    """ "When ``-m`` *module* is used": what to write after the option."""
    names = _names(("module",), ("method",))

    def page(code: str, word: str) -> PageText:
        return PageText(
            units=(Unit("page#"),),
            runs=(
                (0, 0, 0, "When "),
                (2, 0, 0, " "),
                (3, 0, 0, word),
                (4, 0, 0, " used."),
            ),
            emphasized=frozenset({3}),
            after_element=frozenset({2}),
            inline_code=((2, 0, code),),
        )

    assert _plan(page("-m", "module"), names) == ([], [("module", "sense")])
    assert _plan(page("--module", "module"), names)[0] == []
    # After other code, a term in italics is a term introduced.
    assert _plan(page("append()", "method"), names)[0] == ["method"]
    # Between two pieces of code: a syntax written out, "``$`` *name* ``:``".
    syntax = PageText(
        units=(Unit("page#"),),
        runs=((1, 0, 0, " "), (2, 0, 0, "module"), (3, 0, 0, " "), (5, 0, 0, " is")),
        emphasized=frozenset({2}),
        inline_code=((1, 0, "$"), (4, 0, ":")),
    )
    assert _plan(syntax, names) == ([], [("module", "sense")])
    # Glued to code, with not even a space: one token, "``$``\\ *module*".
    glued = PageText(
        units=(Unit("page#"),),
        runs=((0, 0, 0, "the "), (2, 0, 0, "module"), (3, 0, 0, ". A module.")),
        inline_code=((2, 0, "$"),),
    )
    assert _plan(glued, names) == (["module"], [("module", "sense")])
    # Japanese writes a word right after code: "``/var/``ディレクトリー".
    japanese = _names(("ディレクトリー",))
    after = PageText(
        units=(Unit("page#"),),
        runs=((0, 0, 0, "その"), (2, 0, 0, "ディレクトリーの中")),
        inline_code=((2, 0, "/var/"),),
    )
    assert _plan(after, japanese)[0] == ["ディレクトリー"]
    # In italics after words, the same.
    words = ((0, 0, 0, "When "), (1, 0, 0, "the "), (3, 0, 0, "module"))
    plain = PageText(units=(Unit("page#"),), runs=words, emphasized=frozenset({3}))
    assert _plan(plain, names)[0] == ["module"]


def test_a_parameter_the_described_object_declares_is_that_parameter():
    """In the description of ``list.extend(iterable)``: the argument."""
    names = _names(("iterable",), ("list",))
    page = PageText(
        units=(Unit("page#"),),
        runs=(
            (0, 0, 1, "Extend the list by all items of the iterable."),
            (1, 0, 2, "An iterable elsewhere."),
        ),
        declared=((1, ("iterable",)),),
    )
    linked, plain = _plan(page, names)
    assert linked == ["list", "iterable"]
    assert plain == [("iterable", "sense")]


def test_a_page_links_an_everyday_word_where_it_sets_it_in_italics():
    """A writer introduces a term in italics or bold: "*Beams* are added"."""
    names = _names(("Beam",), ("Clef",), everyday={"Beam", "Clef"})
    page = PageText(
        units=(Unit("page#"),),
        runs=(
            (0, 0, 0, "Notes get a beam here. "),
            (1, 0, 0, "Beams"),  # <em>Beams</em>
            (2, 0, 0, " are added. A clef, "),
            (3, 0, 0, "the clef of the staff"),  # emphasised, but a phrase
        ),
        emphasized=frozenset({1, 3}),
    )
    linked, plain = _plan(page, names)
    assert linked == ["Beams"]
    assert ("clef", "everyday") in plain


def test_introduced_prose_links_where_the_text_introduces_or_is_about_a_name():
    """With "introduced", no name links in passing, everyday or not; a seed
    with ``autolink: always`` links at its first mention all the same."""
    names = _names(
        ("Beam",), ("Tuplet",), ("Ossia",), ("Clef",), autolink={"Ossia": "always"}
    )
    page = PageText(
        units=(Unit("page#"),),
        runs=(
            (0, 0, 0, "A tuplet, a clef, an ossia and a beam. "),
            (1, 0, 0, "Beams"),  # <em>Beams</em>
            (2, 0, 0, " are added."),
        ),
        emphasized=frozenset({1}),
        title="Tuplets",
    )
    introduced = Policy(prose_mentions="introduced")
    linked, plain = _plan(page, names, introduced)
    assert linked == ["tuplet", "ossia", "Beams"]
    assert ("clef", "introduced") in plain and ("beam", "introduced") in plain
    # The default links the first mention of each.
    assert _plan(page, names)[0] == ["tuplet", "clef", "ossia", "beam"]
    # Entries are not affected.
    entry = _entry("other", "A tuplet, a clef and a beam.")
    assert _plan(entry, names, introduced)[0] == ["tuplet", "clef", "beam"]


def test_one_capitalised_word_mid_sentence_is_no_proper_name():
    names = _names(("atomicity",), ("consistency",), ("package",))
    text = "An acronym for “Atomicity, Consistency”; see the Python Package Index."
    assert _plan(_prose(text), names)[0] == ["Atomicity", "Consistency"]


def test_a_name_spelled_with_a_capital_inside_is_the_same_word():
    """ "JavaScript" is how its owner spells the glossary's "javascript"; a
    capital only at its start, mid-sentence, still starts a proper name."""
    names = _names(("javascript",), ("postgresql",))
    text = "Write JavaScript for PostgreSQL; the Javascript Guide."
    assert _plan(_prose(text), names) == (
        ["JavaScript", "PostgreSQL"],
        [("javascript", "sense")],
    )


def test_a_title_names_its_topic_unless_another_word_qualifies_it():
    names = LinkNames(
        [
            ItemNames("expression", ("Expression",), ()),
            ItemNames("db", ("Database",), ()),
        ],
        everyday=frozenset({"Expression", "Database"}),
        function_words=frozenset({"a", "the", "and", "of"}),
    )
    assert page_topics("Call expressions", names) == set()
    assert page_topics("Expressions", names) == {"expression"}
    assert page_topics("Creating a Database", names) == {"db"}
    # A page titled "Expression statements" is about them; a section so
    # headed is about statements: there the topic is the heading's head.
    assert page_topics("Expression statements", names) == {"expression"}
    assert section_topics("Expression statements", names) == set()
    assert section_topics("The expression-statement rule", names) == set()
    assert section_topics("Call expressions", names) == set()
    assert section_topics("Expressions and statements", names) == {"expression"}
    assert section_topics("Expressions of a Database", names) == {"expression", "db"}


@pytest.mark.parametrize(
    ("definition", "refers"),
    [
        ("See argument.", True),
        ("See {term}`argument`.", True),
        ("Siehe :term:`das Argument <argument>`.", True),
        ("See keyword argument.", False),  # its own name
        ("See argument and parameter.", False),
        ("The fourth scale degree.", False),
    ],
)
def test_a_definition_that_only_names_another_entry_is_no_definition(
    definition, refers
):
    entry = SeedEntry("a.md", "structured", "keyword argument", definition=definition)
    item = CatalogItem(("keyword argument",), (entry,))
    names = {"keyword argument", "argument", "parameter", "scale degree"}
    assert only_refers(item, names) is refers


def test_an_entry_with_no_definition_links_where_an_everyday_word_would():
    """A link to "rest: See also note value" helps only where the page is
    about rests or introduces them."""
    names = LinkNames(
        [ItemNames("rest", ("rest",), (), empty=True), ItemNames("beam", ("beam",), ())]
    )
    linked, plain = _plan(_prose("A rest and a beam."), names)
    assert linked == ["beam"]
    assert plain == [("rest", "empty")]
    page = PageText(
        units=(Unit("rests#"),), runs=((0, 0, 0, "A rest is silence."),), title="Rests"
    )
    assert _plan(page, names)[0] == ["rest"]


def test_an_emphasised_label_introduces_nothing_and_a_letter_links_nothing():
    names = _names(("Note",), ("A",), everyday={"Note"})
    page = PageText(
        units=(Unit("page#"),),
        runs=((0, 0, 0, "Note"), (1, 0, 0, ": A score holds a note.")),
        emphasized=frozenset({0}),
    )
    linked, plain = _plan(page, names)
    assert linked == []
    assert ("note", "everyday") in plain and ("a", "sense") in plain
    inside = PageText(
        units=(Unit("page#"),),
        runs=((0, 0, 0, "Note:"), (1, 0, 0, " read this first.")),
        emphasized=frozenset({0}),
    )
    assert _plan(inside, names)[0] == []


def test_a_name_glued_to_code_or_closed_by_a_quote_before_a_hyphen_is_a_word_part():
    """ "``Stable``-Suite" and „Release“-Datei are longer words: the code or the
    quotation ends where the run of text starts or the name ends."""
    names = _names(("Suite",), ("Release",), ("Modul",))
    page = PageText(
        units=(Unit("page#"),),
        # run 1 follows inline code ("``Stable``"), in the same paragraph
        runs=(
            (0, 0, 0, "Die "),
            (1, 0, 0, "-Suite ist alt. Eine „Release“-Datei."),
            (2, 0, 1, "Ein Modul."),
        ),
        after_element=frozenset({1}),
    )
    linked, plain = _plan(page, names)
    assert linked == ["Modul"]
    assert plain == [("suite", "sense"), ("release", "sense")]


def test_prose_has_everyday_words_of_its_own():
    """A word can be everyday in prose and not inside entries (two thresholds)."""
    names = LinkNames(
        [ItemNames("piano", ("Piano",), ()), ItemNames("forte", ("Forte",), ())],
        everyday_in_prose=frozenset({"Piano"}),
    )
    assert _plan(_prose("A singer and piano."), names) == ([], [("piano", "everyday")])
    entry = _entry("forte", "The opposite of piano.")
    assert _plan(entry, names)[0] == ["piano"]


def test_a_word_set_in_italics_mid_sentence_keeps_its_sentence():
    """A run that starts inside a paragraph (an emphasised word) is not a
    sentence start: a capital there is a name ("the *Largo* of the aria"),
    after a full stop it is not."""
    names = _names(("largo",), ("beam",))
    page = PageText(
        units=(Unit("page#"),),
        runs=(
            (0, 0, 0, "sung as the "),
            (1, 0, 0, "Largo"),  # <em>Largo</em>
            (2, 0, 0, " of the aria. "),
            (3, 0, 0, "Beams"),  # <em>Beams</em>, a sentence of its own
            (4, 0, 1, "Largo"),  # starts a paragraph
        ),
        emphasized=frozenset({1, 3}),
    )
    linked, plain = _plan(page, names)
    assert linked == ["Beams", "Largo"]
    assert plain == [("largo", "sense")]


def test_a_capital_on_the_first_of_several_words_is_an_adjective_of_a_name():
    """ "a Cartesian product" is the glossary's "cartesian product"; "the
    Cartesian Product Index" is a name."""
    names = _names(("cartesian product",), ("index",))
    text = "This is a Cartesian product. See the Cartesian Product Index."
    assert _plan(_prose(text), names)[0] == ["Cartesian product"]


def test_an_entry_with_nothing_to_read_is_never_linked():
    """A placeholder ("lyrics", no definition and no See also) is linked
    nowhere, not even on the page about it: the reader would find nothing."""
    names = LinkNames([ItemNames("lyrics", ("lyrics",), (), empty=True, blank=True)])
    page = PageText(
        units=(Unit("lyrics#"),),
        runs=((0, 0, 0, "Lyrics"), (1, 0, 0, " are words.")),
        emphasized=frozenset({0}),
        title="Lyrics",
    )
    assert _plan(page, names) == ([], [("lyrics", "empty")])


@pytest.mark.parametrize(
    ("definition", "see_also", "empty", "blank"),
    [
        ("", (), True, True),
        ("", ("note value",), True, False),
        ("Words sung.", (), False, False),
    ],
)
def test_an_entry_is_blank_when_it_has_neither_definition_nor_see_also(
    definition, see_also, empty, blank
):
    entry = SeedEntry("a.md", "structured", "lyrics", definition=definition)
    item = CatalogItem(("lyrics",), (entry,), see_also=see_also)
    names = _item_names(item, {}, refers=False)
    assert (names.empty, names.blank) == (empty, blank)
