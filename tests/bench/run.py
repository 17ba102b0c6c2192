"""``make bench``: what the extension costs, in time and peak memory.

For each N (default 100, 1,000, 10,000 seeds, plus an empty project, N = 0)
it builds, in one run:

(a)  a hand-written ``.. glossary::`` page with the same entries, no extension;
(a') the same page with the links that autolinking makes written by hand as
     ``:term:`` roles (the first mention of each other term in an entry);
(b)  the extension, autolinking off;
(c)  the extension with every feature at its default: autolinking in the
     glossary, "Referenced from" backlinks, previews, A-Z bar, JSON export
     and the build report.

Then a site: 300 seeds and 400 prose pages of about 600 words that mention
the terms, built by Sphinx alone (a hand-written glossary) and by the extension
with ``seed_glossary_autolink = "all"``, serially and with ``-j 2``; the
parallel output must equal the serial one, file for file.

Every build is a fresh ``sphinx-build`` process on a fresh copy of its
project (``build_one.py``; wall time measured here, peak RSS reported by the
child), run by ``--python`` (default: this interpreter), so the same harness
measures another checkout installed in another environment. Each figure is
the median of ``--reps`` builds, the configurations taking turns rep after
rep. Results go to ``--out``: ``results.json``, ``results.md`` and
``time-vs-n.png``.

    python tests/bench/run.py [--sizes 100 1000 10000] [--reps 3] [--out DIR]
        [--python PATH] [--site-seeds 300] [--site-pages 400] [--workdir DIR]

``--sizes`` with no size measures the site only; ``--site-pages 0`` leaves the
site out.
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

# Pure modules of this checkout, used only to write the hand-written
# baselines; the builds themselves import whatever --python has installed.
from seed_glossary.catalog import build_catalog  # noqa: E402
from seed_glossary.ingest import discover, read_seeds  # noqa: E402
from seed_glossary.matching import TermMatcher  # noqa: E402
from seed_glossary.render import item_key  # noqa: E402

OUT = ROOT / "docs" / "performance"
PLOT = "time-vs-n.png"
CONFIGS = {
    "a": "(a) hand-written glossary",
    "a_links": "(a') hand-written glossary, links by hand",
    "b": "(b) extension, autolinking off",
    "c": "(c) extension, every feature on",
    "c_no_backlinks": "(c-) as (c), without Referenced from lines",
}
SITE_CONFIGS = {
    "site_alone": "Sphinx alone",
    "site_ext": 'extension, autolink "all"',
    "site_ext_j2": 'extension, autolink "all", -j 2',
    "site_hand": "hand-written glossary, extension loaded (its defaults)",
}
#: Outputs of the serial and the ``-j 2`` site builds that must be identical,
#: besides every HTML page and every data script of ours (:data:`OUR_SCRIPTS`).
COMPARED_FILES = (
    "searchindex.js",
    "glossary.json",
    "seed-glossary-report.json",
)
#: The previews of each page and the search page's files, under ``_static``.
OUR_SCRIPTS = "_static/seed_glossary"
#: The issue's targets: (key, what, limit).
TARGETS = (
    ("c_over_a_links_time", "(c) / (a') time at the largest N", 0.80),
    ("c_over_a_links_memory", "(c) / (a') peak memory at the largest N", 1.10),
    ("site_time", "site: extension / Sphinx alone, time", 1.15),
    ("site_memory", "site: extension / Sphinx alone, peak memory", 1.20),
    ("slope_c_time", "(c) log-log slope of time", 1.05),
    ("slope_c_memory", "(c) log-log slope of peak memory", 1.05),
)


# -- projects -----------------------------------------------------------------


def glossary_rst(seeds: Path, links: bool = False) -> str:
    """The same entries as the extension makes, written by hand in rST.

    With *links*, mentions of other terms become ``:term:`` roles by the
    rules autolinking follows: the first mention of each term per entry,
    never the entry itself, the longest name first. With no seeds, a page
    with a title only (an empty ``glossary`` directive is an error).
    """
    items, _problems = build_catalog(read_seeds(discover(seeds)))
    out = ["Glossary", "========", ""]
    if not items:
        return "\n".join(out)
    matcher = None
    if links:
        names: dict[str, str] = {}
        for item in items:
            for name in item.names:
                names.setdefault(name, item_key(item))
        matcher = TermMatcher(names)
    out += [".. glossary::", "   :sorted:", ""]
    for item in items:
        out += [f"   {name}" for name in item.names]
        # Counts as mentioned from the start: an entry never links to itself.
        mentioned = {item_key(item)}
        for paragraph in _entry_body(item, matcher, mentioned):
            out += [f"      {paragraph}", ""]
    return "\n".join(out)


def _entry_body(item, matcher: TermMatcher | None, mentioned: set[str]) -> list[str]:
    """One entry's paragraphs in rST: see, definition, rubrics, see also."""
    body: list[str] = []
    if item.see:
        body.append("*See* " + "; ".join(f":term:`{t}`" for t in item.see))
    for entry in item.entries:
        body += [
            _with_term_roles(p, matcher, mentioned)
            for p in entry.definition.split("\n\n")
            if p
        ]
        for section in entry.sections:
            body += [
                f".. rubric:: {section.heading}",
                _with_term_roles(section.text, matcher, mentioned),
            ]
    if item.see_also:
        body.append(".. seealso:: " + ", ".join(f":term:`{t}`" for t in item.see_also))
    return body


