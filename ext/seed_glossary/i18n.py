"""The extension's message catalog: ``_`` for text that ends up in the output.

Bound to ``locales/`` in :func:`seed_glossary.setup` (``add_message_catalog``),
as ``sphinx.ext.todo`` does. ``make locales`` extracts the messages.
"""

from __future__ import annotations

from sphinx.locale import get_translation

MESSAGE_CATALOG = "seed_glossary"

#: Output labels such as "Referenced from:", translated into the manual's language.
_ = get_translation(MESSAGE_CATALOG)
