"""The one exception hierarchy of section16.

Every error a user can meet derives from :class:`Section16Error`. Readers raise :class:`ParseError`
with the file and the place (line, or a field path) so the message alone says what to fix.
"""

from __future__ import annotations


class Section16Error(Exception):
    """Base class of every error section16 raises on purpose."""


class ParseError(Section16Error, ValueError):
    """A document could not be read.

    ``source`` names the file (or ``<bytes>``/``<stdin>``), ``line`` the 1-based line where the problem
    was found when it is known, ``where`` a field path or other place when a line means nothing.
    """

    def __init__(
        self, message: str, *, source: str = "<bytes>", line: int | None = None, where: str | None = None
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.where = where
        super().__init__(str(self))

    def __str__(self) -> str:
        place = self.source
        if self.line is not None:
            place += f":{self.line}"
        if self.where:
            place += f" ({self.where})"
        return f"{place}: {self.message}"

    def __reduce__(self) -> tuple[object, ...]:  # keep pickling (multiprocessing) working
        return (_rebuild_parse_error, (self.message, self.source, self.line, self.where))


def _rebuild_parse_error(message: str, source: str, line: int | None, where: str | None) -> ParseError:
    return ParseError(message, source=source, line=line, where=where)


class UnsupportedFormatError(ParseError):
    """The bytes are not any format section16 reads (sniffing found no Form 3/4/5)."""


class CheckError(Section16Error):
    """A check could not run (not a finding: findings are values, not exceptions)."""


class WriteError(Section16Error):
    """A Filing cannot be written in the asked format (e.g. a value EDGAR cannot hold)."""


class EdgarError(Section16Error):
    """Talking to EDGAR failed in a way retries could not fix."""


class ConfigError(Section16Error):
    """Missing or invalid configuration (e.g. no declared User-Agent for EDGAR)."""


class StoreError(Section16Error):
    """The database could not be opened, migrated or written."""
