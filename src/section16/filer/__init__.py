"""A filer's input: a short YAML (or JSON) description of a Form 3, 4 or 5 -> Filing.

See docs/filer-input.md. ``load_filing(path)`` reads a file, ``filing_from_text(text)`` a string.
"""

from __future__ import annotations

from .yaml_input import filing_from_text, load_filing

__all__ = ["filing_from_text", "load_filing"]
