"""``make bench``: what the extension costs over a hand-written glossary.

For each N (default 100, 1,000, 10,000 seeds) it builds, on this machine, in
one run:

(a) baseline: a hand-written ``.. glossary::`` page with the same entries;
(a') the same page with the links that (c) makes written by hand as ``:term:``
     roles: what Sphinx itself costs for that many links;
(b) the extension, autolinking off;
(c) the extension, autolinking in the glossary (the default);
(d) 50 prose pages of about 2,000 words, autolinking on every page, against
    (a) plus the same prose pages plain.

Each build is a fresh ``sphinx-build`` process (wall time measured here, peak
RSS reported by the child). It also measures seed reading (seeds/s), autolink
scanning (MB/s), a rebuild with nothing changed and a rebuild after editing
one seed. Results go to ``docs/performance/``: ``results.json``,
``results.md`` and ``time-vs-n.png``.

    python tests/bench/run.py [--sizes 100 1000 10000] [--reps 3] [--workdir DIR]
"""

from __future__ import annotations

import argparse
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

from seed_glossary.catalog import build_catalog  # noqa: E402
from seed_glossary.ingest import discover, read_seeds  # noqa: E402
from seed_glossary.ingest.signals import line_signals  # noqa: E402
from seed_glossary.matching import TermMatcher  # noqa: E402
from seed_glossary.render import item_key  # noqa: E402

OUT = ROOT / "docs" / "performance"
CONFIGS = {
    "a": "baseline: hand-written glossary",
    "a_links": "baseline with the same links written by hand",
    "b": "extension, autolinking off",
    "c": "extension, autolinking in the glossary",
    "d_base": "baseline + 50 prose pages",
    "d": "extension + 50 prose pages, autolinking everywhere",
}


# -- projects -----------------------------------------------------------------


def glossary_rst(seeds: Path, links: bool = False) -> str:
    """The same entries as the extension makes, written by hand in rST.

    With *links*, mentions of other terms become ``:term:`` roles by the
    rules autolinking follows: the first mention of each term per entry,
    never the entry itself, the longest name first.
    """
    items, _problems = build_catalog(read_seeds(discover(seeds)))
    matcher = None
    if links:
        names: dict[str, str] = {}
        for item in items:
            for name in item.names:
                names.setdefault(name, item_key(item))
        matcher = TermMatcher(names)
    out = ["Glossary", "========", "", ".. glossary::", "   :sorted:", ""]
    for item in items:
        out += [f"   {name}" for name in item.names]
        # Counts as mentioned from the start: an entry never links to itself.
        mentioned = {item_key(item)}
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
            body.append(
                ".. seealso:: " + ", ".join(f":term:`{t}`" for t in item.see_also)
            )
        for paragraph in body:
            out += [f"      {paragraph}", ""]
    return "\n".join(out)


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
    path: Path, seeds: Path, config: str, prose: Path | None, split: bool = False
) -> None:
    path.mkdir(parents=True)
    conf = ["project = 'bench'", "exclude_patterns = ['_build']"]
    if config.startswith("a") or config == "d_base":
        (path / "glossary.rst").write_text(glossary_rst(seeds, config == "a_links"))
    else:
        autolink = {"b": "False", "c": "'glossary'", "d": "'all'"}[config]
        conf += [
            "extensions = ['seed_glossary']",
            f"seed_glossary_seeds = {str(seeds)!r}",
            f"seed_glossary_autolink = {autolink}",
            "suppress_warnings = ['seed_glossary.uncertain']",
        ]
        if split:
            conf.append("seed_glossary_split = 'letter'")
        (path / "glossary.rst").write_text("Glossary\n========\n\n.. seed-glossary::\n")
    pages = ["glossary"]
    if prose is not None:
        for page in sorted(prose.glob("*.rst")):
            shutil.copy(page, path / page.name)
            pages.append(page.stem)
    toctree = "\n".join(f"   {p}" for p in pages)
    (path / "index.rst").write_text(f"Bench\n=====\n\n.. toctree::\n\n{toctree}\n")
    (path / "conf.py").write_text("\n".join(conf) + "\n")


# -- measuring ----------------------------------------------------------------


