"""What readers see in a real browser: search, previews, the A–Z bar, hostile
seeds, requests and a strict Content-Security-Policy.

Headless Chromium from Debian (``apt-get install chromium``), driven by
Playwright; one browser for the module. The site is ``test-browser`` built with
furo and served from 127.0.0.1. With ``CI=true`` a missing browser or Playwright
fails these tests; elsewhere they are skipped with the reason.

Every page records its requests, console, errors and dialogs
(``tests/browser/harness.py``); each test ends by checking that nothing went
wrong there. Screenshots of the glossary and of a preview, light and dark, are
saved in a temporary folder, and also in ``$SEED_GLOSSARY_SCREENSHOTS`` if set.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, urlsplit

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

import seed_glossary

from .browser.harness import csp_allowing as _csp_allowing
from .browser.harness import (
    in_ci,
    is_ours,
    launch,
    open_page,
    serve,
    unavailable,
    violations,
)
from .browser.themes import (
    BY_NAME as THEME_BY_NAME,
)
from .browser.themes import (
    COLOUR_STACK,
    MODE_NOW,
    THEMES,
    Theme,
    background,
    contrast,
    luminance,
    ratio,
    theme_root,
)
from .browser.themes import missing as missing_theme

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # the `context` fixture fails (CI) or skips the tests
    expect = sync_playwright = None  # type: ignore[assignment]

ROOTS = Path(__file__).parent / "roots"
#: First paragraph of the scraped seed of "Mucus layer" (alias "intestinal mucus").
MUCUS_TEXT = (
    (ROOTS / "test-basic" / "seeds" / "204_4002f5169d75b923.txt")
    .read_text(encoding="utf-8")
    .splitlines()[0]
)
PREVIEW = "#sg-preview"
#: What a preview may contain: the term, the aliases, the text; nothing else.
PREVIEW_PARTS = {"div.sg-preview-term", "div.sg-preview-aliases", "p.sg-preview-text"}


# -- fixtures ------------------------------------------------------------------


def _build(srcdir: Path) -> Path:
    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir)


@pytest.fixture(scope="module")
def playwright():
    """Playwright's driver, for the module's browsers."""
    reason = unavailable()
    if reason:
        if in_ci():
            pytest.fail(f"CI=true and the browser tests cannot run: {reason}")
        pytest.skip(reason)
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def context(playwright, tmp_path_factory):
    """Headless Chromium, fresh profile, one context for the module."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    browser = launch(playwright, profile)
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture(scope="module")
def roots(tmp_path_factory) -> Path:
    """A copy of the test roots: ``test-browser`` reads the seeds of others."""
    roots = tmp_path_factory.mktemp("browser") / "roots"
    shutil.copytree(ROOTS, roots)
    return roots


@pytest.fixture(scope="module")
def site(roots) -> Path:
    """``test-browser`` built with furo (its seeds live in the other roots)."""
    outdir = _build(roots / "test-browser")
    assert (outdir / "_static" / "seed_glossary" / "pages" / "prose.js").is_file()
    return outdir


@pytest.fixture(scope="module")
def csp(tmp_path_factory) -> str:
    """A policy that allows furo's own inline code and nothing else inline."""
    srcdir = tmp_path_factory.mktemp("furo-only") / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('html_theme = "furo"\n', encoding="utf-8")
    (srcdir / "index.rst").write_text("Furo\n====\n\nText.\n", encoding="utf-8")
    return _csp_allowing(_build(srcdir))


