"""Autolinking in real pages: MyST line breaks, markup that is never linked."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


def _autolinks(app, page: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup((app.outdir / page).read_text(), "html.parser")
    return [
        (" ".join(span.get_text().split()), span.parent["href"].split("#")[1])
        for span in soup.select("a.reference > span.sg-autolink")
    ]


@pytest.mark.sphinx("html", testroot="autolink-rules", freshenv=True)
def test_a_name_wrapped_in_myst_links_as_a_whole(app):
    app.build()
    assert app.warning.getvalue() == ""
    # "path⏎based finder": the whole name, not the shorter "finder".
    assert _autolinks(app, "wrapped.html") == [
        ("path based finder", "term-Path-based-finder"),
        ("zymogen", "term-Zymogen"),
    ]


@pytest.mark.sphinx("html", testroot="autolink-rules", freshenv=True)
def test_keys_programs_menus_options_and_default_role_text_stay_plain(app):
    app.build()
    soup = BeautifulSoup((app.outdir / "markup.html").read_text(), "html.parser")
    for selector in ("kbd", ".program", ".menuselection", "cite", "var", ".file"):
        for element in soup.select(selector):
            assert element.select_one(".sg-autolink") is None, selector
    # The option's description is prose: its "module" is linked, once.
    assert _autolinks(app, "markup.html") == [("module", "term-Module")]
    assert soup.select_one("dl.option-list dd .sg-autolink") is not None
