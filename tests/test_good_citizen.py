"""A good citizen of the build: no process-wide state, ordinary nodes, public APIs."""

from __future__ import annotations

import ast
import gc
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.events import core_events
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.inventory import InventoryFile

from .helpers import shared_build

EXT = Path(__file__).parents[1] / "ext" / "seed_glossary"
#: One build of test-autolink for the tests that only read its output.
AUTOLINK = shared_build("good-citizen-autolink", testroot="autolink")

# Events whose handlers must return something iterable.
_ITERABLE_RESULT = {"env-get-outdated", "env-get-updated"}


@pytest.fixture
def events_seen(app):
    """At every Sphinx event of the build: was the collector on?"""
    seen: list[tuple[str, bool]] = []

    def recorder(name):
        def record(*args):
            seen.append((name, gc.isenabled()))
            return [] if name in _ITERABLE_RESULT else None

        return record

    for name in core_events:
        app.connect(name, recorder(name))
    return seen


@pytest.mark.sphinx("html", testroot="autolink", freshenv=True)
def test_collector_untouched_at_every_event(app, events_seen):
    was_enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    app.build()
    assert app.statuscode == 0
    names = {name for name, _enabled in events_seen}
    # The events of a whole build, reading and writing, were seen.
    assert {"env-before-read-docs", "doctree-read", "env-updated"} <= names
    assert {"doctree-resolved", "build-finished"} <= names
    assert [name for name, enabled in events_seen if not enabled] == []
    assert gc.isenabled() == was_enabled
    assert gc.get_freeze_count() == frozen == 0


@pytest.mark.sphinx("html", testroot="autolink", freshenv=True)
def test_other_extensions_see_every_link_as_a_reference(app):
    """A doctree-resolved handler finds each link a reader sees as a reference."""
    found: dict[str, list[nodes.reference]] = {}
    app.connect(
        "doctree-resolved",
        lambda app, doctree, docname: found.setdefault(
            docname, list(doctree.findall(nodes.reference))
        ),
    )
    app.build()
    soup = BeautifulSoup((app.outdir / "glossary.html").read_text(), "html.parser")
    # The page's body, not the theme's navigation around it.
    body = soup.select_one('[role="main"]')
    links_in_html = len(body.select("a.reference.internal"))
    assert links_in_html == len(found["glossary"])
    classes = [
        cls
        for ref in found["glossary"]
        for child in ref.children
        if isinstance(child, nodes.inline)
        for cls in child["classes"]
    ]
    assert "sg-autolink" in classes
    # A "Referenced from" link is one reference around its text.
    backlinks = [r for r in found["glossary"] if "sg-backlink" in r["classes"]]
    assert backlinks
    assert all([type(child) for child in r.children] == [nodes.Text] for r in backlinks)
    # Nothing of ours is stored on the doctree as a Python attribute.
    doctree = app.env.get_doctree("glossary")
    assert not [name for name in vars(doctree) if "sg" in name.lower()]


@AUTOLINK
def test_search_index_holds_the_backlinks_text(app):
    app.build()
    index = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    # "Referenced from:" is only in the backlink lines of the glossary page.
    assert '"referenc"' in index
    html = (app.outdir / "glossary.html").read_text(encoding="utf-8")
    assert "Referenced from:" in html


@AUTOLINK
def test_one_name_per_term_in_objects_inv(app):
    app.build()
    with open(app.outdir / "objects.inv", "rb") as stream:
        inventory = InventoryFile.load(stream, "", lambda base, uri: uri)
    data = inventory.data if hasattr(inventory, "data") else inventory
    keys = set(data)
    assert "std:term" in keys
    assert not [k for k in keys if k.startswith("seedglossary:")]


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    freshenv=True,
    confoverrides={
        "seed_glossary_gc_freeze": True,
        "seed_glossary_compact_html": False,
    },
)
def test_deprecated_values_warn_and_do_nothing(app):
    app.build()
    warnings = app.warning.getvalue()
    for name in ("seed_glossary_gc_freeze", "seed_glossary_compact_html"):
        assert re.search(
            rf"{name} is deprecated .* it does nothing.*"
            r"\[seed_glossary\.deprecated_config\]",
            warnings,
        ), warnings
    assert gc.get_freeze_count() == 0


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    freshenv=True,
    confoverrides={"seed_glossary_split": "page", "seed_glossary_max_seed_bytes": -1},
)
def test_bad_values_name_what_is_allowed_and_use_the_default(app):
    app.build()
    warnings = app.warning.getvalue()
    assert re.search(
        r"seed_glossary_split = 'page' is not allowed: expected None, \"auto\" or "
        r"\"letter\"; using the default, 'auto' \[seed_glossary\.config\]",
        warnings,
    ), warnings
    assert "seed_glossary_max_seed_bytes = -1 is not allowed" in warnings
    assert app.config.seed_glossary_split == "auto"
    assert app.statuscode == 0


