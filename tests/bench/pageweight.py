"""``make bench``, the reader's side: what a page costs to load and to preview.

For each N (default 100, 1,000, 10,000 seeds) it builds a site of N seeds and
``--pages`` prose pages (autolinking "all"), and the same site by Sphinx
alone (the glossary written by hand, no extension), once each. Then:

* on disk: the bytes (and gzip) of every file of ours, the median prose page,
  the largest page of the build;
* in Chromium (Playwright, Debian's binary, headless), served from 127.0.0.1,
  without throttling and under DevTools' "Fast 3G" preset (CDP
  ``Network.emulateNetworkConditions``): the bytes a prose page loads before
  any interaction (all, and ours), the time from the hover of a link to its
  preview on screen, and the bytes a search for a term fetches (ours, and
  Sphinx's ``searchindex.js``).

    python tests/bench/pageweight.py [--sizes 100 1000 10000] [--pages 20]
        [--out DIR] [--workdir DIR] [--python PATH] [--no-browser]

Results go to ``--out``: ``pageweight.json`` and ``pageweight.md``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import generate  # noqa: E402
import run  # noqa: E402

#: DevTools' "Fast 3G" preset (bytes per second, ms), as Chromium defines it.
FAST_3G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1.6 * 1000 * 1000 / 8 * 0.9,
    "uploadThroughput": 750 * 1000 / 8 * 0.9,
}
#: Our files are known by their names.
OURS = "seed_glossary"
#: Records, before any script of the page runs, when a link was first hovered.
TIMING = """
window.__sgHover = null;
document.addEventListener("pointerover", (event) => {
  if (window.__sgHover === null && event.target.closest &&
      event.target.closest("a.reference.internal")) {
    window.__sgHover = performance.now();
  }
}, true);
"""
#: When the preview shows text (polled at each frame).
SHOWN = """() => {
  const p = document.getElementById("sg-preview");
  return p && !p.hidden && p.textContent ? performance.now() : false;
}"""


def gzipped(data: bytes) -> int:
    """Bytes of *data* gzipped at level 6, as web servers commonly send it."""
    return len(gzip.compress(data, 6, mtime=0))


# -- building --------------------------------------------------------------------


def build_sites(base: Path, n: int, pages: int, python: str) -> dict[str, Any]:
    """The site by the extension and by Sphinx alone; times and output folders."""
    seeds, prose = base / "seeds", base / "prose"
    terms = generate.write_seeds(seeds, n)
    generate.write_prose(prose, terms, pages)
    out: dict[str, Any] = {}
    for config in ("site_ext", "site_alone"):
        run.make_project(base / config, seeds, config, prose)
        sample = run.sphinx_build(python, run.Build(base / config))
        out[config] = {
            "outdir": str(base / config / "_build" / "html"),
            "wall_s": sample["wall_s"],
            "maxrss_mib": sample["maxrss_mib"],
        }
        print(
            f"   {config}: {sample['wall_s']:.1f} s, {sample['maxrss_mib']:.0f} MiB",
            flush=True,
        )
    return out


# -- on disk -----------------------------------------------------------------------


def disk_figures(outdir: Path) -> dict[str, Any]:
    """Sizes on disk: our files, the median prose page, the largest pages."""
    static = outdir / "_static"
    files = sorted(
        p
        for p in static.rglob("*")
        if p.is_file() and OURS in p.relative_to(static).as_posix()
    )
    scripts = [p.stat().st_size for p in static.glob(f"{OURS}/pages/prose*.js")]
    prose = [p.stat().st_size for p in outdir.glob("prose*.html")]
    pages = sorted(
        (
            (p.stat().st_size, p.relative_to(outdir).as_posix())
            for p in outdir.rglob("*.html")
        ),
        reverse=True,
    )
    glossary = [(size, name) for size, name in pages if name.startswith("glossary")]
    data = outdir / "_static" / "seed_glossary_data.js"
    search_index = outdir / "searchindex.js"
    return {
        "our_files": len(files),
        "our_bytes": sum(p.stat().st_size for p in files),
        "prose_script": statistics.median(scripts) if scripts else 0,
        "data_js": data.stat().st_size if data.exists() else 0,
        "data_js_gzip": gzipped(data.read_bytes()) if data.exists() else 0,
        "prose_page": statistics.median(prose) if prose else 0,
        "largest_page": pages[0] if pages else (0, ""),
        "largest_glossary_page": glossary[0] if glossary else (0, ""),
        "glossary_pages": len(glossary),
        "searchindex": search_index.stat().st_size if search_index.exists() else 0,
        "searchindex_gzip": gzipped(search_index.read_bytes())
        if search_index.exists()
        else 0,
    }


# -- in the browser ------------------------------------------------------------------


class Loads:
    """Every response a page received: URL and bytes on the wire (CDP)."""

    def __init__(self, cdp: Any) -> None:
        self.urls: dict[str, str] = {}
        self.sizes: dict[str, float] = {}
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._finished)

    def _response(self, event: dict[str, Any]) -> None:
        self.urls[event["requestId"]] = event["response"]["url"]

    def _finished(self, event: dict[str, Any]) -> None:
        self.sizes[event["requestId"]] = event["encodedDataLength"]

    def total(self, only: str = "") -> int:
        return int(
            sum(
                size
                for rid, size in self.sizes.items()
                if only in self.urls.get(rid, "")
            )
        )

    def mark(self) -> dict[str, float]:
        return dict(self.sizes)


def _files_gzip(outdir: Path, origin: str, urls: list[str]) -> int:
    """Gzip bytes of the files behind *urls*, as a compressing server sends them."""
    total = 0
    for url in urls:
        path = outdir / url.removeprefix(origin + "/").split("?")[0].split("#")[0]
        if path.is_file():
            total += gzipped(path.read_bytes())
    return total


def browser_figures(outdir: Path, query: str) -> dict[str, Any]:
    """Bytes and time to first preview of a prose page, and a search, in Chromium."""
    from playwright.sync_api import sync_playwright

    from tests.browser.harness import launch, serve

    out: dict[str, Any] = {}
    with (
        sync_playwright() as playwright,
        tempfile.TemporaryDirectory() as profile,
        serve(outdir) as origin,
    ):
        context = launch(playwright, Path(profile))
        try:
            for throttled in (False, True):
                key = "fast3g" if throttled else "unthrottled"
                out[key] = _measure(context, origin, outdir, query, throttled)
        finally:
            context.close()
    return out


def _glossary_page(
    page: Any, loads: Loads, origin: str, outdir: Path
) -> dict[str, Any]:
    """The largest glossary page: bytes before interaction, and the time to
    the preview of a link to an entry of another page (its data may be a
    part, loaded then)."""
    pages = sorted(
        (p.stat().st_size, p.relative_to(outdir).as_posix())
        for p in [outdir / "glossary.html", *outdir.glob("glossary/*.html")]
        if p.exists()
    )
    name = pages[-1][1]
    before = loads.mark()
    page.mouse.move(0, 0)  # over no link of the next page
    page.goto(f"{origin}/{name}", wait_until="load")
    page.wait_for_load_state("networkidle")
    new = [r for r in loads.sizes if r not in before]
    out: dict[str, Any] = {
        "glossary_page": name,
        "glossary_bytes": int(sum(loads.sizes[r] for r in new)),
        "glossary_ours": int(
            sum(loads.sizes[r] for r in new if OURS in loads.urls.get(r, ""))
        ),
    }
    link = page.locator(
        'dl.glossary a.reference.internal.sg-autolink-link:not([href^="#"])'
    ).first
    if link.count():
        link.scroll_into_view_if_needed()
        link.hover()
        shown = page.wait_for_function(SHOWN, polling="raf", timeout=60_000)
        out["glossary_preview_ms"] = shown.json_value() - page.evaluate(
            "window.__sgHover"
        )
    return out


def _prose_page(outdir: Path) -> str:
    """The first prose page that links a term (every page of the site should)."""
    for path in sorted(outdir.glob("prose*.html")):
        if "sg-autolink" in path.read_text(encoding="utf-8"):
            return path.name
    return "prose000.html"


def _measure(
    context: Any, origin: str, outdir: Path, query: str, throttled: bool
) -> dict[str, Any]:
    page = context.new_page()
    page.set_default_timeout(180_000)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if throttled:
        cdp.send("Network.emulateNetworkConditions", FAST_3G)
    loads = Loads(cdp)
    page.add_init_script(TIMING)
    name = _prose_page(outdir)
    start = time.perf_counter()
    page.goto(f"{origin}/{name}", wait_until="load")
    page.wait_for_load_state("networkidle")
    print(f"   {name}: loaded{' (Fast 3G)' if throttled else ''}", flush=True)
    loaded_s = time.perf_counter() - start
    ours_urls = [u for r, u in loads.urls.items() if OURS in u and r in loads.sizes]
    figures: dict[str, Any] = {
        "page": name,
        "load_s": loaded_s,
        "bytes_before_interaction": loads.total(),
        "ours_before_interaction": loads.total(OURS),
        "ours_before_interaction_gzip": _files_gzip(outdir, origin, ours_urls),
    }
    link = page.locator("a.reference.internal.sg-autolink-link").first
    if link.count():
        link.scroll_into_view_if_needed()
        link.hover()
        shown = page.wait_for_function(SHOWN, polling="raf", timeout=30_000)
        hovered = page.evaluate("window.__sgHover")
        figures["first_preview_ms"] = shown.json_value() - hovered
        figures["bytes_after_preview"] = loads.total()
    figures.update(_glossary_page(page, loads, origin, outdir))
    # A search for a term: what it fetches, ours and Sphinx's index.
    before = loads.mark()
    page.goto(f"{origin}/search.html?q={query}", wait_until="load")
    # Not the network's idle: Sphinx then fetches each page it lists, for a
    # snippet (a glossary page of megabytes): its cost, and not the answer's.
    page.locator("#search-results p.search-summary").wait_for()
    page.locator("#search-results li[aria-busy]").first.wait_for(state="detached")
    new = {r: s for r, s in loads.sizes.items() if r not in before}
    # Our search data (the names, the first sentences), as Sphinx's is its
    # index: the script and style sheets of every page are not counted.
    figures["search_ours"] = int(
        sum(s for r, s in new.items() if f"/{OURS}/" in loads.urls.get(r, ""))
    )
    figures["search_index"] = int(
        sum(s for r, s in new.items() if "searchindex" in loads.urls.get(r, ""))
    )
    figures["search_first"] = page.evaluate(
        "(() => { const a = document.querySelector('#search-results ul.search a');"
        " return a ? a.textContent : null; })()"
    )
    page.close()
    return figures


# -- the whole run -----------------------------------------------------------------


def measure(
    sizes: list[int], pages: int, workdir: Path, python: str, browser: bool
) -> dict[str, Any]:
    """Every size: builds, disk figures and (with *browser*) browser figures."""
    results: dict[str, Any] = {"pages": pages, "sizes": {}}
    for n in sizes:
        print(f"== page weight, N = {n}", flush=True)
        base = workdir / f"pw{n}"
        shutil.rmtree(base, ignore_errors=True)
        built = build_sites(base, n, pages, python)
        query = generate.vocabulary(n)[n // 2].name.lower()
        entry: dict[str, Any] = {"query": query}
        for config, info in built.items():
            outdir = Path(info["outdir"])
            figures = {"build": info, "disk": disk_figures(outdir)}
            if browser:
                figures["browser"] = browser_figures(outdir, query)
            entry[config] = figures
        results["sizes"][str(n)] = entry
    return results


def _kb(value: float) -> str:
    return f"{value / 1000:,.1f} kB"


def markdown(results: dict[str, Any]) -> str:
    """The tables of the performance page."""
    lines = [
        "### Page weight",
        "",
        f"A site of N seeds and {results['pages']} prose pages (autolinking "
        '"all"), and the same site by Sphinx alone (the glossary written by '
        "hand). Bytes on disk; gzip at level 6.",
        "",
        "| N | build | our files | a prose page (its previews) | largest page | "
        "largest glossary page | searchindex.js (gzip) |",
        "|---|---|---|---|---|---|---|",
    ]
    label = {"site_ext": "extension", "site_alone": "Sphinx alone"}
    for n, entry in results["sizes"].items():
        for config in ("site_alone", "site_ext"):
            disk = entry[config]["disk"]
            lines.append(
                f"| {int(n):,} | {label[config]} | {disk['our_files']} files, "
                f"{_kb(disk['our_bytes'])} | {_kb(disk['prose_page'])} "
                f"({_kb(disk['prose_script'])}) | "
                f"{_kb(disk['largest_page'][0])} | "
                f"{_kb(disk['largest_glossary_page'][0])} "
                f"({disk['glossary_pages']} pages) | "
                f"{_kb(disk['searchindex'])} ({_kb(disk['searchindex_gzip'])}) |"
            )
    if any("browser" in e["site_ext"] for e in results["sizes"].values()):
        lines += [
            "",
            "In Chromium, a prose page served from 127.0.0.1, without throttling "
            'and under DevTools\' "Fast 3G" (562.5 ms latency, 1.44 Mbit/s): bytes '
            "received before any interaction (the page idle), ours among them "
            "(and their gzip), time from the hover of a link to its preview on "
            "screen, the same on the largest glossary page for a link to an "
            "entry of another page, and the bytes of data a search for a term "
            "receives (ours: the names and first sentences, not the script and "
            "style sheets every page loads; Sphinx's: its index).",
            "",
            "| N | build | network | page loaded | bytes before interaction | "
            "ours (gzip) | first preview | glossary page: bytes, ours | "
            "glossary page: first preview | search: ours | "
            "search: searchindex.js |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for n, entry in results["sizes"].items():
            for config in ("site_alone", "site_ext"):
                for net, figures in entry[config].get("browser", {}).items():
                    preview = figures.get("first_preview_ms")
                    other = figures.get("glossary_preview_ms")
                    lines.append(
                        f"| {int(n):,} | {label[config]} | "
                        f"{'Fast 3G' if net == 'fast3g' else 'local'} | "
                        f"{figures['load_s']:.2f} s | "
                        f"{_kb(figures['bytes_before_interaction'])} | "
                        f"{_kb(figures['ours_before_interaction'])} "
                        f"({_kb(figures['ours_before_interaction_gzip'])}) | "
                        f"{'–' if preview is None else f'{preview:.0f} ms'} | "
                        f"{_kb(figures['glossary_bytes'])}, "
                        f"{_kb(figures['glossary_ours'])} | "
                        f"{'–' if other is None else f'{other:.0f} ms'} | "
                        f"{_kb(figures['search_ours'])} | "
                        f"{_kb(figures['search_index'])} |"
                    )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 10000])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--out", type=Path, default=run.OUT)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    browser = not args.no_browser
    if browser:
        from tests.browser.harness import unavailable

        reason = unavailable()
        if reason:
            print(f"no browser figures: {reason}", flush=True)
            browser = False
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        results = measure(
            sorted(set(args.sizes)), args.pages, workdir, args.python, browser
        )
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "pageweight.json").write_text(json.dumps(results, indent=2) + "\n")
    text = markdown(results)
    (args.out / "pageweight.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
