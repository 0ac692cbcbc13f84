"""The rendered readers' modules compiled (Cython, each ``.py`` as it is), used only where they are fresh.

``setup.py`` compiles the modules named in :data:`COMPILED` (the shared form reader, the HTML,
Markdown and text front ends, the laid-out table reader and the PDF front end: what a page spends
its time in) into extension modules beside their sources. They are the same modules, run without
the interpreter's dispatch (about a sixth of a reading's time): every reading is the same
(``tests/read/rendered/test_compiled.py`` reads the fixture pages both ways).

An extension module built from a source that was edited since is stale, and Python's own import
would still prefer it to the source: so each of these modules is looked up here first, and its
extension is used only when it is newer than its source; otherwise the source is imported.
``SECTION16_PURE_PYTHON=1`` imports every source (to profile them, or to test the Python).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

#: The package whose modules are compiled, and those modules (``setup.py`` builds these).
PACKAGE = __name__.rpartition(".")[0]
COMPILED = (
    "blocks",
    "box_one",
    "box_one_street",
    "boxes",
    "cells",
    "column_blocks",
    "dashed_rows",
    "flowing_rows",
    "flowing_table",
    "form",
    "form_index",
    "html",
    "layout",
    "layout_browser_rows",
    "layout_cells",
    "layout_fit",
    "layout_grid",
    "layout_heading",
    "layout_lines",
    "layout_pages",
    "layout_rows",
    "layout_ties",
    "layout_titles",
    "layout_units",
    "layout_words",
    "markdown",
    "markdown_lines",
    "markdown_pdf",
    "markdown_rows",
    "owners_joined",
    "pandoc_grid",
    "pdf",
    "pdf_cells",
    "pdf_notes",
    "pdf_owners",
    "pdf_pdfium",
    "ruled",
    "spaced_rows",
    "tables",
    "text",
    "text_boxes",
    "text_clipped",
    "text_find",
    "text_guards",
    "text_lines",
    "text_normal",
    "text_notes",
    "value_guards",
    "values",
)
_HERE = Path(__file__).resolve().parent
_PURE = bool(os.environ.get("SECTION16_PURE_PYTHON"))


def fresh_extension(source: Path) -> Path | None:
    """The extension module built beside ``source`` (``form.py`` -> ``form.cpython-311-...so``), when
    there is one newer than the source; None otherwise (none built, or the source edited since)."""
    try:
        edited = source.stat().st_mtime
    except OSError:
        return None
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        built = source.with_name(source.stem + suffix)
        try:
            if built.stat().st_mtime > edited:
                return built
        except OSError:
            continue
    return None


class _FreshFinder(importlib.abc.MetaPathFinder):
    """Finds this package's compiled modules: the extension where it is fresh, else the source."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        package, _dot, name = fullname.rpartition(".")
        if package != PACKAGE or name not in COMPILED:
            return None
        source = _HERE / f"{name}.py"
        built = None if _PURE else fresh_extension(source)
        if built is not None:
            loader = importlib.machinery.ExtensionFileLoader(fullname, str(built))
            return importlib.util.spec_from_file_location(fullname, built, loader=loader)
        if not source.is_file():
            return None  # (left to Python's own import, which says what is wrong)
        return importlib.util.spec_from_file_location(fullname, source)


def install() -> None:
    """Put the finder first on the import path (once)."""
    if not any(isinstance(f, _FreshFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _FreshFinder())


def compiled_modules() -> dict[str, bool]:
    """Each of :data:`COMPILED` that is imported: whether it runs compiled."""
    out = {}
    for name in COMPILED:
        module = sys.modules.get(f"{PACKAGE}.{name}")
        if module is not None:
            out[name] = not str(getattr(module, "__file__", "")).endswith(".py")
    return out


if PACKAGE:  # (not when read as a file of its own)
    install()