@pytest.fixture(scope="module")
def origin(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def csp_origin(site, csp):
    with serve(site, {"Content-Security-Policy": csp}) as url:
        yield url


@pytest.fixture(scope="module")
def artefacts(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def _save(artefacts: Path, name: str, png: bytes) -> Path:
    path = artefacts / name
    path.write_bytes(png)
    extra = os.environ.get("SEED_GLOSSARY_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, Path(extra) / name)
    return path


# -- helpers -------------------------------------------------------------------


def _term_link(page, href: str):
    """The link in the page's text (not the A–Z bar, not a "¶") to *href*."""
    return page.locator(
        f'article a.reference.internal:not(.sg-az-letter)[href="{href}"]'
    ).first


def _preview_parts(page) -> dict[str, str]:
    parts = page.eval_on_selector_all(
        f"{PREVIEW} *",
        "els => els.map(e => [e.tagName.toLowerCase() + '.' + e.className,"
        " e.textContent])",
    )
    kinds = [kind for kind, _text in parts]
    assert set(kinds) <= PREVIEW_PARTS and len(kinds) == len(set(kinds)), kinds
    return {kind.split(".")[1]: text for kind, text in parts}


def _wait_for_search(page) -> list[tuple[str, str, str]]:
    """(title, href, kind) of every search result, once the search is done."""
    # Locator waits, not wait_for_function: its string predicates need eval,
    # which the strict CSP of the last test forbids.
    expect(page.locator("#search-results p.search-summary")).to_have_text(
        re.compile(r"\S")
    )
    # Our entries' first sentences arrive from files of their own.
    expect(page.locator("#search-results li[aria-busy]")).to_have_count(0)
    return page.eval_on_selector_all(
        "#search-results ul.search > li",
        "items => items.map(li => {"
        " const a = li.querySelector('a');"
        " const s = li.querySelector('.sg-search-summary');"
        " return [a.textContent, a.getAttribute('href'), li.className,"
        " s ? s.textContent : null]; })",
    )


def _initial(name: str) -> str:
    base = unicodedata.normalize("NFD", name)[:1].upper()
    return base if "A" <= base <= "Z" else "#"


def _fragment(url: str) -> str:
    return urlsplit(url).fragment


# -- search ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "how", "anchor", "title", "summary"),
    [
        # A shared alias: its entry points to the two terms it names.
        (
            "leaky gut",
            "url",
            "term-leaky-gut",
            "leaky gut",
            "→ Gut permeability; Intestinal permeability",
        ),
        # An alias of one term: the result names the term it stands for.
        (
            "intestinal mucus",
            "search box",
            "term-intestinal-mucus",
            "intestinal mucus → Mucus layer",
            MUCUS_TEXT.split(". ")[0] + ".",
        ),
    ],
)
def test_search_answers_with_the_entry_first(
    context, origin, query, how, anchor, title, summary
):
    page, log = open_page(context, origin)
    if how == "url":
        page.goto(f"{origin}/search.html?q={quote(query)}")
    else:
        page.goto(f"{origin}/index.html")
        page.locator("input.sidebar-search").fill(query)
        page.locator("input.sidebar-search").press("Enter")
        page.wait_for_url("**/search.html?*")
    results = _wait_for_search(page)
    href = f"glossary.html#{anchor}"
    # The first result is the entry, titled with the term, with the first
    # sentence of its definition; no second result opens the same entry.
    assert results[0][:2] == [title, href], results
    assert results[0][3] == summary
    assert [r[1] for r in results].count(href) == 1
    page.locator("#search-results ul.search a", has_text=query).first.click()
    page.wait_for_url(f"**/{href}")
    assert _fragment(page.url) == anchor
    entry = page.locator(f"dt#{anchor}")
    expect(entry).to_be_visible()
    expect(entry).to_be_in_viewport()
    expect(entry).to_contain_text(query)
    assert log.problems() == []
    page.close()


# -- previews --------------------------------------------------------------------


def test_preview_on_hover_and_on_keyboard_focus(context, origin):
    page, log = open_page(context, origin)
    page.goto(f"{origin}/prose.html")
    href = "glossary.html#term-intestinal-mucus"
    link = _term_link(page, href)
    popover = page.locator(PREVIEW)
    expect(popover).to_be_hidden()

    link.hover()
    expect(popover).to_be_visible()
    assert _preview_parts(page) == {
        "sg-preview-term": "Mucus layer",
        "sg-preview-aliases": "intestinal mucus",
        "sg-preview-text": MUCUS_TEXT,
    }
    # Screen readers: the link is described by the definition's text.
    expect(link).to_have_attribute("aria-describedby", "sg-preview-text")
    expect(link).to_have_accessible_description(MUCUS_TEXT)
    near, box = link.bounding_box(), popover.bounding_box()
    assert (
        box["y"] >= near["y"] + near["height"] or box["y"] + box["height"] <= near["y"]
    )
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]

    # The pointer may move onto the preview (to select its text) and keep it;
    # the script hides it 150 ms after the pointer leaves.
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(400)
    expect(popover).to_be_visible()
    page.mouse.move(2, page.viewport_size["height"] - 2)
    expect(popover).to_be_hidden()
    expect(link).not_to_have_attribute("aria-describedby", "sg-preview-text")

    # Keyboard only: Tab from the top of the page until the link has the focus.
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(120):
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail(f"Tab never reached the link to {href}")
    expect(popover).to_be_visible()
    expect(popover.locator(".sg-preview-term")).to_have_text("Mucus layer")
    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    expect(link).not_to_have_attribute("aria-describedby", "sg-preview-text")
    expect(link).to_be_focused()
    assert log.problems() == []
    page.close()


_COLOURS = """() => {
  const probe = document.createElement("div");
  probe.style.backgroundColor = "var(--color-background-primary)";
  probe.style.color = "var(--color-foreground-primary)";
  document.body.appendChild(probe);
  const want = getComputedStyle(probe);
  const got = getComputedStyle(document.getElementById("sg-preview"));
  const out = {
    theme: document.body.dataset.theme,
    pageBackground: want.backgroundColor,
    pageForeground: want.color,
    background: got.backgroundColor,
    foreground: got.color,
  };
  probe.remove();
  return out;
}"""


def _shot_around(page, *locators) -> dict[str, float]:
    """A clip around the given elements, with a margin, inside the viewport."""
    boxes = [locator.bounding_box() for locator in locators]
    left = max(0, min(b["x"] for b in boxes) - 24)
    top = max(0, min(b["y"] for b in boxes) - 24)
    right = min(
        page.viewport_size["width"], max(b["x"] + b["width"] for b in boxes) + 24
    )
    bottom = min(
        page.viewport_size["height"], max(b["y"] + b["height"] for b in boxes) + 24
    )
    return {"x": left, "y": top, "width": right - left, "height": bottom - top}


def test_preview_colours_follow_light_and_dark_mode(context, origin, artefacts):
    colours = {}
    for mode in ("light", "dark"):
        page, log = open_page(context, origin, theme=mode)
        page.goto(f"{origin}/glossary.html")
        expect(page.locator("body")).to_have_attribute("data-theme", mode)
        expect(page.locator("p.sg-az")).to_be_visible()
        _save(artefacts, f"glossary-{mode}.png", page.screenshot())

        page.goto(f"{origin}/prose.html")
        link = _term_link(page, "glossary.html#term-intestinal-mucus")
        link.hover()
        popover = page.locator(PREVIEW)
        expect(popover).to_be_visible()
        colours[mode] = page.evaluate(_COLOURS)
        shot = page.screenshot(clip=_shot_around(page, link, popover))
        _save(artefacts, f"preview-{mode}.png", shot)
        assert log.problems() == []
        page.close()

    for mode, found in colours.items():
        assert found["theme"] == mode
        assert found["background"] == found["pageBackground"], found
        assert found["foreground"] == found["pageForeground"], found
    assert colours["light"]["background"] != colours["dark"]["background"]
    assert colours["light"]["foreground"] != colours["dark"]["foreground"]
    for name in ("glossary", "preview"):
        light = (artefacts / f"{name}-light.png").read_bytes()
        dark = (artefacts / f"{name}-dark.png").read_bytes()
        assert light.startswith(b"\x89PNG") and dark.startswith(b"\x89PNG")
        assert light != dark


# -- the A–Z bar -----------------------------------------------------------------


@pytest.mark.parametrize("path", ["glossary.html", "hostile.html", "letters.html"])
def test_az_letters_open_the_first_entry_of_their_letter(context, origin, path):
    page, log = open_page(context, origin)
    page.goto(f"{origin}/{path}")
    bars = page.locator("p.sg-az")
    assert bars.count() >= 1
    clicked = 0
    for bar_index in range(bars.count()):
        bar = bars.nth(bar_index)
        # The glossary that follows the bar: the first entry of each letter
        # (entries by their headword; aliases are listed under them).
        terms = bar.locator("xpath=following-sibling::dl[1]").locator("dt.sg-term[id]")
        first: dict[str, str] = {}
        for dt_id, text in terms.evaluate_all(
            "dts => dts.map(dt => [dt.id, dt.firstChild.textContent])"
        ):
            first.setdefault(_initial(text), dt_id)
        letters = bar.locator("a.sg-az-letter")
        assert sorted(letters.all_inner_texts()) == sorted(first)
        assert bar.locator(".sg-az-empty").count() + letters.count() == 26 + (
            "#" in first
        )
        for index in range(letters.count()):
            letter = letters.nth(index)
            name = letter.inner_text()
            letter.hover()
            expect(page.locator(PREVIEW)).to_be_hidden()  # no preview on the bar
            letter.click()
            expect(page).to_have_url(re.compile(f"#{re.escape(first[name])}$"))
            entry = page.locator(f"dt#{first[name]}")
            expect(entry).to_be_in_viewport()
            clicked += 1
            page.evaluate("window.scrollTo(0, 0)")
    assert clicked >= 2
    assert log.problems() == []
    page.close()


# -- hostile seeds ---------------------------------------------------------------


def test_hostile_seed_text_is_shown_as_text_and_runs_nothing(context, origin):
    page, log = open_page(context, origin)
    page.goto(f"{origin}/hostile.html")
    article = page.locator("article")
    expect(page.locator("#term-i-Tagged-i-quoted")).to_contain_text(
        '<i>Tagged</i> & "quoted"'
    )
    injectase = page.locator("#term-Injectase + dd")
    expect(injectase).to_contain_text('<script>alert("txt")</script>')
    expect(injectase).to_contain_text("<img src=x onerror=alert(1)>")
    expect(injectase).to_contain_text("</script><script>alert(3)</script>")
    expect(page.locator("#term-Scriptine + dd")).to_contain_text(
        'Scriptine is a <script>alert("txt")</script> term, also known as <b>bold</b>'
    )
    fish = page.locator("#term-Fish-Chips-script")
    expect(fish).to_contain_text('Fish <&> "Chips" </script>')
    expect(page.locator("#term-img-src-x-onerror-alert-8")).to_contain_text(
        "<img src=x onerror=alert(8)>"
    )
    # Nothing of the payloads became markup.
    for selector in (
        "script",
        "img",
        "svg[onload]",
        "[onerror]",
        "[onclick]",
        "b",
        "i",
        'a[href^="javascript:"]',
    ):
        assert article.locator(selector).count() == 0, selector

    expected = {
        "#term-Scriptine": ("Scriptine", '<script>alert("txt")</script>'),
        "#term-Injectase": ("Injectase", "<img src=x onerror=alert(1)>"),
        "#term-img-src-x-onerror-alert-8": (
            'Fish <&> "Chips" </script>',
            "<img src=x onerror=alert(9)>",
        ),
    }
    for href, (term, text) in expected.items():
        _term_link(page, href).hover()
        expect(page.locator(PREVIEW)).to_be_visible()
        expect(page.locator(".sg-preview-term")).to_have_text(term)
        parts = _preview_parts(page)
        assert text in parts["sg-preview-text"], parts
    assert parts["sg-preview-aliases"] == "<img src=x onerror=alert(8)>"
    assert page.locator(f"{PREVIEW} img, {PREVIEW} script").count() == 0

    assert log.problems() == []
    # The dialog recorder works: a real alert is caught.
    page.evaluate("window.alert('control')")
    assert log.dialogs == ["alert: control"]
    page.close()


# -- requests --------------------------------------------------------------------


def test_no_request_leaves_localhost(context, origin, site):
    page, log = open_page(context, origin)
    pages = sorted(p.name for p in site.glob("*.html"))
    assert {"glossary.html", "prose.html", "hostile.html", "search.html"} <= set(pages)
    for name in pages:
        page.goto(f"{origin}/{name}")
        links = page.locator("article a.reference.internal:not(.sg-az-letter)")
        if links.count():
            links.first.hover()
    page.goto(f"{origin}/search.html?q=zonulin")
    assert _wait_for_search(page)
    assert log.requests, "no request recorded"
    local = {urlsplit(url).path for url in log.requests}
    assert {
        "/_static/seed_glossary.js",
        "/_static/seed_glossary/pages/prose.js",
        "/_static/seed_glossary/names.js",
    } <= local
    assert "/_static/seed_glossary.css" in local
    assert log.foreign_requests() == []
    assert log.problems() == []
    page.close()


# -- the page script's files -----------------------------------------------------

#: The page script, one file per job, in the order they must run.
CORE = "seed_glossary.js"
AZ_BAR = ["seed_glossary_az.js"]
PREVIEWS = [
    "seed_glossary_preview_data.js",
    "seed_glossary_preview_box.js",
    "seed_glossary_preview_pointer.js",
    "seed_glossary_preview_touch.js",
]
SEARCH = ["seed_glossary_search.js"]


def _our_scripts(outdir: Path, page: str) -> list[tuple[str, bool]]:
    """(file under _static, has defer) of our script tags, in page order."""
    soup = BeautifulSoup((outdir / page).read_text(encoding="utf-8"), "html.parser")
    out = []
    for tag in soup.find_all("script", src=True):
        path = tag["src"].split("?")[0]
        if path.startswith("_static/seed_glossary"):
            out.append((path.removeprefix("_static/"), tag.has_attr("defer")))
    return out


def test_each_page_gets_the_script_files_of_its_jobs(site):
    """Data first, then the shared file, then those of the page's jobs: the
    A–Z bar only where there is one, search answers on the search page only;
    every one with defer, so they run in this order."""
    expected = {
        "glossary.html": ["seed_glossary/pages/glossary.js", CORE, *AZ_BAR, *PREVIEWS],
        "prose.html": ["seed_glossary/pages/prose.js", CORE, *PREVIEWS],
        "search.html": ["seed_glossary/names.js", CORE, *SEARCH],
    }
    for page, files in expected.items():
        scripts = _our_scripts(site, page)
        assert [name for name, _defer in scripts] == files, page
        assert all(defer for _name, defer in scripts), page
    # The build's settings are on the shared file's tag, which reads them.
    soup = BeautifulSoup((site / "glossary.html").read_text("utf-8"), "html.parser")
    (core,) = soup.select(f'script[src^="_static/{CORE}"]')
    assert core["data-sg-az-label"] == "Letters A to Z"
    assert len(soup.select("script[data-sg-az-label]")) == 1


def test_without_previews_no_preview_or_search_files(roots, tmp_path):
    """``seed_glossary_previews = False``: the A–Z bar's file stays."""
    app = SphinxTestApp(
        "html",
        srcdir=roots / "test-browser",
        builddir=tmp_path,
        confoverrides={"seed_glossary_previews": False},
    )
    try:
        app.build()
    finally:
        app.cleanup()
    outdir = Path(app.outdir)
    assert [n for n, _d in _our_scripts(outdir, "glossary.html")] == [CORE, *AZ_BAR]
    assert [n for n, _d in _our_scripts(outdir, "prose.html")] == [CORE]
    assert [n for n, _d in _our_scripts(outdir, "search.html")] == [CORE]


def test_every_script_file_is_used_and_short():
    """No file of the page script is left unused; each reads in one sitting."""
    static = Path(seed_glossary.__file__).parent / "static"
    shipped = sorted(p.name for p in static.glob("*.js"))
    assert shipped == sorted([CORE, *AZ_BAR, *PREVIEWS, *SEARCH])
    for name in shipped:
        text = (static / name).read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 200, name
        # A classic script (no import or export: file:// would refuse a
        # module), its code inside one function run once, after a comment
        # that says what it does.
        assert not re.search(r"^\s*(import|export)\b", text, re.M), name
        code = text[text.index("*/") + 2 :].strip()
        assert code.startswith("(function () {") and code.endswith("})();"), name


# -- Content-Security-Policy -----------------------------------------------------


def test_previews_and_search_work_under_a_strict_csp(context, csp_origin, csp):
    page, log = open_page(context, csp_origin)
    found = []

    response = page.goto(f"{csp_origin}/prose.html")
    assert response.headers.get("content-security-policy") == csp
    link = _term_link(page, "glossary.html#term-intestinal-mucus")
    link.hover()
    expect(page.locator(PREVIEW)).to_be_visible()
    expect(page.locator(".sg-preview-term")).to_have_text("Mucus layer")
    # Our stylesheet applies: the popover is placed, not in the flow.
    assert page.locator(PREVIEW).evaluate("e => getComputedStyle(e).position") == (
        "absolute"
    )
    link.focus()
    page.keyboard.press("Escape")
    expect(page.locator(PREVIEW)).to_be_hidden()
    found += violations(page)

    for path, href in (
        ("glossary.html", "#term-leaky-gut"),
        ("hostile.html", "#term-Injectase"),
    ):
        page.goto(f"{csp_origin}/{path}")
        _term_link(page, href).hover()
        expect(page.locator(PREVIEW)).to_be_visible()
        found += violations(page)

    page.goto(f"{csp_origin}/search.html?q={quote('leaky gut')}")
    results = _wait_for_search(page)
    assert results[0][:2] == ["leaky gut", "glossary.html#term-leaky-gut"]
    found += violations(page)

    ours = [v for v in found if is_ours(v)]
    assert ours == []
    # Chromium logs each violation too: none may go unrecorded by the events.
    csp_console = [t for _k, t in log.console if "Content Security Policy" in t]
    assert len(csp_console) <= len(found), csp_console
    assert log.foreign_requests() == [] and log.failures == [] and log.errors == []

    # The policy is enforced and the recorder sees what it blocks.
    reported = page.evaluate(
        """() => new Promise((resolve) => {
          document.addEventListener("securitypolicyviolation", () => resolve(true));
          setTimeout(() => resolve(false), 5000);
          document.querySelector("article").insertAdjacentHTML(
            "beforeend", '<p class="sg-probe" style="color: red">probe</p>');
        })"""
    )
    assert reported
    blocked = [v for v in violations(page) if v["element"] == "p.sg-probe"]
    assert [v["directive"] for v in blocked] == ["style-src-attr"]
    assert is_ours(blocked[0])
    page.close()


# -- the five themes ---------------------------------------------------------------
#
# test-browser built in each theme, looked at light and dark. Alabaster and
# sphinx_rtd_theme have no dark mode: their dark cases are skipped, and
# test_theme_follows_prefers_color_scheme checks that the glossary invents
# none for them. Search answers and touch screens are tried in the light mode
# only: what they do does not depend on the mode, and the colours of every
# element of ours, search answers (their titles as links too) and previews
# included, are checked in both (test_theme_every_element_of_ours_at_aa_contrast).

#: The entry of a term with an alias, and the first sentence of its definition.
MUCUS_FIRST = MUCUS_TEXT.split(". ")[0] + "."
MUCUS_HREF = "glossary.html#term-intestinal-mucus"
WCAG_AA = 4.5


def _theme_cases(modes=("light", "dark")):
    cases = []
    for theme in THEMES:
        for mode in modes:
            marks = []
            if mode == "dark" and not theme.dark:
                marks = [pytest.mark.skip(reason=f"{theme.name} has no dark mode")]
            cases.append(
                pytest.param(theme.name, mode, marks=marks, id=f"{theme.name}-{mode}")
            )
    return cases


@pytest.fixture(scope="module")
def theme_sites(site) -> dict[str, Path]:
    """The output folder of test-browser in each theme, built once.

    ``themed`` is set up again for each test and mode of a theme (its key is
    the (theme, mode) case): the build is the same for all of them.
    """
    return {"furo": site}


@pytest.fixture(scope="module")
def themed(request, roots, theme_sites):
    """test-browser built in the theme, served from 127.0.0.1."""
    theme = THEME_BY_NAME[request.param]
    reason = missing_theme(theme)
    if reason:
        if in_ci():
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)
    if theme.name not in theme_sites:
        theme_sites[theme.name] = _build(theme_root(roots, theme))
    outdir = theme_sites[theme.name]
    with serve(outdir) as url:
        yield Themed(theme, url, outdir)


