"""The manual's reference is generated from the code's tables, and complete."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).parents[1]


def test_every_config_value_and_warning_is_in_the_generated_reference():
    """reference.md lists config values and warnings from the code's tables."""
    sys.path.insert(0, str(REPO / "docs" / "_ext"))
    try:
        import seed_glossary_docs as docs
    finally:
        sys.path.pop(0)
    from seed_glossary.config_values import CONFIG_VALUES
    from seed_glossary.model import WarningSubtype

    reference = (REPO / "docs" / "reference.md").read_text()
    assert "```{seed-glossary-config}" in reference
    assert "```{seed-glossary-warnings}" in reference
    config = "\n".join(docs.config_markdown())
    for value in CONFIG_VALUES:
        assert f"`{value.name}`\n: **Type:**" in config, value.name
        assert f"**Default:** `{docs.shown(value.default)}`" in config, value.name
        assert value.help in config
    warnings = "\n".join(docs.warnings_markdown())
    for subtype in WarningSubtype:
        assert f"| `{subtype}` |" in warnings, subtype
