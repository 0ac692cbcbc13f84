"""Build the optional compiled readers; everything else is in pyproject.toml.

``section16.read._xml_c`` walks lxml's tree through lxml's public C API, so it is built against the
lxml headers; ``section16.read._envelope_c`` reads the lines of a submission's header;
``section16.read.rendered._pdf_runs_c`` groups a PDF page's characters, calling PDFium through the
addresses pypdfium2 loaded; ``section16.read.rendered._layout_cells_c`` searches a laid-out table row's
cut into cells; and the rendered readers' modules named in ``section16.read.rendered._compiled`` are
compiled as they are (Cython, pure-Python mode), used where newer than their sources. All are
optional: where they cannot be built (no C compiler), the install
still succeeds and the readers use their pure-Python paths, which give the same Filing more slowly.
"""

from __future__ import annotations

import ast
from pathlib import Path

import lxml
from Cython.Build import cythonize
from setuptools import Extension, setup

extensions = [
    Extension(
        "section16.read._xml_c",
        ["src/section16/read/_xml_c.pyx"],
        include_dirs=lxml.get_include(),
        optional=True,
    ),
    Extension("section16.read._envelope_c", ["src/section16/read/_envelope_c.pyx"], optional=True),
    Extension(
        "section16.read.rendered._layout_cells_c", ["src/section16/read/rendered/_layout_cells_c.pyx"], optional=True
    ),
    Extension(
        "section16.read.rendered._pdf_runs_c",
        ["src/section16/read/rendered/_pdf_runs_c.pyx"],
        libraries=["m"],
        optional=True,
    ),
]

# The rendered readers' own modules, compiled as they are: their type hints are not C types (kept
# Python); their C files go to build/, not beside them.
# (The list is read from the finder's module, not imported: that module installs an import hook.)
_finder = ast.parse(Path("src/section16/read/rendered/_compiled.py").read_text())
COMPILED: tuple[str, ...] = next(
    ast.literal_eval(node.value)
    for node in _finder.body
    if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "COMPILED" for t in node.targets)
)

modules = [
    Extension(f"section16.read.rendered.{name}", [f"src/section16/read/rendered/{name}.py"], optional=True)
    for name in COMPILED
]
directives = {"language_level": 3, "annotation_typing": False, "binding": True}

setup(
    ext_modules=cythonize(extensions, quiet=True)
    + cythonize(modules, quiet=True, compiler_directives=directives, build_dir="build")
)