class Themed(NamedTuple):
    theme: Theme
    origin: str
    outdir: Path


@pytest.fixture(scope="module")
def phone(playwright, tmp_path_factory):
    """A second Chromium: a touch screen 390 px wide (taps, no hover)."""
    profile = tmp_path_factory.mktemp("chromium-phone")
    browser = launch(playwright, profile, phone=True)
    try:
        yield browser
    finally:
        browser.close()


def _themed_page(browser, themed, mode: str, path: str):
    theme, origin = themed.theme, themed.origin
    page, log = open_page(browser, origin, theme=mode)
    page.goto(f"{origin}/{path}")
    if theme.dark:
        assert page.evaluate(MODE_NOW) == mode
    return page, log


def _main_link(page, href: str):
    return page.locator(
        f'[role="main"] a.reference.internal:not(.sg-az-letter)[href="{href}"]'
    ).first


def _contrast(locator) -> float:
    return contrast(locator.evaluate(COLOUR_STACK))


def _style(locator, *names: str) -> list[str]:
    return locator.evaluate(
        "(el, names) => names.map(n => getComputedStyle(el)[n])", list(names)
    )


def _adjacent(box, rect) -> bool:
    """Is the box just below or just above the rectangle (a line of a link)?"""
    below = abs(box["y"] - (rect["bottom"] + 6)) <= 2
    above = abs(box["y"] + box["height"] - (rect["top"] - 6)) <= 2
    return below or above


