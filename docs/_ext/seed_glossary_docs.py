"""Pages of the manual generated from the code: config values and warnings.

``seed-glossary-config`` lists every ``seed_glossary_*`` value of
:data:`seed_glossary.config_values.CONFIG_VALUES`; ``seed-glossary-warnings`` lists
every warning subtype of :data:`seed_glossary.model.WARNING_HELP`. Both write
MyST Markdown and parse it in place, so the reference never drifts from the
code.

The example manuals in other languages (``_examples/languages/<code>``) are
built, each with its own ``language``, into ``examples/<code>/`` of the HTML
output when the manual is: the languages page shows them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from seed_glossary.autolink import NOT_LINKED_REASONS
from seed_glossary.config_types import ConfigValue
from seed_glossary.config_values import CONFIG_VALUES
from seed_glossary.model import WARNING_HELP

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def shown(value: object) -> str:
    """A default as it is written in ``conf.py``."""
    if value is None or isinstance(value, bool):
        return repr(value)
    return json.dumps(list(value) if isinstance(value, tuple) else value)


def _types(value: ConfigValue) -> str:
    names = sorted("None" if t is type(None) else t.__name__ for t in value.types)
    return " or ".join(f"`{name}`" for name in names)


def config_markdown() -> list[str]:
    """Every config value as a MyST definition list item."""
    lines: list[str] = []
    for value in CONFIG_VALUES:
        rebuild = f"`{value.rebuild}`" if value.rebuild else "nothing"
        lines += [
            f"(conf-{value.name})=",
            f"`{value.name}`",
            f": **Type:** {_types(value)}. **Default:** `{shown(value.default)}`. "
            f"**Allowed:** {value.allowed}. **A change rebuilds:** {rebuild}.",
            "",
            f"  {value.help}",
            "",
        ]
    return lines


def warnings_markdown() -> list[str]:
    """Every warning subtype, with what it means, as a MyST table."""
    lines = ["| Subtype | Meaning |", "| --- | --- |"]
    lines += [f"| `{subtype}` | {text} |" for subtype, text in WARNING_HELP.items()]
    return lines


def reasons_markdown() -> list[str]:
    """Every reason of the link report's ``not_linked``, as a MyST table."""
    lines = ["| Reason | The mention stayed plain because |", "| --- | --- |"]
    lines += [f"| `{reason}` | {text} |" for reason, text in NOT_LINKED_REASONS.items()]
    return lines


class _Generated(SphinxDirective):
    def lines(self) -> list[str]:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        container = nodes.container()
        self.state.nested_parse(StringList(self.lines(), "<generated>"), 0, container)
        return list(container.children)


class ConfigReference(_Generated):
    def lines(self) -> list[str]:
        return config_markdown()


class WarningsReference(_Generated):
    def lines(self) -> list[str]:
        return warnings_markdown()


class ReasonsReference(_Generated):
    def lines(self) -> list[str]:
        return reasons_markdown()


EXAMPLES = Path(__file__).parent.parent / "_examples" / "languages"


def build_examples(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: each example manual into ``examples/<code>/``.

    A manual of its own per language (Sphinx's ``language`` is one per
    build), built in a process of its own with ``-W``, all at once: their
    warnings fail the manual's build too.
    """
    # The pages that link them exist in these builders only (languages.md).
    if exception is not None or app.builder.name not in ("html", "singlehtml"):
        return
    sources = sorted(p for p in EXAMPLES.iterdir() if (p / "conf.py").is_file())
    running = []
    for source in sources:
        command = [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "-q",
            "-b",
            "html",
            "-d",
            str(Path(app.doctreedir, "examples", source.name)),
            str(source),
            str(Path(app.outdir, "examples", source.name)),
        ]
        running.append(
            subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )
        )
    failed = []
    for source, process in zip(sources, running, strict=True):
        output, _ = process.communicate()
        if process.returncode:
            failed.append(f"example manual {source.name} failed:\n{output}")
    if failed:
        raise ExtensionError("\n".join(failed))


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("build-finished", build_examples)
    app.add_directive("seed-glossary-config", ConfigReference)
    app.add_directive("seed-glossary-warnings", WarningsReference)
    app.add_directive("seed-glossary-reasons", ReasonsReference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
