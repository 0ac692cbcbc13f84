"""Build the optional compiled reader (``section16.read._xml_c``); everything else is in pyproject.toml.

The extension walks lxml's tree through lxml's public C API, so it is built against the lxml headers.
It is optional: where it cannot be built (no C compiler), the install still succeeds and the reader
uses its pure-Python path, which gives the same Filing more slowly.
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
    )
]

setup(ext_modules=cythonize(extensions, quiet=True))