def _with_term_roles(
    text: str, matcher: TermMatcher | None, mentioned: set[str]
) -> str:
    if matcher is None:
        return text
    out, position = [], 0
    for mention in matcher.find(text):
        if mention.target in mentioned:
            continue
        mentioned.add(mention.target)
        surface = text[mention.start : mention.end]
        out += [text[position : mention.start], f":term:`{surface} <{mention.name}>`"]
        position = mention.end
    out.append(text[position:])
    return "".join(out)


def make_project(
    path: Path,
    seeds: Path,
    config: str,
    prose: Path | None = None,
    split: bool = False,
) -> None:
    """A Sphinx project for *config*: conf.py, an index and the glossary page.

    Configurations starting with ``a`` or equal to ``site_alone`` write the
    glossary by hand and load no extension; ``site_hand`` writes it by hand
    and loads the extension; the others use the extension's directive, with
    its defaults except for autolinking. *prose* pages, if given, are
    copied in and listed in chapters (:func:`chapters`).
    """
    path.mkdir(parents=True)
    conf = ["project = 'bench'", "exclude_patterns = ['_build']"]
    if config.startswith("a") or config in ("site_alone", "site_hand"):
        glossary = glossary_rst(seeds, links=config == "a_links")
        if config == "site_hand":
            # The project of "Sphinx alone", with the extension added: what
            # its hand-written glossary support costs.
            conf.append("extensions = ['seed_glossary']")
    else:
        autolink = {
            "b": "False",
            "c": "'glossary'",
            "c_no_backlinks": "'glossary'",
            "site_ext": "'all'",
        }[config]
        if config == "c_no_backlinks":
            # (a') has no lines of back-references: the same output as (a'),
            # to tell the cost of those lines from that of the rest.
            conf.append("seed_glossary_backlinks = False")
        conf += [
            "extensions = ['seed_glossary']",
            f"seed_glossary_seeds = {str(seeds)!r}",
            f"seed_glossary_autolink = {autolink}",
            "suppress_warnings = ['seed_glossary.uncertain']",
        ]
        if split:
            conf.append("seed_glossary_split = 'letter'")
        glossary = "Glossary\n========\n\n.. seed-glossary::\n"
    (path / "glossary.rst").write_text(glossary)
    entries = ["glossary"]
    if prose is not None:
        pages = sorted(prose.glob("*.rst"))
        for page in pages:
            shutil.copy(page, path / page.name)
        entries += chapters(path, [page.stem for page in pages])
    (path / "index.rst").write_text(
        "Bench\n=====\n\n" + toctree(entries, ":maxdepth: 2")
    )
    (path / "conf.py").write_text("\n".join(conf) + "\n")


