"""Property tests: the reader never raises and never loses a line."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seed_glossary.ingest import read_seeds
from seed_glossary.ingest.decode import decode_seed

from .conftest import PROJECT_SEEDS, SAMPLE_SEEDS
from .helpers import conservation_errors

SAMPLE_LINES = sorted(
    {
        line
        for folder in (SAMPLE_SEEDS, PROJECT_SEEDS)
        for path in folder.glob("*.txt")
        for _, line in decode_seed(path.read_bytes()).numbered()
    }
)
MARKUP = [
    ".. raw:: html",
    "<script>alert(1)</script>",
    "```{eval-rst}",
    "|subst| and :ref:`x` and `code`",
    "<img src=x onerror=alert(1)>",
    "Skip to main content",
    "",
]
line_text = st.one_of(st.sampled_from(SAMPLE_LINES + MARKUP), st.text(max_size=80))
EXAMPLES = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@EXAMPLES
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "seed.txt"
    path.write_bytes(data)
    (entry,) = read_seeds([path])
    if entry.term is None:
        assert entry.problems


@EXAMPLES
@given(
    lines=st.lists(line_text, max_size=25),
    ending=st.sampled_from(["\n", "\r\n", "\r"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig"]),
)
def test_mixtures_of_real_lines_keep_every_line(
    tmp_path_factory, lines, ending, encoding
):
    path: Path = tmp_path_factory.mktemp("mix") / "seed.txt"
    path.write_bytes(ending.join(lines).encode(encoding, errors="replace"))
    (entry,) = read_seeds([path])
    assert conservation_errors(path, entry) == []
    # deterministic
    assert read_seeds([path]) == [entry]
