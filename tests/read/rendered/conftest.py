"""Helpers for the rendered-page tests: fixture paths and rendering an XML fixture as a page."""

from __future__ import annotations

import sys
from pathlib import Path

from section16 import parse
from section16.model import Filing
from section16.read.rendered import layout
from section16.read.rendered.compare import compare
from tests.conftest import FIXTURE_XML, FIXTURES, ROOT

RENDERED = FIXTURES / "rendered"
PAGES = RENDERED / "pages"
SEED = RENDERED / "seed.md"

sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(RENDERED))
from make_fixtures import FILINGS  # noqa: E402
from render_pages import render_html  # noqa: E402

#: Filings whose pages only this area's tests use (a PDF cut across pages, a wrapped street).
RENDERED_XML = RENDERED / "xml"


def xml_of(name: str) -> Path:
    own = RENDERED_XML / f"{name}.xml"
    return own if own.exists() else FIXTURE_XML / f"{name}.xml"


def reference(name: str) -> Filing:
    return parse(xml_of(name))


def html_of(name: str) -> str:
    ref = reference(name)
    return str(render_html(xml_of(name).read_bytes(), ref.document_type, ref.schema_version))


def misses(expected: Filing, got: Filing) -> list[tuple[str, object, object]]:
    return [(p, e, g) for p, e, g in compare(expected, got) if e != g]


def shown(expected: Filing, got: Filing) -> int:
    return len(compare(expected, got))


__all__ = ["FILINGS", "PAGES", "RENDERED", "SEED", "html_of", "misses", "reference", "shown", "xml_of"]


def at(*placed: tuple[int, str]) -> str:
    """A laid-out line: each text starting at its column."""
    line = ""
    for x, text in placed:
        line = line.ljust(x) + text
    return line


def toks(line: str, number: int = 0) -> list[layout.Tok]:
    """The words of a laid-out line, as the layout reader takes them."""
    return layout._tokens(line, number)