#: Prose pages per chapter of the site.
CHAPTER_PAGES = 20


def chapters(path: Path, pages: list[str]) -> list[str]:
    """Write a chapter page per :data:`CHAPTER_PAGES` pages; return their names.

    A site of hundreds of pages has a table of contents in levels, and that
    matters: with one flat toctree of every page, the navigation sidebar of
    every page lists every page, and Sphinx spends most of the build copying
    and rendering that tree, a cost that grows with the square of the pages
    and would drown what the extension costs.
    """
    names = []
    for start in range(0, len(pages), CHAPTER_PAGES):
        number = start // CHAPTER_PAGES + 1
        name, title = f"chapter{number:02d}", f"Chapter {number}"
        body = toctree(pages[start : start + CHAPTER_PAGES], ":maxdepth: 1")
        (path / f"{name}.rst").write_text(f"{title}\n{'=' * len(title)}\n\n{body}")
        names.append(name)
    return names


def toctree(entries: list[str], option: str) -> str:
    """A toctree directive listing *entries*, with one *option*."""
    lines = "".join(f"   {entry}\n" for entry in entries)
    return f".. toctree::\n   {option}\n\n{lines}"


# -- measuring ----------------------------------------------------------------


@dataclass(frozen=True)
class Build:
    """One sphinx-build of *project* into ``_build/<out>``, with *extra* options."""

    project: Path
    out: str = "html"
    extra: tuple[str, ...] = ()

    @property
    def outdir(self) -> Path:
        return self.project / "_build" / self.out


def sphinx_build(python: str, build: Build) -> dict:
    """Build once in a child process.

    Returns wall seconds (start to exit, measured here), the child's peak RSS
    in MiB, the peak RSS of its largest worker process (``-j``), the number
    of pages read and the names of the pages written.
    """
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result_file = handle.name
    command = [
        python,
        str(HERE / "build_one.py"),
        result_file,
        "-b",
        "html",
        "-d",
        str(build.project / "_build" / f"doctrees-{build.out}"),
        *build.extra,
        str(build.project),
        str(build.outdir),
    ]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    try:
        result = json.loads(Path(result_file).read_text())
    except ValueError:
        result = {"status": done.returncode}
    os.unlink(result_file)
    if result["status"] != 0:
        raise SystemExit(f"build of {build} failed:\n{done.stdout}\n{done.stderr}")
    counts = re.search(r"(\d+) added, (\d+) changed, (\d+) removed", done.stdout)
    written = re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", done.stdout)
    return {
        "wall_s": wall,
        "maxrss_mib": result["maxrss_kib"] / 1024,
        "workers_maxrss_mib": result.get("children_maxrss_kib", 0) / 1024,
        "read": sum(int(n) for n in counts.groups()[:2]) if counts else 0,
        "written": written,
    }


def summarise(values: list[float]) -> dict:
    """Median, min, max and every run."""
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": values,
    }


def in_turns(
    python: str, reps: int, builds: dict[str, Callable[[int], Build]]
) -> dict[str, list[dict]]:
    """Build each configuration *reps* times, the configurations taking turns.

    *builds* maps a configuration to a function of the rep that gives its
    build. Turns (a, a', b, c, a, a', b, c, ...) make a machine that is
    slower for a while (a shared one often is) slow each configuration alike,
    instead of the one that happens to run then.
    """
    samples: dict[str, list[dict]] = {name: [] for name in builds}
    for rep in range(reps):
        for name, build_for in builds.items():
            sample = sphinx_build(python, build_for(rep))
            samples[name].append(sample)
            print(
                f"   {name} rep {rep}: {sample['wall_s']:.2f} s, "
                f"{sample['maxrss_mib']:.0f} MiB",
                flush=True,
            )
    return samples


