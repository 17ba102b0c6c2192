"""sphinx-seed-glossary: turn seed files into a real Sphinx glossary."""

from __future__ import annotations

__version__ = "0.1.0"
