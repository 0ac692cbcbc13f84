"""Build the optional compiled readers; everything else is in pyproject.toml.

``section16.read._xml_c`` walks lxml's tree through lxml's public C API, so it is built against the
lxml headers; ``section16.read._envelope_c`` reads the lines of a submission's header;
``section16.read.rendered._pdf_runs_c`` groups a PDF page's characters, calling PDFium through the
addresses pypdfium2 loaded; ``section16.read.rendered._layout_cells_c`` searches a laid-out table row's
cut into cells. All are optional: where they cannot be built (no C compiler), the install
still succeeds and the readers use their pure-Python paths, which give the same Filing more slowly.
"""

from __future__ import annotations

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

setup(ext_modules=cythonize(extensions, quiet=True))