def figures(samples: list[dict]) -> dict:
    """Time and peak memory of a configuration's builds, summarised."""
    return {
        "wall_s": summarise([s["wall_s"] for s in samples]),
        "maxrss_mib": summarise([s["maxrss_mib"] for s in samples]),
    }


def copies(template: Path, name: str, **options) -> Callable[[int], Build]:
    """A function of the rep that copies *template* afresh and builds the copy.

    Every build starts from an untouched project, so nothing is cached.
    """

    def build_for(rep: int) -> Build:
        project = template.parent / f"{name}-{rep}"
        shutil.rmtree(project, ignore_errors=True)
        shutil.copytree(template, project)
        return Build(project, **options)

    return build_for


# -- sizes ----------------------------------------------------------------------


def measure_size(python: str, n: int, reps: int, base: Path) -> dict:
    """Configurations (a), (a'), (b), (c) at *n* seeds; rebuilds when n > 0."""
    seeds = base / "seeds"
    seeds.mkdir(parents=True)
    generate.write_seeds(seeds, n)
    builds = {}
    for config in CONFIGS:
        template = base / f"{config}-template"
        make_project(template, seeds, config)
        builds[config] = copies(template, config)
    samples = in_turns(python, reps, builds)
    entry: dict = {"builds": {c: figures(s) for c, s in samples.items()}}
    if n:
        entry["rebuild"] = measure_rebuilds(python, n, reps, base)
    return entry


def measure_rebuilds(python: str, n: int, reps: int, base: Path) -> dict:
    """A rebuild with nothing changed, and after editing one seed, in turns.

    Nothing changed: each rep builds again a (c) project built in the turns.
    One seed edited: on a split glossary (a page per letter) with seeds of its
    own, so the edit touches no other project; each rep makes a change (the
    edit, then undoing it, ...) and builds.
    """
    seeds = base / "seeds-split"
    generate.write_seeds(seeds, n)
    split = base / "c-split"
    make_project(split, seeds, "c", split=True)
    pages_total = sphinx_build(python, Build(split))["read"]
    victim = seeds / "00000.txt"
    original = victim.read_text()
    edited = original.replace(" is ", " is also ", 1)

    def edit(rep: int) -> Build:
        victim.write_text(edited if rep % 2 == 0 else original)
        return Build(split)

    samples = in_turns(
        python,
        reps,
        {"no_change": lambda rep: Build(base / f"c-{rep}"), "one_seed_edit": edit},
    )
    return {
        "no_change": {
            **figures(samples["no_change"]),
            "pages_read": [s["read"] for s in samples["no_change"]],
        },
        "one_seed_edit": {
            **figures(samples["one_seed_edit"]),
            "pages_read": [s["read"] for s in samples["one_seed_edit"]],
            "pages_written": [len(s["written"]) for s in samples["one_seed_edit"]],
            "pages_total": pages_total,
        },
    }


# -- the site -------------------------------------------------------------------


def measure_site(python: str, seeds_n: int, pages: int, reps: int, base: Path) -> dict:
    """The site, by Sphinx alone and by the extension, serially and with -j 2.

    The ``-j 2`` build of each rep goes into another output folder of the
    same project as that rep's serial build, and the two outputs are compared.
    """
    seeds, prose = base / "seeds", base / "prose"
    terms = generate.write_seeds(seeds, seeds_n)
    generate.write_prose(prose, terms, pages)
    for config in ("site_alone", "site_ext", "site_hand"):
        make_project(base / f"{config}-template", seeds, config, prose)
    builds = {
        "site_alone": copies(base / "site_alone-template", "site_alone"),
        "site_ext": copies(base / "site_ext-template", "site_ext"),
        "site_ext_j2": lambda rep: Build(
            base / f"site_ext-{rep}", out="html-j2", extra=("-j", "2")
        ),
        "site_hand": copies(base / "site_hand-template", "site_hand"),
    }
    samples = in_turns(python, reps, builds)
    entry: dict = {
        "seeds": seeds_n,
        "pages": pages,
        "prose_words": prose_words(prose),
        "builds": {c: figures(s) for c, s in samples.items()},
    }
    entry["builds"]["site_ext_j2"]["workers_maxrss_mib"] = summarise(
        [s["workers_maxrss_mib"] for s in samples["site_ext_j2"]]
    )
    entry["parallel"] = compare_reps(base, reps)
    return entry