#: Is the element on screen and on top (not under a sticky header)?
_UNCOVERED = """el => {
  const r = el.getBoundingClientRect();
  const x = r.left + Math.min(r.width / 2, 20), y = r.top + r.height / 2;
  return y > 0 && y < innerHeight && el.contains(document.elementFromPoint(x, y));
}"""

_LINE_BOXES = """el => Array.from(el.getClientRects(), r => ({left: r.left,
  right: r.right, top: r.top, bottom: r.bottom}))"""

#: Narrow the paragraph of *el* until the link wraps onto two lines.
_WRAP = """el => {
  const p = el.closest("p");
  for (let w = p.getBoundingClientRect().width; w > 80; w -= 4) {
    p.style.width = w + "px";
    const rects = el.getClientRects();
    if (rects.length === 2 && rects[0].width > 24 && rects[1].width > 24) {
      return true;
    }
  }
  return false;
}"""


def _assert_answer_title_looks_like_a_link(page) -> None:
    """The title of our search answer looks like a link: the theme's link
    colour (that of Sphinx's own results), underlined."""
    ours = page.locator("#search-results li.sg-search-entry > a").first
    theirs = page.locator("#search-results li:not(.sg-search-entry) > a").first
    colour, line = _style(ours, "color", "textDecorationLine")
    assert "underline" in line
    assert colour == _style(theirs, "color")[0]


