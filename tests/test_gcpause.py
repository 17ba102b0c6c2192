"""The collector is paused and frozen during a build, and left as found after."""

from __future__ import annotations

import gc
import shutil

import pytest

from .helpers import build


@pytest.mark.parametrize("freeze", [True, False])
def test_collector_left_as_found(freeze, tmp_path, rootdir, monkeypatch):
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-autolink", src)
    calls = {"freeze": 0, "unfreeze": 0}
    real_freeze, real_unfreeze = gc.freeze, gc.unfreeze

    def counting(name, real):
        def call():
            calls[name] += 1
            real()

        return call

    monkeypatch.setattr(gc, "freeze", counting("freeze", real_freeze))
    monkeypatch.setattr(gc, "unfreeze", counting("unfreeze", real_unfreeze))
    frozen_before = gc.get_freeze_count()
    app = build(src, confoverrides={"seed_glossary_gc_freeze": freeze})
    assert app.statuscode == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen_before
    if freeze:
        # The directive, env-updated and each written page's resolution.
        assert calls["freeze"] >= 3
        assert calls["unfreeze"] == 1
    else:
        assert calls == {"freeze": 0, "unfreeze": 0}