def prose_words(prose: Path) -> dict:
    """Words per prose page (headings and titles included): min, median, max."""
    counts = [len(page.read_text().split()) for page in sorted(prose.glob("*.rst"))]
    return {
        "min": min(counts),
        "median": statistics.median(counts),
        "max": max(counts),
    }


def compare_reps(base: Path, reps: int) -> dict:
    """The serial and ``-j 2`` outputs of every rep, compared; first lines shown."""
    differing: set[str] = set()
    compared = 0
    for rep in range(reps):
        html = base / f"site_ext-{rep}" / "_build"
        result = compare_outputs(html / "html", html / "html-j2")
        compared = max(compared, result["compared"])
        differing.update(result["differing"])
        for line in result["first_lines"]:
            print(f"   -j 2 differs (rep {rep}): {line}", flush=True)
    return {
        "identical": not differing,
        "files_compared": compared,
        "differing": sorted(differing),
    }


def compare_outputs(serial: Path, parallel: Path, shown: int = 3) -> dict:
    """Compare every HTML page and :data:`COMPARED_FILES`, byte for byte.

    A file present in one output only differs too. For the first *shown*
    differing files, the first differing lines (cut to 200 characters) are
    returned in ``first_lines``.
    """
    names = {
        str(path.relative_to(root))
        for root in (serial, parallel)
        for pattern in ("**/*.html", f"{OUR_SCRIPTS}/**/*.js")
        for path in root.glob(pattern)
        if path.is_file()
    }
    names.update(n for n in COMPARED_FILES if (serial / n).exists())
    names.update(n for n in COMPARED_FILES if (parallel / n).exists())
    differing = sorted(
        name
        for name in names
        if not (serial / name).is_file()
        or not (parallel / name).is_file()
        or (serial / name).read_bytes() != (parallel / name).read_bytes()
    )
    first_lines = [
        line
        for name in differing[:shown]
        for line in _first_diff(serial, parallel, name)
    ]
    return {"compared": len(names), "differing": differing, "first_lines": first_lines}


def _first_diff(serial: Path, parallel: Path, name: str, lines: int = 6) -> list[str]:
    def read(root: Path) -> list[str]:
        path = root / name
        if not path.is_file():
            return ["<missing>"]
        return path.read_text(errors="replace").splitlines()

    diff = difflib.unified_diff(read(serial), read(parallel), "serial", "-j 2", n=0)
    return [f"{name}: {line[:200]}" for line in list(diff)[2 : 2 + lines]]


# -- analysis -------------------------------------------------------------------


def slope(sizes: list[int], values: list[float]) -> float:
    """Least-squares slope of log(value) against log(N)."""
    xs, ys = [math.log(n) for n in sizes], [math.log(v) for v in values]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def _median(results: dict, n: int, config: str, figure: str) -> float:
    return results["sizes"][str(n)]["builds"][config][figure]["median"]


def slopes(results: dict, sizes: list[int]) -> dict:
    """Slopes of (c) and (a'): time and peak memory, raw and above N = 0.

    ``memory`` is the slope of the raw peak RSS, which includes the
    interpreter and Sphinx and so flattens the slope; ``memory_above_empty``
    that of the peak minus the same configuration's peak on an empty project
    (N = 0); ``time_above_empty`` likewise for time.
    """
    out = {}
    for config in ("c", "a_links"):
        row = {}
        for figure, key in (("wall_s", "time"), ("maxrss_mib", "memory")):
            values = [_median(results, n, config, figure) for n in sizes]
            row[key] = slope(sizes, values)
            empty = _median(results, 0, config, figure)
            above = [v - empty for v in values]
            row[f"{key}_above_empty"] = slope(sizes, above) if min(above) > 0 else None
        out[config] = row
    return out