def test_pure_layer_imports_no_sphinx_or_docutils():
    code = (
        "import sys\n"
        "import seed_glossary.ingest, seed_glossary.catalog\n"
        "import seed_glossary.matching, seed_glossary.autolink, seed_glossary.sense\n"
        "import seed_glossary.compounds\n"
        "import seed_glossary.vocabulary, seed_glossary.terminology\n"
        "import seed_glossary.ingest.seed_report, seed_glossary.model\n"
        "print(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('sphinx', 'docutils')))\n"
    )
    # A fresh interpreter: this one has imported Sphinx already.
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# Private Sphinx and MyST names, and process-wide settings, that only
# _compat.py may use.
_PRIVATE = re.compile(
    r"\bgc\.\w+|\benv\._app\b|_builder_cls|_write_doc_doctree_cache|_epub_base"
    r"|translation_handlers|_render_finalise|__class__\s*=|\bsys\.set\w+"
)


# What the package may import from Sphinx, docutils and MyST-Parser outside
# _compat.py: public modules, and the names it takes from each. A new module
# or name fails the test until it is added here (public: no underscore, so
# under Sphinx's deprecation policy) or moved into _compat.py (a workaround).
# Not in Sphinx's API reference, though public by name: make_glossary_term
# (the glossary directive's own), Locale and PreserveTranslatableMessages,
# LoggingReporter, docname_to_domain, extract_messages, clean_astext (Sphinx's
# i18n of a page, which curated seeds go through as a page does).
_PUBLIC_IMPORTS = {
    "docutils": {"nodes"},
    "docutils.parsers.rst": {"directives"},
    "sphinx": {"addnodes"},
    "sphinx.application": {"Sphinx"},
    "sphinx.builders": {"Builder"},
    "sphinx.builders.epub3": {"Epub3Builder"},
    "sphinx.builders.gettext": {"MessageCatalogBuilder"},
    "sphinx.config": {"Config"},
    "sphinx.domains": {"Domain"},
    "sphinx.domains.std": {"StandardDomain", "make_glossary_term"},
    "sphinx.environment": {"BuildEnvironment"},
    # _ and __ are sphinx.locale's translation functions.
    "sphinx.locale": {"_", "__", "get_translation", "init"},
    "sphinx.transforms": {"SphinxTransform"},
    "sphinx.transforms.i18n": {"Locale", "PreserveTranslatableMessages"},
    "sphinx.transforms.post_transforms": {"SphinxPostTransform"},
    "sphinx.util": {"logging"},
    "sphinx.util.docutils": {"LoggingReporter", "SphinxDirective"},
    "sphinx.util.i18n": {"docname_to_domain"},
    "sphinx.util.matching": {"Matcher"},
    "sphinx.util.nodes": {"clean_astext", "extract_messages", "make_refnode"},
    "sphinx.util.typing": {"ExtensionMetadata", "OptionSpec"},
    "myst_parser.parsers.mdit": {"create_md_parser"},
}
_THIRD_PARTY = ("sphinx", "docutils", "myst_parser")

# The attributes of Sphinx's objects (the application, the environment, the
# builder, the config) used outside _compat.py: each one documented by
# Sphinx. A new one fails the test until it is checked and added here, or
# moved into _compat.py. Our own values (seed_glossary_*) are not listed.
_PUBLIC_ATTRIBUTES = {
    # Sphinx (the application)
    "add_config_value",
    "add_css_file",
    "add_directive",
    "add_domain",
    "add_js_file",
    "add_message_catalog",
    "add_post_transform",
    "add_transform",
    "builder",
    "config",
    "confdir",
    "connect",
    "doctreedir",
    "env",
    "outdir",
    "srcdir",
    # BuildEnvironment
    "doc2path",
    "docname",
    "found_docs",
    "get_domain",
    "metadata",
    "note_dependency",
    "relfn2path",
    "titles",
    # Builder
    "format",
    "get_target_uri",
    "name",
    # config values of Sphinx
    "enable_extensions",  # MyST's, read from its MdParserConfig
    "exclude_patterns",
    "gettext_compact",
    "html_baseurl",
    "html_static_path",
    "language",
    "latex_elements",
    "latex_engine",
    "latex_replacement_character",
    "locale_dirs",
    "root_doc",
    # functions of our own module ``config``, which the check cannot tell
    # from Sphinx's config
    "check",
    "exclude_seed_folder",
    "register",
    "resolve_language_data",
}
_IMPORTERS = ("import_module", "__import__")