@pytest.mark.parametrize(
    ("themed", "mode"), _theme_cases(modes=("light",)), indirect=["themed"]
)
def test_theme_search_answers_for_a_term_and_an_alias(context, themed, mode):
    page, log = _themed_page(context, themed, mode, "index.html")
    for query, title in (
        ("Mucus layer", "Mucus layer"),
        ("intestinal mucus", "intestinal mucus → Mucus layer"),
    ):
        page.goto(f"{themed.origin}/search.html?q={quote(query)}")
        results = _wait_for_search(page)
        first = results[0]
        assert first[0] == title, results
        assert first[1].startswith("glossary.html#term-"), results
        assert "sg-search-entry" in first[2]
        assert first[3] == MUCUS_FIRST
        assert [r[1] for r in results].count(first[1]) == 1
        _assert_answer_title_looks_like_a_link(page)
        assert _contrast(page.locator(".sg-search-summary").first) >= WCAG_AA
    assert log.problems() == []
    page.close()


@pytest.mark.parametrize(("themed", "mode"), _theme_cases(), indirect=["themed"])
def test_theme_preview_colours_size_hover_focus_escape(context, themed, mode):
    page, log = _themed_page(context, themed, mode, "prose.html")
    link = _main_link(page, MUCUS_HREF)
    popover = page.locator(PREVIEW)
    link.hover()
    expect(popover).to_be_visible()
    # Screen readers: the definition describes the link.
    expect(link).to_have_attribute("aria-describedby", "sg-preview-text")
    expect(link).to_have_accessible_description(MUCUS_TEXT)
    expect(popover).to_have_attribute("role", "tooltip")

    # Colours of the theme in this mode: the box belongs to the page behind it
    # (no white box on a dark page) and every line reads at WCAG AA.
    page_behind = background(link.evaluate(COLOUR_STACK)[1])
    box_colour = background(popover.evaluate(COLOUR_STACK)[1])
    assert ratio(page_behind, box_colour) <= 1.5, (page_behind, box_colour)
    for part in ("sg-preview-term", "sg-preview-aliases", "sg-preview-text"):
        assert _contrast(popover.locator(f".{part}")) >= WCAG_AA, part

    # The size and font of the page's text; the term bigger and bolder.
    text_size, text_weight, text_font = _style(
        popover.locator(".sg-preview-text"), "fontSize", "fontWeight", "fontFamily"
    )
    body_size, body_font = _style(link.locator("xpath=.."), "fontSize", "fontFamily")
    term_size, term_weight = _style(
        popover.locator(".sg-preview-term"), "fontSize", "fontWeight"
    )
    assert float(text_size[:-2]) >= 0.85 * float(body_size[:-2])
    assert float(term_size[:-2]) >= float(text_size[:-2])
    assert int(term_weight) > int(text_weight)
    assert text_font == body_font

    # Leaving the link hides the box; keyboard focus shows it below the
    # link's first line; Escape hides it and keeps the focus.
    page.mouse.move(2, page.viewport_size["height"] - 2)
    expect(popover).to_be_hidden()
    expect(link).not_to_have_attribute("aria-describedby", "sg-preview-text")
    link.focus()
    expect(popover).to_be_visible()
    assert _adjacent(popover.bounding_box(), link.evaluate(_LINE_BOXES)[0])
    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    expect(link).to_be_focused()

    # A link that wraps: the box goes next to the line under the pointer.
    page.evaluate("document.activeElement.blur()")
    wrapped = _main_link(page, "glossary.html#term-Gut-permeability")
    assert wrapped.evaluate(_WRAP)
    for index in (0, 1):
        rect = wrapped.evaluate(_LINE_BOXES)[index]
        page.mouse.move(2, 2)
        expect(popover).to_be_hidden()
        page.mouse.move(
            (rect["left"] + rect["right"]) / 2, (rect["top"] + rect["bottom"]) / 2
        )
        expect(popover).to_be_visible()
        box = popover.bounding_box()
        assert _adjacent(box, rect), (index, box, rect)
        assert box["x"] <= rect["right"] and box["x"] + box["width"] >= rect["left"]
    assert log.problems() == []
    page.close()