def ratio(builds: dict, config: str, base: str, figure: str) -> float:
    return builds[config][figure]["median"] / builds[base][figure]["median"]


def targets(results: dict) -> list[dict]:
    """Each of the issue's targets with what was measured and pass or fail."""
    measured: dict[str, float | None] = dict.fromkeys(k for k, _, _ in TARGETS)
    sizes = [int(n) for n in results["sizes"] if int(n)]
    if sizes:
        builds = results["sizes"][str(max(sizes))]["builds"]
        measured["c_over_a_links_time"] = ratio(builds, "c", "a_links", "wall_s")
        measured["c_over_a_links_memory"] = ratio(builds, "c", "a_links", "maxrss_mib")
    if "site" in results:
        builds = results["site"]["builds"]
        measured["site_time"] = ratio(builds, "site_ext", "site_alone", "wall_s")
        measured["site_memory"] = ratio(builds, "site_ext", "site_alone", "maxrss_mib")
    if "slopes" in results:
        measured["slope_c_time"] = results["slopes"]["c"]["time"]
        measured["slope_c_memory"] = results["slopes"]["c"]["memory"]
    rows = [
        {
            "key": key,
            "target": f"{what} <= {limit:.2f}",
            "measured": measured[key],
            "pass": None if measured[key] is None else measured[key] <= limit,
        }
        for key, what, limit in TARGETS
    ]
    if "site" in results:
        identical = results["site"]["parallel"]["identical"]
        rows.append(
            {
                "key": "site_j2_identical",
                "target": "site: -j 2 output identical to serial",
                "measured": identical,
                "pass": identical,
            }
        )
    return rows


# -- the run -------------------------------------------------------------------


def environment(python: str) -> dict:
    """The machine, and the versions of what --python builds with."""
    probe = (
        "import json, platform, sphinx\n"
        "try:\n    import seed_glossary as s; v = s.__version__; p = s.__file__\n"
        "except Exception as e:\n    v = p = repr(e)\n"
        "print(json.dumps({'python': platform.python_version(), "
        "'sphinx': sphinx.__version__, 'seed_glossary': v, 'from': p}))"
    )
    done = subprocess.run(
        [python, "-c", probe], capture_output=True, text=True, check=True
    )
    return {
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "interpreter": python,
        **json.loads(done.stdout),
    }


def run(
    sizes: list[int],
    reps: int,
    workdir: Path,
    python: str = sys.executable,
    site: tuple[int, int] | None = (300, 400),
) -> dict:
    """Every measurement; *site* is (seeds, pages), or None for no site."""
    results: dict = {
        "machine": environment(python),
        "load_before": os.getloadavg(),
        "reps": reps,
        "configs": {**CONFIGS, **SITE_CONFIGS},
        "sizes": {},
    }
    for n in [0, *sizes] if sizes else []:
        print(f"== N = {n}", flush=True)
        base = workdir / f"n{n}"
        shutil.rmtree(base, ignore_errors=True)
        results["sizes"][str(n)] = measure_size(python, n, reps, base)
    if site is not None:
        print(f"== site: {site[0]} seeds, {site[1]} pages", flush=True)
        base = workdir / "site"
        shutil.rmtree(base, ignore_errors=True)
        results["site"] = measure_site(python, *site, reps, base)
    if len(sizes) >= 2:
        results["slopes"] = slopes(results, sizes)
    results["targets"] = targets(results)
    results["load_after"] = os.getloadavg()
    return results


# -- writing --------------------------------------------------------------------