def _imports_and_getattrs(path: Path) -> list[str]:
    """What a module uses of Sphinx, docutils and MyST that the allow-lists
    above do not hold: modules and names it imports (also by
    ``importlib.import_module``), attributes of Sphinx's objects (also by
    ``getattr`` with a string), and private attributes of anything but
    ``self`` and ``cls``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        imported: list[tuple[str, str]] = []
        if isinstance(node, ast.ImportFrom) and node.module:
            imported = [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            imported = [(alias.name, "*") for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and (getattr(node.func, "id", None) or getattr(node.func, "attr", None))
            in _IMPORTERS
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            imported = [(str(node.args[0].value), "*")]
        found += [
            f"import {name} from {module}"
            for module, name in imported
            if module.split(".")[0] in _THIRD_PARTY
            and name not in _PUBLIC_IMPORTS.get(module, ())
            and "*" not in _PUBLIC_IMPORTS.get(module, ())
        ]
        if isinstance(node, ast.Attribute):
            if _sphinx_object(node.value) and not _allowed_attribute(node.attr):
                found.append(f"{ast.unparse(node)}")
            elif (
                node.attr.startswith("_")
                and not node.attr.startswith("__")
                and not (isinstance(node.value, ast.Name) and node.value.id in _OWN)
            ):
                found.append(f"private {ast.unparse(node)}")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "hasattr", "setattr")
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
            and _sphinx_object(node.args[0])
        ):
            found.append(f"{node.func.id}(..., {node.args[1].value!r})")
    return found


_OWN = ("self", "cls")


def _allowed_attribute(name: str) -> bool:
    return name in _PUBLIC_ATTRIBUTES or name.startswith("seed_glossary_")


def _sphinx_object(node: ast.expr) -> bool:
    """``env``, ``app``, ``config``, ``builder``, or ``<anything>.env`` and so on."""
    names = ("env", "app", "config", "builder", "registry")
    return (isinstance(node, ast.Name) and node.id in names) or (
        isinstance(node, ast.Attribute) and node.attr in names
    )


def _outside_compat() -> list[Path]:
    return [path for path in EXT.rglob("*.py") if path != EXT / "_compat.py"]


def test_only_public_sphinx_and_myst_apis_outside_the_compat_module():
    offenders = {
        str(path.relative_to(EXT)): found
        for path in _outside_compat()
        if (found := _imports_and_getattrs(path))
    }
    assert offenders == {}


@pytest.mark.parametrize(
    "source",
    [
        "from sphinx.util.nodes import nested_parse_with_titles",
        "import sphinx.util.inventory",
        "importlib.import_module('myst_parser.mdit_to_docutils.base')",
        "names = env.intersphinx_named_inventory",
        "config = env.myst_config",
        "app.builder._write_serial(docnames)",
        "getattr(app.env, 'intersphinx_cache')",
        "domain._terms.clear()",
    ],
)
def test_the_guard_finds_a_new_internal(tmp_path, source):
    module = tmp_path / "module.py"
    module.write_text(source + "\n", encoding="utf-8")
    assert _imports_and_getattrs(module) != []


def test_private_apis_only_in_the_compat_module():
    offenders = [
        f"{path.name}:{n}: {line.strip()}"
        for path in _outside_compat()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _PRIVATE.search(line)
    ]
    assert offenders == []


@pytest.mark.sphinx("html", testroot="seeds-inside", freshenv=True)
def test_a_seed_folder_inside_the_sources_is_not_read_as_pages(app):
    app.build()
    assert app.warning.getvalue() == ""
    assert "seeds" in app.config.exclude_patterns
    assert not [d for d in app.env.found_docs if d.startswith("seeds")]
    assert not (app.outdir / "seeds").exists()
    assert "Mucin" in (app.outdir / "index.html").read_text()


@pytest.mark.sphinx("html", testroot="guest", freshenv=True)
def test_a_restructuredtext_project_gets_no_markdown_pages(app):
    """Curated seeds are MyST, but the project's ``README.md`` stays no page."""
    assert "myst_parser" not in app.extensions
    assert ".md" not in app.registry.source_suffix
    app.build()
    assert app.warning.getvalue() == ""
    assert "README" not in app.env.found_docs
    assert not (app.outdir / "README.html").exists()
    glossary = (app.outdir / "glossary.html").read_text()
    assert "<em>emphasis</em>" in glossary  # the seed's MyST is parsed all the same


class _Shout(SphinxPostTransform):
    """Another extension's post-transform that rewrites text before ours."""

    default_priority = 5

    def run(self, **kwargs: object) -> None:
        for text in list(self.document.findall(nodes.Text)):
            if isinstance(text.parent, nodes.paragraph) and text.parent.parent:
                text.parent.replace(text, nodes.Text(text.upper()))


@pytest.mark.sphinx("html", testroot="autolink", freshenv=True)
def test_autolinks_lost_to_another_transform_are_reported(app):
    app.add_post_transform(_Shout)
    app.build()
    warnings = app.warning.getvalue()
    assert "prose.rst: WARNING: " in warnings
    assert "[seed_glossary.autolink_lost]" in warnings


@pytest.mark.sphinx("html", testroot="guest", freshenv=True)
def test_a_page_that_names_no_term_is_the_same_without_the_extension(
    app, make_app, tmp_path
):
    """Adding the extension changes nothing on a page that names no term."""
    app.build()
    alone = tmp_path / "alone"
    shutil.copytree(app.srcdir, alone)
    (alone / "conf.py").write_text(
        'source_suffix = {".rst": "restructuredtext"}\n'
        'exclude_patterns = ["_build", "seeds"]\n'
    )
    (alone / "glossary.rst").write_text("Glossary\n========\n\nNo seeds here.\n")
    without = make_app("html", srcdir=alone)
    without.build()
    ours = (app.outdir / "plain.html").read_text()
    theirs = (without.outdir / "plain.html").read_text()
    assert ours == theirs