@pytest.mark.parametrize(("themed", "mode"), _theme_cases(), indirect=["themed"])
def test_theme_glossary_headwords_sections_backlinks(context, themed, mode):
    page, log = _themed_page(context, themed, mode, "glossary.html")
    text = page.locator("dl.sg-glossary > dd > p").first
    headword = page.locator("dl.sg-glossary > dt.sg-term").first
    alias = page.locator("dl.sg-glossary > dt.sg-alias").first
    rubric = page.locator("dl.sg-glossary p.sg-section").first
    text_size, text_weight = _style(text, "fontSize", "fontWeight")
    head_size, head_weight = _style(headword, "fontSize", "fontWeight")
    alias_weight, alias_style = _style(alias, "fontWeight", "fontStyle")
    assert int(head_weight) >= 600 and int(head_weight) > int(text_weight)
    assert float(head_size[:-2]) >= float(text_size[:-2])
    assert int(alias_weight) < int(head_weight) and alias_style == "italic"
    size, weight, case = _style(rubric, "fontSize", "fontWeight", "textTransform")
    assert case == "none" and int(weight) >= 600
    assert float(size[:-2]) >= float(text_size[:-2]) - 0.01
    empty = page.locator("p.sg-az .sg-az-empty").first
    for part in (headword, alias, rubric, text, empty):
        assert _contrast(part) >= WCAG_AA
    backlinks = page.locator("dl.sg-glossary .sg-backlinks").first
    expect(backlinks).to_contain_text("Referenced from")
    assert _contrast(backlinks) >= WCAG_AA
    assert _contrast(backlinks.locator("em").first) >= WCAG_AA
    assert log.problems() == []
    page.close()


