"""The collector is paused and frozen during a build, and given back after."""

from __future__ import annotations

import gc
import shutil

import pytest

from seed_glossary.gcpause import release_previous_build

from .helpers import build, copy_root


@pytest.fixture
def freeze_calls(monkeypatch):
    """Count calls of gc.freeze and gc.unfreeze (which still do their work)."""
    release_previous_build(None)  # an earlier test's build
    calls = {"freeze": 0, "unfreeze": 0}

    def counting(name):
        real = getattr(gc, name)

        def call():
            calls[name] += 1
            real()

        monkeypatch.setattr(gc, name, call)

    counting("freeze")
    counting("unfreeze")
    return calls


@pytest.mark.parametrize("freeze", [True, False])
def test_collector_frozen_until_next_build(freeze, freeze_calls, tmp_path, rootdir):
    for name in ("first", "second"):
        shutil.copytree(rootdir / "test-autolink", tmp_path / name)
    settings = {"seed_glossary_gc_freeze": freeze}

    app = build(tmp_path / "first", confoverrides=settings)
    assert app.statuscode == 0
    assert gc.isenabled()
    if not freeze:
        assert freeze_calls == {"freeze": 0, "unfreeze": 0}
        return
    # The directive, env-updated and each written page's resolution froze;
    # the frozen objects stay so until the next build starts (interpreter
    # exit then skips freeing them).
    assert freeze_calls["freeze"] >= 3
    assert freeze_calls["unfreeze"] == 0
    assert gc.get_freeze_count() > 0

    app = build(tmp_path / "second", confoverrides=settings)
    assert app.statuscode == 0
    assert gc.isenabled()
    # The second build released the first one's objects before freezing its own.
    assert freeze_calls["unfreeze"] == 1
    assert freeze_calls["freeze"] >= 6


def test_release_without_a_seed_glossary(freeze_calls, tmp_path, rootdir):
    """A build of a project with no seeds still releases an earlier freeze."""
    shutil.copytree(rootdir / "test-autolink", tmp_path / "seeds")
    assert build(tmp_path / "seeds").statuscode == 0
    assert gc.get_freeze_count() > 0
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "conf.py").write_text("extensions = ['seed_glossary']\n")
    (plain / "index.rst").write_text("Plain\n=====\n\nNo glossary here.\n")
    assert build(plain).statuscode == 0
    assert freeze_calls["unfreeze"] == 1
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("freeze", [True, False])
def test_collection_held_between_env_updated_handlers(
    freeze, freeze_calls, tmp_path, rootdir
):
    """Off while env-updated handlers add long-lived objects; on once frozen."""
    src = copy_root(
        rootdir,
        "test-autolink",
        tmp_path / "src",
        "\nimport gc\nseen = {}\n\n"
        "def setup(app):\n"
        "    app.connect('env-updated', lambda app, env: seen.setdefault("
        "'env-updated', set()).add(gc.isenabled()))\n"
        "    app.connect('doctree-resolved', lambda app, doctree, docname: "
        "seen.setdefault('doctree-resolved', set()).add(gc.isenabled()))\n",
    )
    app = build(src, confoverrides={"seed_glossary_gc_freeze": freeze})
    assert app.statuscode == 0
    seen = app.config._raw_config["seen"]
    assert seen == {"env-updated": {not freeze}, "doctree-resolved": {True}}
    assert gc.isenabled()
