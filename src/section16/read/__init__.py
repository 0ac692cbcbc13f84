"""Every input format -> Filing. Pure functions of bytes; the only I/O is in :func:`read_source`."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from ..errors import ParseError, UnsupportedFormatError
from ..model import Filing
from .sniff import Format, sniff
from .submission import parse_submission
from .xml import parse_ownership_xml

Reader = Callable[[bytes, str | None], Filing]

#: Format name -> reader. The rendered-page readers register themselves here when imported.
READERS: dict[str, Reader] = {
    "xml": parse_ownership_xml,
    "submission": parse_submission,
}


def register_reader(fmt: str, reader: Reader) -> None:
    READERS[fmt] = reader


def _load_optional_readers() -> None:
    # Rendered-page readers live in read.rendered; import lazily so XML reading stays light.
    if "html" not in READERS:
        try:
            from . import rendered  # noqa: F401
        except ImportError:  # pragma: no cover - only while that package is being built
            pass


def parse_bytes(data: bytes, source: str | None = None, *, format: Format | None = None) -> Filing:
    """Read one document from bytes, detecting its format from the content."""
    fmt = format or sniff(data)
    if fmt == "submission":
        _load_optional_readers()  # read.rendered also reads submissions whose form is pre-2003 text
    reader = READERS.get(fmt)
    if reader is None:
        _load_optional_readers()
        reader = READERS.get(fmt)
    if reader is None:
        raise UnsupportedFormatError(f"cannot read {fmt} documents", source=source or "<bytes>")
    return reader(data, source)


def read_source(source: bytes | str | os.PathLike[str]) -> tuple[bytes, str | None]:
    """Bytes and a name from bytes, a path, ``-`` (stdin), or a str holding a document."""
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source), None
    if isinstance(source, str):
        if source == "-":
            return sys.stdin.buffer.read(), "<stdin>"
        if "<" in source or "\n" in source:
            return source.encode("utf-8"), None
    path = Path(source)
    try:
        return path.read_bytes(), str(path)
    except OSError as e:
        raise ParseError(f"cannot read file: {e.strerror or e}", source=str(path)) from None


def parse(source: bytes | str | os.PathLike[str], *, format: Format | None = None) -> Filing:
    """Read one Form 3/4/5 from bytes, a str holding the document, or a path. Never touches the network.

    Raises :class:`~section16.errors.ParseError` (naming the file and line) when the input cannot be read.
    """
    data, name = read_source(source)
    return parse_bytes(data, name, format=format)


__all__ = ["READERS", "parse", "parse_bytes", "read_source", "register_reader", "sniff"]