def sphinx_build(project: Path, extra: list[str] = ()) -> dict:
    """Build once in a child process; wall seconds, peak MiB, pages read."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result_file = handle.name
    command = [
        sys.executable,
        str(HERE / "build_one.py"),
        result_file,
        "-b",
        "html",
        "-d",
        str(project / "_build" / "doctrees"),
        *extra,
        str(project),
        str(project / "_build" / "html"),
    ]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    result = json.loads(Path(result_file).read_text())
    os.unlink(result_file)
    if result["status"] != 0:
        raise SystemExit(f"build of {project} failed:\n{done.stdout}\n{done.stderr}")
    counts = re.search(r"(\d+) added, (\d+) changed, (\d+) removed", done.stdout)
    written = re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", done.stdout)
    return {
        "wall_s": wall,
        "maxrss_mib": result["maxrss_kib"] / 1024,
        "read": sum(int(n) for n in counts.groups()[:2]) if counts else 0,
        "written": written,
    }


def summarise(values: list[float]) -> dict:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": values,
    }


def reading_rate(seeds: Path, reps: int) -> float:
    paths = discover(seeds)
    times = []
    for _ in range(reps):
        line_signals.cache_clear()  # every run starts cold, as a build does
        start = time.perf_counter()
        read_seeds(paths)
        times.append(time.perf_counter() - start)
    return len(paths) / statistics.median(times)


def scan_rate(seeds: Path, prose: Path, reps: int) -> dict:
    items, _ = build_catalog(read_seeds(discover(seeds)))
    matcher = TermMatcher(
        {name: item.names[0] for item in items for name in item.names}
    )
    paragraphs = [
        p
        for page in sorted(prose.glob("*.rst"))
        for p in page.read_text().split("\n\n")
    ]
    size = sum(len(p.encode()) for p in paragraphs)
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        for paragraph in paragraphs:
            matcher.find(paragraph)
        times.append(time.perf_counter() - start)
    return {"mb_per_s": size / 1e6 / statistics.median(times), "text_mb": size / 1e6}


def slope(sizes: list[int], seconds: list[float]) -> float:
    xs, ys = [math.log(n) for n in sizes], [math.log(t) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


# -- the run -------------------------------------------------------------------


def run(sizes: list[int], reps: int, workdir: Path) -> dict:
    results: dict = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "reps": reps,
        "sizes": {},
    }
    for n in sizes:
        print(f"== N = {n}", flush=True)
        base = workdir / f"n{n}"
        shutil.rmtree(base, ignore_errors=True)
        seeds = base / "seeds"
        terms = generate.write_seeds(seeds, n)
        prose = base / "prose"
        prose.mkdir()
        generate.write_prose(prose, terms)
        entry: dict = {"builds": {}}
        samples: dict[str, list[dict]] = {config: [] for config in CONFIGS}
        # The configurations take turns, rep after rep: a machine that is
        # slower for a while (a shared one often is) slows each of them alike,
        # instead of the one that happens to run then.
        for rep in range(reps):
            for config in CONFIGS:
                project = base / f"{config}-{rep}"
                with_prose = prose if config.startswith("d") else None
                make_project(project, seeds, config, with_prose)
                samples[config].append(sphinx_build(project))
                print(
                    f"   {config} rep {rep}: {samples[config][-1]['wall_s']:.2f} s",
                    flush=True,
                )
        for config in CONFIGS:
            entry["builds"][config] = {
                "wall_s": summarise([s["wall_s"] for s in samples[config]]),
                "maxrss_mib": summarise([s["maxrss_mib"] for s in samples[config]]),
            }
        builds = entry["builds"]
        # ratio name -> (build, the build it is compared with)
        compared = {
            "b": ("b", "a"),
            "c": ("c", "a"),
            "d": ("d", "d_base"),
            "a_links": ("a_links", "a"),
            "c_over_b": ("c", "b"),  # what autolinking adds to the glossary
        }
        entry["ratios"] = {
            name: {
                "time": builds[build]["wall_s"]["median"]
                / builds[base_]["wall_s"]["median"],
                "memory": builds[build]["maxrss_mib"]["median"]
                / builds[base_]["maxrss_mib"]["median"],
            }
            for name, (build, base_) in compared.items()
        }
        entry["reading_seeds_per_s"] = reading_rate(seeds, reps)
        entry["autolink_scan"] = scan_rate(seeds, prose, reps)
        project = base / "c-0"
        nochange = sphinx_build(project)
        # The edit is measured on a split glossary (a page per letter).
        split_project = base / "c-split"
        make_project(split_project, seeds, "c", None, split=True)
        split_first = sphinx_build(split_project)
        victim = seeds / "00000.txt"
        victim.write_text(victim.read_text().replace(" is ", " is also ", 1))
        edit = sphinx_build(split_project)
        entry["rebuild"] = {
            "no_change": {"wall_s": nochange["wall_s"], "pages_read": nochange["read"]},
            "split_first_build_s": split_first["wall_s"],
            "one_seed_edit": {
                "wall_s": edit["wall_s"],
                "pages_read": edit["read"],
                "pages_written": edit["written"],
                "pages_total": split_first["read"],
            },
        }
        results["sizes"][str(n)] = entry
    if len(sizes) >= 2:
        results["slopes"] = {
            config: slope(
                sizes,
                [
                    results["sizes"][str(n)]["builds"][config]["wall_s"]["median"]
                    for n in sizes
                ],
            )
            for config in ("a", "b", "c")
        }
    return results


def write_outputs(results: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (out / "results.md").write_text(markdown_table(results))
    plot(results, out / "time-vs-n.png")


def markdown_table(results: dict) -> str:
    lines = [
        "| N | (a) baseline s | (b) no autolink s | (c) autolink s | "
        "(a') baseline + links by hand s | (b)/(a) time | "
        "(b)/(a) memory | (c)/(a) time | (c)/(b) time | (d)/(a+prose) time | "
        "seeds/s | scan MB/s | no-change rebuild s (pages read) | "
        "one-seed edit, split s (pages read / written / total) |",
        "|" + "---|" * 14,
    ]
    for n, entry in results["sizes"].items():
        builds, ratios = entry["builds"], entry["ratios"]
        cell = {
            config: "{median:.2f} ({min:.2f}–{max:.2f})".format(
                **builds[config]["wall_s"]
            )
            for config in ("a", "b", "c", "a_links")
        }
        rebuild = entry["rebuild"]
        nochange, edit = rebuild["no_change"], rebuild["one_seed_edit"]
        lines.append(
            f"| {int(n):,} | {cell['a']} | {cell['b']} | {cell['c']} | "
            f"{cell['a_links']} | "
            f"{ratios['b']['time']:.2f} | {ratios['b']['memory']:.2f} | "
            f"{ratios['c']['time']:.2f} | {ratios['c_over_b']['time']:.2f} | "
            f"{ratios['d']['time']:.2f} | "
            f"{entry['reading_seeds_per_s']:,.0f} | "
            f"{entry['autolink_scan']['mb_per_s']:.1f} | "
            f"{nochange['wall_s']:.2f} ({nochange['pages_read']}) | "
            f"{edit['wall_s']:.2f} ({edit['pages_read']} / "
            f"{len(edit['pages_written'])} / {edit['pages_total']}) |"
        )
    if "slopes" in results:
        slopes = results["slopes"]
        lines += [
            "",
            "Slope of log(time) against log(N): "
            f"(a) {slopes['a']:.2f}, (b) {slopes['b']:.2f}, (c) {slopes['c']:.2f}.",
        ]
    machine = results["machine"]
    lines += [
        "",
        f"Medians of {results['reps']} runs (min–max in brackets); Python "
        f"{machine['python']}, {machine['cpus']} CPUs, {machine['platform']}.",
        "",
    ]
    return "\n".join(lines)


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [int(n) for n in results["sizes"]]
    fig, ax = plt.subplots(figsize=(6, 4), dpi=120)
    for config in ("a", "b", "c", "a_links"):
        medians = [
            results["sizes"][str(n)]["builds"][config]["wall_s"]["median"]
            for n in sizes
        ]
        label = "(a')" if config == "a_links" else f"({config})"
        style = "--" if config == "a_links" else "-"
        ax.plot(sizes, medians, style, marker="o", label=f"{label} {CONFIGS[config]}")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("seeds (N)")
    ax.set_ylabel("build wall time (s)")
    ax.set_title("sphinx-build time against glossary size")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        results = run(args.sizes, args.reps, workdir)
    write_outputs(results, args.out)
    print((args.out / "results.md").read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
