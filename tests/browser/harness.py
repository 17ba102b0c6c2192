"""Chromium through Playwright, a local web server, and a record of each page.

Debian's Chromium (``apt-get install chromium``) is driven by Playwright's Python
client; Playwright's own browser downloads (``playwright install``) are never
used. The browser gets a fresh profile and no network besides 127.0.0.1.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, Playwright

#: Where Debian puts Chromium; SEED_GLOSSARY_CHROMIUM names another binary.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT: Any = {"width": 1000, "height": 700}
#: A phone: 390 px wide, a touch screen, the page's viewport meta tag obeyed.
PHONE: Any = {"width": 390, "height": 844}

#: Recorded into ``window.__sgViolations`` before any script of the page runs.
RECORD_VIOLATIONS = """
window.__sgViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  window.__sgViolations.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
    element: target
      ? target.tagName.toLowerCase() + "." + (target.getAttribute("class") || "")
      : "",
    inOurMarkup: Boolean(target && target.closest('[class*="sg-"], [id^="sg-"]')),
  });
}, true);
"""

#: Scripts of the theme and of Sphinx itself: violations they cause are not ours.
THEIR_SCRIPTS = re.compile(
    r"/_static/(scripts/furo|doctools|searchtools|sphinx_highlight"
    r"|documentation_options|language_data|[a-z-]*stemmer)[.-][^/]*$"
)


def in_ci() -> bool:
    """True on CI (``CI=true``), where a missing browser fails the tests."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def chromium_path() -> str | None:
    """The Chromium binary to drive, or None if there is none."""
    wanted = os.environ.get("SEED_GLOSSARY_CHROMIUM")
    candidates = [wanted] if wanted else [CHROMIUM, shutil.which("chromium")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def unavailable() -> str | None:
    """Why the browser tests cannot run here, or None if they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    if chromium_path() is None:
        where = os.environ.get("SEED_GLOSSARY_CHROMIUM") or CHROMIUM
        return f"no Chromium at {where} (apt-get install chromium)"
    return None


#: No network but the test server: every other host (localhost too) goes to a
#: proxy on the discard port, where none listens. The request is made, so a
#: page's log records it (PageLog), and it fails. A proxy, not a route: a
#: route pauses every request of every page for Playwright to let it go on.
NO_NETWORK: Any = {"server": "http://127.0.0.1:9", "bypass": "<-loopback>,127.0.0.1"}


def launch(
    playwright: Playwright, profile: Path, *, phone: bool = False
) -> BrowserContext:
    """Headless Chromium with a fresh profile in *profile*: one context, no network.

    *phone*: a touch screen 390 px wide (taps, no hover), as the narrow-screen
    and touch tests need.
    """
    device: dict[str, Any] = (
        {"viewport": PHONE, "has_touch": True, "is_mobile": True}
        if phone
        else {"viewport": VIEWPORT}
    )
    context = playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=chromium_path(),
        headless=True,
        args=CHROMIUM_ARGS,
        proxy=NO_NETWORK,
        color_scheme="light",
        reduced_motion="reduce",
        service_workers="block",
        **device,
    )
    context.set_default_timeout(10_000)
    return context


# -- the web server ------------------------------------------------------------


class _Handler(SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}  # noqa: RUF012 (set per server class)

    def do_GET(self) -> None:
        # Chromium asks for /favicon.ico on its own; the test sites have none.
        if (
            self.path == "/favicon.ico"
            and not Path(self.directory, "favicon.ico").exists()
        ):
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve *directory* from 127.0.0.1 on a free port; yields the origin."""
    handler = type("Handler", (_Handler,), {"extra_headers": dict(headers or {})})
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(handler, directory=str(directory))
    )
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# -- Content-Security-Policy ---------------------------------------------------


