"""The ``seed_glossary_*`` configuration values: one table, declared once.

:data:`CONFIG_VALUES` holds, for every value, its default, what a change
rebuilds, its types, what is allowed and its help text (a
:class:`~.config_types.ConfigValue` each). :mod:`.config`
declares them to Sphinx and checks them; the manual's reference page is
generated from the same table (``docs/_ext/seed_glossary_docs.py``).
"""

from __future__ import annotations

from .autolink import EVERYDAY_IN_ENTRIES, PROSE_MENTIONS
from .config_types import NOTHING, ConfigValue, autolink_scope, strings
from .ingest import DEFAULT_MAX_BYTES
from .ingest.seed_report import REPORT_NAME

CONFIG_VALUES: tuple[ConfigValue, ...] = (
    ConfigValue(
        "seed_glossary_seeds",
        "../seeds",
        "env",
        frozenset({str}),
        "a folder or glob, relative to the configuration directory",
        "Folder (or glob) of seed files, relative to the configuration directory "
        "(the folder of `conf.py`). A folder means its `*.txt` and `*.md` files; "
        'a glob such as `"../seeds/*.txt"` means the files it matches. The '
        "`seed-glossary` directive reads it when it has no argument.",
        lambda value: bool(str(value).strip()),
    ),
    ConfigValue(
        "seed_glossary_noise_patterns",
        [],
        "env",
        frozenset({list, tuple}),
        "a list of regular expressions",
        "Extra regular expressions; a scraped line that matches one is dropped, "
        "with the kind `pattern`. Each pattern is searched (`re.search`) in the "
        "line without its leading and trailing spaces, so anchor it with `^` and "
        "`$` to match whole lines. An invalid pattern is skipped with a "
        "`seed_glossary.config` warning.",
        strings,
    ),
    ConfigValue(
        "seed_glossary_keep_patterns",
        [],
        "env",
        frozenset({list, tuple}),
        "a list of regular expressions",
        "Regular expressions of scraped lines that are kept even when their "
        "words look like noise. They win over the noise patterns.",
        strings,
    ),
    ConfigValue(
        "seed_glossary_headings",
        None,
        "env",
        frozenset({list, tuple}) | NOTHING,
        "a list of headings, or None",
        "Section headings known to occur in scraped seeds, compared without "
        "regard to case. Any heading-shaped line followed by a paragraph is read "
        "as a section heading, listed or not; a listed heading is never taken "
        "for the heading of page furniture, is kept even when it heads no "
        "paragraph, and is not reported as `uncertain`. `None` (the default): "
        "the group `section_headings` of the language's data, which a project "
        "extends in its own data ({ref}`seed-languages`); a list replaces them.",
        lambda value: value is None or strings(value),
    ),
    ConfigValue(
        "seed_glossary_seed_directives",
        [],
        "env",
        frozenset({list, tuple}),
        "a list of directive names",
        "Directives that curated seeds may use besides the built-in ones "
        '({ref}`curated-limits`), such as `["dropdown", "tab-set"]` for a '
        "project with sphinx-design. A seed that uses any other directive gets a "
        "`seed_glossary.unsafe_markup` warning and shows the directive as text.",
        strings,
    ),
    ConfigValue(
        "seed_glossary_autolink",
        "glossary",
        "env",
        frozenset({str, list, tuple, bool}),
        '"glossary", "all", False, or a list of document globs',
        "Where mentions of glossary names in running text become `term` links "
        '({ref}`autolink`): `"glossary"`, inside the entries of seed glossaries; '
        '`"all"`, inside entries and in the text of every page; a list of '
        'document globs, such as `["example-prose", "guide/**"]`, inside entries '
        'and in the pages whose names match; `False` (or `"none"`), nowhere. '
        'Any other string is read as one glob; `True` means `"glossary"`. A page '
        "can opt out with {ref}`page metadata <page-metadata>`.",
        autolink_scope,
    ),
    ConfigValue(
        "seed_glossary_autolink_handwritten",
        False,
        "env",
        frozenset({bool}),
        "True or False",
        "Autolink the terms of glossaries written by hand (`.. glossary::`, "
        "MyST `{glossary}`) and the mentions inside their entries, by the same "
        "rules as seed glossaries. Their entries get previews, search results, "
        '"Referenced from" lines and a place in the link report either way.',
    ),
    ConfigValue(
        "seed_glossary_autolink_style",
        True,
        "html",
        frozenset({bool}),
        "True or False",
        "HTML: autolinks keep the colour of the text around them, with a dotted "
        "underline, so readers tell them from the links authors wrote "
        "(`_static/seed_glossary_autolinks.css`). `False` styles them as every "
        "other link.",
    ),
    ConfigValue(
        "seed_glossary_autolink_exclude",
        [],
        "",
        frozenset({list, tuple}),
        "a list of terms and aliases",
        "Terms and aliases that are never autolinked, compared without regard "
        "to case. A headword (or a shared alias) keeps its whole entry from "
        "being autolinked; an alias of one entry keeps only that alias plain. "
        "Links written with the `term` role are not affected.",
        strings,
    ),
    ConfigValue(
        "seed_glossary_autolink_everyday_zipf",
        4.5,
        "",
        frozenset({float, int}) | NOTHING,
        "a number on the Zipf scale from 3 to 8, or None",
        "A single-word name at least this frequent in the build's language is "
        "an everyday "
        "word (Zipf scale of the `wordfreq` package: 6 is a word such as "
        "*time*, 5 *list* or *type*, 4 *module*, 3 *decorator*). Inside "
        "entries, everyday words link as "
        "`seed_glossary_autolink_everyday_in_entries` says "
        "({ref}`autolink-rules`); in prose, "
        "`seed_glossary_autolink_everyday_zipf_in_prose` sets the threshold. "
        "`None`: no name is an everyday word by its frequency inside entries.",
        lambda value: value is None or 3 <= float(value) <= 8,  # type: ignore[arg-type]
    ),
    ConfigValue(
        "seed_glossary_autolink_everyday_zipf_in_prose",
        4.0,
        "",
        frozenset({float, int}) | NOTHING,
        "a number on the Zipf scale from 3 to 8, or None",
        "The same threshold for the prose of pages: a single-word name at least "
        "this frequent is an everyday word there, linked only on the page about "
        "it or where the text sets it in italics or bold. Lower than inside "
        "entries, where related entries vouch for a word's sense: in running "
        "text a frequent word is more often another sense or a word met in "
        "passing ({ref}`autolink-quality`). `None`: no name is an everyday word "
        "in prose by its frequency.",
        lambda value: value is None or 3 <= float(value) <= 8,  # type: ignore[arg-type]
    ),
    ConfigValue(
        "seed_glossary_autolink_everyday_in_entries",
        "related",
        "",
        frozenset({str}),
        '"related" or "first"',
        'Where everyday words link inside glossary entries. `"related"`: in an '
        "entry whose definition and the word's entry name each other, or whose "
        'headword holds the word ("keyword argument", *argument*). `"first"`: '
        "at their first mention in every entry, for glossaries whose authors "
        "link the core words of their field everywhere ({ref}`autolink-styles`).",
        lambda value: value in EVERYDAY_IN_ENTRIES,
    ),
    ConfigValue(
        "seed_glossary_autolink_prose_mentions",
        "first",
        "",
        frozenset({str}),
        '"first" or "introduced"',
        'Which mentions link in the prose of pages. `"first"`: the first '
        "mention of each entry on a page (everyday words only where the page "
        'introduces them or is about them). `"introduced"`: every name only '
        "where the page introduces it, in italics or bold of its own, on the "
        "page its title names, or in the section its heading names, for "
        "manuals whose readers know the field's "
        "words and whose authors link a term where they introduce it "
        "({ref}`autolink-prose-styles`).",
        lambda value: value in PROSE_MENTIONS,
    ),
    ConfigValue(
        "seed_glossary_language_data",
        [],
        "env",
        frozenset({list, tuple}),
        "a list of folders",
        "Folders, relative to the configuration directory, with language data "
        "of the project: a file `<language>.json` there extends ours for that "
        "language (word groups gain its words, a word written `-word` is "
        "removed; other values replace ours). Sphinx's `language` says which "
        "file is read ({ref}`languages`).",
        strings,
    ),
    ConfigValue(
        "seed_glossary_autolink_common_share",
        0.1,
        "",
        frozenset({float, int}),
        "a share between 0 and 1",
        "A name that the prose of this share of the pages or more names (every "
        "page, whether its prose is linked or not) is treated as an everyday "
        "word. Inside "
        "entries, glossary entries do not count: a glossary that uses its own "
        "terms makes them no less worth linking. In prose, a name that this "
        "share of all units, entries and pages together, names is one too. 0 "
        "turns the rule off.",
        lambda value: 0 <= float(value) <= 1,  # type: ignore[arg-type]
    ),
    ConfigValue(
        "seed_glossary_autolink_common_min_units",
        20,
        "",
        frozenset({int}),
        "a whole number",
        "The share rule of `seed_glossary_autolink_common_share` applies only "
        "to builds with at least this many units (pages; for prose, glossary "
        "entries too): in a small build every name is in a large share of it.",
        lambda value: isinstance(value, int) and value >= 0,
    ),
    ConfigValue(
        "seed_glossary_autolink_max_per_paragraph",
        5,
        "",
        frozenset({int}),
        "a whole number; 0 for no cap",
        "At most this many autolinks in one paragraph; later mentions stay "
        "plain and are reported as `density`.",
        lambda value: isinstance(value, int) and value >= 0,
    ),
    ConfigValue(
        "seed_glossary_terminology_ignore",
        [],
        "",
        frozenset({list, tuple}),
        "a list of names or terms",
        "Names to avoid (`deprecated:`, `avoid:` in curated seeds) that pages "
        "may use without a `seed_glossary.deprecated_term` warning, or terms "
        "whose names to avoid are not checked (case-insensitive).",
        strings,
    ),
    ConfigValue(
        "seed_glossary_expand_abbreviations",
        False,
        "html",
        frozenset({bool}),
        "True or False",
        "After the first use of an abbreviation on a page, where the page has not "
        "named its term before, write the term in brackets: *SCFA (short-chain "
        "fatty acid)*. In every builder, so PDF and ePub readers get it too.",
    ),
    ConfigValue(
        "seed_glossary_backlinks",
        True,
        "env",
        frozenset({bool}),
        "True or False",
        'End each entry with a "Referenced from:" line that lists the pages and '
        "entries that link to it ({ref}`backlinks`). `False` leaves the line "
        "out; the report still lists who links to what.",
    ),
    ConfigValue(
        "seed_glossary_backlinks_shown",
        8,
        "env",
        frozenset({int}),
        "a whole number; 0 to show all",
        'How many links a "Referenced from:" line holds; the rest are counted '
        '("and 12 more"), and listed in the link report.',
        lambda value: isinstance(value, int) and value >= 0,
    ),
    ConfigValue(
        "seed_glossary_report",
        REPORT_NAME,
        "",
        frozenset({str}) | NOTHING,
        "a file name, or None",
        "File name, in the output folder, of the JSON report written after each "
        "HTML build: seeds, dropped lines, links ({ref}`output-file`). `None` "
        "writes no file; the summary line in the build log is still printed.",
        lambda value: value is None or bool(str(value).strip()),
    ),
    ConfigValue(
        "seed_glossary_az",
        True,
        "env",
        frozenset({bool}),
        "True or False",
        "Put an A–Z bar above each seed glossary: each letter links to the "
        "first entry whose headword starts with it, letters without entries are "
        "dimmed ({ref}`az-bar`). A split glossary always has its bar of letter "
        "pages.",
    ),
    ConfigValue(
        "seed_glossary_previews",
        True,
        "html",
        frozenset({bool}),
        "True or False",
        "Show a term's definition in a popover when a link to it is hovered or "
        "focused ({ref}`previews`). HTML builders, except ePub. `False` adds no "
        "script to the pages and writes no `_static/seed_glossary_data.js`.",
    ),
    ConfigValue(
        "seed_glossary_export",
        "glossary.json",
        "html",
        frozenset({str}) | NOTHING,
        "a file name, or None",
        "File name, in the HTML output folder, of the glossary as JSON for "
        "other tools ({ref}`glossary-json`). `None` writes no file. HTML "
        "builders, except ePub.",
        lambda value: value is None or bool(str(value).strip()),
    ),
    ConfigValue(
        "seed_glossary_split",
        "auto",
        "env",
        frozenset({str}) | NOTHING,
        'None, "auto" or "letter"',
        '`"auto"` (the default): one page per initial letter when the glossary '
        "would make a page larger than `seed_glossary_split_max_bytes`, one page "
        'otherwise. `"letter"`: one page per letter at any size. `None`: one '
        "page at any size. The letter pages are generated into "
        "`seed_glossary_split_dir` when the builder starts, each holding a "
        "`seed-glossary` directive with a `:letter:` option, and the page that "
        "holds the glossary of `seed_glossary_seeds` becomes their index: an "
        "A–Z bar of letter pages and a hidden toctree. A letter too large for "
        "one page gets several, titled by their first and last terms. A page is "
        "read again only when its own entries change. Only the glossary of "
        "`seed_glossary_seeds` (a `seed-glossary` directive without argument) "
        "is split.",
        lambda value: value in (None, "auto", "letter"),
    ),
    ConfigValue(
        "seed_glossary_split_max_bytes",
        2_000_000,
        "env",
        frozenset({int}),
        "a whole number of bytes above 0",
        "The largest glossary page, in bytes of HTML, that a split glossary "
        '(`"auto"`, `"letter"`) makes: past it, `"auto"` splits by letter, and '
        "a letter gets several pages. The size is estimated before any page is "
        "read, from the text of the entries (twice its bytes, and 300 bytes an "
        'entry for its links and its "Referenced from" line), so the pages '
        "come out somewhat smaller; the theme's own part of each page is not "
        "counted.",
        lambda value: isinstance(value, int) and value > 0,
    ),
    ConfigValue(
        "seed_glossary_split_dir",
        "glossary",
        "env",
        frozenset({str}),
        "a folder relative to the source directory",
        "Folder, relative to the source directory, for the letter pages of a "
        "split glossary. Only files the extension generated there (they start "
        "with a marker comment) are written, rewritten or removed; a page of "
        "your own in the way is left alone, with a `seed_glossary.split` "
        "warning.",
    ),
    ConfigValue(
        "seed_glossary_max_seed_bytes",
        DEFAULT_MAX_BYTES,
        "env",
        frozenset({int}),
        "a whole number of bytes above 0",
        "Seeds larger than this many bytes are skipped, with a "
        "`seed_glossary.too_large` warning.",
        lambda value: isinstance(value, int) and value > 0,
    ),
    ConfigValue(
        "seed_glossary_gc_freeze",
        None,
        "",
        frozenset({bool}) | NOTHING,
        "nothing: it does nothing",
        "Deprecated in 0.2, does nothing, removed in 0.3. The extension no "
        "longer changes Python's garbage collector.",
        deprecated="0.2: the extension leaves Python's garbage collector alone",
    ),
    ConfigValue(
        "seed_glossary_compact_html",
        None,
        "",
        frozenset({bool}) | NOTHING,
        "nothing: it does nothing",
        "Deprecated in 0.2, does nothing, removed in 0.3. Links are always "
        "ordinary docutils nodes.",
        deprecated="0.2: links are always ordinary docutils nodes",
    ),
)