def write_outputs(results: dict, out: Path) -> None:
    """``results.json``, the plot if matplotlib is there, ``results.md``."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    image = None
    try:
        if results["sizes"]:
            plot(results, out / PLOT)
            image = PLOT
    except ImportError:
        print("matplotlib is not installed (the bench extra): no plot", flush=True)
    (out / "results.md").write_text(markdown(results, image))


def _spread(summary: dict, digits: int) -> str:
    return f"{summary['min']:.{digits}f}–{summary['max']:.{digits}f}"


def _row(label: str, figures_: dict, ratios: str = "") -> str:
    time_, memory = figures_["wall_s"], figures_["maxrss_mib"]
    return (
        f"| {label} | {time_['median']:.2f} | {_spread(time_, 2)} | "
        f"{memory['median']:.0f} | {_spread(memory, 0)} |{ratios}"
    )


def sizes_table(results: dict) -> list[str]:
    lines = [
        "| N | configuration | time s | min–max | peak MiB | min–max "
        "| time / (a') | memory / (a') |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n, entry in results["sizes"].items():
        builds = entry["builds"]
        for config, label in CONFIGS.items():
            ratios = " {:.2f} | {:.2f} |".format(
                ratio(builds, config, "a_links", "wall_s"),
                ratio(builds, config, "a_links", "maxrss_mib"),
            )
            lines.append(_row(f"{int(n):,} | {label}", builds[config], ratios))
    return lines


def _counts(values: list[int]) -> str:
    """Page counts over the reps: one figure when they agree, else min–max."""
    low, high = min(values), max(values)
    return f"{low}" if low == high else f"{low}–{high}"


def rebuild_table(results: dict) -> list[str]:
    lines = [
        "| N | rebuild of (c) | time s | min–max | peak MiB | min–max "
        "| pages read | pages written / total |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n, entry in results["sizes"].items():
        if "rebuild" not in entry:
            continue
        rebuild = entry["rebuild"]
        nochange, edit = rebuild["no_change"], rebuild["one_seed_edit"]
        lines.append(
            _row(f"{int(n):,} | nothing changed", nochange)
            + f" {_counts(nochange['pages_read'])} | |"
        )
        lines.append(
            _row(f"{int(n):,} | one seed edited, split by letter", edit)
            + f" {_counts(edit['pages_read'])} | "
            f"{_counts(edit['pages_written'])} / {edit['pages_total']} |"
        )
    return lines


def site_lines(site: dict) -> list[str]:
    words = site["prose_words"]
    lines = [
        f"Site: {site['seeds']} seeds and {site['pages']} prose pages of "
        f"{words['min']}–{words['max']} words (median {words['median']:.0f}).",
        "",
        "| configuration | time s | min–max | peak MiB | min–max |",
        "|---|---|---|---|---|",
    ]
    lines += [_row(label, site["builds"][c]) for c, label in SITE_CONFIGS.items()]
    workers = site["builds"]["site_ext_j2"]["workers_maxrss_mib"]
    parallel = site["parallel"]
    verdict = "identical" if parallel["identical"] else "NOT identical"
    lines += [
        "",
        "With -j 2, the peak is that of the main process; the largest worker "
        f"peaked at {workers['median']:.0f} MiB (median; pages shared with the "
        "main process are counted in both).",
        "",
        f"-j 2 against the serial build: {verdict}, "
        f"{parallel['files_compared']} files compared (every HTML page, "
        + ", ".join(f"`{name}`" for name in COMPARED_FILES)
        + ")"
        + (
            "; differing: " + ", ".join(f"`{d}`" for d in parallel["differing"][:20])
            if parallel["differing"]
            else ""
        )
        + ".",
    ]
    return lines


def targets_table(results: dict) -> list[str]:
    lines = ["| target | measured | |", "|---|---|---|"]
    for row in results["targets"]:
        value = row["measured"]
        shown = (
            "not measured"
            if value is None
            else str(value).lower()
            if isinstance(value, bool)
            else f"{value:.2f}"
        )
        verdict = {True: "pass", False: "FAIL", None: ""}[row["pass"]]
        lines.append(f"| {row['target']} | {shown} | {verdict} |")
    return lines


def slopes_lines(results: dict) -> list[str]:
    def fmt(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.2f}"

    lines = [
        "Log–log slopes over N = "
        + ", ".join(f"{int(n):,}" for n in results["sizes"] if int(n))
        + " (least squares). Raw: of the median time and peak memory. Above "
        "empty: of the median minus that configuration's median on an empty "
        "project (N = 0), which takes out Python's and Sphinx's fixed part.",
        "",
        "| configuration | time | memory | time above empty | memory above empty |",
        "|---|---|---|---|---|",
    ]
    for config, row in results["slopes"].items():
        lines.append(
            f"| {CONFIGS[config]} | {fmt(row['time'])} | {fmt(row['memory'])} | "
            f"{fmt(row['time_above_empty'])} | {fmt(row['memory_above_empty'])} |"
        )
    return lines


def markdown(results: dict, image: str | None = None) -> str:
    """``results.md``: builds by size, rebuilds, the site, targets, slopes.

    *image*, the plot's file name, is shown after the builds by size (the
    manual includes this file with ``:relative-images:``).
    """
    machine = results["machine"]
    lines = []
    if results["sizes"]:
        lines += ["### Builds by size", "", *sizes_table(results), ""]
    if image:
        names = ", ".join(name.split(" ", 1)[0] for name in CONFIGS.values())
        alt = f"Build time and peak memory against N, log–log, for {names}"
        lines += [f"![{alt}]({image})", ""]
    if results["sizes"]:
        lines += ["### Rebuilds", "", *rebuild_table(results), ""]
    if "site" in results:
        lines += ["### The site", "", *site_lines(results["site"]), ""]
    lines += ["### Targets", "", *targets_table(results), ""]
    if "slopes" in results:
        lines += ["### Slopes", "", *slopes_lines(results), ""]
    lines += [
        f"Medians of {results['reps']} builds per figure, the configurations "
        f"taking turns. Python {machine['python']}, Sphinx {machine['sphinx']}, "
        f"sphinx-seed-glossary {machine['seed_glossary']}, {machine['cpus']} CPUs, "
        f"{machine['platform']}; load average "
        f"{results['load_before'][0]:.1f} before, {results['load_after'][0]:.1f} "
        "after.",
        "",
    ]
    return "\n".join(lines)


def plot(results: dict, path: Path) -> None:
    """Time and peak memory against N, log–log, one line per configuration."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, NullFormatter

    # Plain numbers (2, 5, 10, 200) on the log axes, not powers of ten.
    plain = FuncFormatter(lambda value, _position: f"{value:g}")

    sizes = [int(n) for n in results["sizes"] if int(n)]
    fig, axes = plt.subplots(1, 2, figsize=(10, 4), dpi=120)
    panels = (("wall_s", "build wall time (s)"), ("maxrss_mib", "peak RSS (MiB)"))
    for ax, (figure, label) in zip(axes, panels, strict=True):
        for config, name in CONFIGS.items():
            medians = [_median(results, n, config, figure) for n in sizes]
            style = "--" if config == "a_links" else "-"
            ax.plot(sizes, medians, style, marker="o", label=name)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.xaxis.set_major_formatter(plain)
        ax.xaxis.set_minor_formatter(NullFormatter())  # the sizes are decades
        ax.yaxis.set_major_formatter(plain)
        ax.yaxis.set_minor_formatter(plain)
        ax.set_xlabel("seeds (N)")
        ax.set_ylabel(label)
        ax.grid(True, which="both", alpha=0.3)
    axes[0].legend(fontsize="small")
    fig.suptitle("sphinx-build time and peak memory against glossary size")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 10000])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--site-seeds", type=int, default=300)
    parser.add_argument("--site-pages", type=int, default=400)
    args = parser.parse_args(argv)
    if args.reps < 1 or any(n < 1 for n in args.sizes):
        parser.error("--reps and --sizes must be at least 1")
    site = (args.site_seeds, args.site_pages) if args.site_pages else None
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        results = run(sorted(set(args.sizes)), args.reps, workdir, args.python, site)
    write_outputs(results, args.out)
    print((args.out / "results.md").read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