class _InlineParts(HTMLParser):
    """Inline scripts, inline style elements and style attributes of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: set[str] = set()
        self.styles: set[str] = set()
        self.attributes: set[str] = set()
        self._open: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("style") is not None:
            self.attributes.add(values["style"] or "")
        if tag in {"script", "style"} and not (tag == "script" and "src" in values):
            self._open, self._text = tag, []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            text = "".join(self._text)
            (self.scripts if tag == "script" else self.styles).add(text)
            self._open = None


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def csp_allowing(reference: Path) -> str:
    """A strict policy that allows exactly the inline code of the pages in *reference*.

    *reference* is a site built without this extension (the theme alone): its
    inline scripts and styles are allowed by their sha256 hashes, nothing else
    inline is, so every violation on our site comes from what we add.
    """
    parts = _InlineParts()
    for page in sorted(reference.rglob("*.html")):
        parts.feed(page.read_text(encoding="utf-8"))
    scripts = " ".join(sorted(_sha256(s) for s in parts.scripts))
    styles = " ".join(sorted(_sha256(s) for s in parts.styles | parts.attributes))
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' {scripts}",
            f"style-src 'self' 'unsafe-hashes' {styles}",
            # Furo's CSS draws its icons from data: URLs.
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


# -- what a page does ----------------------------------------------------------


@dataclass
class PageLog:
    """Everything a page asked for or complained about."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    #: Fonts still loading when the page was left, cut off by the browser
    #: (``net::ERR_ABORTED``): a theme's web fonts load late, when text in
    #: them is first shown, so a test that goes to the next page at once may
    #: leave one half-read. Not a problem of the page.
    cut_off: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Requests for anything but this site (data: and about: are local)."""
        return [
            url
            for url in self.requests
            if not url.startswith(self.origin + "/")
            and urlsplit(url).scheme not in {"data", "about", "blob"}
        ]

    def problems(self) -> list[str]:
        """What should never happen on any page: one line each."""
        out = [f"request outside {self.origin}: {u}" for u in self.foreign_requests()]
        out += [f"failed request: {f}" for f in self.failures]
        out += [
            f"console {kind}: {text}"
            for kind, text in self.console
            if kind in {"error", "warning"}
        ]
        out += [f"page error: {e}" for e in self.errors]
        out += [f"dialog: {d}" for d in self.dialogs]
        return out


def open_page(
    context: BrowserContext, origin: str, theme: str | None = None
) -> tuple[Page, PageLog]:
    """A new page that records requests, console, errors, dialogs, CSP violations.

    *theme* ("light" or "dark") is stored where furo (``theme``) and
    pydata-sphinx-theme and sphinx-book-theme (``mode``) keep the reader's
    choice, before any page script runs. Themes without a dark mode ignore it.
    """
    page = context.new_page()
    log = PageLog(origin)
    page.add_init_script(RECORD_VIOLATIONS)
    if theme is not None:
        page.add_init_script(
            f"try {{ localStorage.setItem('theme', {theme!r});"
            f" localStorage.setItem('mode', {theme!r}); }} catch (e) {{}}"
        )
    page.on("request", lambda request: log.requests.append(request.url))

    def on_failure(request: Any) -> None:
        if request.resource_type == "font" and request.failure == "net::ERR_ABORTED":
            log.cut_off.append(request.url)
        else:
            log.failures.append(f"{request.url} ({request.failure})")

    page.on("requestfailed", on_failure)
    page.on(
        "response",
        lambda response: (
            log.failures.append(f"{response.url} (HTTP {response.status})")
            if response.status >= 400
            else None
        ),
    )
    page.on("console", lambda message: log.console.append((message.type, message.text)))
    page.on("pageerror", lambda error: log.errors.append(str(error)))

    def on_dialog(dialog: Any) -> None:
        log.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return page, log


def violations(page: Page) -> list[dict[str, Any]]:
    """The CSP violations the page has reported so far."""
    found: list[dict[str, Any]] = page.evaluate("window.__sgViolations || []")
    return found


def is_ours(violation: dict[str, Any]) -> bool:
    """Whether a CSP violation comes from our JS, CSS or markup.

    The policy allows every inline part of the theme's own pages, so whatever
    else is blocked was added by us, unless a theme or Sphinx script did it.
    """
    said = " ".join(
        str(violation.get(k) or "") for k in ("blocked", "source", "sample")
    )
    if "seed_glossary" in said or violation.get("inOurMarkup"):
        return True
    return not THEIR_SCRIPTS.search(str(violation.get("source") or ""))