@pytest.mark.parametrize(
    ("themed", "mode"), _theme_cases(modes=("light",)), indirect=["themed"]
)
def test_theme_touch_previews_and_az_targets(phone, themed, mode):
    page, log = _themed_page(phone, themed, mode, "prose.html")
    prose = page.url
    link = _main_link(page, MUCUS_HREF)
    popover = page.locator(PREVIEW)
    # The first word of the paragraph: above the link, so not under the box.
    elsewhere = page.locator('[role="main"] p', has_text="The barrier").first
    # A first tap shows the preview, whose term is a link to the entry.
    link.tap()
    expect(popover).to_be_visible()
    assert page.url == prose
    term = popover.locator("a.sg-preview-term")
    expect(term).to_have_attribute("href", MUCUS_HREF)
    expect(term).to_have_text("Mucus layer")
    assert _contrast(term) >= WCAG_AA
    # A tap elsewhere closes it.
    elsewhere.tap(position={"x": 4, "y": 4})
    expect(popover).to_be_hidden()
    # Tap, then the term in the box: the entry.
    link.tap()
    expect(popover).to_be_visible()
    term.tap()
    page.wait_for_url(f"**/{MUCUS_HREF}")
    # Tap, tap again on the same link: the entry.
    page.goto(prose)
    link.tap()
    expect(popover).to_be_visible()
    link.tap()
    page.wait_for_url(f"**/{MUCUS_HREF}")

    # The A–Z bar on a phone: 44 x 44 px targets; after a jump, a link back.
    page.goto(f"{themed.origin}/glossary.html")
    # A landmark with a name; the return link named too (its text is arrows).
    expect(page.get_by_role("navigation", name="Letters A to Z")).to_have_count(1)
    letters = page.locator("p.sg-az a.sg-az-letter")
    assert letters.count() >= 4
    for box in (letters.nth(i).bounding_box() for i in range(letters.count())):
        assert box["width"] >= 44 and box["height"] >= 44, box
    back = page.locator("a.sg-az-return")
    expect(back).to_be_hidden()
    expect(back).to_have_attribute("aria-label", "Back to the letters A to Z")
    last = letters.last
    target = last.get_attribute("href")
    last.tap()
    page.wait_for_url(f"**/glossary.html{target}")
    entry = page.locator(f"dt{target}")
    expect(entry).to_be_in_viewport()
    page.wait_for_function(_UNCOVERED, arg=entry.element_handle())
    expect(back).to_be_visible()
    box = back.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    back.tap()
    page.wait_for_url("**/glossary.html#sg-az")
    expect(page.locator("p.sg-az").first).to_be_in_viewport(ratio=0.9)
    page.wait_for_function(_UNCOVERED, arg=last.element_handle())
    expect(back).to_be_hidden()
    assert log.problems() == []
    page.close()


@pytest.mark.parametrize("themed", [t.name for t in THEMES], indirect=True)
def test_theme_search_answers_from_disk(context, themed):
    """Opened from disk (file://), the search answers too: the data is a
    classic script, not fetched JSON."""
    page, log = open_page(context, "file://", theme="auto")
    page.goto(
        f"{(themed.outdir / 'search.html').as_uri()}?q={quote('intestinal mucus')}"
    )
    results = _wait_for_search(page)
    assert results[0][0] == "intestinal mucus → Mucus layer", results
    assert results[0][3] == MUCUS_FIRST
    page.locator("#search-results li.sg-search-entry > a").first.click()
    page.wait_for_url(f"**/{MUCUS_HREF}")
    assert page.url.startswith("file:///")
    expect(page.locator("dt#term-intestinal-mucus")).to_be_in_viewport()
    # Sphinx's own search fetches each page it lists for a snippet, which a
    # page from disk may not do: those failures are Sphinx's, not ours.
    assert [p for p in log.problems() if not _SNIPPET_FETCH.search(p)] == []
    page.close()


_SNIPPET_FETCH = re.compile(
    r"^(failed request: file:///\S+\.html \(net::ERR_FAILED\)"
    r"|console error: Access to fetch at 'file:///\S+\.html' .* blocked by CORS .*"
    r"|console error: Failed to load resource: net::ERR_FAILED"
    r"|page error: Failed to fetch)$"
)


