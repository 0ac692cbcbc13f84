"""section16: read, check, write, collect, store and explore SEC insider filings (Forms 3, 4 and 5).

The public face::

    import section16
    filing = section16.parse("0000320193-20-000011.xml")
    filing.reporting_owners[0].name, filing.non_derivative_transactions[0].shares.value
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from . import samples
from .check import Finding, check, check_xml
from .errors import ParseError, Section16Error, UnsupportedFormatError
from .model import PARSER_VERSION, Filing, Value
from .read import parse, parse_bytes
from .write.render import render

if TYPE_CHECKING:
    from .store import Store

__version__ = "0.1.0"


def open(db: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
    """Open the store: the embedded DuckDB file by default, or PostgreSQL by ``postgresql://`` URL.

    Imported on first use so that ``import section16`` stays light for readers of single filings.
    """
    from .store import open_store

    return open_store(db, read_only=read_only)


__all__ = [
    "PARSER_VERSION",
    "Filing",
    "Finding",
    "ParseError",
    "Section16Error",
    "UnsupportedFormatError",
    "Value",
    "__version__",
    "check",
    "check_xml",
    "open",
    "parse",
    "parse_bytes",
    "render",
    "samples",
]
