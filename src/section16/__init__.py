"""section16: read, check, write, collect, store and explore SEC insider filings (Forms 3, 4 and 5).

The public face::

    import section16
    filing = section16.parse("0000320193-20-000011.xml")
    filing.reporting_owners[0].name, filing.non_derivative_transactions[0].shares.value
"""

from __future__ import annotations

from . import samples
from .check import Finding, check, check_xml
from .errors import ParseError, Section16Error, UnsupportedFormatError
from .model import PARSER_VERSION, Filing, Value
from .read import parse, parse_bytes
from .store import open_store as open
from .write.render import render

__version__ = "0.1.0"

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