@pytest.mark.parametrize("themed", [t.name for t in THEMES], indirect=True)
def test_theme_follows_prefers_color_scheme(context, themed):
    """With no stored choice and a dark system, a theme with a dark mode is dark
    and so is the preview; a theme without one stays light, and so does the
    preview: it matches the page."""
    theme, origin = themed.theme, themed.origin
    # "auto": what furo and the pydata themes do until the reader chooses
    # (pydata-sphinx-theme logs an error when no choice is stored at all).
    page, log = open_page(context, origin, theme="auto")
    page.emulate_media(color_scheme="dark")
    page.goto(f"{origin}/prose.html")
    link = _main_link(page, MUCUS_HREF)
    link.hover()
    popover = page.locator(PREVIEW)
    expect(popover).to_be_visible()
    page_behind = background(link.evaluate(COLOUR_STACK)[1])
    box_colour = background(popover.evaluate(COLOUR_STACK)[1])
    assert (luminance(page_behind) < 0.2) is theme.dark, page_behind
    assert ratio(page_behind, box_colour) <= 1.5, (page_behind, box_colour)
    assert _contrast(popover.locator(".sg-preview-text")) >= WCAG_AA
    assert log.problems() == []
    page.close()


#: Every element of ours with text of its own, shown on the page: what we
#: make (sg-* classes, the preview, the link back to the A–Z bar) and what is
#: inside it; not the theme's "¶" permalinks of term lines. Each as [kind,
#: text, colour stack (COLOUR_STACK), theirs]: *theirs* is true when the
#: element, stripped of our classes, has the same colour in the same place,
#: so the colour is the theme's (its link colour, its "See also" box).
_OUR_TEXT = """() => {
  const ours = document.querySelectorAll(
    '[class*="sg-"], [class*="sg-"] *, [id^="sg-"], [id^="sg-"] *');
  const out = [];
  for (const el of ours) {
    const own = Array.from(el.childNodes).some(
      n => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.closest(".headerlink") || !el.checkVisibility()) continue;
    const stack = [];
    let opacity = 1;
    for (let e = el; e; e = e.parentElement) {
      stack.push(getComputedStyle(e).backgroundColor);
      opacity *= parseFloat(getComputedStyle(e).opacity);
    }
    const probe = document.createElement(el.tagName);
    probe.className = Array.from(el.classList).filter(
      c => !c.startsWith("sg-")).join(" ");
    if (el.hasAttribute("href")) probe.setAttribute("href", "#sg-probe");
    probe.textContent = "x";
    el.parentElement.insertBefore(probe, el);
    const theirs = getComputedStyle(probe).color === getComputedStyle(el).color;
    probe.remove();
    out.push([el.tagName.toLowerCase() + "." + (el.getAttribute("class") || ""),
      el.textContent.trim().slice(0, 30),
      [getComputedStyle(el).color, stack, opacity], theirs]);
  }
  return out;
}"""


def _low_contrast(page) -> tuple[list[str], list[str]]:
    """Texts of ours below AA: in colours we set, and in the theme's."""
    found = page.evaluate(_OUR_TEXT)
    assert found, "no element of ours on the page"
    ours, theirs = [], []
    for kind, text, stack, same_as_theme in found:
        value = contrast(stack)
        if value < WCAG_AA:
            line = f"{value:.2f}:1 {kind} ({text!r})"
            (theirs if same_as_theme else ours).append(line)
    return ours, theirs


@pytest.mark.parametrize(("themed", "mode"), _theme_cases(), indirect=["themed"])
def test_theme_every_element_of_ours_at_aa_contrast(context, themed, mode):
    """Glossary (bar, entries, "Referenced from", the link back to the bar),
    a prose page with a preview open, and search answers: every text in a
    colour of ours reads at 4.5:1, and an answer's title looks like a link.

    Links in the theme's link colour and Sphinx's "See also" box keep the
    theme's colours, below AA in sphinx_rtd_theme only (its links: 4.19:1):
    those are listed here, so that a change is seen."""
    page, log = _themed_page(context, themed, mode, "glossary.html")
    low = [_low_contrast(page)]
    # Down the page: the link back to the bar shows.
    page.locator("dl.sg-glossary > dt").last.scroll_into_view_if_needed()
    back = page.locator("a.sg-az-return")
    expect(back).to_be_visible()
    low.append(_low_contrast(page))
    back.hover()  # a theme's a:hover must not recolour it
    low.append(_low_contrast(page))

    page.goto(f"{themed.origin}/prose.html")
    _main_link(page, MUCUS_HREF).hover()
    expect(page.locator(PREVIEW)).to_be_visible()
    low.append(_low_contrast(page))

    page.goto(f"{themed.origin}/search.html?q={quote('intestinal mucus')}")
    _wait_for_search(page)
    low.append(_low_contrast(page))
    # In dark mode too (the search answers test looks at the light mode).
    _assert_answer_title_looks_like_a_link(page)
    ours = sorted({line for found, _theirs in low for line in found})
    theirs = {line.split(" (")[0] for _ours, found in low for line in found}
    assert not ours, "\n".join(ours)
    assert theirs == THEIRS_BELOW_AA.get(themed.theme.name, set()), theirs
    assert log.problems() == []
    page.close()


#: Theme colours of our elements below AA (contrast, element), per theme.
THEIRS_BELOW_AA = {
    "sphinx_rtd_theme": {
        "4.19:1 a.sg-az-letter reference internal",
        "4.19:1 a.sg-backlink reference internal",
        "4.19:1 span.xref std std-term",
        "4.19:1 span.xref std std-term sg-see-link",
        "4.19:1 a.",
        "3.78:1 span.xref std std-term sg-see-link",
        "2.37:1 p.admonition-title",
    },
}
